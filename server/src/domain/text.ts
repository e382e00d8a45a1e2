// Shared text helpers of the import/form parsers (data-contract.md §CSV/XLSX columns).

/** Result of a parser: never throws; `reason` is short Vietnamese saying what is accepted. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Build a success result. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Build a failure result. */
export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/**
 * Fold Vietnamese text for matching: lower-case, đ → d, combining marks stripped (NFD),
 * runs of white space collapsed to one space, trimmed.
 * @example foldDiacritics("  Hội nghị   Đảng ") === "hoi nghi dang"
 */
export function foldDiacritics(s: string): string {
  return s
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}
