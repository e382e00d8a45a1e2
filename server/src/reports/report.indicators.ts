// Indicator R1 for the sheet (issue "Periodic reports" §7): the share of reports due in P sent on
// time — T4, KL 226 §2.3 (reports with a clear deadline); deadlines per kl226-rules.md §4. Same
// shape as the sheet's other entries (plans/plan.indicators.ts).
import type { AppContext } from "../context.js";
import type { Period } from "../domain/period.js";
import { roundTo } from "../domain/format.js";
import type { Obligation } from "../domain/reports/schedule.js";
import { loadRegime } from "./report.regime.js";
import { findReportsOf } from "./report.repository.js";

/** R1's rule text and source (the sheet shows them on hover, like RULE_SOURCES). */
export const R1_SOURCE = {
  title: "Tỷ lệ báo cáo định kỳ đến hạn trong kỳ được gửi đúng hạn",
  source: "KL 226 §2.3 (chế độ báo cáo); KH 63-KH/TU §IV.1",
} as const;

export type R1Indicator = {
  value: number | null; target: number; met: boolean | null; numerator: number; denominator: number;
  /** reports due in P sent late or not sent, as "ORG_CODE:PERIOD" (e.g. "X_TAN_TRAO:2026Q2") */
  violations: string[];
  title: string; source: string;
};

/**
 * R1 of the units `orgIds` for period P on `today`: the reports they owe (under the schedules
 * in force at each unit) whose deadline's last day falls in P, counted once their outcome is
 * known — sent (judged by the first submission against the deadline) or past the deadline
 * unsent; value = sent on time / those × 100, 1 decimal; null (and `met` null) when none.
 * `target` defaults to `reporting.r1Target` in force at the first unit.
 */
export async function computeReportIndicators(ctx: AppContext, input: { orgIds: number[]; period: Period; today: string; target?: number }): Promise<{ R1: R1Indicator }> {
  const [one] = await computeReportIndicatorsOfUnits(ctx, { units: [input], period: input.period, today: input.today });
  return one as { R1: R1Indicator };
}

/** {@link computeReportIndicators} for several units at once: the regime is loaded and the
 * reports read once for all of them (a province's subordinate units on the dashboard). */
export async function computeReportIndicatorsOfUnits(
  ctx: AppContext,
  input: { units: ReadonlyArray<{ orgIds: readonly number[]; target?: number }>; period: Period; today: string },
): Promise<Array<{ R1: R1Indicator }>> {
  if (input.units.length === 0) return [];
  const regime = await loadRegime(ctx);
  const dueOf = new Map<number, Obligation[]>();
  const duesOf = (id: number): Obligation[] => {
    let due = dueOf.get(id);
    if (!due) {
      due = [input.period.year - 1, input.period.year].flatMap((year) =>
        regime.obligationsOfYear(id, year).filter((o) => o.deadline.lastDay >= input.period.start && o.deadline.lastDay < input.period.end));
      dueOf.set(id, due);
    }
    return due;
  };
  const allDue = [...new Set(input.units.flatMap((u) => u.orgIds))].flatMap(duesOf);
  const reports = await findReportsOf(ctx.handle.db, [...new Set(allDue.map((o) => o.orgId))], [...new Set(allDue.map((o) => o.period.id))]);
  const sentAtOf = new Map(reports.map((r) => [`${r.org_id}|${r.period}`, r.first_submitted_at]));
  return input.units.map((unit) => {
    const target = unit.target ?? (unit.orgIds[0] === undefined ? 100 : regime.settingsOf(unit.orgIds[0]).reporting.r1Target);
    let known = 0;
    let onTime = 0;
    const violations: string[] = [];
    for (const o of [...new Set(unit.orgIds)].flatMap(duesOf)) {
      const sentAt = sentAtOf.get(`${o.orgId}|${o.period.id}`) ?? null;
      if (sentAt === null && o.deadline.lastDay >= input.today) continue; // may still be sent on time
      known += 1;
      if (sentAt !== null && sentAt.getTime() < o.deadline.dueAt.getTime()) onTime += 1;
      else violations.push(`${ctx.orgs.get(o.orgId)?.code ?? o.orgId}:${o.period.id}`);
    }
    return {
      R1: {
        value: known === 0 ? null : roundTo((onTime / known) * 100, 1),
        target,
        met: known === 0 ? null : onTime * 100 >= target * known,
        numerator: onTime, denominator: known, violations: violations.sort(), ...R1_SOURCE,
      },
    };
  });
}
