// Quantitative targets a document states (issue "Document intelligence" §1 `targets`): every
// percentage in the body with the direction of the commitment and what it measures, e.g.
// "giảm tối thiểu 15% số lượng văn bản hành chính" → { percent: 15, direction: "decrease",
// indicator: "D1" }. The indicator is the KL 226 rule the target bears on (kl226-rules.md:
// D1 documents cut, D3 digitised, D4 sent electronically, M1 conferences cut, M2 online share,
// T1 TTHC processed digitally), or null when it bears on none. Read on the reading view, so
// OCR'd text ("tinh gién t6i thiéu 15% s6 lwong vin ban") reads like clean text.
import { originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";

export type TargetDirection = "decrease" | "increase" | "at_least" | "at_most";
export type TargetIndicator = "D1" | "D3" | "D4" | "M1" | "M2" | "T1";

export type Target = { percent: number; direction: TargetDirection; what: string; indicator: TargetIndicator | null };

const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s?%/g;

const DECREASE = /\b(?:gi[a-z]?m(?!\s+(?:sat|doc|dinh|ho)\b)|tinh gi[a-z]n)\b/g;
const INCREASE = /\bt[a-z]ng\s+(?:them\s+)?$/;
const AT_MOST = /\b(?:kh[a-z]{1,3}ng\s+qu[a-z]{1,2}|t[a-z]i\s+da|d[a-z]{1,2}i)\s*$/;

const DOCUMENTS = /\bv[a-z]{0,2}n\s+b[a-z]{0,2}n\b|\bt[a-z]{1,2}i\s+li[a-z]{0,2}u\b/;
const CONFERENCES = /\bh[a-z]{1,3}\s+ng[hl]|\bh[o]p\b|\bcu[a-z]{1,2}c\s+h[a-z]{1,2}p\b/;
const ONLINE = /\btr[a-z]{1,3}\s+tuy[a-z]{0,2}n\b/;
const IN_PERSON = /\btr[a-z]{1,3}\s+t[il][a-z]{0,2}p\b/;
const TTHC = /\bth[a-z]{0,2}\s+t[a-z]{1,2}c\s+h[a-z]{1,3}\s+ch|\btthc\b/;
const DIGITISED = /\bs[a-z]{0,2}\s+h(?:oa|od|ea|oe)\b/;
const ELECTRONIC = /\bdi[a-z]{0,2}n\s+t[a-z]{1,2}\b|\bm[a-z]{0,2}i\s+tr[a-z]{1,4}ng\s+m[a-z]{1,2}ng\b|\btruy[a-z]{0,2}n\s+t[a-z]{1,2}i\b/;

/** What the right side of "N%" starts with when it names the measured thing. */
const OBJECT_START =
  /^\s*(?:s[a-z]{0,2}\s+l[a-z]{1,4}ng|v[a-z]{0,2}n\s+b[a-z]{0,2}n|h[a-z]{0,2}\s+s[a-z]{0,2}\b|h[a-z]{1,3}\s+ng[hl]|th[a-z]{0,2}\s+t[a-z]{1,2}c|tthc|c[a-z]n\s+b|c[a-z]{1,2}c\s|t[iy]\s+l|[)]?\s*l[a-z]{1,4}ng\s+h)/;

/** The indicator a measured thing bears on, given the direction. */
export function indicatorOf(what: string, direction: TargetDirection): TargetIndicator | null {
  const conferences = CONFERENCES.test(what);
  if (conferences && ONLINE.test(what)) return direction === "at_least" ? "M2" : null;
  if (conferences && IN_PERSON.test(what)) return null;
  if (conferences && direction === "decrease") return "M1";
  if (TTHC.test(what) && !DIGITISED.test(what)) return direction === "at_least" ? "T1" : null;
  if (DIGITISED.test(what) && DOCUMENTS.test(what)) return direction === "at_least" ? "D3" : null;
  if (DOCUMENTS.test(what) && ELECTRONIC.test(what)) return direction === "at_least" ? "D4" : null;
  if (DOCUMENTS.test(what) && direction === "decrease") return "D1";
  return null;
}

/** What a target without indicator measures, as a key for telling targets apart. */
function kindOf(what: string): string {
  const kinds: Array<[string, RegExp]> = [["conferences", CONFERENCES], ["online", ONLINE], ["in-person", IN_PERSON], ["tthc", TTHC], ["digitised", DIGITISED], ["documents", DOCUMENTS], ["electronic", ELECTRONIC]];
  const found = kinds.filter(([, re]) => re.test(what)).map(([k]) => k);
  return found.length > 0 ? found.join("+") : tidy(what);
}

