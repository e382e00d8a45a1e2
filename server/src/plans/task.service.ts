// Use cases of single tasks (issue "Plans and tasks" §4–§6): read, add by hand, edit (T2 and
// "6 rõ" recomputed, dues regenerated when the deadline changes), delete, and the link to the
// upper task a lower plan's task concretises. Writes need `write` on the plan's issuer.
import type { AppContext } from "../context.js";
import { can, type SessionUser } from "../auth/policy.js";
import { AppError } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Transaction } from "kysely";
import type { Database, PlanRow, PlanTaskRow } from "../db/schema.js";
import { invalidFields, isUniqueViolation } from "../registers/register-errors.js";
import { loadReadableTask, loadWritablePlan, loadWritableTask, localToday } from "./plan.access.js";
import { findPlan } from "./plan.repository.js";
import { findOccurrencesOfTasks, findUpdatesOf } from "./occurrence.repository.js";
import { findFannedTasks, findTask, deleteTask, updateTask } from "./task.repository.js";
import { presentOccurrence, presentTask, presentUpdate, orgRef, type OccurrenceJson, type OrgRefJson, type TaskJson, type UpdateJson } from "./task.presenter.js";
import type { TTaskCreate, TTaskPatch } from "./task.schema.js";
import { loadTaskEnv } from "./task.env.js";
import type { TaskCells, TaskEnv } from "./task.evaluate.js";
import { ALL_CELLS, cellsOf, findRoot, flagsOf, loadSyncState, resyncTask, syncRoot, type SyncState } from "./task.sync.js";
import { jsonOf } from "./plan.json.js";

const ENTITY = "plan_tasks";
/** How deep a chain of concretising tasks may run (KL 226 → province → commune → office, with room). */
const MAX_CHAIN = 20;

/** One task with its plan, occurrences (and their updates), fanned tasks and upper task. */
export type TaskDetail = TaskJson & {
  plan: { id: number; number: string; title: string; org: OrgRefJson };
  parentTask: { id: number; tt: string; content: string; planId: number; planNumber: string; lead: OrgRefJson | null } | null;
  fannedTasks: TaskJson[];
  occurrences: Array<OccurrenceJson & { updates: UpdateJson[] }>;
  /** `write` on the issuer: edit the task */
  canEdit: boolean;
  /** `write` on the lead unit: report progress */
  canReport: boolean;
};

/** A task with everything its page shows (read access to the plan). */
export async function getTaskDetail(ctx: AppContext, user: SessionUser, id: number): Promise<TaskDetail> {
  const { task, plan } = await loadReadableTask(ctx, user, id);
  return taskDetail(ctx, user, task, plan);
}

async function taskDetail(ctx: AppContext, user: SessionUser, task: PlanTaskRow, plan: PlanRow): Promise<TaskDetail> {
  const db = ctx.handle.db;
  const fanned = task.lead_group === null ? [] : await findFannedTasks(db, [task.id]);
  const occurrences = await findOccurrencesOfTasks(db, [task.id]);
  const updates = await findUpdatesOf(db, occurrences.map((o) => o.id));
  const parent = task.parent_task_id === null ? undefined : await findTask(db, task.parent_task_id);
  const parentPlan = parent ? await findPlan(db, parent.plan_id) : undefined;
  const today = localToday(ctx);
  return {
    ...presentTask(ctx, task),
    plan: { id: plan.id, number: plan.number, title: plan.title, org: orgRef(ctx, plan.org_id) },
    parentTask: parent && parentPlan ? {
      id: parent.id, tt: parent.tt, content: parent.content, planId: parentPlan.id, planNumber: parentPlan.number,
      lead: parent.lead_org_id === null ? null : orgRef(ctx, parent.lead_org_id),
    } : null,
    fannedTasks: fanned.map((t) => presentTask(ctx, t)),
    occurrences: occurrences.map((o) => ({ ...presentOccurrence(o, today), updates: updates.filter((u) => u.occurrence_id === o.id).map(presentUpdate) })),
    canEdit: can(user, "write", plan.org_id, ctx.orgs),
    canReport: task.lead_org_id !== null && can(user, "write", task.lead_org_id, ctx.orgs),
  };
}

/**
 * Adds a task to a plan by hand: with a lead cell it is evaluated like an imported row (a group
 * fans out); with a unit code, that unit is its one lead. 409 when the plan has the same TT and lead.
 */
