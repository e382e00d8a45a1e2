// Plan indicators for the sheet (issue "Plans and tasks" §8): P1 — occurrences due in P completed
// on time (Quy định 366: every task done on time; kl226-rules.md §6); T2 — tasks with more than
// one lead (KL 226 §2.3 "một việc một đầu mối"); T3 — tasks meeting all six "rõ" (KL 226 §2.3).
import type { AppContext } from "../context.js";
import type { Period } from "../domain/period.js";
import { RULE_SOURCES } from "../domain/settings.js";
import { roundTo } from "../domain/format.js";
import { statusOf } from "../domain/plans/progress.js";
import { findOccurrencesDueIn } from "./occurrence.repository.js";
import { findLedTasksIssuedBefore, findLeadlessTasks, type TaskWithPlan } from "./task.repository.js";
import { flagsOf } from "./task.sync.js";

/** T2's target is the rule itself — exactly one lead, so no task with several; P1 and T3 are
 * settings (JurisdictionSettings.targets) that a jurisdiction may set. */
const T2_TARGET = 0;

/** P1: share of occurrences due in P completed on time. */
export type P1Indicator = {
  value: number | null; target: number; met: boolean | null; numerator: number; denominator: number;
  /** ids (as text, like the sheet's other violations) of occurrences overdue or completed late */
  violations: string[];
  title: string; source: string;
};
/** T2: number of tasks with more than one lead; violations: their task ids (as text). */
export type T2Indicator = { value: number; target: number; met: boolean; violations: string[]; title: string; source: string };
/** T3: share of tasks meeting all six "rõ". */
export type T3Indicator = { value: number | null; target: number; met: boolean | null; numerator: number; denominator: number; title: string; source: string };

/** The three plan indicators, in the shape of the indicator sheet's entries. */
export type PlanIndicators = { P1: P1Indicator; T2: T2Indicator; T3: T3Indicator };

const percent = (num: number, den: number): number | null => (den === 0 ? null : roundTo((num / den) * 100, 1));
/** `met` on exact counts, as the sheet decides it (99.96 % shows as 100 but misses 100). */
const shareMet = (num: number, den: number, target: number): boolean | null => (den === 0 ? null : num * 100 >= target * den);

/** One unit's (or subtree's) plan indicators to compute: the units counted and its targets. */
export type PlanIndicatorUnit = { orgIds: readonly number[]; targets: { P1: number; T3: number } };

/**
 * The plan indicators of the units `orgIds` for period P on `today`:
 * - the tasks are those led by one of the units in plans issued before the end of P — a task
 *   breaking T2 (several leads named, none chosen yet) counts for each named unit in `orgIds`;
 * - P1 counts the occurrences of tasks led by the units due in P whose outcome is known on
 *   `today`: completed, or past their due; value = completed on or before the due / those × 100.
 *   An open occurrence not yet due is not counted (it may still be done on time);
 * - T2 = number of those tasks naming more than one lead (violations: task ids);
 * - T3 = share of those tasks meeting all six "rõ".
 * A value that cannot be computed (nothing to count) is null, and `met` with it.
 */
export async function computePlanIndicators(ctx: AppContext, input: { orgIds: number[]; period: Period; today: string; targets: { P1: number; T3: number } }): Promise<PlanIndicators> {
  const [one] = await computePlanIndicatorsOfUnits(ctx, { units: [input], period: input.period, today: input.today });
  return one as PlanIndicators;
}

/** {@link computePlanIndicators} for several units at once with three queries in all (a
 * province's subordinate units on the dashboard): the rows of all units are read together and
 * each unit's indicators are worked out from its share of them. */
export async function computePlanIndicatorsOfUnits(ctx: AppContext, input: { units: readonly PlanIndicatorUnit[]; period: Period; today: string }): Promise<PlanIndicators[]> {
  if (input.units.length === 0) return [];
  const db = ctx.handle.db;
  const allIds = [...new Set(input.units.flatMap((u) => u.orgIds))];
  const [led, leadless, occurrences] = await Promise.all([
    findLedTasksIssuedBefore(db, allIds, input.period.end),
    findLeadlessTasks(db, input.period.end),
    findOccurrencesDueIn(db, allIds, input.period.start, input.period.end),
  ]);
  const namedLeads = leadless.map((t) => ({ task: t, leadIds: flagsOf(t).t2.leadOrgIds }));
  return input.units.map((unit) => {
    const units = new Set(unit.orgIds);
    const isOurs = (leadId: number | null) => leadId !== null && units.has(leadId);
    const tasks: TaskWithPlan[] = [
      ...led.filter((t) => isOurs(t.lead_org_id)),
      ...namedLeads.filter((x) => x.leadIds.some((id) => units.has(id))).map((x) => x.task),
    ];
    return planIndicatorsOf(tasks, occurrences.filter((o) => isOurs(o.lead_org_id)), input.today, unit.targets);
  });
}

/** The three indicators from a unit's tasks and its occurrences due in P. */
function planIndicatorsOf(
  tasks: TaskWithPlan[],
  occurrences: Awaited<ReturnType<typeof findOccurrencesDueIn>>,
  today: string,
  targets: { P1: number; T3: number },
): PlanIndicators {
  const known = occurrences.filter((o) => o.completed_on !== null || o.due_on < today);
  const onTime = known.filter((o) => statusOf({ due: o.due_on, completedOn: o.completed_on }, today) === "hoan_thanh_dung_han");
  const p1 = percent(onTime.length, known.length);

  const breaches = tasks.filter((t) => flagsOf(t).t2.breach && !t.lead_manual).map((t) => t.id).sort((a, b) => a - b);
  const checks = tasks.flatMap((t) => {
    const s = flagsOf(t).sixClear;
    return s ? [s] : [];
  });
  const clear = checks.filter((c) => c.allClear).length;
  const t3 = percent(clear, checks.length);

  return {
    P1: {
      value: p1, target: targets.P1, met: shareMet(onTime.length, known.length, targets.P1),
      numerator: onTime.length, denominator: known.length,
      violations: known.filter((o) => !onTime.includes(o)).map((o) => String(o.id)),
      ...RULE_SOURCES.P1,
    },
    T2: {
      value: breaches.length, target: T2_TARGET, met: breaches.length <= T2_TARGET,
      violations: breaches.map(String), ...RULE_SOURCES.T2,
    },
    T3: {
      value: t3, target: targets.T3, met: shareMet(clear, checks.length, targets.T3),
      numerator: clear, denominator: checks.length, ...RULE_SOURCES.T3,
    },
  };
}
