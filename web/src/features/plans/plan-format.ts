// How plans and tasks read on screen: periods of occurrences, the six "rõ" failures of a task,
// the names of a task table that matched no unit.
import { periodLabel, tryParsePeriod } from "../scope/period";
import type { PlanView, SixClear, TaskJson } from "./api/plans.api";
import { PLAN_TEXT as T } from "./texts";

/** "2026Q2" → "Quý II/2026"; "event" → "Sau sự kiện"; anything else as is. */
export function periodText(period: string): string {
  if (period === "event") return T.periodEvent;
  const p = tryParsePeriod(period);
  return p ? periodLabel(p) : period;
}

const SIX_KEYS = ["person", "task", "time", "responsibility", "authority", "product"] as const;

/** Each failed "rõ" of a task, named with its reason. */
export function sixClearFailures(s: SixClear | null): Array<{ key: string; text: string }> {
  if (!s) return [];
  return SIX_KEYS.flatMap((k) => {
    const c = s[k];
    return c.ok ? [] : [{ key: k, text: T.sixFailed(T.sixLabels[k], c.reason ?? "") }];
  });
}

/** Notes qualifying a passed "rõ" (an event-bound due, a review cadence). */
export function sixClearNotes(s: SixClear | null): string[] {
  if (!s) return [];
  return SIX_KEYS.flatMap((k) => (s[k].ok && s[k].note ? [s[k].note as string] : []));
}

/** A name of the table matched to no unit (or to several), the rows naming it and the suggested units. */
export type UnmatchedName = { name: string; tts: string[]; candidates: Array<{ code: string; name: string }> };

/** The names of a plan's tasks still to map to a unit (tasks with no lead that are not T2 breaches). */
export function unmatchedNamesOf(tasks: PlanView["tasks"]): UnmatchedName[] {
  const byName = new Map<string, UnmatchedName>();
  const add = (name: string, tt: string, candidates: Array<{ code: string; name: string }>) => {
    const entry = byName.get(name) ?? { name, tts: [], candidates: [] };
    if (!entry.tts.includes(tt)) entry.tts.push(tt);
    for (const c of candidates) if (!entry.candidates.some((x) => x.code === c.code)) entry.candidates.push({ code: c.code, name: c.name });
    byName.set(name, entry);
  };
  for (const t of tasks) {
    if (t.kind !== "task" || t.lead !== null || t.leadManual) continue;
    for (const name of t.flags.t2.unmatched) add(name, t.tt, []);
    for (const a of t.flags.t2.ambiguous) add(a.name, t.tt, a.candidates);
  }
  return [...byName.values()];
}

/** The deadline is event-bound and its day not yet recorded. */
export const waitsForEvent = (t: Pick<TaskJson, "schedule" | "event">): boolean => t.schedule.kind === "event" && t.event === null;
