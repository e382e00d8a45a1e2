// Dates as Vietnamese documents write them, on the reading view (fold.ts): the place-date line
// "Thái Nguyên, ngày 14 tháng 01 năm 2026" (Nghị định 30 Appendix I §II.4) and citations'
// "ngày 11/12/2025". OCR damage tolerated: "thang"/"thing"/"thdng", "nam"/"nim"/"ndm", a day
// split in two ("3 1/3/2026"), a number glued to the next word ("14thangg"). A part that cannot
// be read is null: the date is then partial and never completed by guessing.
import { isoDay } from "../plans/plan-text.js";

/** A date as read: its parts (null where unreadable) and the ISO day when all three are. */
export type ReadDate = { day: number | null; month: number | null; year: number | null; iso: string | null };

/** "ngày D tháng M năm Y" (long form) on the reading view; groups 1 = D, 2 = M, 3 = Y. */
export const LONG_DATE_SOURCE = String.raw`ng[a-z]{1,2}y[a-z]?\s{0,3}(\d{1,2})?\s{0,3}[^\w\n]{0,2}\s{0,3}th[a-z]{2,4}[^\w\n]{0,2}\s{0,3}(\d{1,2})?[^\w\n]{0,3}\s{0,3}n[a-z]{1,2}m?\s{0,3}(\d{4})`;

/** "ngày D/M/YYYY" (short form, citations); groups 1 = D, 2 = M, 3 = Y. */
export const SHORT_DATE_SOURCE = String.raw`ng[a-z]{1,2}y\s{0,3}(\d(?: ?\d)?)\s{0,2}\/\s{0,2}(\d{1,2})\s{0,2}\/\s{0,2}(\d{4})`;

/** The ISO day of parts, or null when one is missing or the day does not exist. */
export function dateOfParts(day: number | null, month: number | null, year: number | null): ReadDate {
  if (day === null || month === null || year === null) return { day, month, year, iso: null };
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return { day, month, year, iso: null };
  const d = new Date(Date.UTC(year, month - 1, day));
  const valid = d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return { day, month, year, iso: valid ? isoDay(year, month, day) : null };
}

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s.replace(/\s+/g, "")));

/** Read a date from a match of LONG_DATE_SOURCE or SHORT_DATE_SOURCE. */
export function dateOfMatch(m: RegExpExecArray): ReadDate {
  return dateOfParts(num(m[1]), num(m[2]), num(m[3]));
}
