// Schedules of plan tasks and their occurrences — kl226-rules.md §5 (every deadline becomes a
// concrete date or a recurrence) and T3 "rõ thời gian" (KL 226 §2.3). The parser of the
// deadline language is deadline.ts; this module is the shape and the occurrence arithmetic.
import { parsePeriod } from "../period.js";
import type { Period, PeriodKind } from "../period.js";
import { lastDayOfPeriod } from "./plan-text.js";

/** A recurrence step: month, quarter, half-year (6 tháng) or year. */
export type Cadence = PeriodKind;

/** Canonical cadence order: shorter periods first, so same-day dues list Q2 before S1. */
export const CADENCE_ORDER: readonly Cadence[] = ["month", "quarter", "half", "year"];

/** Time offset after an event ("trong vòng 30 ngày sau khi …"). */
export type EventOffset = { days: number; workingDays: boolean };

/**
 * What a deadline cell means. Every variant keeps the cell's original `text`.
 * - date: one due; `period` is the period the text named ("2026-05", "2026Q4", "2026").
 * - range: from … to, due = to ("2026-2027").
 * - recurring: one due per period of each cadence from `from`, until `until` (null = open).
 * - event: due when an event happens ("Sau khi Thủ tướng CP ban hành Chỉ thị"), no date yet.
 * - ongoing: "Thường xuyên" — no due unless the text also names one (`due`, e.g. "2026 và
 *   thường xuyên"); `from` when it says since when.
 * - unknown: not understood; kept and flagged, never guessed.
 */
export type Schedule =
  | { kind: "date"; due: string; period: string; text: string }
  | { kind: "range"; from: string; to: string; due: string; text: string }
  | { kind: "recurring"; cadence: Cadence[]; from: string; until: string | null; text: string }
  | { kind: "event"; event: string; offset: EventOffset | null; text: string }
  | { kind: "ongoing"; from: string | null; due: string | null; text: string }
  | { kind: "unknown"; text: string };

/** One due of a task: the period it belongs to and its due day ("YYYY-MM-DD"). */
export type Occurrence = { period: string; due: string };

/** Options of occurrencesOf. */
export type OccurrenceOptions = {
  /** Due of a recurring period; default: its last day (2026Q1 → 2026-03-31). */
  dueOf?: (period: Period) => string;
};

const periodIdsOfYear = (kind: Cadence, year: number): string[] => {
  if (kind === "year") return [String(year)];
  if (kind === "half") return [`${year}S1`, `${year}S2`];
  if (kind === "quarter") return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
};

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/**
 * The dues of a schedule up to the end of `untilYear`, ordered by due then cadence.
 * Convention (ours, T3 — KL 226 §2.3): a recurring period is due on its LAST day by default
 * (2026Q1 → 31/03/2026, 2026S1 → 30/06/2026, 2026 → 31/12/2026) — pass `dueOf` for a
 * reporting regime with earlier dues. A period that ends before `from` is skipped; one that
 * is due after `until` is skipped. "Hằng quý, 6 tháng, năm" gives Q2 and S1 both on 30/06 and
 * Q4, S2 and the year on 31/12: each report is tracked on its own.
 * A date, a range (period = the year of its end) and an ongoing task with a named due give
 * one occurrence; an event, an ongoing task without due and an unknown text give none.
 */
export function occurrencesOf(schedule: Schedule, untilYear: number, options: OccurrenceOptions = {}): Occurrence[] {
  switch (schedule.kind) {
    case "date":
      return yearOf(schedule.due) <= untilYear ? [{ period: schedule.period, due: schedule.due }] : [];
    case "range":
      return yearOf(schedule.to) <= untilYear ? [{ period: String(yearOf(schedule.to)), due: schedule.to }] : [];
    case "ongoing":
      return schedule.due !== null && yearOf(schedule.due) <= untilYear ? [{ period: String(yearOf(schedule.due)), due: schedule.due }] : [];
    case "event":
    case "unknown":
      return [];
    case "recurring":
      return recurringOccurrences(schedule, untilYear, options);
  }
}

function recurringOccurrences(
  s: Extract<Schedule, { kind: "recurring" }>, untilYear: number, options: OccurrenceOptions,
): Occurrence[] {
  const lastYear = s.until === null ? untilYear : Math.min(untilYear, yearOf(s.until));
  const out: Array<Occurrence & { rank: number }> = [];
  for (let year = yearOf(s.from); year <= lastYear; year++) {
    for (const kind of s.cadence) {
      for (const id of periodIdsOfYear(kind, year)) {
        const p = parsePeriod(id);
        if (p.end <= s.from) continue; // the period is over before the task starts
        const due = options.dueOf ? options.dueOf(p) : lastDayOfPeriod(id);
        if (s.until !== null && due > s.until) continue;
        out.push({ period: id, due, rank: CADENCE_ORDER.indexOf(kind) });
      }
    }
  }
  out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.rank - b.rank));
  return out.map(({ period, due }) => ({ period, due }));
}
