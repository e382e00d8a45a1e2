// Periods as the dashboard and registers use them, on top of the server's own period rules
// (server/src/domain/period.ts): parsing, labels and inclusive date ranges.
import { parsePeriod, shiftPeriodYears, type Period, type PeriodKind } from "@server/domain/period.js";
import { periodLabelText } from "./texts";

export type { Period, PeriodKind };

/** The period of `id`, or null when it is not a valid period id. */
export function tryParsePeriod(id: string): Period | null {
  try {
    return parsePeriod(id);
  } catch {
    return null;
  }
}

/** Quarter, half or month number within the year (1 for a year). */
export function periodIndex(p: Period): number {
  const month = Number(p.start.slice(5, 7));
  const span = p.kind === "year" ? 12 : p.kind === "half" ? 6 : p.kind === "quarter" ? 3 : 1;
  return (month - 1) / span + 1;
}

/** The period id of a kind, year and index. */
export function periodId(kind: PeriodKind, year: number, index: number): string {
  if (kind === "half") return `${year}S${index}`;
  if (kind === "quarter") return `${year}Q${index}`;
  if (kind === "month") return `${year}-${String(index).padStart(2, "0")}`;
  return String(year);
}

/** "Quý II/2026" etc. */
export function periodLabel(p: Period): string {
  return periodLabelText(p.kind, p.year, periodIndex(p));
}

/** The same period one year earlier. */
export function previousPeriod(p: Period): Period {
  return shiftPeriodYears(p, -1);
}

/** First and last day (both inclusive, YYYY-MM-DD) — the registers' from/to filter. */
export function periodDays(p: Period): { from: string; to: string } {
  const end = new Date(`${p.end}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return { from: p.start, to: end.toISOString().slice(0, 10) };
}
