// The closing block (Nghị định 30/2020 Appendix I §II.7–§II.8): "Nơi nhận" (distribution) on
// the left, the signature on the right — authority ("TM.", "T/M", "KT.", "TL.", "TUQ."),
// position, then the signer's name. OCR writes the two columns into the same lines
// ("- Thường trực HĐND tỉnh; PHÓ CHỦ TỊCH"), so each distribution line is split where its
// item ends and signature text (capitals) or stamp noise (©, |, \, stray letters) begins.
import { cleanListItem } from "./doc-header.js";
import { cleanMarkup, DISTRIBUTION_MARK, isBlank, lineOriginal } from "./doc-layout.js";
import type { Line, Zones } from "./doc-layout.js";
import { foldText, originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";

export type Signer = { name: string | null; position: string | null; onBehalf: string[] };

const letters = (s: string): string => s.replace(/[^\p{L}]/gu, "");
const upperShare = (s: string): number => {
  const l = letters(s);
  return l.length === 0 ? 0 : l.replace(/[^\p{Lu}]/gu, "").length / l.length;
};
const JUNK_SYMBOL = /[©|\\@&%{}[\]<>—_]/;

/** Text that belongs to the signature column or is stamp noise, not to a distribution item. */
function isRightColumn(rest: string, archive: boolean): boolean {
  const r = rest.trim();
  if (r === "") return false;
  const first = r.split(/\s+/)[0] ?? "";
  // The archive line ends with the typist's initials ("Lưu: VT, P.TH. Hy."): short is not noise there.
  if (letters(r).length <= 3 && !archive) return true;
  if (JUNK_SYMBOL.test(first) || letters(first).length === 1) return true;
  // Signature text in capitals: at least two words of two or more capital letters ("PHÓ CHỦ TỊCH");
  // archive initials ("Lưu: VT, P.TH. Hy.") are not.
  const capitalWords = r.split(/\s+/).filter((w) => /^\p{Lu}{2,}\.?$/u.test(w)).length;
  return capitalWords >= 2 && upperShare(r) >= 0.7;
}

/** Split a distribution line into its item and what stands right of it. */
function splitLine(text: string): { item: string; right: string } {
  const archive = /^[-+•\s]*l[uư]u/i.test(foldText(text));
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== "," && ch !== ";" && ch !== ".") continue;
    const rest = text.slice(i + 1);
    if (rest.trim() !== "" && isRightColumn(rest, archive)) return { item: text.slice(0, i + 1), right: rest.trim() };
  }
  return { item: text, right: "" };
}

/** A distribution item without trailing stamp noise ("… thuộc VP %" → "… thuộc VP"). */
function cleanItem(s: string): string {
  let t = cleanListItem(s);
  while (/\s\S+$/.test(t) && !/[\p{L}\p{N}]/u.test(t.slice(t.lastIndexOf(" ") + 1))) t = t.slice(0, t.lastIndexOf(" ")).trimEnd();
  return cleanListItem(t);
}

/** The distribution list and the signature fragments found beside it. */
export type Closing = { distribution: string[]; signatureFragments: string[]; afterLine: number };

/** Read "Nơi nhận" up to its last item ("Lưu …" closes it); -1 zones give an empty list. */
export function readClosing(view: TextView, lines: readonly Line[], zones: Zones): Closing {
  if (zones.distributionLine < 0) return { distribution: [], signatureFragments: [], afterLine: zones.end };
  const markLine = lines[zones.distributionLine]!;
  const m = DISTRIBUTION_MARK.exec(markLine.text)!;
  const items: string[] = [];
  const fragments: string[] = [];
  const first = cleanMarkup(originalSlice(view, markLine.from + m[0].length, markLine.to));
  if (/^[-+•]/.test(first)) items.push(first);
  else if (first !== "") fragments.push(first);
  let i = zones.distributionLine + 1;
  let previousWasItem = items.length > 0;
  let closed = false;
  for (; i < zones.end; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      previousWasItem = false;
      continue;
    }
    const text = lineOriginal(view, line);
    const isItem = /^[-+•]/.test(text);
    // A line without a dash continues the item above it — even after a blank line when that
    // item is unfinished (no closing ";" "," "."); anything else ends the list.
    const unfinished = items.length > 0 && !/[;,.]\s*$/.test(items[items.length - 1] ?? "");
    if (!isItem && ((!previousWasItem && !unfinished) || closed)) break;
    if (isItem && closed) break;
    const { item, right } = splitLine(text);
    if (isItem) items.push(item);
    else items[items.length - 1] += ` ${item}`;
    if (right !== "") fragments.push(right);
    previousWasItem = true;
    if (isItem && /^l[uư]u/.test(foldText(item.replace(/^[-+•\s]+/, "")))) closed = true;
  }
  return { distribution: items.map(cleanItem).filter((s) => s !== ""), signatureFragments: fragments, afterLine: i };
}

const AUTHORITY = /^(?:t\s*\/\s*m|tm|kt|tl|tuq|q)[\s._]/;
const TITLE_WORDS = /\b(?:chu tich|bi thu|giam doc|truong|chanh|chu nhiem|thu tuong|uy vien|tong thu ky)\b/;

/** A personal name: 2–5 capitalised words, no capitals run, no digits or marks. */
function isName(s: string): boolean {
  if (/[\d©|\\@&%/:;,.()]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^\p{Lu}\p{Ll}[\p{Ll}']*$/u.test(w) || /^\p{Lu}$/u.test(w)) && upperShare(s) < 0.7;
}

/** Drop stamp noise at the ends of a fragment ("—_— KT. CHU TICH" → "KT. CHU TICH"). */
function trimNoise(s: string): string {
  return s.replace(/^(?:[^\p{L}\s]+(?:\s+|$))+/u, "").replace(/(?:(?:^|\s+)[^\p{L}\s]+)+$/u, "").trim();
}

/**
 * The signer from the signature fragments (right of "Nơi nhận") and the lines after the
 * distribution up to the end of the document: "T/M …", "KT. …" lines are the authority; a
 * line in capitals with a title word (CHỦ TỊCH, BÍ THƯ …) the position, one naming a body
 * (THƯỜNG VỤ, ỦY BAN …) the authority it signs for; the last personal name the signer.
 */
export function readSigner(view: TextView, lines: readonly Line[], closing: Closing, zones: Zones): Signer | null {
  const candidates = [...closing.signatureFragments];
  for (let i = closing.afterLine; i < zones.end; i++) {
    const line = lines[i];
    if (line && !isBlank(line)) candidates.push(lineOriginal(view, line));
  }
  const onBehalf: string[] = [];
  let position: string | null = null;
  let name: string | null = null;
  for (const raw of candidates) {
    const s = trimNoise(raw);
    if (s === "") continue;
    const f = foldText(s);
    if (AUTHORITY.test(f) && letters(s).length >= 4) onBehalf.push(s);
    else if (letters(s).length >= 4 && upperShare(s) >= 0.7) {
      if (TITLE_WORDS.test(f)) position = s;
      else onBehalf.push(s);
    } else if (isName(s)) name = s;
  }
  if (name === null && position === null && onBehalf.length === 0) return null;
  return { name, position, onBehalf };
}
