// Text and date helpers shared by the plan rules (deadline language, lead cells). Matching is
// done on folded text (foldDiacritics) so that OCR'd and hand-typed variants meet.
import { foldDiacritics } from "../normalize.js";
import { parsePeriod } from "../period.js";

const DAY_MS = 86_400_000;
const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Fold `s` character by character so that index i of the result is index i of `s`
 * (NFC input): lets a regex found on folded text cut the original, diacritics kept.
 * Every white-space character becomes one space; nothing is collapsed or trimmed.
 */
export function foldKeepingLength(s: string): string {
  let out = "";
  for (const ch of s.split("")) {
    if (/\s/.test(ch)) {
      out += " ";
      continue;
    }
    const f = foldDiacritics(ch);
    out += f.length === 1 ? f : ch.toLowerCase();
  }
  return out;
}

/** Collapse white space, NFC, trim: the form of a cell's text kept alongside what is parsed from it. */
export function tidyText(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "YYYY-MM-DD" from its parts (no validation: callers pass real days). */
export function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** `iso` ("YYYY-MM-DD") moved by `days` calendar days (UTC arithmetic, no clock). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The last calendar day of a period id ("2026Q1" → "2026-03-31"); period.ts gives `end` exclusive. */
export function lastDayOfPeriod(periodId: string): string {
  return addDays(parsePeriod(periodId).end, -1);
}
