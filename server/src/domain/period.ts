// Periods — data-contract.md §Periods: "2026", "2026Q1".."2026Q4", "2026S1"/"2026S2",
// "2026-05"; calendar boundaries; "same period of the previous year" = shift by one year.
import { DomainError } from "./errors.js";

/** Kind of reporting period. */
export type PeriodKind = "year" | "half" | "quarter" | "month";
/** A reporting period; `start` inclusive, `end` EXCLUSIVE, both "YYYY-MM-DD". */
export type Period = { id: string; kind: PeriodKind; year: number; start: string; end: string };

const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 9998; // so that `end` (1 January of the next year) still has four digits

/** Months per period kind. */
const SPAN: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad2 = (n: number): string => String(n).padStart(2, "0");
const ymd = (y: number, m: number): string => `${y}-${pad2(m)}-01`;

/** Build a period; `index` is the quarter, half or month number (1 for a year). */
function build(kind: PeriodKind, year: number, index: number): Period {
  const span = SPAN[kind];
  const firstMonth = (index - 1) * span + 1;
  const endMonth = firstMonth + span; // 13 means January of the next year
  const id =
    kind === "year" ? String(year)
    : kind === "half" ? `${year}S${index}`
    : kind === "quarter" ? `${year}Q${index}`
    : `${year}-${pad2(index)}`;
  return {
    id, kind, year,
    start: ymd(year, firstMonth),
    end: endMonth > 12 ? ymd(year + 1, endMonth - 12) : ymd(year, endMonth),
  };
}

function invalid(id: string): DomainError {
  return new DomainError(
    "INVALID_PERIOD",
    `Kỳ "${id}" không hợp lệ (dạng 2026, 2026Q1…2026Q4, 2026S1, 2026S2 hoặc 2026-05)`,
    { id },
  );
}

/**
 * Parse a period id ("2026", "2026Q1".."2026Q4", "2026S1", "2026S2", "2026-05"; q/s may be
 * lower case, the returned id is canonical). Throws DomainError("INVALID_PERIOD") otherwise,
 * including month 13, Q5, S3 and years before 1900.
 */
export function parsePeriod(id: string): Period {
  const m = /^(\d{4})(?:([QqSs])(\d)|-(\d{2}))?$/.exec(id.trim());
  if (!m) throw invalid(id);
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw invalid(id);
  const letter = m[2]?.toUpperCase();
  if (letter === "Q" || letter === "S") {
    const n = Number(m[3]);
    if (n < 1 || n > (letter === "Q" ? 4 : 2)) throw invalid(id);
    return build(letter === "Q" ? "quarter" : "half", year, n);
  }
  if (m[4] !== undefined) {
    const month = Number(m[4]);
    if (month < 1 || month > 12) throw invalid(id);
    return build("month", year, month);
  }
  return build("year", year, 1);
}

function indexOf(p: Period): number {
  const month = Number(p.start.slice(5, 7));
  const span = SPAN[p.kind];
  return (month - 1) / span + 1;
}

/** The same period `years` later (negative = earlier): shiftPeriodYears(p, -1) is "same period last year". */
export function shiftPeriodYears(p: Period, years: number): Period {
  const year = p.year + years;
  if (year < MIN_YEAR || year > MAX_YEAR) throw invalid(String(year));
  return build(p.kind, year, indexOf(p));
}

/** Split "YYYY-MM-DD" into numbers, checking the day exists; throws DomainError("INVALID_DATE"). */
function parseIsoDay(isoDate: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const bad = () => new DomainError("INVALID_DATE", `Ngày "${isoDate}" không hợp lệ (dạng YYYY-MM-DD)`, { isoDate });
  if (!m) throw bad();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) throw bad();
  return { y, m: mo, d };
}

/** The period of the given kind that contains the calendar day `isoDate` ("YYYY-MM-DD"). */
export function periodOfDate(kind: PeriodKind, isoDate: string): Period {
  const { y, m } = parseIsoDay(isoDate);
  if (y < MIN_YEAR || y > MAX_YEAR) throw invalid(isoDate);
  const span = SPAN[kind];
  return build(kind, y, Math.floor((m - 1) / span) + 1);
}

/** The months of a period as "YYYY-MM", in order. */
export function monthsOf(p: Period): string[] {
  const first = Number(p.start.slice(5, 7));
  const span = SPAN[p.kind];
  return Array.from({ length: span }, (_, i) => `${p.year}-${pad2(first + i)}`);
}

const dayNumber = (iso: string): number => {
  const { y, m, d } = parseIsoDay(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

/**
 * Fraction of the period elapsed at `now` (0..1), by whole local calendar days, the current
 * day counted as elapsed: on 2 July 2026 (local) the year 2026 is 183/365 elapsed; on
 * 1 January it is 1/365 (so a projection has something to divide by). 0 before the period
 * starts, 1 from its end on. Local day = `now` shifted by `utcOffsetMinutes`.
 */
export function elapsedFraction(p: Period, now: Date, utcOffsetMinutes: number): number {
  if (Number.isNaN(now.getTime())) throw new DomainError("INVALID_DATE", "Thời điểm hiện tại không hợp lệ");
  const today = Math.floor((now.getTime() + utcOffsetMinutes * 60_000) / DAY_MS);
  const start = dayNumber(p.start);
  const total = dayNumber(p.end) - start;
  const elapsed = today - start + 1;
  if (elapsed <= 0) return 0;
  return Math.min(1, elapsed / total);
}
