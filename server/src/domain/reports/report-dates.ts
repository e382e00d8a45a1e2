// Calendar helpers of the reporting regime: period slots ("Q2", "S1", "Y"), the last month of a
// period, local days and instants (Asia/Ho_Chi_Minh has no DST: a fixed offset), Vietnamese
// period names. Dates are "YYYY-MM-DD" strings; ends are exclusive as in domain/period.ts.
import { parsePeriod, type Period, type PeriodKind } from "../period.js";
import { addDays, isoDay } from "../plans/plan-text.js";
import type { PeriodSlot } from "./reporting-settings.js";

export { addDays, isoDay };

const DAY_MS = 86_400_000;
const ROMAN = ["I", "II", "III", "IV"] as const;

/** The slot of a period in its year: 2026Q2 → "Q2", 2026S1 → "S1", 2026 → "Y", 2026-05 → "M05". */
export function slotOf(p: Period): PeriodSlot {
  if (p.kind === "year") return "Y";
  if (p.kind === "half") return p.id.slice(4);
  if (p.kind === "quarter") return p.id.slice(4);
  return `M${p.id.slice(5, 7)}`;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Year and month (1–12) of the last month of a period. */
export function lastMonthOf(p: Period): { year: number; month: number } {
  const last = addDays(p.end, -1);
  return { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) };
}

/** Whole days from `a` to `b` (b − a), both "YYYY-MM-DD". */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The local calendar day of an instant. */
export function localDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant local midnight starts `day`. */
export function localMidnight(day: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000);
}

/** The periods of a kind in a year, in order. */
export function periodsOfYear(kind: PeriodKind, year: number): Period[] {
  const ids =
    kind === "year" ? [String(year)]
    : kind === "half" ? [`${year}S1`, `${year}S2`]
    : kind === "quarter" ? [1, 2, 3, 4].map((q) => `${year}Q${q}`)
    : Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return ids.map(parsePeriod);
}

/** "quý II năm 2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "năm 2026", "tháng 5 năm 2026". */
export function periodNameVi(p: Period): string {
  if (p.kind === "year") return `năm ${p.year}`;
  if (p.kind === "half") return p.id.endsWith("1") ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
  if (p.kind === "quarter") return `quý ${ROMAN[Number(p.id.slice(5)) - 1]} năm ${p.year}`;
  return `tháng ${Number(p.id.slice(5, 7))} năm ${p.year}`;
}

/** "2026-06-14" → "14/06/2026". */
export function dayVi(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** True on Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}
