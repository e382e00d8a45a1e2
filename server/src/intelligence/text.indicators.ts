// D5 for the sheet (issue "Document intelligence" §6): KL 226 §2.1 — "không ban hành văn bản
// sao chép lại nội dung văn bản của cấp trên" (kl226-rules.md §1 D5: flag + share copied).
// A document issued in P whose last copy check (against its upper levels' texts:
// document-copycheck.ts) found more than the threshold (settings copyThresholdPercent, default
// 30 %) of its text copied is a violation. Same shape as the sheet's other entries
// (plans/plan.indicators.ts).
import type { AppContext } from "../context.js";
import type { Period } from "../domain/period.js";
import { RULE_SOURCES } from "../domain/settings.js";
import { findCopyChecksOf } from "./text.repository.js";

/** D5's target is the rule itself: no document over the threshold. */
const D5_TARGET = 0;
/** How many offending ids the sheet lists (the count is exact), as D3/D4. */
const D5_LIST_LIMIT = 1000;

/**
 * D5: number of documents issued in P over the threshold; `violations` their ids (as text, like
 * the sheet's other violations), ascending, at most 1,000, `violationCount` exact; `checked` the
 * documents of P with a text checked. `value` (and `met`) is null when no document of P has a
 * checked text: nothing is known of P.
 */
export type D5Indicator = {
  value: number | null; target: number; met: boolean | null;
  violations: string[]; violationCount: number; checked: number; thresholdPercent: number;
  title: string; source: string;
};

/** D5 of the units `orgIds` for period P; `threshold` in percent (copied share × 100 must not exceed it). */
export async function computeTextIndicators(ctx: AppContext, input: { orgIds: number[]; period: Period; threshold: number }): Promise<{ D5: D5Indicator }> {
  const [one] = await computeTextIndicatorsOfUnits(ctx, { units: [input], period: input.period });
  return one as { D5: D5Indicator };
}

/** {@link computeTextIndicators} for several units at once: one query per distinct threshold
 * (a province's subordinate units on the dashboard share one). */
export async function computeTextIndicatorsOfUnits(
  ctx: AppContext,
  input: { units: ReadonlyArray<{ orgIds: readonly number[]; threshold: number }>; period: Period },
): Promise<Array<{ D5: D5Indicator }>> {
  const thresholds = [...new Set(input.units.map((u) => u.threshold))];
  const checks = new Map(await Promise.all(thresholds.map(async (threshold) => {
    const ids = [...new Set(input.units.filter((u) => u.threshold === threshold).flatMap((u) => u.orgIds))];
    return [threshold, await findCopyChecksOf(ctx.handle.db, ids, input.period.start, input.period.end, threshold)] as const;
  })));
  return input.units.map((unit) => {
    const units = new Set(unit.orgIds);
    const ours = (checks.get(unit.threshold) ?? []).filter((c) => units.has(c.orgId));
    const over = ours.filter((c) => c.over).map((c) => c.id);
    const known = ours.length > 0;
    return {
      D5: {
        value: known ? over.length : null,
        target: D5_TARGET,
        met: known ? over.length <= D5_TARGET : null,
        violations: over.slice(0, D5_LIST_LIMIT).map(String),
        violationCount: over.length,
        checked: ours.length,
        thresholdPercent: unit.threshold,
        ...RULE_SOURCES.D5,
      },
    };
  });
}
