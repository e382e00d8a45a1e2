// Who may do what with annual conference plans (M7): read by anyone whose subtree contains the
// unit (any role); written — draft, planned conferences, issue — with `write` on the unit
// (officer, aggregator, admin of an ancestor-or-self unit: auth/policy.ts). Issued plans are
// locked for everyone: a new version of an issued plan is not supported yet.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { formatDateVi } from "../registers/register-errors.js";
import type { OrgRow } from "../orgs/org.types.js";
import { findConferencePlan, findPlannedConference, type ConferencePlanRow, type PlannedConferenceRow } from "./conference-plan.repository.js";

/**
 * The unit named by `org` — its code, or failing that its numeric id (the user's own unit when
 * absent) — if the user may read it: 404 unknown, 403 outside the user's subtree.
 */
export async function resolveReadableUnit(ctx: AppContext, user: SessionUser, org: string | undefined): Promise<OrgRow> {
  await ctx.orgs.refresh();
  const unit = org === undefined ? ctx.orgs.get(user.orgId) : (ctx.orgs.byCode(org) ?? (/^\d+$/.test(org) ? ctx.orgs.get(Number(org)) : undefined));
  if (!unit) throw notFound(`đơn vị ${org ?? user.orgId}`);
  authorize(user, "read", unit.id, ctx.orgs);
  return unit;
}

/** The plan `id` and its unit if the user may write it: 404 / 403. */
export async function loadWritableConferencePlan(ctx: AppContext, user: SessionUser, id: number): Promise<{ plan: ConferencePlanRow; org: OrgRow }> {
  await ctx.orgs.refresh();
  const plan = await findConferencePlan(ctx.handle.db, id);
  const org = plan ? ctx.orgs.get(plan.org_id) : undefined;
  if (!plan || !org) throw notFound(`kế hoạch tổ chức hội nghị #${id}`);
  authorize(user, "write", plan.org_id, ctx.orgs);
  return { plan, org };
}

/** A planned conference of the plan: 404 when absent or of another plan. */
export async function loadPlannedConferenceOf(ctx: AppContext, plan: ConferencePlanRow, itemId: number): Promise<PlannedConferenceRow> {
  const item = await findPlannedConference(ctx.handle.db, itemId);
  if (!item || item.plan_id !== plan.id) throw notFound(`hội nghị #${itemId} trong kế hoạch`);
  return item;
}

/** 409 when the plan has been issued: issued plans are locked. */
export function assertDraft(plan: ConferencePlanRow): void {
  if (plan.issued_on === null) return;
  throw new AppError(
    "CONFLICT",
    `Kế hoạch tổ chức hội nghị năm ${plan.year} đã ban hành ngày ${formatDateVi(plan.issued_on)}: không sửa, xóa hay ban hành lại được (chưa hỗ trợ lập phiên bản mới của kế hoạch đã ban hành)`,
  );
}
