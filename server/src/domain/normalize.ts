// Import/form value normalisation — data-contract.md §CSV/XLSX columns. Every parser returns a
// Parsed<T> and never throws, so an import can list every bad cell (`row N: column: reason`).
// Dates live in date-values.ts and document types in document-types.ts; re-exported here so
// callers have one module to import from.
import { fail, foldDiacritics, ok } from "./text.js";
import type { Parsed } from "./text.js";

export { foldDiacritics } from "./text.js";
export type { Parsed } from "./text.js";
export { parseDate, parseDateValue, parseDateTime } from "./date-values.js";
export { parseDocumentType, d2BucketOf, DOCUMENT_TYPES } from "./document-types.js";
export type { DocTypeCode, D2Bucket } from "./document-types.js";

const TRUE_WORDS = new Set(["1", "true", "co", "x"]);
const FALSE_WORDS = new Set(["0", "false", "khong"]);

/**
 * Parse a boolean cell: 1/0, true/false, có/không (also co/khong), any case; "x" is true;
 * empty (or null/undefined) gives `dflt`. XLSX may hand over a real boolean or 1/0 number,
 * accepted too. Anything else is an error.
 */
export function parseBoolean(raw: unknown, dflt: boolean): Parsed<boolean> {
  if (raw === null || raw === undefined) return ok(dflt);
  if (typeof raw === "boolean") return ok(raw);
  if (typeof raw === "number" && (raw === 0 || raw === 1)) return ok(raw === 1);
  if (typeof raw === "string") {
    const s = foldDiacritics(raw);
    if (s === "") return ok(dflt);
    if (TRUE_WORDS.has(s)) return ok(true);
    if (FALSE_WORDS.has(s)) return ok(false);
  }
  return fail("không phải giá trị có/không hợp lệ (1/0, true/false, có/không, x hoặc để trống)");
}

/** Parse a count: an integer ≥ 0 (number or digits); empty (or null/undefined) → null. */
export function parseNonNegativeInt(raw: unknown): Parsed<number | null> {
  const reason = "không phải số nguyên không âm (0, 1, 2, …)";
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === "number") {
    return Number.isSafeInteger(raw) && raw >= 0 ? ok(raw === 0 ? 0 : raw) : fail(reason);
  }
  if (typeof raw !== "string") return fail(reason);
  const s = raw.trim();
  if (s === "") return ok(null);
  if (!/^\d+$/.test(s)) return fail(reason);
  const n = Number(s);
  return Number.isSafeInteger(n) ? ok(n) : fail(reason);
}

/**
 * Parse one of `allowed`, case-insensitively; also matches after folding diacritics and
 * turning spaces/hyphens into "_", so "Quán triệt" → "quan_triet". The reason lists the
 * allowed values.
 */
export function parseEnum<T extends string>(raw: string, allowed: readonly T[]): Parsed<T> {
  const s = raw.trim();
  const list = allowed.join(", ");
  if (s === "") return fail(`trống; chấp nhận: ${list}`);
  const lower = s.toLowerCase();
  const direct = allowed.find((a) => a.toLowerCase() === lower);
  if (direct !== undefined) return ok(direct);
  const key = foldDiacritics(s).replace(/[\s-]+/g, "_");
  const folded = allowed.find((a) => foldDiacritics(a).replace(/[\s-]+/g, "_") === key);
  return folded !== undefined ? ok(folded) : fail(`"${s}" không hợp lệ; chấp nhận: ${list}`);
}