/** Where a clause starts (after the limit) on the reading view. */
function clauseStart(text: string, from: number, limit: number): number {
  for (let i = from - 1; i > limit; i--) {
    const ch = text.charAt(i);
    if (ch === ";" || ch === ":" || ch === "%" || ch === "(" || ch === ")") return i + 1;
    if (ch === "." && !/\d/.test(text.charAt(i + 1))) return i + 1;
    if (ch === "\n" && /^\n\s*(?:\n|[-+•]|\d+\.|[a-zđ]\))/.test(text.slice(i, i + 6))) return i + 1;
  }
  return limit;
}

/** Where a clause ends (before the limit). */
function clauseEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const ch = text.charAt(i);
    if (ch === "(") {
      // A parenthesis inside the clause ("100% văn bản (không chứa bí mật) được truyền tải …")
      const close = text.indexOf(")", i);
      if (close > i && close < limit && !text.slice(i, close).includes("\n\n")) {
        i = close;
        continue;
      }
      return i;
    }
    if (ch === ";" || ch === ":") return i;
    if (ch === "." && !/\d/.test(text.charAt(i + 1))) return i;
    if (/\d/.test(ch) && /^\d{1,3}\s?%/.test(text.slice(i))) return i;
    if (ch === "\n" && /^\n\s*(?:\n|[-+•]|\d+\.|[a-zđ]\))/.test(text.slice(i, i + 6))) return i;
  }
  return limit;
}

const tidy = (s: string): string => s.replace(/\s+/g, " ").replace(/^[\s,\-+•]+|[\s,]+$/g, "").trim();

/**
 * The targets stated in the view's range [from, to), each (percent, direction, indicator — or
 * the measured text when no indicator) once, in order of first statement. A thing joined by
 * "và" to another ("xử lý TTHC trên môi trường số và số hóa văn bản đạt từ 95%") gives one
 * target for each.
 */
export function findTargets(view: TextView, from: number, to: number): Target[] {
  const text = view.text;
  const out: Target[] = [];
  const seen = new Set<string>();
  PERCENT.lastIndex = from;
  for (let m = PERCENT.exec(text); m !== null && m.index < to; m = PERCENT.exec(text)) {
    const percent = Number((m[1] ?? "0").replace(",", "."));
    if (!(percent > 0 && percent <= 100)) continue;
    const left = clauseStart(text, m.index, Math.max(from, m.index - 220));
    const right = clauseEnd(text, m.index + m[0].length, Math.min(to, m.index + m[0].length + 200));
    const before = text.slice(left, m.index);
    const after = text.slice(m.index + m[0].length, right);
    const direction = directionOf(before);
    const objectRight = OBJECT_START.test(after);
    const whatFrom = objectRight ? m.index + m[0].length : left;
    const whatTo = objectRight ? m.index + m[0].length + cutObject(after, right - m.index - m[0].length) : left + cutVerb(before);
    const whatFolded = text.slice(whatFrom, whatTo);
    const whatOriginal = tidy(originalSlice(view, whatFrom, whatTo));
    const parts = splitOnAnd(whatFolded, direction);
    for (const part of parts) {
      const indicator = indicatorOf(part, direction);
      const key = `${percent}|${direction}|${indicator ?? kindOf(part)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ percent, direction, what: parts.length > 1 ? tidy(originalOfPart(view, whatFrom, whatFolded, part)) : whatOriginal, indicator });
    }
  }
  return out;
}

function directionOf(before: string): TargetDirection {
  DECREASE.lastIndex = 0;
  if (DECREASE.test(before)) return "decrease";
  if (INCREASE.test(before)) return "increase";
  if (AT_MOST.test(before)) return "at_most";
  return "at_least";
}

/** Length of the left side up to its verb ("… chiếm không quá", "… đạt từ"). */
function cutVerb(before: string): number {
  const m = /\s(?:chi[a-z]m|d[a-z]t|la|bao dam|dam bao|phan dau)\b(?![\s\S]*\s(?:chi[a-z]m|d[a-z]t)\b)/.exec(before);
  return m ? m.index : before.length;
}

/** Length of a right-side object up to its verb or the next measured thing ("… và tỷ lệ …"). */
function cutObject(after: string, max: number): number {
  const m = /\s(?:d[a-z]t|chi[a-z]m)\b|\s+va\s+(?:t[iy]\s+[l1]|s[a-z]{0,2}\s+l[a-z]{1,4}ng)/.exec(after);
  return m ? Math.min(m.index, max) : max;
}

/** "A và B" → [A, B] when both name a different indicator; else [whole]. */
function splitOnAnd(what: string, direction: TargetDirection): string[] {
  const parts = what.split(/\s+va\s+/);
  if (parts.length !== 2) return [what];
  const [a, b] = parts as [string, string];
  const ia = indicatorOf(a, direction);
  const ib = indicatorOf(b, direction);
  return ia !== null && ib !== null && ia !== ib ? [a, b] : [what];
}

function originalOfPart(view: TextView, base: number, whole: string, part: string): string {
  const at = whole.indexOf(part);
  return at < 0 ? part : originalSlice(view, base + at, base + at + part.length);
}
