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
  codes.length = 0;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const folded = code < FOLD_TABLE.length ? FOLD_TABLE[code]! : SLOW;
    if (folded < REMOVE) {
      if (pendingSpace) {
        codes.push(0x20);
        pendingSpace = false;
      }
      codes.push(folded);
    } else if (folded === SPACE) pendingSpace = codes.length > 0;
    else if (folded === SLOW) return foldDiacriticsSlowly(s);
  }
  // in slices: apply() takes at most some tens of thousands of arguments
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  return out;
}

const codes: number[] = [];

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
