// Date and date-time values of imports and forms — data-contract.md §CSV/XLSX columns:
// dates "YYYY-MM-DD" or "DD/MM/YYYY"; date-times ISO 8601 or "DD/MM/YYYY HH:mm" in local time
// (Asia/Ho_Chi_Minh, offset from settings). XLSX cells arrive as Date objects whose UTC
// fields hold the wall-clock value typed in the sheet, or as Excel serial numbers.
import { fail, ok } from "./text.js";
import type { Parsed } from "./text.js";

const DAY_MS = 86_400_000;
/** Excel serial of 1970-01-01 (the 1900 leap-year bug is behind it, serials ≥ 61 are exact). */
const EXCEL_UNIX_EPOCH = 25_569;
const MIN_EXCEL_SERIAL = 61; // 1900-03-01
const MAX_EXCEL_SERIAL = 2_958_466; // 10000-01-01
const DATE_REASON = "không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)";
const DATETIME_REASON = "không phải ngày giờ hợp lệ (ISO 8601, DD/MM/YYYY HH:mm hoặc YYYY-MM-DD HH:mm)";

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Milliseconds of a wall-clock time read as UTC, or null if the fields do not exist. */
function wallClockMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (y < 1900 || y > 9999 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

const isoDay = (t: number): string => {
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * Parse a date written "YYYY-MM-DD" or "DD/MM/YYYY" (also D/M/YYYY, and "-" or "." between
 * day, month and year) into "YYYY-MM-DD"; the day must exist (31/02 fails).
 */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  if (s === "") return fail(`trống; cần ngày (YYYY-MM-DD hoặc DD/MM/YYYY)`);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const vn = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[4], vn[3], vn[1]] : [];
  if (y === undefined || mo === undefined || d === undefined) return fail(DATE_REASON);
  const t = wallClockMs(Number(y), Number(mo), Number(d));
  return t === null ? fail(`ngày không tồn tại; ${DATE_REASON}`) : ok(isoDay(t));
}

/** The wall-clock milliseconds (as UTC) of an Excel serial, or null when out of range. */
function excelSerialMs(n: number): number | null {
  if (!Number.isFinite(n) || n < MIN_EXCEL_SERIAL || n >= MAX_EXCEL_SERIAL) return null;
  // round to the second: Excel stores times as binary fractions of a day
  return Math.round(((n - EXCEL_UNIX_EPOCH) * DAY_MS) / 1000) * 1000;
}

/**
 * Parse a date from a CSV string, an XLSX Date (its UTC fields are the date typed in the
 * sheet) or an Excel serial number (time of day ignored) into "YYYY-MM-DD".
 */
export function parseDateValue(raw: unknown): Parsed<string> {
  if (typeof raw === "string") return parseDate(raw);
  if (raw instanceof Date) {
    const y = raw.getUTCFullYear(); // NaN for an invalid Date
    return y >= 1900 && y <= 9999 ? ok(isoDay(raw.getTime())) : fail(DATE_REASON);
  }
  if (typeof raw === "number") {
    const t = excelSerialMs(raw);
    return t === null ? fail(DATE_REASON) : ok(isoDay(t));
  }
  return fail(raw === null || raw === undefined ? `trống; cần ngày (YYYY-MM-DD hoặc DD/MM/YYYY)` : DATE_REASON);
}

const ISO_DT = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const VN_DT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?$/;

/** Minutes east of UTC of an ISO offset ("Z", "+07:00", "+0700", "-05"), or null if impossible. */
function offsetMinutes(tz: string): number | null {
  if (tz.toUpperCase() === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? "0");
  if (h > 14 || mi > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (h * 60 + mi);
}

/**
 * Parse a date-time into the UTC instant. Accepts ISO 8601 ("2026-03-02T08:00",
 * "2026-03-02T08:00:00+07:00", "…Z"; no offset = local time), "YYYY-MM-DD HH:mm",
 * "DD/MM/YYYY HH:mm" (also "08h30"), an XLSX Date (its UTC wall-clock fields are local
 * wall-clock time) and an Excel serial with a time fraction (local). A date without a time
 * is refused: a meeting's start needs its hour.
 */
export function parseDateTime(raw: unknown, utcOffsetMinutes: number): Parsed<Date> {
  const local = (ms: number | null): Parsed<Date> =>
    ms === null ? fail(DATETIME_REASON) : ok(new Date(ms - utcOffsetMinutes * 60_000));
  if (raw instanceof Date) {
    const t = raw.getTime();
    return Number.isNaN(t) ? fail(DATETIME_REASON) : local(t);
  }
  if (typeof raw === "number") return local(excelSerialMs(raw));
  if (typeof raw !== "string") {
    return fail(raw === null || raw === undefined ? `trống; cần ngày giờ (DD/MM/YYYY HH:mm)` : DATETIME_REASON);
  }
  const s = raw.trim();
  if (s === "") return fail(`trống; cần ngày giờ (DD/MM/YYYY HH:mm)`);
  const iso = ISO_DT.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, tz] = iso;
    const ms = Number((frac ?? "0").padEnd(3, "0").slice(0, 3));
    const t = wallClockMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec ?? "0"), ms);
    if (tz === undefined) return local(t);
    const off = offsetMinutes(tz);
    return t === null || off === null ? fail(DATETIME_REASON) : ok(new Date(t - off * 60_000));
  }
  const vn = VN_DT.exec(s);
  if (vn) {
    const [, d, mo, y, h, mi, sec] = vn;
    return local(wallClockMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec ?? "0")));
  }
  if (parseDate(s).ok) return fail(`thiếu giờ; ${DATETIME_REASON}`);
  return fail(DATETIME_REASON);
}
