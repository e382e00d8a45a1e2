// Full-text search over document texts (issue "Document intelligence" §8): what is indexed and
// what is shown. Texts and queries are cut into the same SEARCH TOKENS: the words of the
// matching view (fold.ts — diacritics off, OCR digit-for-letter fixes, and the letters OCR
// confuses merged into one class), so "le loi lam viec" finds "lề lối làm việc" and its OCR'd
// forms "18 16i 1am viéc". The database ranks over these tokens (a tsvector of the 'simple'
// configuration); the snippet a result shows is cut from the ORIGINAL text around the best
// cluster of the query's tokens.
import { matchingCodes, originalRange } from "./fold.js";
import type { MatchingCodes } from "./fold.js";

/** The search tokens of a text, each with its range on the matching view. */
export type SearchTokens = { view: MatchingCodes; tokens: string[]; from: number[]; to: number[] };

export function searchTokens(original: string): SearchTokens {
  const view = matchingCodes(original);
  const tokens: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let start = 0;
  for (let i = 1; i <= view.length; i++) {
    if (i < view.length && view.wordStart[i] !== 1) continue;
    if (i > start) {
      tokens.push(String.fromCharCode(...view.codes.subarray(start, i)));
      from.push(start);
      to.push(i);
    }
    start = i;
  }
  return { view, tokens, from, to };
}

/** The text a search vector is built from: its search tokens, space-separated. */
export function searchFold(s: string): string {
  return searchTokens(s).tokens.join(" ");
}

/**
 * A query in websearch syntax (words, "a phrase", `or`, `-word`) with every word turned into
 * its search tokens and the operators kept, for websearch_to_tsquery('simple', …).
 */
export function searchQuery(q: string): string {
  const parts: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"?|(-?)([^\s"]+)/g)) {
    if (m[1] !== undefined) {
      const phrase = searchFold(m[1]);
      if (phrase !== "") parts.push(`"${phrase}"`);
    } else if (m[3] !== undefined) {
      if (m[2] === "" && m[3].toLowerCase() === "or") parts.push("or");
      else {
        const folded = searchFold(m[3]);
        if (folded !== "") parts.push(m[2] === "-" ? folded.split(" ").map((w) => `-${w}`).join(" ") : folded);
      }
    }
  }
  return parts.join(" ");
}

/** The tokens a result is expected to contain (excluded words and `or` left out). */
export function queryWords(q: string): string[] {
  const words = searchQuery(q).replace(/"/g, " ").split(/\s+/).filter((w) => w !== "" && w !== "or" && !w.startsWith("-"));
  return [...new Set(words)];
}

/** A piece of the original text with the ranges (relative to `text`) where query words are. */
export type Snippet = { text: string; highlights: Array<{ start: number; end: number }> };

/**
 * The window of about `width` characters of `original` holding the most distinct query tokens
 * (the earliest such), widened to whole words, with each occurrence inside it highlighted.
 * Without any occurrence: the start of the text.
 */
export function searchSnippet(original: string, q: string, width = 240): Snippet {
  const words = queryWords(q);
  const st = searchTokens(original);
  const hits: Array<{ start: number; end: number; word: number }> = [];
  st.tokens.forEach((tok, i) => {
    const w = words.indexOf(tok);
    if (w >= 0) {
      const r = originalRange(st.view, st.from[i] ?? 0, st.to[i] ?? 0);
      hits.push({ start: r.start, end: r.end, word: w });
    }
  });
  if (hits.length === 0) return { text: original.slice(0, wordEnd(original, Math.min(original.length, width))), highlights: [] };
  let best = { at: 0, count: -1 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    for (let j = i; j < hits.length && (hits[j]?.end ?? 0) - (hits[i]?.start ?? 0) <= width; j++) seen.add(hits[j]?.word ?? 0);
    if (seen.size > best.count) best = { at: i, count: seen.size };
  }
  const first = hits[best.at]!;
  const start = wordStart(original, Math.max(0, first.start - Math.floor(width / 4)));
  const end = wordEnd(original, Math.min(original.length, start + width));
  const highlights = hits.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start - start, end: h.end - start }));
  return { text: original.slice(start, end), highlights };
}

const isSpace = (ch: string): boolean => /\s/.test(ch);

function wordStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && !isSpace(s.charAt(i - 1))) i--;
  return i;
}

function wordEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !isSpace(s.charAt(i))) i++;
  return i;
}