export async function createTask(ctx: AppContext, user: SessionUser, planId: number, input: TTaskCreate): Promise<TaskDetail> {
  const plan = await loadWritablePlan(ctx, user, planId);
  const unit = input.leadOrgCode === undefined ? null : leadUnit(ctx, plan, input.leadOrgCode);
  if (input.parentTaskId != null) await checkParentTask(ctx, plan, input.parentTaskId, null);
  const env = await loadTaskEnv(ctx, plan);
  const leadText = unit ? unit.name : (input.leadText ?? "");
  const cells: TaskCells = {
    tt: input.tt, content: input.content, coordinatorsText: input.coordinatorsText, product: input.product,
    deadlineText: input.deadlineText, reviewCadence: input.reviewCadence ?? null,
  };
  const row = await withConflict(input.tt, () => ctx.handle.db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, plan.id);
    return insertTaskAudited(trx, state, env, user, plan, { cells, leadText, unit, parentTaskId: input.parentTaskId ?? null });
  }));
  return taskDetail(ctx, user, row, plan);
}

/** A new task as createTask writes it: its cells, its lead cell, or the unit fixed as its one lead. */
export type NewTask = { cells: TaskCells; leadText: string; unit: { id: number; name: string } | null; parentTaskId: number | null };

/**
 * Writes a new task (flags, schedule, occurrences through task.sync) and its audit row in the
 * caller's transaction — createTask, and the conclusions of a conference's notice. 409 when the
 * plan has the same TT and lead cell. `env` is loaded before the transaction (task.env.ts).
 */
export async function insertTaskAudited(trx: Transaction<Database>, state: SyncState, env: TaskEnv, user: SessionUser, plan: PlanRow, task: NewTask): Promise<PlanTaskRow> {
  const { cells, leadText, unit } = task;
  if (findRoot(state, cells.tt, leadText)) throw conflict(cells.tt);
  let created = await syncRoot(trx, state, env, leadText, undefined, { cells, apply: ALL_CELLS, sourceRow: null, sourceCells: null, parentTaskId: task.parentTaskId });
  if (unit) {
    created = await updateTask(trx, created.id, { lead_manual: true, lead_org_id: unit.id });
    created = await resyncTask(trx, state, env, created, cells, new Set());
  }
  await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: created.id, orgId: plan.org_id, after: snapshot(created) });
  return created;
}

/**
 * Edits a task: cells, review cadence, the upper task it concretises, or its lead (a unit chosen
 * by the user fixes a T2 breach; null goes back to matching the lead cell). "6 rõ" and T2 are
 * recomputed; a new deadline regenerates the dues, keeping completed ones. Editing a group row
 * edits the tasks fanned out of it.
 */
export async function patchTask(ctx: AppContext, user: SessionUser, id: number, patch: TTaskPatch): Promise<TaskDetail> {
  const { task, plan } = await loadWritableTask(ctx, user, id);
  const isGroup = task.lead_group !== null;
  const isFanned = task.fanned_from_task_id !== null;
  if (patch.leadOrgCode !== undefined && (isGroup || isFanned)) {
    throw invalidFields([{ field: "leadOrgCode", reason: isGroup
      ? "dòng nhóm đã được phân cho từng đơn vị: sửa từng nhiệm vụ được phân"
      : "nhiệm vụ được phân từ dòng nhóm: đơn vị chủ trì là đơn vị được phân (xóa nhiệm vụ nếu đơn vị không liên quan)" }]);
  }
  if (patch.tt !== undefined && isFanned) throw invalidFields([{ field: "tt", reason: "số TT của nhiệm vụ được phân theo dòng nhóm" }]);
  const unit = patch.leadOrgCode == null ? null : leadUnit(ctx, plan, patch.leadOrgCode);
  if (patch.parentTaskId != null) await checkParentTask(ctx, plan, patch.parentTaskId, task.id);
  const env = await loadTaskEnv(ctx, plan);
  const cellPatch: Partial<TaskCells> = {};
  for (const k of ["tt", "content", "coordinatorsText", "product", "deadlineText", "reviewCadence"] as const) {
    if (patch[k] !== undefined) (cellPatch as Record<string, unknown>)[k] = patch[k];
  }
  const cells: TaskCells = { ...cellsOf(task), ...cellPatch };
  const apply = new Set(Object.keys(cellPatch) as Array<keyof TaskCells>);
  const saved = await withConflict(cells.tt, () => ctx.handle.db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, plan.id);
    let current = state.tasks.get(task.id) ?? task;
    if (patch.leadOrgCode !== undefined || patch.parentTaskId !== undefined) {
      current = await updateTask(trx, task.id, {
        ...(patch.leadOrgCode !== undefined ? { lead_manual: unit !== null, lead_org_id: unit?.id ?? null } : {}),
        ...(patch.parentTaskId !== undefined ? { parent_task_id: patch.parentTaskId } : {}),
      });
      state.tasks.set(current.id, current);
      if (isGroup && patch.parentTaskId !== undefined) {
        for (const child of [...state.tasks.values()].filter((t) => t.fanned_from_task_id === task.id)) {
          state.tasks.set(child.id, await updateTask(trx, child.id, { parent_task_id: patch.parentTaskId }));
        }
      }
    }
    const out = await resyncTask(trx, state, env, current, cells, apply);
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: task.id, orgId: plan.org_id, before: snapshot(task), after: snapshot(out) });
    return out;
  }));
  return taskDetail(ctx, user, saved, plan);
}

