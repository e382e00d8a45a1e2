// The OCR-tolerant normaliser of document intelligence (issue "Document intelligence" §2).
// The original text is never altered: every view built here carries, for each of its
// characters, the index of the original character it came from, so that what is found on the
// view (a number, a copied passage) is cut from — and shown in — the original.
//
// Two views:
// - the READING view (readingView): lower case, diacritics off (đ → d), every other character
//   kept (spaces, punctuation, line breaks), and the common OCR confusions of Vietnamese undone
//   where the context is clear: a capital P before a vowel is a misread Đ ("Pang" → "dang"),
//   and digits inside a word are misread letters ("s6" → "so", "1ap" → "lap", "16i" → "loi",
//   "x4" → "xa"). The metadata parser reads this view with lenient patterns.
// - the MATCHING view (matchingView): the reading view with only letters and digits kept
//   (no spaces: OCR merges and splits syllables) and letters that OCR confuses merged into
//   one class (i/l/y/j/1, o/0/6/5, a/3/4, e/8, t/f, u/w). Copy detection hashes this view.

/** Where each character of a view came from: view character i is `original[offsets[i]]`'s. */
export type OffsetMap = { original: string; offsets: Int32Array };

/** A view of a text: `text[i]` came from `original[offsets[i]]`. */
export type TextView = OffsetMap & { text: string };

/** The folded code of each code unit below U+2000 (lower case, marks off, đ → d); 0 = dropped. */
const FOLD_TABLE: Uint16Array = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x2000);
  for (let c = 0; c < 0x2000; c++) {
    if (c >= 0x300 && c <= 0x36f) continue; // combining marks (NFD input)
    table[c] = String.fromCharCode(c).normalize("NFD").charAt(0).toLowerCase().charCodeAt(0);
  }
  const set = (from: string, to: string): void => {
    table[from.charCodeAt(0)] = to.charCodeAt(0);
  };
  for (const ch of "đĐÐð") set(ch, "d");
  set("ı", "i");
  set("ł", "l");
  set("ø", "o");
  set("Ø", "o");
  // Symbols OCR reads in place of accented vowels (seen in the seeds): ¢ for ệ ("hi¢u"),
  // ¥ and § for ý/ỹ ("luu ¥", "k§ thuat"), € for ề ("v€").
  set("¢", "e");
  set("¥", "y");
  set("§", "y");
  return table;
}

/** The folded code of one code unit; 0 for a combining mark. */
function foldCode(c: number): number {
  if (c < 0x2000) return FOLD_TABLE[c] ?? c;
  if (c <= 0x200b) return 32; // typographic spaces
  if (c === 0x2018 || c === 0x2019) return 39;
  if (c === 0x201c || c === 0x201d) return 34;
  if (c === 0x2013 || c === 0x2014) return 45;
  if (c === 0x20ac) return 101; // € for ề
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

const A = 97;
const Z = 122;
const D0 = 48;
const D9 = 57;
const isLetterCode = (c: number): boolean => c >= A && c <= Z;
const isDigitCode = (c: number): boolean => c >= D0 && c <= D9;
const isAlnumCode = (c: number): boolean => isLetterCode(c) || isDigitCode(c);

/** A digit read where a letter was printed ("s6" = số, "1am" = làm, "x4" = xã, "d3" = đã). */
const DIGIT_AS_LETTER: Readonly<Record<number, number>> = { 48: 111, 49: 108, 51: 97, 52: 97, 54: 111, 56: 101 };

/** Codes and offsets of a view under construction. */
type Codes = { codes: Uint16Array; offsets: Int32Array; length: number };

function foldCodes(original: string): Codes {
  const codes = new Uint16Array(original.length);
  const offsets = new Int32Array(original.length);
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const f = foldCode(original.charCodeAt(i));
    if (f === 0) continue;
    codes[n] = f;
    offsets[n] = i;
    n++;
  }
  return { codes, offsets, length: n };
}

function codesToString(codes: Uint16Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 8192)));
  return out;
}

function readingCodes(original: string): Codes {
  const c = foldCodes(original);
  fixCapitalP(original, c);
  fixDigitsInWords(c);
  return c;
}

/**
 * The reading view of `original`: folded code unit by code unit (so NFC or NFD input both
 * work), then the OCR fixes described above applied in place (one character for one).
 */
export function readingView(original: string): TextView {
  const c = readingCodes(original);
  return { original, text: codesToString(c.codes, c.length), offsets: c.offsets.slice(0, c.length) };
}

const VOWEL_CODES = new Set([..."aeiouy06"].map((ch) => ch.charCodeAt(0)));

/** "Pang", "Poc lap", "P6i mới": a capital P starting a word before a vowel is a misread Đ. */
function fixCapitalP(original: string, c: Codes): void {
  for (let i = 0; i < c.length; i++) {
    if (c.codes[i] !== 112 || original.charCodeAt(c.offsets[i] ?? 0) !== 80) continue;
    if (i > 0 && isAlnumCode(c.codes[i - 1] ?? 0)) continue;
    if (VOWEL_CODES.has(c.codes[i + 1] ?? 0)) c.codes[i] = 100;
  }
}

