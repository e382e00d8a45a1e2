// Use cases of plans (issue "Plans and tasks" §1, §4): list, read with the task table and its
// flags, create, edit, delete. Writes need `write` on the issuer; each is audited in its own
// transaction; every read on ctx.handle.db happens before the transaction opens.
import type { AppContext } from "../context.js";
import { can, type SessionUser } from "../auth/policy.js";
import { AppError } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Db } from "../db/database.js";
import type { PlanRow } from "../db/schema.js";
import { statusOf } from "../domain/plans/progress.js";
import { invalidFields, isUniqueViolation } from "../registers/register-errors.js";
import { resolveListScope, resolveWriteOrg } from "../registers/register-scope.js";
import { loadReadablePlan, loadWritablePlan, localToday } from "./plan.access.js";
import { presentPlan, summarizeTasks, type PlanJson, type PlanSummaryJson } from "./plan.presenter.js";
import { deletePlan, findPlan, findPlanAncestry, findPlansByIds, insertPlan, listPlansAssigning, listPlansOf, updatePlan } from "./plan.repository.js";
import type { TPlanCreate, TPlanListQuery, TPlanPatch } from "./plan.schema.js";
import { findOccurrencesOfTasks } from "./occurrence.repository.js";
import { findTasksOfPlan } from "./task.repository.js";
import { presentOccurrence, presentTask, type OccurrenceJson, type TaskJson } from "./task.presenter.js";
import { horizonYearOf, loadTaskEnv, planYearOf } from "./task.env.js";
import { cellsOf, loadSyncState, resyncTask } from "./task.sync.js";

const ENTITY = "plans";
/** How far past its year a plan may generate recurring dues. */
const MAX_HORIZON_YEARS = 20;

/** A plan in a list: why the unit sees it, and its table at a glance. */
export type PlanListItem = PlanJson & { relation: "issued" | "assigned"; summary: PlanSummaryJson };

/** The plan view: the plan, its summary, and every task with its flags and progress. */
export type PlanView = PlanJson & {
  /** the user may edit the plan and its tasks (`write` on the issuer) */
  canEdit: boolean;
  summary: PlanSummaryJson;
  tasks: Array<TaskJson & { progress: { occurrences: number; completed: number; overdue: number; next: OccurrenceJson | null } | null }>;
};

/**
 * Plans of a unit (or its subtree): those it issued, and those of its ancestors that assign a
 * task to it ("assigned").
 */
export async function listPlans(ctx: AppContext, user: SessionUser, q: TPlanListQuery): Promise<{ items: PlanListItem[] }> {
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const db = ctx.handle.db;
  const issued = await listPlansOf(db, scope.orgIds);
  const above = ctx.orgs.ancestors(scope.org.id).map((o) => o.id).filter((id) => id !== scope.org.id);
  const assigned = await listPlansAssigning(db, above, scope.orgIds);
  const parents = await findPlansByIds(db, [...issued, ...assigned].flatMap((p) => (p.parent_plan_id === null ? [] : [p.parent_plan_id])));
  const today = localToday(ctx);
  const items: PlanListItem[] = [];
  for (const [relation, plans] of [["issued", issued], ["assigned", assigned]] as const) {
    for (const p of plans) {
      const tasks = await findTasksOfPlan(db, p.id);
      items.push({ ...presentPlan(ctx, p, parents.find((x) => x.id === p.parent_plan_id), today), relation, summary: summarizeTasks(tasks) });
    }
  }
  return { items };
}

/** The plan with its task table, flags, share of tasks meeting all six "rõ", and progress. */
export async function getPlanView(ctx: AppContext, user: SessionUser, id: number): Promise<PlanView> {
  const plan = await loadReadablePlan(ctx, user, id);
  return planView(ctx, user, plan);
}

async function planView(ctx: AppContext, user: SessionUser, plan: PlanRow): Promise<PlanView> {
  const db = ctx.handle.db;
  const tasks = await findTasksOfPlan(db, plan.id);
  const occurrences = await findOccurrencesOfTasks(db, tasks.map((t) => t.id));
  const parent = plan.parent_plan_id === null ? undefined : await findPlan(db, plan.parent_plan_id);
  const today = localToday(ctx);
  return {
    ...presentPlan(ctx, plan, parent, today),
    canEdit: can(user, "write", plan.org_id, ctx.orgs),
    summary: summarizeTasks(tasks),
    tasks: tasks.map((t) => {
      if (t.lead_group !== null) return { ...presentTask(ctx, t), progress: null };
      const own = occurrences.filter((o) => o.task_id === t.id);
      const statuses = own.map((o) => statusOf({ due: o.due_on, completedOn: o.completed_on, startedOn: o.started_on }, today));
      const next = own.find((o) => o.completed_on === null) ?? own[own.length - 1];
      return {
        ...presentTask(ctx, t),
        progress: {
          occurrences: own.length,
          completed: own.filter((o) => o.completed_on !== null).length,
          overdue: statuses.filter((s) => s === "qua_han_chua_hoan_thanh").length,
          next: next ? presentOccurrence(next, today) : null,
        },
      };
    }),
  };
}

