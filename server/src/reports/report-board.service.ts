// The aggregator's views (issue "Periodic reports" §4): a units × periods matrix of report
// status with completeness and timeliness counts, in-app reminders and escalations, the
// combined report of a unit with the per-unit breakdown, and one unit's schedule for a year.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import type { ReportRow } from "../db/schema.js";
import { parsePeriod, type PeriodKind } from "../domain/period.js";
import { dayVi, localDay, periodNameVi } from "../domain/reports/report-dates.js";
import type { Obligation } from "../domain/reports/schedule.js";
import { REPORT_STATUS_LABELS, reminderOf, statusOfReport, type ReportStatus } from "../domain/reports/status.js";
import { roundTo } from "../domain/format.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { computeContent } from "./report.content.js";
import { loadRegime, type Regime } from "./report.regime.js";
import { findReportsOf } from "./report.repository.js";

const KIND_ORDER: readonly PeriodKind[] = ["month", "quarter", "half", "year"];

type Cell = { period: string; status: ReportStatus; statusLabel: string; lastDay: string; deadline: string; onTime: boolean | null; reportId: number | null; recipient: string | null };

function cellOf(ctx: AppContext, regime: Regime, ob: Obligation, report: ReportRow | undefined): Cell {
  const today = regime.todayAt(ob.orgId);
  const s = regime.settingsOf(ob.orgId).reporting;
  const status = statusOfReport(ob.deadline.lastDay, today, s.openDaysBefore, report ? { status: report.status, hasAcceptedVersion: report.accepted_version !== null, firstSubmittedAt: report.first_submitted_at } : null);
  const submittedAt = report?.first_submitted_at ?? null;
  return {
    period: ob.period.id, status, statusLabel: REPORT_STATUS_LABELS[status], lastDay: ob.deadline.lastDay, deadline: ob.deadline.text,
    onTime: submittedAt ? submittedAt.getTime() < ob.deadline.dueAt.getTime() : today > ob.deadline.lastDay ? false : null,
    reportId: report?.id ?? null, recipient: ctx.orgs.get(ob.recipientOrgId)?.code ?? null,
  };
}

/** Completeness and timeliness of a set of cells: `expected` = deadline passed or already sent. */
export function countCells(cells: readonly Cell[]) {
  const sent = (c: Cell) => c.status === "submitted" || c.status === "accepted" || c.status === "returned";
  const expected = cells.filter((c) => sent(c) || c.status === "late");
  const received = expected.filter(sent).length;
  const onTime = expected.filter((c) => c.onTime === true).length;
  const by = (st: ReportStatus) => cells.filter((c) => c.status === st).length;
  return {
    owed: cells.length, expected: expected.length, received, onTime,
    notDue: by("not_due"), due: by("due"), late: by("late"), submitted: by("submitted"), accepted: by("accepted"), returned: by("returned"),
    completeness: expected.length ? roundTo((received / expected.length) * 100, 1) : null,
    timeliness: expected.length ? roundTo((onTime / expected.length) * 100, 1) : null,
  };
}

/** Units of the subtree of `org` × the periods of `year` they owe, with statuses and counts. */
export async function reportMatrix(ctx: AppContext, user: SessionUser, q: { org?: string | undefined; year: number; kind?: PeriodKind | undefined; to?: string | undefined }) {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const toId = q.to === undefined ? undefined : ctx.orgs.byCode(q.to)?.id;
  if (q.to !== undefined && toId === undefined) throw notFound(`đơn vị ${q.to}`);
  const owed = ctx.orgs.subtreeIds(org.id).map((id) => ({
    id, obligations: regime.obligationsOfYear(id, q.year).filter((o) => (q.kind === undefined || o.period.kind === q.kind) && (toId === undefined || o.recipientOrgId === toId)),
  })).filter((u) => u.obligations.length > 0);
  const periods = [...new Set(owed.flatMap((u) => u.obligations.map((o) => o.period.id)))]
    .map(parsePeriod)
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.start.localeCompare(b.start));
  const reports = await findReportsOf(ctx.handle.db, owed.map((u) => u.id), periods.map((p) => p.id));
  const rows = owed.map((u) => {
    const o = ctx.orgs.get(u.id);
    const cells = u.obligations.map((ob) => cellOf(ctx, regime, ob, reports.find((r) => r.org_id === u.id && r.period === ob.period.id)));
    return { org: { code: o?.code ?? String(u.id), name: o?.name ?? "", level: o?.level ?? "" }, cells, counts: countCells(cells) };
  }).sort((a, b) => a.org.name.localeCompare(b.org.name, "vi"));
  const all = rows.flatMap((r) => r.cells);
  return {
    org: org.code, year: q.year,
    periods: periods.map((p) => ({ period: p.id, name: periodNameVi(p), counts: countCells(all.filter((c) => c.period === p.id)) })),
    rows, counts: countCells(all),
  };
}

export type ReportNotice = {
  kind: "upcoming" | "due_today" | "late" | "returned" | "escalation" | "awaiting_review";
  severity: "info" | "warning" | "danger";
  org: { code: string; name: string };
  period: string;
  periodName: string;
  lastDay: string;
  reportId: number | null;
  message: string;
};

/**
 * In-app notices for a unit (default: the user's): its own reports 7 and 3 days before the
 * deadline and on the day, late or returned; and, as the level above, the late reports of units
 * reporting to it or under it (escalation) and those awaiting its decision.
 */