/**
 * Digits inside a word are letters misread ("s6" → "so", "16i" → "loi"), except in tokens that
 * are numbers: "153a" (a number with its letter), "14thang" (a number glued to a word),
 * "QH15", "A98/…" (a damaged number) and anything of digits only.
 */
function fixDigitsInWords(c: Codes): void {
  let i = 0;
  const codes = c.codes;
  while (i < c.length) {
    if (!isAlnumCode(codes[i] ?? 0)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    let digits = 0;
    while (j < c.length && isAlnumCode(codes[j] ?? 0)) {
      if (isLetterCode(codes[j] ?? 0)) letters++;
      else digits++;
      j++;
    }
    if (letters > 0 && digits > 0) {
      const token = String.fromCharCode(...codes.subarray(i, j));
      if (!isNumberToken(token, codes[j] ?? 0)) {
        for (let k = i; k < j; k++) {
          const repl = DIGIT_AS_LETTER[codes[k] ?? 0];
          if (repl !== undefined) codes[k] = repl;
        }
      }
    }
    i = j;
  }
}

function isNumberToken(token: string, next: number): boolean {
  if (next === 47) return true; // "/": A98/KH-UBND, a damaged number left for the number reader
  if (/^\d+[a-z]$/.test(token) && next === 45) return true; // 153a-…
  if (/^\d{2,}[a-z]{2,}/.test(token)) return true; // 14thangg, 2026va (but 16i is "lối")
  if (/^[a-z]{2,}\d{2,}$/.test(token)) return true; // qh15
  if (/^\d+(?:st|nd|rd|th)$/.test(token)) return true;
  return false;
}

/** Letter classes of the matching view: letters OCR confuses become one. */
const MATCH_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isAlnumCode(c)) t[c] = c;
  const merge = (chars: string, to: string): void => {
    for (const ch of chars) t[ch.charCodeAt(0)] = to.charCodeAt(0);
  };
  merge("ylj1", "i");
  merge("065", "o");
  merge("34", "a");
  merge("8", "e");
  merge("f", "t");
  merge("w", "u");
  return t;
})();

/** The matching view as codes (ASCII letters/digits), offsets and word starts. */
export type MatchingCodes = { original: string; codes: Uint8Array; offsets: Int32Array; wordStart: Uint8Array; length: number };

/** The matching view of `original` as codes, without building strings (fast path). */
export function matchingCodes(original: string): MatchingCodes {
  return matchingOfReading(original, readingCodes(original));
}

/** Both views of a text from one folding pass (a query needs both: citations and matching). */
export function bothViews(original: string): { reading: TextView; matching: MatchingCodes } {
  const r = readingCodes(original);
  const reading = { original, text: codesToString(r.codes, r.length), offsets: r.offsets.slice(0, r.length) };
  return { reading, matching: matchingOfReading(original, r) };
}

function matchingOfReading(original: string, r: Codes): MatchingCodes {
  const codes = new Uint8Array(r.length);
  const offsets = new Int32Array(r.length);
  const wordStart = new Uint8Array(r.length);
  let n = 0;
  let prevWasChar = false;
  for (let i = 0; i < r.length; i++) {
    const ch = r.codes[i] ?? 0;
    const m = ch < 128 ? (MATCH_CLASS[ch] ?? 0) : 0;
    if (m === 0) {
      prevWasChar = false;
      continue;
    }
    codes[n] = m;
    offsets[n] = r.offsets[i] ?? 0;
    wordStart[n] = prevWasChar ? 0 : 1;
    prevWasChar = true;
    n++;
  }
  return { original, codes: codes.subarray(0, n), offsets: offsets.subarray(0, n), wordStart: wordStart.subarray(0, n), length: n };
}

/**
 * The matching view of `original`: the reading view's letters and digits only, in their
 * classes. Also returns, for each character, whether it starts a word (a syllable) of the
 * original — fingerprints may be anchored there.
 */
export function matchingView(original: string): TextView & { wordStart: Uint8Array } {
  const m = matchingCodes(original);
  let text = "";
  for (let i = 0; i < m.length; i += 8192) text += String.fromCharCode(...m.codes.subarray(i, Math.min(m.length, i + 8192)));
  return { original, text, offsets: m.offsets, wordStart: m.wordStart };
}

/**
 * The original range [start, end) of the view's range [from, to): from the first view
 * character's source to just after the last one's (combining marks that follow included).
 */
export function originalRange(view: OffsetMap, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < view.offsets.length ? (view.offsets[from] ?? view.original.length) : view.original.length;
    return { start: at, end: at };
  }
  const start = view.offsets[from] ?? 0;
  let end = (view.offsets[to - 1] ?? start) + 1;
  while (end < view.original.length && /\p{M}/u.test(view.original.charAt(end))) end++;
  return { start, end };
}

/** The original text behind the view's range [from, to). */
export function originalSlice(view: TextView, from: number, to: number): string {
  const r = originalRange(view, from, to);
  return view.original.slice(r.start, r.end);
}

/** Fold a short string for comparisons (reading view, spaces collapsed, trimmed). */
export function foldText(s: string): string {
  return readingView(s).text.replace(/\s+/g, " ").trim();
}

/** A loose key: the matching view's characters only (for comparing OCR'd names, list items). */
export function looseKey(s: string): string {
  return matchingView(s).text;
}
