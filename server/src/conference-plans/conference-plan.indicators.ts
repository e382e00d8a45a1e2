// M7 for the sheet (issue 7 §7): KH 63-KH/TU §III.2 — each unit issues its annual conference
// plan by the deadline (20/02/2026 for 2026, then 15/01: settings conferencePlanning). Same shape
// as the sheet's other entries (intelligence/text.indicators.ts, plans/plan.indicators.ts).
import type { AppContext } from "../context.js";
import { planTimeliness, type PlanTimeliness } from "../domain/conferences/conference-plan.js";
import type { Period } from "../domain/period.js";
import { RULE_SOURCES, type JurisdictionSettings, type OrgLevel } from "../domain/settings.js";
import { findConferencePlansOf } from "./conference-plan.repository.js";

/**
 * Units expected to issue an annual conference plan when the sheet covers several units: those
 * of level province, department (sở, ban, ngành) or commune. Offices inside a commune or a
 * department and the central root do not plan conferences of their own. A sheet of one unit
 * always counts that unit, whatever its level.
 */
const PLANNING_LEVELS: readonly OrgLevel[] = ["province", "department", "commune"];

/**
 * M7. One unit: `value` 1 when its plan for the year of P was issued on time, else 0; `target`
 * 1; `daysLate` (so far, when not issued and the deadline has passed). Several units: `value`
 * the number of expected units whose plan was issued on time, `target` the number expected.
 * `violations`: ids (as text) of units whose plan was issued late or is missing past its
 * deadline; a unit before its deadline without a plan is `pending`, not a violation. `met`: no
 * violation and none pending; false with a violation; null while some are still pending.
 */
export type M7Indicator = {
  value: number | null; target: number | null; met: boolean | null;
  violations: string[]; violationCount: number;
  year: number; deadline: string | null; expected: number; onTime: number; pending: number;
  /** false for a year before `conferencePlanning.planRequiredFrom`: value, target and met null */
  required?: false;
  /** one unit only: days late (0 when on time or pending) */
  daysLate?: number;
  title: string; source: string;
};

/**
 * M7 of the units `orgIds` for period P on `today` ("YYYY-MM-DD", local). The year is P's (a
 * period never spans two years). `settings` are the sheet unit's: its deadline applies to every
 * unit counted (deadlines are set per province; a unit's own override is not read here).
 */
export async function computeConferencePlanIndicators(
  ctx: AppContext,
  input: { orgIds: number[]; period: Period; today: string; settings: JurisdictionSettings },
): Promise<{ M7: M7Indicator }> {
  const ids = [...new Set(input.orgIds)];
  const single = ids.length === 1;
  const expected = single ? ids : ids.filter((id) => {
    const level = ctx.orgs.get(id)?.level;
    return level !== undefined && PLANNING_LEVELS.includes(level);
  });
  const year = input.period.year;
  if (year < input.settings.conferencePlanning.planRequiredFrom) {
    // no plan was asked for that year: nothing to judge
    return { M7: { value: null, target: null, met: null, violations: [], violationCount: 0, year, deadline: null, expected: expected.length, onTime: 0, pending: 0, required: false, ...RULE_SOURCES.M7 } };
  }
  const plans = new Map((await findConferencePlansOf(ctx.handle.db, expected, year)).map((p) => [p.org_id, p]));
  const standing = new Map<number, PlanTimeliness>(expected.map((id) => [id, planTimeliness(year, plans.get(id)?.issued_on ?? null, input.today, input.settings.conferencePlanning)]));
  const all = [...standing.values()];
  const onTime = all.filter((t) => t.status === "on_time").length;
  const pending = all.filter((t) => t.status === "pending").length;
  const violations = expected.filter((id) => standing.get(id)?.onTime === false).sort((a, b) => a - b).map(String);
  const deadline = planTimeliness(year, null, input.today, input.settings.conferencePlanning).deadline;
  return {
    M7: {
      value: onTime,
      target: expected.length,
      met: violations.length > 0 ? false : pending > 0 ? null : true,
      violations, violationCount: violations.length,
      year, deadline, expected: expected.length, onTime, pending,
      ...(single ? { daysLate: standing.get(ids[0] as number)?.daysLate ?? 0 } : {}),
      ...RULE_SOURCES.M7,
    },
  };
}
