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
  // One pass through a table of every code unit below U+1F00 (Latin, Vietnamese, combining
  // marks): several times faster than the string operations, and imports fold every document.
  if (buffer.length < s.length) buffer = new Uint16Array(s.length * 2);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const folded = code < FOLD_TABLE.length ? FOLD_TABLE[code]! : SLOW;
    if (folded < REMOVE) {
      if (pendingSpace) {
        buffer[n++] = 0x20;
        pendingSpace = false;
      }
      buffer[n++] = folded;
    } else if (folded === SPACE) pendingSpace = n > 0;
    else if (folded === SLOW) return foldDiacriticsSlowly(s);
  }
  return UTF16.decode(buffer.subarray(0, n));
}

let buffer = new Uint16Array(256);
const UTF16 = new TextDecoder("utf-16le");

/** The reference definition of {@link foldDiacritics}, also its fallback outside the table. */
export function foldDiacriticsSlowly(s: string): string {
  return s
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

const SLOW = 0xffff;
const SPACE = 0xfffe;
const REMOVE = 0xfffd;
/** code unit → the code unit it folds to, or REMOVE (a combining mark), SPACE (white space),
 * SLOW (folds to several units or depends on context: use the reference). */
const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x1f00);
  for (let code = 0; code < table.length; code++) {
    const ch = String.fromCharCode(code);
    const folded = foldDiacriticsSlowly(ch);
    if (/\s/.test(ch)) table[code] = SPACE;
    else if (folded === "") table[code] = REMOVE;
    else if (folded.length === 1 && code !== 0x3a3 /* Σ lower-cases by context */) table[code] = folded.charCodeAt(0);
    else table[code] = SLOW;
  }
  return table;
})();

/** What the document register's text search matches against (documents.search_text). */
export function documentSearchText(number: string, subject: string, signer: string | null): string {
  return foldDiacritics(`${number} ${subject} ${signer ?? ""}`);
}