/**
 * Deletes a task (a group row takes its fanned tasks). A fanned task's unit is remembered on its
 * group row, so a re-import does not bring it back.
 */
export async function removeTask(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  const { task, plan } = await loadWritableTask(ctx, user, id);
  const root = task.fanned_from_task_id === null ? undefined : await findTask(ctx.handle.db, task.fanned_from_task_id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    if (root && task.lead_org_id !== null) {
      const flags = flagsOf(root);
      const group = flags.group;
      if (group) {
        const excluded = [...new Set([...(group.excluded ?? []), task.lead_org_id])];
        await updateTask(trx, root.id, { flags: JSON.stringify({ ...flags, group: { ...group, excluded } }) });
      }
    }
    await deleteTask(trx, task.id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: task.id, orgId: plan.org_id, before: snapshot(task) });
  });
}

/** The unit a user names as lead: it must exist and lie within the issuer's subtree ("rõ thẩm quyền"). */
function leadUnit(ctx: AppContext, plan: PlanRow, code: string): { id: number; name: string } {
  const org = ctx.orgs.byCode(code);
  if (!org) throw invalidFields([{ field: "leadOrgCode", reason: `không tìm thấy đơn vị có mã "${code}"` }]);
  if (!ctx.orgs.isInSubtree(plan.org_id, org.id)) {
    throw invalidFields([{ field: "leadOrgCode", reason: "đơn vị chủ trì phải thuộc phạm vi của cơ quan ban hành kế hoạch" }]);
  }
  return { id: org.id, name: org.name };
}

/**
 * The upper task a task concretises must be a task of another plan assigned to the plan's issuer
 * or one of its ancestors, and must not lead back to the task itself.
 */
async function checkParentTask(ctx: AppContext, plan: PlanRow, parentId: number, selfId: number | null): Promise<void> {
  const parent = await findTask(ctx.handle.db, parentId);
  const bad = (reason: string) => invalidFields([{ field: "parentTaskId", reason }]);
  if (!parent) throw bad(`không tìm thấy nhiệm vụ #${parentId}`);
  if (parent.plan_id === plan.id) throw bad("nhiệm vụ cấp trên phải thuộc kế hoạch khác");
  if (parent.lead_org_id === null || !ctx.orgs.isInSubtree(parent.lead_org_id, plan.org_id)) {
    throw bad("nhiệm vụ cấp trên phải được giao cho đơn vị ban hành kế hoạch này hoặc đơn vị cấp trên của nó");
  }
  let cur: PlanTaskRow | undefined = parent;
  for (let i = 0; cur && cur.parent_task_id !== null && i < MAX_CHAIN; i++) {
    if (cur.parent_task_id === selfId) throw bad("tạo thành vòng lặp giữa các nhiệm vụ");
    cur = await findTask(ctx.handle.db, cur.parent_task_id);
  }
}

const conflict = (tt: string) => new AppError("CONFLICT", `Kế hoạch đã có nhiệm vụ số TT «${tt}» với cùng cơ quan chủ trì`);

async function withConflict<T>(tt: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(tt);
    throw e;
  }
}

function snapshot(t: PlanTaskRow) {
  return {
    planId: t.plan_id, tt: t.tt, content: t.content, leadText: t.lead_text, leadOrgId: t.lead_org_id, leadManual: t.lead_manual,
    coordinatorsText: t.coordinators_text, product: t.product, deadlineText: t.deadline_text, reviewCadence: t.review_cadence,
    parentTaskId: t.parent_task_id, fannedFromTaskId: t.fanned_from_task_id, allClear: jsonOf<{ sixClear: { allClear: boolean } | null }>(t.flags).sixClear?.allClear ?? null,
  };
}
