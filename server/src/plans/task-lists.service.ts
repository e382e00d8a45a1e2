// The lists of the plans feature (issue "Plans and tasks" §5–§7): a unit's own tasks (assigned
// to it by its own plans and its ancestors'), coverage (upper tasks no lower plan concretises),
// the overdue board and the in-app notices. Statuses are derived at read time.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import type { TaskOccurrenceRow } from "../db/schema.js";
import { addDays } from "../domain/plans/plan-text.js";
import { dueSoon, statusOf } from "../domain/plans/progress.js";
import { resolveListScope } from "../registers/register-scope.js";
import { localToday } from "./plan.access.js";
import { findOccurrencesOfTasks, findOpenOccurrences, type OpenOccurrence } from "./occurrence.repository.js";
import { findConcretising, findTasksLedBy, type TaskWithPlan } from "./task.repository.js";
import { orgRef, presentOccurrence, presentTask, type OccurrenceJson, type OrgRefJson, type TaskJson } from "./task.presenter.js";
import type { TOverdueQuery, TTaskListQuery } from "./task.schema.js";

/** Days ahead the "due soon" notice looks (issue §7: tasks due in 7 days). */
export const NOTICE_DAYS = 7;
/** Most items a notice list or the overdue board returns; counts stay exact. */
export const LIST_LIMIT = 500;

type PlanRefJson = { id: number; number: string; title: string; org: OrgRefJson };

/** A task in a unit's list, with its plan and every occurrence's status. */
export type UnitTaskJson = TaskJson & { plan: PlanRefJson; occurrences: OccurrenceJson[] };

const planRef = (ctx: AppContext, t: Pick<TaskWithPlan, "plan_id" | "plan_number" | "plan_title" | "plan_org_id">): PlanRefJson => ({
  id: t.plan_id, number: t.plan_number, title: t.plan_title, org: orgRef(ctx, t.plan_org_id),
});

/**
 * "My unit's tasks": tasks whose lead is the unit, from plans of the unit and its ancestors.
 * `status` keeps tasks with an occurrence in that status; `dueWithin` keeps tasks with an open
 * occurrence due from today to today + N days.
 */
export async function listUnitTasks(ctx: AppContext, user: SessionUser, q: TTaskListQuery): Promise<{ org: OrgRefJson; today: string; items: UnitTaskJson[] }> {
  const { org } = await resolveListScope(ctx, user, q.org, false);
  const issuers = ctx.orgs.ancestors(org.id).map((o) => o.id);
  const tasks = await findTasksLedBy(ctx.handle.db, [org.id], issuers);
  const occurrences = await findOccurrencesOfTasks(ctx.handle.db, tasks.map((t) => t.id));
  const today = localToday(ctx);
  const items = tasks.flatMap((t) => {
    const own = occurrences.filter((o) => o.task_id === t.id);
    const json = own.map((o) => presentOccurrence(o, today));
    if (q.status !== undefined && !json.some((o) => o.status === q.status)) return [];
    if (q.dueWithin !== undefined && dueSoon(own.map(datesOf), today, q.dueWithin).length === 0) return [];
    return [{ ...presentTask(ctx, t), plan: planRef(ctx, t), occurrences: json }];
  });
  return { org: orgRef(ctx, org.id), today, items };
}

const datesOf = (o: TaskOccurrenceRow) => ({ due: o.due_on, completedOn: o.completed_on, startedOn: o.started_on });

/** Coverage of one unit: the upper tasks assigned to it, and those none of its own plans concretises. */
export type CoverageUnitJson = { org: OrgRefJson; assigned: number; covered: number; uncovered: Array<TaskJson & { plan: PlanRefJson }> };

/**
 * Per unit under `org` (itself included), the tasks assigned to it by plans of its ancestors that
 * no task of its own plans concretises (`parentTaskId`). Units with nothing assigned are left out.
 */
