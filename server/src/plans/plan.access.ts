// Who may do what with plans (issue "Plans and tasks" §8): a plan is read by anyone who can read
// its issuer's unit or one of its lead units; written (plan, import, task edits) with `write` on
// the issuer; progress is reported with `write` on the task's lead unit.
import type { AppContext } from "../context.js";
import { authorize, can, type SessionUser } from "../auth/policy.js";
import { AppError, forbidden, notFound } from "../errors.js";
import type { PlanRow, PlanTaskRow, TaskOccurrenceRow } from "../db/schema.js";
import { KL226_DEFAULTS } from "../domain/settings.js";
import { findPlan } from "./plan.repository.js";
import { findLeadIdsOfPlan, findTask } from "./task.repository.js";
import { findOccurrence } from "./occurrence.repository.js";

const DAY_MS = 86_400_000;

/** Today's local date ("YYYY-MM-DD") on the server's clock, in the settings' local time (Asia/Ho_Chi_Minh). */
export function localToday(ctx: AppContext): string {
  const offset = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;
  return new Date(Math.floor((ctx.now().getTime() + offset * 60_000) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** True when the user may read the plan: its issuer, or a unit leading one of its tasks. */
export async function canReadPlan(ctx: AppContext, user: SessionUser, plan: PlanRow): Promise<boolean> {
  if (can(user, "read", plan.org_id, ctx.orgs)) return true;
  const leads = await findLeadIdsOfPlan(ctx.handle.db, plan.id);
  return leads.some((id) => can(user, "read", id, ctx.orgs));
}

/** The plan `id` if the user may read it: 404 if absent, 403 otherwise. Refreshes the tree first. */
export async function loadReadablePlan(ctx: AppContext, user: SessionUser, id: number): Promise<PlanRow> {
  await ctx.orgs.refresh();
  const plan = await findPlan(ctx.handle.db, id);
  if (!plan) throw notFound(`kế hoạch #${id}`);
  if (!(await canReadPlan(ctx, user, plan))) throw forbidden();
  return plan;
}

/** The plan `id` if the user may write it (`write` on the issuer): 404 / 403. */
export async function loadWritablePlan(ctx: AppContext, user: SessionUser, id: number): Promise<PlanRow> {
  await ctx.orgs.refresh();
  const plan = await findPlan(ctx.handle.db, id);
  if (!plan) throw notFound(`kế hoạch #${id}`);
  authorize(user, "write", plan.org_id, ctx.orgs);
  return plan;
}

/** A task and its plan, if the user may read the plan. */
export async function loadReadableTask(ctx: AppContext, user: SessionUser, id: number): Promise<{ task: PlanTaskRow; plan: PlanRow }> {
  await ctx.orgs.refresh();
  const task = await findTask(ctx.handle.db, id);
  if (!task) throw notFound(`nhiệm vụ #${id}`);
  const plan = await findPlan(ctx.handle.db, task.plan_id);
  if (!plan) throw notFound(`nhiệm vụ #${id}`);
  if (!(await canReadPlan(ctx, user, plan))) throw forbidden();
  return { task, plan };
}

/** A task and its plan, if the user may write the plan (`write` on the issuer). */
export async function loadWritableTask(ctx: AppContext, user: SessionUser, id: number): Promise<{ task: PlanTaskRow; plan: PlanRow }> {
  await ctx.orgs.refresh();
  const task = await findTask(ctx.handle.db, id);
  if (!task) throw notFound(`nhiệm vụ #${id}`);
  const plan = await findPlan(ctx.handle.db, task.plan_id);
  if (!plan) throw notFound(`nhiệm vụ #${id}`);
  authorize(user, "write", plan.org_id, ctx.orgs);
  return { task, plan };
}

/**
 * An occurrence, its task and plan, if the user may report progress on it: `write` on the
 * task's lead unit. A task without a single lead (T2 breach, unmatched name) takes no progress
 * until its lead is fixed (422).
 */
export async function loadProgressTarget(ctx: AppContext, user: SessionUser, occurrenceId: number): Promise<{ occurrence: TaskOccurrenceRow; task: PlanTaskRow; plan: PlanRow; leadOrgId: number }> {
  await ctx.orgs.refresh();
  const occurrence = await findOccurrence(ctx.handle.db, occurrenceId);
  if (!occurrence) throw notFound(`kỳ thực hiện #${occurrenceId}`);
  const task = await findTask(ctx.handle.db, occurrence.task_id);
  const plan = task ? await findPlan(ctx.handle.db, task.plan_id) : undefined;
  if (!task || !plan) throw notFound(`kỳ thực hiện #${occurrenceId}`);
  if (task.lead_org_id === null) {
    if (!(await canReadPlan(ctx, user, plan))) throw forbidden();
    throw new AppError("RULE_VIOLATION", "Nhiệm vụ chưa có một đơn vị chủ trì duy nhất: cần xác định đơn vị chủ trì trước khi báo cáo tiến độ");
  }
  authorize(user, "write", task.lead_org_id, ctx.orgs);
  return { occurrence, task, plan, leadOrgId: task.lead_org_id };
}
