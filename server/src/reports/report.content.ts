// The content of a report, filled from the registers (issue "Periodic reports" §2): the
// indicator sheet, the statistical tables over the data range of the cut-off convention, the
// breaches, the data-quality flags, and — for a unit that receives reports — the per-unit
// breakdown of the accepted reports with the combined totals (§4). Computed live while a report
// is a draft; frozen into its version at submission.
import type { AppContext } from "../context.js";
import type { Period } from "../domain/period.js";
import { shiftPeriodYears } from "../domain/period.js";
import { statusOf } from "../domain/plans/progress.js";
import { dataRangeOf, type DataRange } from "../domain/reports/cutoff.js";
import { buildFigures, sumFigures, type ReportFigures, type TaskTally } from "../domain/reports/figures.js";
import { checkQuality, type MonthCounts, type QualityFlag } from "../domain/reports/quality.js";
import { addDays, localMidnight, periodNameVi } from "../domain/reports/report-dates.js";
import { statusOfReport, type ReportStatus } from "../domain/reports/status.js";
import type { CountedSet } from "../indicators/indicator.repository.js";
import { sumMonthly } from "../indicators/indicator.repository.js";
import { computeSheet } from "../indicators/indicator.service.js";
import { findOccurrencesDueIn } from "../plans/occurrence.repository.js";
import { countConferences, countDocuments, countTthc, monthLastDay, splitByMonths, type DayRange } from "./report-figures.repository.js";
import { ownScopeOf, type Regime } from "./report.regime.js";
import { findReportsOf, findVersionsOfReports, jsonOf } from "./report.repository.js";

/** An indicator of the sheet without its id lists (their counts are kept). */
export type ReportIndicator = { value: unknown; target: number | null; met: boolean | null; title?: string; source?: string; [k: string]: unknown };

export type BreakdownRow = {
  code: string; name: string; status: ReportStatus; version: number | null; onTime: boolean | null;
  /** the unit's accepted figures (its own breakdown's combined totals when it has one) */
  figures: ReportFigures | null;
};
export type Breakdown = { units: BreakdownRow[]; own: ReportFigures; combined: ReportFigures; expected: number; accepted: number };

export type ReportContent = {
  org: { code: string; name: string; level: string; bloc: string };
  period: string;
  periodName: string;
  range: DataRange;
  previousRange: DataRange;
  /** the units counted as the unit's own, and whether the sheet is the whole subtree's */
  scope: { orgCodes: string[]; sheetSubtree: boolean };
  figures: ReportFigures;
  indicators: Record<string, ReportIndicator>;
  breaches: Array<{ id: string; title: string; source: string; value: unknown; target: number | null; count: number | null }>;
  notes: string[];
  breakdown: Breakdown | null;
  computedAt: string;
};

function countedSetOf(ctx: AppContext, orgIds: readonly number[]): { set: CountedSet; hasPredecessors: boolean } {
  const weights = new Map<number, number>();
  let hasPredecessors = false;
  for (const id of orgIds) {
    for (const c of ctx.orgs.countedOrgs(id, false)) {
      if (c.via === "merge" || c.via === "split") hasPredecessors = true;
      weights.set(c.id, Math.max(weights.get(c.id) ?? 0, c.weight));
    }
  }
  return { set: { ids: [...weights.keys()], weights: [...weights.values()] }, hasPredecessors };
}

const dayRange = (r: { start: string; end: string }, offset: number): DayRange =>
  ({ start: r.start, end: r.end, startAt: localMidnight(r.start, offset), endAt: localMidnight(r.end, offset) });

