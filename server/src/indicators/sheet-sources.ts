// Indicators of the sheet that other capabilities compute (plans, reports, texts, conference
// planning). Each source is called ONCE per batch of sheets with every unit of the
// batch, so a province's 40 subordinate sheets cost a source's queries once, not 40 times.
// To add indicators: list here `eachUnit(computeXIndicators)` for a function of one unit
// ({ orgIds, period, today, settings }), or — better when it queries the database — a function
// of all the units that reads their rows at once (as computePlanIndicatorsOfUnits does).
import type { AppContext } from "../context.js";
import type { Period } from "../domain/period.js";
import type { Indicator } from "../domain/indicators.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import { computePlanIndicatorsOfUnits } from "../plans/plan.indicators.js";
import { computeReportIndicatorsOfUnits } from "../reports/report.indicators.js";
import { computeTextIndicatorsOfUnits } from "../intelligence/text.indicators.js";
import { computeMeetingPlanningIndicatorsOfUnits } from "../meetings/meeting-planning.indicators.js";
import { computeConferencePlanIndicators } from "../conference-plans/conference-plan.indicators.js";

/** One sheet's scope as the sources see it: the units counted and the settings in force. */
export type SheetUnit = { orgIds: number[]; settings: JurisdictionSettings };

/** Per unit, in the order given, the entries the source adds to that unit's sheet. */
export type SheetSource = (ctx: AppContext, units: SheetUnit[], period: Period, today: string) => Promise<Array<Record<string, Indicator>>>;

/** The input of a source written for one unit at a time. */
export type OneUnitInput = { orgIds: number[]; period: Period; today: string; settings: JurisdictionSettings };

/** A source from a function of one unit: called once per unit of the batch (N sheets, N calls). */
export const eachUnit = (compute: (ctx: AppContext, input: OneUnitInput) => Promise<Record<string, Indicator>>): SheetSource =>
  (ctx, units, period, today) => Promise.all(units.map((u) => compute(ctx, { orgIds: u.orgIds, period, today, settings: u.settings })));

export const SHEET_SOURCES: readonly SheetSource[] = [
  // P1, T2, T3 — tasks of the plans (issue "Plans and tasks" §8)
  (ctx, units, period, today) =>
    computePlanIndicatorsOfUnits(ctx, { units: units.map((u) => ({ orgIds: u.orgIds, targets: u.settings.targets })), period, today }),
  // R1 — periodic reports sent on time (issue "Periodic reports" §7)
  (ctx, units, period, today) =>
    computeReportIndicatorsOfUnits(ctx, { units: units.map((u) => ({ orgIds: u.orgIds, target: u.settings.reporting.r1Target })), period, today }),
  // D5 — copied documents (issue "Document intelligence" §6)
  (ctx, units, period) =>
    computeTextIndicatorsOfUnits(ctx, { units: units.map((u) => ({ orgIds: u.orgIds, threshold: u.settings.copyThresholdPercent })), period }),
  // M6, M8, M9 — conferences flagged as repeats, for their invitations, for clashes (issue 7 §7)
  (ctx, units, period) => computeMeetingPlanningIndicatorsOfUnits(ctx, { units, period }),
  // M7 — the annual conference plan issued on time (issue 7 §7)
  eachUnit(computeConferencePlanIndicators),
];

/** Every source's entries for each unit: result[i] merges what the sources give unit i. */
export async function computeSourcedIndicators(ctx: AppContext, units: SheetUnit[], period: Period, today: string): Promise<Array<Record<string, Indicator>>> {
  const bySource = await Promise.all(SHEET_SOURCES.map((source) => source(ctx, units, period, today)));
  return units.map((_, i) => Object.assign({}, ...bySource.map((entries) => entries[i])) as Record<string, Indicator>);
}
