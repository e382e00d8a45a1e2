// Annual ratings (issue "Periodic reports" §6; kl226-rules.md §6, Quy định 366-QĐ/TW): each unit
// of the peer levels in a subtree gets a scorecard from its own records — the indicator sheet
// of the year (indicators met, M3/M4/M5/T2 breaches with their meeting and task ids), its task
// occurrences (P1: on time, late, overdue) and its reports (R1) — ranked among its peers with the
// change since the previous year. The head of a unit is rated on the unit's results (001 §III.2).
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import type { IndicatorSheet } from "../domain/indicators.js";
import { parsePeriod } from "../domain/period.js";
import { statusOf } from "../domain/plans/progress.js";
import { rankPeers, scoreUnit, type RankedScorecard, type Scorecard, type ScorecardInput } from "../domain/reports/rating.js";
import type { RatingSettings } from "../domain/reports/reporting-settings.js";
import { computeSheets } from "../indicators/indicator.service.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import type { OrgRow } from "../orgs/org.types.js";
import { findOccurrencesDueIn } from "../plans/occurrence.repository.js";
import { computeReportIndicatorsOfUnits, type R1Indicator } from "./report.indicators.js";
import { loadRegime } from "./report.regime.js";

type Occurrence = Awaited<ReturnType<typeof findOccurrencesDueIn>>[number];

/** A unit's scorecard input from its year sheet, the task occurrences of its counted units and its R1. */
function inputOf(unit: OrgRow, sheet: IndicatorSheet, occurrences: Occurrence[], reports: { R1: R1Indicator }, today: string): ScorecardInput {
  const known = occurrences.filter((o) => o.completed_on !== null || o.due_on < today);
  const statuses = known.map((o) => ({ id: String(o.id), s: statusOf({ due: o.due_on, completedOn: o.completed_on }, today) }));
  const indicators = { ...sheet.indicators, R1: reports.R1 } as Record<string, { met: boolean | null; value: unknown; target: number | null; violations?: unknown }>;
  const judged = Object.entries(indicators).filter(([, i]) => i.met !== null);
  const list = (id: string) => (Array.isArray(indicators[id]?.violations) ? (indicators[id]?.violations as unknown[]).map(String) : []);
  const m3 = indicators.M3;
  const m3Excess = typeof m3?.value === "number" && typeof m3.target === "number" ? Math.max(0, m3.value - m3.target) : 0;
  return {
    orgId: unit.id, code: unit.code, name: unit.name, level: unit.level,
    indicators: { met: judged.filter(([, i]) => i.met).map(([id]) => id), failed: judged.filter(([, i]) => !i.met).map(([id]) => id) },
    tasks: {
      known: known.length,
      onTime: statuses.filter((x) => x.s === "hoan_thanh_dung_han").length,
      doneLate: statuses.filter((x) => x.s === "hoan_thanh_qua_han").length,
      overdue: statuses.filter((x) => x.s === "qua_han_chua_hoan_thanh").length,
      violations: statuses.filter((x) => x.s !== "hoan_thanh_dung_han").map((x) => x.id),
    },
    reports: { due: reports.R1.denominator, onTime: reports.R1.numerator, lateReports: reports.R1.violations },
    breaches: [
      { id: "M3", count: m3Excess, refs: { kind: "meeting", ids: [] } },
      { id: "M4", count: list("M4").length, refs: { kind: "meeting", ids: list("M4") } },
      { id: "M5", count: list("M5").length, refs: { kind: "meeting", ids: list("M5") } },
      { id: "T2", count: list("T2").length, refs: { kind: "task", ids: list("T2") } },
    ],
  };
}

/**
 * The scorecards of `units` for `year`. Everything is read once for all of them: the sheets in
 * one batch (the register sums grouped by unit), the task occurrences of every counted unit in
 * one query, the reports in one — a province's 120 units cost the queries of one.
 */
async function scorecards(ctx: AppContext, units: OrgRow[], year: number, today: string, settings: RatingSettings): Promise<Scorecard[]> {
  if (units.length === 0) return [];
  const period = parsePeriod(String(year));
  const counted = units.map((u) => ctx.orgs.countedOrgs(u.id, true).map((c) => c.id));
  const [sheets, occurrences, reports] = await Promise.all([
    computeSheets(ctx, units.map((org) => ({ org, subtree: true, withBreachLists: false })), period),
    findOccurrencesDueIn(ctx.handle.db, [...new Set(counted.flat())], period.start, period.end),
    computeReportIndicatorsOfUnits(ctx, { units: units.map((u) => ({ orgIds: [u.id] })), period, today }),
  ]);
  const byLead = new Map<number, Occurrence[]>();
  for (const o of occurrences) {
    if (o.lead_org_id === null) continue;
    const list = byLead.get(o.lead_org_id);
    if (list) list.push(o);
    else byLead.set(o.lead_org_id, [o]);
  }
  const inDueOrder = (a: Occurrence, b: Occurrence) => (a.due_on < b.due_on ? -1 : a.due_on > b.due_on ? 1 : a.id - b.id);
  return units.map((unit, i) => {
    const own = (counted[i] as number[]).flatMap((id) => byLead.get(id) ?? []).sort(inDueOrder);
    return scoreUnit(inputOf(unit, sheets[i] as IndicatorSheet, own, reports[i] as { R1: R1Indicator }, today), settings);
  });
}

export type RatingsView = { org: string; year: number; today: string; settings: RatingSettings; rows: RankedScorecard[] };

/**
 * Scorecards of the units below `org` (its whole subtree) at the peer levels of the rating
 * settings in force at `org`, existing at the end of the year; ranked within each level against
 * the previous year.
 */
export async function computeRatings(ctx: AppContext, user: SessionUser, q: { org?: string | undefined; year: number }): Promise<RatingsView> {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "read", org.id, ctx.orgs);
  const regime = await loadRegime(ctx);
  const settings = regime.settingsOf(org.id).reporting.rating;
  const today = regime.todayAt(org.id);
  const units = (year: number) => ctx.orgs.subtreeIds(org.id)
    .map((id) => ctx.orgs.get(id) as OrgRow)
    .filter((u) => u.id !== org.id && settings.peerLevels.includes(u.level) && (u.valid_from === null || u.valid_from <= `${year}-12-31`) && (u.valid_to === null || u.valid_to >= `${year}-12-31`));
  const [current, previous] = await Promise.all([
    scorecards(ctx, units(q.year), q.year, today, settings),
    scorecards(ctx, units(q.year - 1), q.year - 1, today, settings),
  ]);
  return { org: org.code, year: q.year, today, settings, rows: rankPeers(current, previous) };
}