export async function planCoverage(ctx: AppContext, user: SessionUser, orgCode: string | undefined): Promise<{ org: OrgRefJson; units: CoverageUnitJson[] }> {
  const scope = await resolveListScope(ctx, user, orgCode, true);
  const issuers = [...new Set([...ctx.orgs.ancestors(scope.org.id).map((o) => o.id), ...scope.orgIds])];
  const led = await findTasksLedBy(ctx.handle.db, scope.orgIds, issuers);
  // an upper task: assigned to a unit by a plan of a unit strictly above it
  const upper = led.filter((t) => t.lead_org_id !== null && t.plan_org_id !== t.lead_org_id && ctx.orgs.isInSubtree(t.plan_org_id, t.lead_org_id));
  const links = await findConcretising(ctx.handle.db, upper.map((t) => t.id), scope.orgIds);
  const units = new Map<number, CoverageUnitJson>();
  for (const t of upper) {
    const unitId = t.lead_org_id as number;
    const entry = units.get(unitId) ?? { org: orgRef(ctx, unitId), assigned: 0, covered: 0, uncovered: [] };
    entry.assigned += 1;
    if (links.some((l) => l.parent_task_id === t.id && l.plan_org_id === unitId)) entry.covered += 1;
    else entry.uncovered.push({ ...presentTask(ctx, t), plan: planRef(ctx, t) });
    units.set(unitId, entry);
  }
  return { org: orgRef(ctx, scope.org.id), units: [...units.values()].sort((a, b) => a.org.code.localeCompare(b.org.code)) };
}

/** An open occurrence on a board or in a notice. */
export type OpenOccurrenceJson = OccurrenceJson & {
  daysLate: number; task: { id: number; tt: string; content: string; lead: OrgRefJson | null }; plan: PlanRefJson;
};

function presentOpen(ctx: AppContext, o: OpenOccurrence, today: string): OpenOccurrenceJson {
  const late = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${o.due_on}T00:00:00Z`)) / 86_400_000);
  return {
    ...presentOccurrence(o, today), daysLate: Math.max(0, late),
    task: { id: o.task_id, tt: o.tt, content: o.content, lead: o.lead_org_id === null ? null : orgRef(ctx, o.lead_org_id) },
    plan: { id: o.plan_id, number: o.plan_number, title: o.plan_title, org: orgRef(ctx, o.plan_org_id) },
  };
}

/**
 * The overdue board: open occurrences past their due of tasks led by the unit (or its subtree),
 * and of tasks with no single lead in its plans; with counts per lead unit.
 */
export async function overdueBoard(ctx: AppContext, user: SessionUser, q: TOverdueQuery): Promise<{ org: OrgRefJson; today: string; total: number; byUnit: Array<{ org: OrgRefJson | null; overdue: number }>; items: OpenOccurrenceJson[] }> {
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const today = localToday(ctx);
  const rows = await findOpenOccurrences(ctx.handle.db, scope.orgIds, addDays(today, -1), Number.MAX_SAFE_INTEGER);
  const counts = new Map<number | null, number>();
  for (const r of rows) counts.set(r.lead_org_id, (counts.get(r.lead_org_id) ?? 0) + 1);
  const byUnit = [...counts.entries()].map(([id, overdue]) => ({ org: id === null ? null : orgRef(ctx, id), overdue }))
    .sort((a, b) => b.overdue - a.overdue || (a.org?.code ?? "").localeCompare(b.org?.code ?? ""));
  return { org: orgRef(ctx, scope.org.id), today, total: rows.length, byUnit, items: rows.slice(0, LIST_LIMIT).map((r) => presentOpen(ctx, r, today)) };
}

/** In-app notices for the user's unit subtree: occurrences due in the next 7 days, and overdue ones. */
export async function notices(ctx: AppContext, user: SessionUser): Promise<{ today: string; dueSoon: OpenOccurrenceJson[]; overdue: OpenOccurrenceJson[]; counts: { dueSoon: number; overdue: number } }> {
  const scope = await resolveListScope(ctx, user, undefined, true);
  const today = localToday(ctx);
  const rows = await findOpenOccurrences(ctx.handle.db, scope.orgIds, addDays(today, NOTICE_DAYS), Number.MAX_SAFE_INTEGER);
  const soon = dueSoon(rows.map((r) => ({ ...datesOf(r), row: r })), today, NOTICE_DAYS).map((x) => x.row);
  const overdue = rows.filter((r) => statusOf(datesOf(r), today) === "qua_han_chua_hoan_thanh");
  return {
    today,
    dueSoon: soon.slice(0, LIST_LIMIT).map((r) => presentOpen(ctx, r, today)),
    overdue: overdue.slice(0, LIST_LIMIT).map((r) => presentOpen(ctx, r, today)),
    counts: { dueSoon: soon.length, overdue: overdue.length },
  };
}