/** Figures of a set of units over a period's data range (and the same range last year). */
async function figuresOf(ctx: AppContext, regime: Regime, orgId: number, scopeIds: number[], range: DataRange, previous: DataRange, today: string): Promise<ReportFigures> {
  const settings = regime.settingsOf(orgId);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const db = ctx.handle.db;
  const { set, hasPredecessors } = countedSetOf(ctx, scopeIds);
  const org = ctx.orgs.get(orgId);
  const hasBaseline = hasPredecessors || !org || org.valid_from === null || org.valid_from <= previous.start;
  const [docs, docsBefore, conf, confBefore, tthc, tthcBefore, occurrences] = await Promise.all([
    countDocuments(db, set, range), countDocuments(db, set, previous),
    countConferences(db, set, dayRange(range, offset)), countConferences(db, set, dayRange(previous, offset)),
    countTthc(db, set, range), countTthc(db, set, previous),
    findOccurrencesDueIn(db, scopeIds, range.start, range.end),
  ]);
  const tasks: TaskTally = { due: occurrences.length, done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, notYetDue: 0 };
  for (const o of occurrences) {
    const s = statusOf({ due: o.due_on, completedOn: o.completed_on }, today);
    if (s === "hoan_thanh_dung_han") { tasks.done += 1; tasks.doneOnTime += 1; }
    else if (s === "hoan_thanh_qua_han") { tasks.done += 1; tasks.doneLate += 1; }
    else if (s === "qua_han_chua_hoan_thanh") tasks.overdue += 1;
    else tasks.notYetDue += 1;
  }
  return buildFigures({
    documents: { current: docs, previous: hasBaseline || docsBefore.total > 0 ? docsBefore : null },
    conferences: { current: conf, previous: hasBaseline || confBefore.total > 0 ? confBefore : null },
    tthc: { current: tthc, previous: hasBaseline || tthcBefore.received > 0 ? tthcBefore : null },
    tasks,
    hybridCountsAsOnline: settings.hybridCountsAsOnline,
  });
}

/** Months of the unit's records for the quality checks: the complete months inside the range
 * (finished before today) and up to `historyMonths` months before it, leading empty months
 * (before the register started) dropped. */
async function monthlyOf(ctx: AppContext, regime: Regime, orgId: number, scopeIds: number[], range: DataRange, today: string): Promise<{ months: MonthCounts[]; history: MonthCounts[] }> {
  const settings = regime.settingsOf(orgId);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const { set } = countedSetOf(ctx, scopeIds);
  const { months: whole } = splitByMonths(range);
  const historyMonths = settings.reporting.quality.historyMonths;
  const firstMonth = `${range.start.slice(0, 7)}-01`;
  const [y, m] = [Number(firstMonth.slice(0, 4)), Number(firstMonth.slice(5, 7))];
  const startIndex = y * 12 + (m - 1) - historyMonths;
  const historyStart = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, "0")}-01`;
  const points = await sumMonthly(ctx.handle.db, set, dayRange({ start: historyStart, end: range.end }, offset), offset, settings.hybridCountsAsOnline);
  const at = (month: string): MonthCounts => {
    const p = points.find((x) => x.month === month);
    return { month, documents: p?.documents ?? 0, conferences: p?.meetings ?? 0 };
  };
  const history: MonthCounts[] = [];
  for (let i = startIndex; i < y * 12 + (m - 1); i += 1) history.push(at(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`));
  while (history.length > 0 && history[0]!.documents === 0 && history[0]!.conferences === 0) history.shift();
  const months = whole.map((d) => d.slice(0, 7)).filter((mm) => monthLastDay(mm) < today).map(at);
  return { months, history };
}

function trimIndicators(indicators: Record<string, Record<string, unknown>>): Record<string, ReportIndicator> {
  const out: Record<string, ReportIndicator> = {};
  for (const [id, i] of Object.entries(indicators)) {
    const { violations, ...rest } = i;
    const kept = { ...rest } as ReportIndicator;
    if (Array.isArray(violations) && kept.violationCount === undefined) kept.violationCount = violations.length;
    out[id] = kept;
  }
  return out;
}