/** Creates a plan for an issuer the user may write; 409 when the issuer already has that number that day. */
export async function createPlan(ctx: AppContext, user: SessionUser, input: TPlanCreate): Promise<PlanView> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  if (input.parentPlanId != null) await checkParentPlan(ctx, org.id, input.parentPlanId, null);
  checkHorizon(input.horizonYear ?? null, Number(input.issuedOn.slice(0, 4)));
  const plan = await withConflict(input.number, () => ctx.handle.db.transaction().execute(async (trx) =>
    insertPlanAudited(trx, user, org.id, input)));
  return planView(ctx, user, plan);
}

/**
 * Inserts a plan and its audit row in the caller's transaction (createPlan; a conference's
 * conclusion notice, registered with the conference in one transaction). The caller checks
 * access, the parent and the horizon; a duplicate number that day is a unique violation.
 */
export async function insertPlanAudited(trx: Db, user: SessionUser, orgId: number, input: TPlanCreate): Promise<PlanRow> {
  const row = await insertPlan(trx, {
    org_id: orgId, number: input.number, type_code: input.type, issued_on: input.issuedOn, title: input.title,
    parent_plan_id: input.parentPlanId ?? null,
    targets: input.targets ? JSON.stringify({ targets: input.targets }) : null,
    horizon_year: input.horizonYear ?? null,
  });
  await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId, after: snapshot(row) });
  return row;
}

/** Edits a plan; a new year or horizon re-reads every task's deadline and regenerates its dues. */
export async function patchPlan(ctx: AppContext, user: SessionUser, id: number, patch: TPlanPatch): Promise<PlanView> {
  const plan = await loadWritablePlan(ctx, user, id);
  if (patch.parentPlanId != null) await checkParentPlan(ctx, plan.org_id, patch.parentPlanId, plan.id);
  const next: PlanRow = {
    ...plan,
    number: patch.number ?? plan.number,
    type_code: patch.type ?? plan.type_code,
    issued_on: patch.issuedOn ?? plan.issued_on,
    title: patch.title ?? plan.title,
    parent_plan_id: patch.parentPlanId === undefined ? plan.parent_plan_id : patch.parentPlanId,
    targets: patch.targets === undefined ? plan.targets : patch.targets === null ? null : { targets: patch.targets },
    horizon_year: patch.horizonYear === undefined ? plan.horizon_year : patch.horizonYear,
  };
  checkHorizon(next.horizon_year, planYearOf(next));
  const today = localToday(ctx);
  const reread = planYearOf(next) !== planYearOf(plan) || horizonYearOf(next, today) !== horizonYearOf(plan, today);
  const env = reread ? await loadTaskEnv(ctx, next) : null;
  const saved = await withConflict(next.number, () => ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updatePlan(trx, plan.id, {
      number: next.number, type_code: next.type_code, issued_on: next.issued_on, title: next.title, parent_plan_id: next.parent_plan_id,
      targets: next.targets === null ? null : JSON.stringify(next.targets), horizon_year: next.horizon_year,
    });
    if (env) {
      const state = await loadSyncState(trx, plan.id);
      for (const t of [...state.tasks.values()].filter((x) => x.fanned_from_task_id === null)) {
        await resyncTask(trx, state, env, t, cellsOf(t), new Set());
      }
    }
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: plan.id, orgId: plan.org_id, before: snapshot(plan), after: snapshot(row) });
    return row;
  }));
  return planView(ctx, user, saved);
}

/** Deletes a plan with its tasks, occurrences and updates; lower plans keep a null link. */
export async function removePlan(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  const plan = await loadWritablePlan(ctx, user, id);
  const tasks = await findTasksOfPlan(ctx.handle.db, plan.id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    await deletePlan(trx, plan.id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: plan.id, orgId: plan.org_id, before: { ...snapshot(plan), tasks: tasks.length } });
  });
}

/** The parent plan must exist, be issued by the issuer or one of its ancestors, and not close a loop. */
async function checkParentPlan(ctx: AppContext, issuerId: number, parentPlanId: number, selfId: number | null): Promise<void> {
  const parent = await findPlan(ctx.handle.db, parentPlanId);
  if (!parent) throw invalidFields([{ field: "parentPlanId", reason: `không tìm thấy kế hoạch #${parentPlanId}` }]);
  if (!ctx.orgs.isInSubtree(parent.org_id, issuerId)) {
    throw invalidFields([{ field: "parentPlanId", reason: "kế hoạch cấp trên phải do chính đơn vị ban hành hoặc đơn vị cấp trên của nó ban hành" }]);
  }
  if (selfId !== null && (await findPlanAncestry(ctx.handle.db, parentPlanId)).includes(selfId)) {
    throw invalidFields([{ field: "parentPlanId", reason: "tạo thành vòng lặp: kế hoạch cấp trên lại triển khai kế hoạch này" }]);
  }
}

function checkHorizon(horizonYear: number | null, planYear: number): void {
  if (horizonYear === null) return;
  if (horizonYear < planYear || horizonYear > planYear + MAX_HORIZON_YEARS) {
    throw invalidFields([{ field: "horizonYear", reason: `phải từ năm ban hành ${planYear} đến ${planYear + MAX_HORIZON_YEARS}` }]);
  }
}

async function withConflict<T>(number: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Đơn vị đã có văn bản số ${number} ban hành cùng ngày`);
    throw e;
  }
}

function snapshot(p: PlanRow) {
  return { number: p.number, type: p.type_code, issuedOn: p.issued_on, title: p.title, parentPlanId: p.parent_plan_id, targets: p.targets, horizonYear: p.horizon_year };
}