export async function reportNotices(ctx: AppContext, user: SessionUser, orgCode: string | undefined): Promise<{ org: string; notices: ReportNotice[] }> {
  const org = await findOrgOrOwn(ctx, user, orgCode);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const today = regime.todayAt(org.id);
  const year = Number(today.slice(0, 4));
  const obligationsOf = (id: number) => [...regime.obligationsOfYear(id, year - 1), ...regime.obligationsOfYear(id, year)];
  const own = obligationsOf(org.id);
  const others = ctx.orgs.all().filter((o) => o.id !== org.id).flatMap((o) => obligationsOf(o.id).filter((ob) => ob.recipientOrgId === org.id || o.parent_id === org.id));
  const all = [...own, ...others];
  const reports = await findReportsOf(ctx.handle.db, [...new Set(all.map((o) => o.orgId))], [...new Set(all.map((o) => o.period.id))]);
  const reportOf = (ob: Obligation) => reports.find((r) => r.org_id === ob.orgId && r.period === ob.period.id);
  const notices: ReportNotice[] = [];
  const base = (ob: Obligation, r: ReportRow | undefined) => {
    const o = ctx.orgs.get(ob.orgId);
    return { org: { code: o?.code ?? "", name: o?.name ?? "" }, period: ob.period.id, periodName: periodNameVi(ob.period), lastDay: ob.deadline.lastDay, reportId: r?.id ?? null };
  };
  for (const ob of own) {
    const r = reportOf(ob);
    const title = `Báo cáo ${periodNameVi(ob.period)}`;
    if (r?.status === "returned") {
      notices.push({ ...base(ob, r), kind: "returned", severity: "warning", message: `${title} bị cấp trên trả lại: cần sửa và gửi lại.` });
      continue;
    }
    const sent = r !== undefined && (r.status !== "draft" || r.accepted_version !== null);
    const reminder = reminderOf(ob.deadline.lastDay, today, regime.settingsOf(org.id).reporting.reminders, sent);
    if (!reminder) continue;
    if (reminder.kind === "late") notices.push({ ...base(ob, r), kind: "late", severity: "danger", message: `${title} đã quá hạn ${reminder.daysLate} ngày (hạn ${ob.deadline.text}).` });
    else if (reminder.daysLeft === 0) notices.push({ ...base(ob, r), kind: "due_today", severity: "danger", message: `Hôm nay (${dayVi(today)}) là hạn cuối gửi báo cáo ${periodNameVi(ob.period)}.` });
    else notices.push({ ...base(ob, r), kind: "upcoming", severity: reminder.stage <= 3 ? "warning" : "info", message: `Còn ${reminder.daysLeft} ngày đến hạn gửi báo cáo ${periodNameVi(ob.period)} (${ob.deadline.text}).` });
  }
  for (const ob of others) {
    const r = reportOf(ob);
    const unitName = ctx.orgs.get(ob.orgId)?.name ?? "";
    if (r?.status === "submitted" && ob.recipientOrgId === org.id) {
      notices.push({ ...base(ob, r), kind: "awaiting_review", severity: "info", message: `${unitName} đã gửi báo cáo ${periodNameVi(ob.period)}, chờ tiếp nhận.` });
      continue;
    }
    const sent = r !== undefined && (r.status !== "draft" || r.accepted_version !== null);
    const reminder = reminderOf(ob.deadline.lastDay, today, regime.settingsOf(ob.orgId).reporting.reminders, sent);
    if (reminder?.kind === "late" && reminder.escalate) {
      notices.push({ ...base(ob, r), kind: "escalation", severity: "danger", message: `${unitName} chậm gửi báo cáo ${periodNameVi(ob.period)} ${reminder.daysLate} ngày (hạn ${ob.deadline.text}).` });
    }
  }
  const rank = { danger: 0, warning: 1, info: 2 } as const;
  notices.sort((a, b) => rank[a.severity] - rank[b.severity] || a.lastDay.localeCompare(b.lastDay) || a.org.name.localeCompare(b.org.name, "vi"));
  return { org: org.code, notices };
}

/** The combined report of a unit for a period: its own figures, the accepted reports addressed
 * to it unit by unit, and the totals of both. */
export async function combinedReport(ctx: AppContext, user: SessionUser, q: { org?: string | undefined; period: string }) {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const period = parsePeriod(q.period);
  const { content } = await computeContent(ctx, regime, org.id, period);
  return {
    org: content.org, period: content.period, periodName: content.periodName, range: content.range,
    own: content.figures, breakdown: content.breakdown, computedAt: content.computedAt,
  };
}

/** The reports a unit owes in a year, with deadline, recipient and status. */
export async function unitSchedule(ctx: AppContext, user: SessionUser, q: { org?: string | undefined; year: number }) {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const obligations = regime.obligationsOfYear(org.id, q.year);
  const reports = await findReportsOf(ctx.handle.db, [org.id], obligations.map((o) => o.period.id));
  const s = regime.settingsOf(org.id).reporting;
  return {
    org: org.code, year: q.year, cutoff: s.cutoff, today: localDay(ctx.now(), regime.settingsOf(org.id).sessionConvention.utcOffsetMinutes),
    items: obligations.map((ob) => ({
      ...cellOf(ctx, regime, ob, reports.find((r) => r.period === ob.period.id)),
      periodName: periodNameVi(ob.period), line: ob.schedule.id, source: ob.schedule.source ?? null, via: ob.schedule.via ?? null,
      range: ob.range, recipientName: ctx.orgs.get(ob.recipientOrgId)?.name ?? null,
    })),
  };
}