/** The per-unit table of the reports addressed to `orgId` for the period, with combined totals. */
async function breakdownOf(ctx: AppContext, regime: Regime, orgId: number, period: Period, own: ReportFigures): Promise<Breakdown | null> {
  const senders = ctx.orgs.all().filter((o) => o.id !== orgId && regime.obligation(o.id, period)?.recipientOrgId === orgId);
  if (senders.length === 0) return null;
  const today = regime.todayAt(orgId);
  const reports = await findReportsOf(ctx.handle.db, senders.map((s) => s.id), [period.id]);
  const accepted = await findVersionsOfReports(ctx.handle.db, reports.flatMap((r) => (r.accepted_version === null ? [] : [{ reportId: r.id, version: r.accepted_version }])));
  const settings = regime.settingsOf(orgId);
  const units = senders.map((o): BreakdownRow => {
    const ob = regime.obligation(o.id, period);
    const r = reports.find((x) => x.org_id === o.id);
    const v = r ? accepted.find((x) => x.report_id === r.id) : undefined;
    const content = v ? jsonOf<ReportContent>(v.figures) : null;
    return {
      code: o.code, name: o.name,
      status: statusOfReport(ob?.deadline.lastDay ?? today, today, settings.reporting.openDaysBefore, r ? { status: r.status, hasAcceptedVersion: r.accepted_version !== null, firstSubmittedAt: r.first_submitted_at } : null),
      version: v?.version ?? null,
      onTime: r?.first_submitted_at && ob ? r.first_submitted_at.getTime() < ob.deadline.dueAt.getTime() : null,
      figures: content ? (content.breakdown?.combined ?? content.figures) : null,
    };
  }).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const parts = units.flatMap((u) => (u.figures ? [u.figures] : []));
  return { units, own, combined: sumFigures([own, ...parts], settings.hybridCountsAsOnline), expected: units.length, accepted: parts.length };
}

/** The live content of unit `orgId`'s report for `period`, and its data-quality flags. */
export async function computeContent(ctx: AppContext, regime: Regime, orgId: number, period: Period): Promise<{ content: ReportContent; flags: QualityFlag[] }> {
  const org = ctx.orgs.get(orgId);
  if (!org) throw new Error(`unknown unit ${orgId}`);
  const settings = regime.settingsOf(orgId);
  const today = regime.todayAt(orgId);
  const range = dataRangeOf(period, settings.reporting.cutoff, settings.reporting.cutoffDay);
  const previousRange = dataRangeOf(shiftPeriodYears(period, -1), settings.reporting.cutoff, settings.reporting.cutoffDay);
  const scope = ownScopeOf(ctx, regime, orgId, period);
  const [figures, sheet, monthly] = await Promise.all([
    figuresOf(ctx, regime, orgId, scope.orgIds, range, previousRange, today),
    computeSheet(ctx, { orgCode: org.code, period: period.id, subtree: scope.wholeSubtree, withBreachLists: false }),
    monthlyOf(ctx, regime, orgId, scope.orgIds, range, today),
  ]);
  const indicators = trimIndicators(sheet.indicators as Record<string, Record<string, unknown>>);
  const breaches = Object.entries(indicators)
    .filter(([, i]) => i.met === false)
    .map(([id, i]) => ({
      id, title: String(i.title ?? id), source: String(i.source ?? ""), value: i.value, target: i.target,
      count: typeof i.violationCount === "number" ? i.violationCount : null,
    }));
  const notes = [...sheet.notes];
  if (range.convention === "decree09") {
    notes.push(`Số liệu thống kê lấy từ ngày ${range.start.split("-").reverse().join("/")} đến hết ngày ${addDays(range.end, -1).split("-").reverse().join("/")} (Nghị định 09/2019/NĐ-CP); bảng chỉ tiêu tính theo kỳ lịch. Số liệu TTHC theo tháng được tính vào kỳ chứa ngày cuối tháng.`);
  }
  if (!scope.wholeSubtree) notes.push("Số liệu của đơn vị không gồm các đơn vị trực thuộc có báo cáo riêng; các báo cáo đó được tổng hợp ở bảng chi tiết theo đơn vị.");
  const breakdown = await breakdownOf(ctx, regime, orgId, period, figures);
  const content: ReportContent = {
    org: { code: org.code, name: org.name, level: org.level, bloc: org.bloc },
    period: period.id, periodName: periodNameVi(period), range, previousRange,
    scope: { orgCodes: scope.orgIds.map((id) => ctx.orgs.get(id)?.code ?? String(id)), sheetSubtree: scope.wholeSubtree },
    figures, indicators, breaches, notes, breakdown, computedAt: ctx.now().toISOString(),
  };
  const flags = checkQuality({ months: monthly.months, history: monthly.history, figures, quality: settings.reporting.quality });
  return { content, flags };
}
