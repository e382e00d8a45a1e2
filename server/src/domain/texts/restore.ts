// A conservative restorer of OCR'd Vietnamese (issue "Document intelligence" §2: "for OCR'd
// input, also offer a restored text where the restoration is confident"). The original is
// never altered: the restored text is a second text, with the list of what was changed.
//
// How: every syllable of the input is keyed by the reading view (fold.ts: lower case,
// diacritics off, OCR digits undone — "s6" → "so", "1ap" → "lap", "Két" → "ket"). A lexicon
// of clean administrative Vietnamese maps each key to the written forms seen for it, and each
// pair of neighbouring keys to the pairs of forms seen (digits-only tokens — numbers, dates —
// are one class "#", so "ngay 11/12/2025" finds "ngày #"). A syllable is rewritten only when
//  - its neighbours' pairs (left and right) point, together, to one form with at least
//    `minContext` sightings and a share ≥ `minShare`; or, with no such context,
//  - its key alone has one form with at least `minUnigram` sightings and a share ≥ `minShare`,
// and never when the syllable as written is itself a form the lexicon knows for its key unless
// the context alone is confident. A syllable whose key the lexicon does not know is left alone.
// What this costs and gains is measured in test/intelligence/restore-accuracy.test.ts.
import { originalRange, readingView } from "./fold.js";

/** Counts of written forms (lower case, NFC) per key, and of form pairs per key pair. */
export type Lexicon = {
  unigrams: Map<string, Map<string, number>>;
  /** "leftKey rightKey" → "leftForm rightForm" → count */
  bigrams: Map<string, Map<string, number>>;
};

/** The lexicon as stored (JSON): the same counts as plain objects. */
export type LexiconJson = { unigrams: Record<string, Record<string, number>>; bigrams: Record<string, Record<string, number>> };

export type RestoreOptions = { minShare: number; minContext: number; minUnigram: number; minOverride: number };
export const RESTORE_DEFAULTS: RestoreOptions = { minShare: 0.9, minContext: 1, minUnigram: 3, minOverride: 3 };

/** One syllable rewritten: [start, end) in the original, what it was, what it became, and why. */
export type Restoration = { start: number; end: number; from: string; to: string; by: "context" | "word" };

/** A syllable of a text: its original range, as written, its key ("#" for digits only). */
type Token = { start: number; end: number; written: string; key: string; joinsNext: boolean };

const NUMBER_KEY = "#";

/** The syllables of a text, keyed on the reading view; `joinsNext` when only spaces separate it from the next one. */
function tokensOf(original: string): Token[] {
  const view = readingView(original);
  const t = view.text;
  const out: Token[] = [];
  let i = 0;
  const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  while (i < t.length) {
    if (!isAlnum(t.charCodeAt(i))) { i++; continue; }
    let j = i;
    while (j < t.length && isAlnum(t.charCodeAt(j))) j++;
    const key = t.slice(i, j);
    const { start, end } = originalRange(view, i, j);
    let k = j;
    while (k < t.length && (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 10 || t.charCodeAt(k) === 13 || t.charCodeAt(k) === 9)) k++;
    out.push({ start, end, written: original.slice(start, end), key: /^\d+$/.test(key) ? NUMBER_KEY : key, joinsNext: k > j && k < t.length && isAlnum(t.charCodeAt(k)) });
    i = j;
  }
  return out;
}

const formOf = (written: string): string => written.normalize("NFC").toLocaleLowerCase("vi");
const add = (m: Map<string, Map<string, number>>, key: string, form: string, n = 1) => {
  let forms = m.get(key);
  if (!forms) m.set(key, (forms = new Map()));
  forms.set(form, (forms.get(form) ?? 0) + n);
};

/** The lexicon of clean texts (their syllables with digits inside a word are skipped: codes, not words). */
export function buildLexicon(cleanTexts: readonly string[]): Lexicon {
  const lex: Lexicon = { unigrams: new Map(), bigrams: new Map() };
  for (const text of cleanTexts) {
    const tokens = tokensOf(text);
    const usable = (tk: Token) => tk.key === NUMBER_KEY || !/\d/.test(tk.written);
    tokens.forEach((tk, i) => {
      if (!usable(tk)) return;
      const form = tk.key === NUMBER_KEY ? NUMBER_KEY : formOf(tk.written);
      if (tk.key !== NUMBER_KEY) add(lex.unigrams, tk.key, form);
      const next = tokens[i + 1];
      if (tk.joinsNext && next && usable(next)) {
        add(lex.bigrams, `${tk.key} ${next.key}`, `${form} ${next.key === NUMBER_KEY ? NUMBER_KEY : formOf(next.written)}`);
      }
    });
  }
  return lex;
}

export function lexiconToJson(lex: Lexicon): LexiconJson {
  const obj = (m: Map<string, Map<string, number>>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Object.fromEntries(v)]));
  return { unigrams: obj(lex.unigrams), bigrams: obj(lex.bigrams) };
}

export function lexiconFromJson(json: LexiconJson): Lexicon {
  const map = (o: Record<string, Record<string, number>>) => new Map(Object.entries(o).map(([k, v]) => [k, new Map(Object.entries(v))]));
  return { unigrams: map(json.unigrams), bigrams: map(json.bigrams) };
}

/** The most frequent form and its share of `total`, if any. */
function best(counts: Map<string, number>): { form: string; count: number; total: number } | null {
  let form = "";
  let count = 0;
  let total = 0;
  for (const [f, n] of counts) {
    total += n;
    if (n > count) { form = f; count = n; }
  }
  return total === 0 ? null : { form, count, total };
}

