// Who may do what with a report (issue "Periodic reports" §3). The roles are those of
// auth/policy.ts; the reporting settings say which of them submit and review:
// - read: anyone who reads the reporting unit, or the receiving unit (a Sở Nội vụ reads the
//   reports addressed to it from units outside its subtree);
// - prepare (open, edit the text, explain flags, ask for a correction): `write` on the unit —
//   officers, aggregators and admins of the unit or above;
// - submit: the unit's head or delegate — an account OF THE UNIT ITSELF whose role is in
//   `reporting.submitRoles` (default admin, aggregator; an officer prepares but does not send);
// - review (accept, return): an account whose role is in `reporting.reviewRoles` and whose
//   subtree holds the receiving unit, other than the account that submitted the version;
// - comment: whoever may prepare or review.
import type { AppContext } from "../context.js";
import { can, type SessionUser } from "../auth/policy.js";
import { forbidden, notFound } from "../errors.js";
import type { ReportRow } from "../db/schema.js";
import type { ReportingSettings } from "../domain/reports/reporting-settings.js";
import { findReport } from "./report.repository.js";

export type ReportRights = { read: boolean; prepare: boolean; submit: boolean; review: boolean; comment: boolean };

/** The user's rights on a report, under the reporting settings in force at its unit. */
export function rightsOn(ctx: AppContext, user: SessionUser, report: Pick<ReportRow, "org_id" | "recipient_org_id">, reporting: ReportingSettings): ReportRights {
  const recipient = report.recipient_org_id;
  const readsUnit = can(user, "read", report.org_id, ctx.orgs);
  const readsRecipient = recipient !== null && can(user, "read", recipient, ctx.orgs);
  const prepare = can(user, "write", report.org_id, ctx.orgs);
  const submit = user.orgId === report.org_id && reporting.submitRoles.includes(user.role) && prepare;
  const review = recipient !== null && reporting.reviewRoles.includes(user.role) && can(user, "write", recipient, ctx.orgs) && user.orgId !== report.org_id;
  return { read: readsUnit || readsRecipient, prepare, submit, review, comment: prepare || review };
}

/** The report `id` if the user may read it (404 / 403). Refreshes the tree first. */
export async function loadReadableReport(ctx: AppContext, user: SessionUser, id: number): Promise<ReportRow> {
  await ctx.orgs.refresh();
  const report = await findReport(ctx.handle.db, id);
  if (!report) throw notFound(`báo cáo #${id}`);
  const readsUnit = can(user, "read", report.org_id, ctx.orgs);
  const readsRecipient = report.recipient_org_id !== null && can(user, "read", report.recipient_org_id, ctx.orgs);
  if (!readsUnit && !readsRecipient) throw forbidden();
  return report;
}

/** Throws FORBIDDEN with a message naming the missing right. */
export function requireRight(rights: ReportRights, right: keyof ReportRights): void {
  if (rights[right]) return;
  const messages: Record<keyof ReportRights, string> = {
    read: "Không có quyền xem báo cáo này",
    prepare: "Không có quyền soạn báo cáo của đơn vị này",
    submit: "Chỉ lãnh đạo đơn vị hoặc người được ủy quyền (tài khoản của chính đơn vị, vai trò được phép gửi) mới gửi được báo cáo",
    review: "Chỉ cấp nhận báo cáo (vai trò được phép tiếp nhận) mới tiếp nhận hoặc trả lại được báo cáo",
    comment: "Không có quyền góp ý báo cáo này",
  };
  throw forbidden(messages[right]);
}