/** What the neighbours' pairs say the form of `tokens[i]` is: form → count. */
function contextForms(lex: Lexicon, tokens: readonly Token[], i: number): Map<string, number> {
  const out = new Map<string, number>();
  const tk = tokens[i]!;
  const left = i > 0 && tokens[i - 1]!.joinsNext ? tokens[i - 1] : undefined;
  const right = tk.joinsNext ? tokens[i + 1] : undefined;
  if (left) {
    for (const [pair, n] of lex.bigrams.get(`${left.key} ${tk.key}`) ?? []) {
      const f = pair.slice(pair.indexOf(" ") + 1);
      out.set(f, (out.get(f) ?? 0) + n);
    }
  }
  if (right) {
    for (const [pair, n] of lex.bigrams.get(`${tk.key} ${right.key}`) ?? []) {
      const f = pair.slice(0, pair.indexOf(" "));
      out.set(f, (out.get(f) ?? 0) + n);
    }
  }
  return out;
}

/** `form` written with the capitals of `written` ("KET" → "KẾT", "Két" → "Kết"). */
function withCaseOf(written: string, form: string): string {
  const letters = [...written].filter((c) => /\p{L}/u.test(c));
  const isUpper = (c: string) => c !== c.toLocaleLowerCase("vi") && c === c.toLocaleUpperCase("vi");
  if (letters.length > 1 && letters.every(isUpper)) return form.toLocaleUpperCase("vi");
  if (letters[0] && isUpper(letters[0])) return form.charAt(0).toLocaleUpperCase("vi") + form.slice(1);
  return form;
}

/** "TTg", "QĐ", "HĐND": capitals after the first letter mixed with small ones, or short codes — not words to restore. */
const isAbbreviation = (written: string): boolean => /^\p{L}\p{Lu}+\p{Ll}/u.test(written) || /^\p{Lu}+$/u.test(written) && !/[AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]/u.test(written.normalize("NFC"));

/** Marks other than a lone acute, or đ/ă/â/ê/ô/ơ/ư: what the OCR of the seeds keeps right rather than invents. */
function hasRichMarks(written: string): boolean {
  const nfd = written.normalize("NFD");
  if (/[đĐ]/u.test(nfd) || /[\u0300\u0302\u0303\u0306\u0309\u031b\u0323]/u.test(nfd)) return true;
  return false;
}

/** The form a syllable is restored to, or null to leave it as written. */
function chooseForm(lex: Lexicon, tokens: readonly Token[], i: number, o: RestoreOptions): { form: string; by: Restoration["by"] } | null {
  const tk = tokens[i]!;
  if (tk.key === NUMBER_KEY) return null;
  const known = lex.unigrams.get(tk.key);
  if (!known) return null;
  if (isAbbreviation(tk.written)) return null;
  const written = formOf(tk.written);
  const forms = contextForms(lex, tokens, i);
  const ctx = best(forms);
  const confident = ctx !== null && ctx.form !== NUMBER_KEY && ctx.count / ctx.total >= o.minShare;
  // a syllable written as a word the lexicon knows, or with marks OCR does not invent, yields
  // only to strong context that never saw it written so
  if (known.has(written) || hasRichMarks(tk.written)) {
    return confident && ctx.total >= o.minOverride && !forms.has(written) ? { form: ctx.form, by: "context" } : null;
  }
  if (ctx && ctx.total >= o.minContext) return confident ? { form: ctx.form, by: "context" } : null;
  const uni = best(known);
  // too little context to decide on, but enough to veto a word-level guess it contradicts
  if (ctx && ctx.form !== uni?.form) return null;
  return uni && uni.count >= o.minUnigram && uni.count / uni.total >= o.minShare ? { form: uni.form, by: "word" } : null;
}

/** The restored text of `original` and the syllables changed (the original is not touched). */
export function restoreText(original: string, lex: Lexicon, options: Partial<RestoreOptions> = {}): { text: string; restorations: Restoration[] } {
  const o = { ...RESTORE_DEFAULTS, ...options };
  const tokens = tokensOf(original);
  const restorations: Restoration[] = [];
  tokens.forEach((tk, i) => {
    const chosen = chooseForm(lex, tokens, i, o);
    if (!chosen) return;
    const to = withCaseOf(tk.written, chosen.form);
    if (to !== tk.written.normalize("NFC")) restorations.push({ start: tk.start, end: tk.end, from: tk.written, to, by: chosen.by });
  });
  let text = "";
  let at = 0;
  for (const r of restorations) {
    text += original.slice(at, r.start) + r.to;
    at = r.end;
  }
  return { text: text + original.slice(at), restorations };
}

/**
 * Whether a text reads as OCR'd Vietnamese: of its syllables whose key the lexicon knows, the
 * share written as a form the lexicon knows is below `maxKnownShare` (a clean text writes most
 * of them so; OCR drops and garbles the diacritics).
 */
export function looksOcrDamaged(original: string, lex: Lexicon, maxKnownShare = 0.6): { damaged: boolean; knownShare: number | null } {
  let keyed = 0;
  let known = 0;
  for (const tk of tokensOf(original)) {
    const forms = tk.key === NUMBER_KEY ? undefined : lex.unigrams.get(tk.key);
    if (!forms) continue;
    keyed++;
    if (forms.has(formOf(tk.written))) known++;
  }
  if (keyed < 20) return { damaged: false, knownShare: keyed === 0 ? null : known / keyed };
  return { damaged: known / keyed < maxKnownShare, knownShare: known / keyed };
}
