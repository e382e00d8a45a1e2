// The header of a document (Nghị định 30/2020 Appendix I §II.1–§II.6; Party: 36-HD/VPTW):
// issuing body (and the body above it), number, place and date, type, subject ("V/v …" for a
// công văn, the title under the type name otherwise) and "Kính gửi" recipients.
import { DOCUMENT_TYPES } from "../document-types.js";
import type { Citation, DocTypeRef } from "./citations.js";
import { dateOfMatch, LONG_DATE_SOURCE } from "./doc-dates.js";
import type { ReadDate } from "./doc-dates.js";
import { findNumbers, sameNumber } from "./doc-numbers.js";
import type { FoundNumber } from "./doc-numbers.js";
import { cleanMarkup, isBlank, lineOriginal, RECIPIENTS_MARK } from "./doc-layout.js";
import type { Line, Zones } from "./doc-layout.js";
import { foldText, originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";

export type Issuer = { name: string; parent: string | null };

/** The national motto and the Party's name that stand in the header's right column. */
const MOTTO = /c[o0]ng\s+h[o0]a\s+x[a-z]\s+h[a-z]i|d[a-z]c\s+l[a-z]p\s*-|d[a-z]ng\s+c[o0]ng\s+s[a-z]n\s+v/;

/** A body named by kind alone, completed by the place on the next line ("ỦY BAN NHÂN DÂN" / "TỈNH …"). */
const BODY_WITHOUT_PLACE = /^(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd|uy ban mat tran to quoc viet nam|dang bo)$/;
const PLACE_START = /^(?:tinh|thanh pho|xa|phuong|huyen|quan|thi xa|thi tran|dac khu)\b/;

/** Issuer and parent from the header lines above the number (left column only). */
export function readIssuer(view: TextView, lines: readonly Line[], zones: Zones): Issuer | null {
  const parts: string[] = [];
  const last = zones.numberLine >= 0 ? zones.numberLine : 0;
  for (const line of lines.slice(0, last)) {
    const cut = line.text.search(MOTTO);
    const to = cut < 0 ? line.to : line.from + cut;
    const left = cleanMarkup(originalSlice(view, line.from, to)).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (left === "" || !isMostlyUpper(left)) continue;
    parts.push(left);
  }
  if (parts.length === 0) return null;
  const names: string[] = [];
  for (const p of parts) {
    const prev = names[names.length - 1];
    if (prev !== undefined && (BODY_WITHOUT_PLACE.test(foldText(prev)) || PLACE_START.test(foldText(p)) && !BODY_KIND.test(foldText(p)))) {
      names[names.length - 1] = `${prev} ${p}`;
    } else names.push(p);
  }
  const name = names[names.length - 1] ?? "";
  return { name, parent: names.length > 1 ? names.slice(0, -1).join(" ") : null };
}

/** Words that start the name of a body of its own (a second header line naming the issuer). */
const BODY_KIND = /^(?:so|ban|van phong|phong|trung tam|chi cuc|cuc|vu|uy ban|hoi dong|dang uy|tinh uy|thanh uy|huyen uy|doan|hoi)\b/;

const isMostlyUpper = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  return letters.length >= 3 && upper >= letters.length * 0.7;
};

/** Number, place and date read from the header. */
export type HeaderNumber = { number: FoundNumber | null; place: string | null; date: ReadDate | null };

/** The number on the number line, and the place and date on it or the two lines after it. */
export function readNumberPlaceDate(view: TextView, lines: readonly Line[], zones: Zones): HeaderNumber {
  if (zones.numberLine < 0) return { number: null, place: null, date: null };
  const line = lines[zones.numberLine]!;
  const number = findNumbers(view, line.from, line.to)[0] ?? null;
  for (const l of lines.slice(zones.numberLine, zones.numberLine + 3)) {
    const re = new RegExp(LONG_DATE_SOURCE);
    const m = re.exec(l.text);
    if (!m) continue;
    const date = dateOfMatch(m);
    const start = l.index === zones.numberLine && number ? number.to - l.from : 0;
    const before = l.text.slice(start, m.index);
    const comma = before.lastIndexOf(",");
    const placeText = comma >= 0 ? before.slice(0, comma) : before;
    const lead = placeText.length - placeText.trimStart().length;
    const place = cleanMarkup(originalSlice(view, l.from + start + lead, l.from + start + placeText.trimEnd().length));
    return { number, place: place === "" ? null : place, date };
  }
  return { number, place: null, date: null };
}

const TYPE_BY_TITLE = DOCUMENT_TYPES.map((t) => ({ code: t.code, name: t.name, key: foldText(t.name) }));

/** The type named by a title line ("KẾ HOẠCH", OCR "KE HOACH"). */
function typeOfTitle(text: string): DocTypeRef | null {
  const key = foldText(cleanMarkup(text)).replace(/[^a-z ]/g, "").trim();
  const t = TYPE_BY_TITLE.find((x) => x.key === key && x.code !== "QĐi");
  return t ? { code: t.code, name: t.name } : null;
}

/** Type, subject and recipients, and the line where the body starts. */
export type HeaderText = { type: DocTypeRef | null; subject: string | null; recipients: string[]; bodyLine: number };

const VV = /^[\s*]*v\s*\/?\s*v\b\.?\s*:?\s*/;
const CV: DocTypeRef = { code: "CV", name: "Công văn" };

/**
 * Type and subject: a title line naming a type, the lines under it up to a blank line being the
 * subject; else a "V/v" block (a công văn) up to a blank line or "Kính gửi". When no title names
 * the type, the number's symbol does (63-KH/TU, 153a/KH-UBND); a "V/v" makes it a công văn.
 */
export function readTypeAndSubject(view: TextView, lines: readonly Line[], zones: Zones, number: FoundNumber | null): HeaderText {
  const start = Math.max(0, zones.numberLine + 1);
  let type: DocTypeRef | null = null;
  let subject: string | null = null;
  let bodyLine = start;
  for (let i = start; i < Math.min(lines.length, start + 8); i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const titled = typeOfTitle(lineOriginal(view, line));
    if (titled) {
      type = titled;
      const block = blockAfter(view, lines, i + 1, 6);
      subject = block.text;
      bodyLine = block.next;
      break;
    }
    if (VV.test(line.text)) {
      type = CV;
      const first = lineOriginal(view, line).replace(/^v\s*\/?\s*v\b\.?\s*:?\s*/i, "");
      const block = blockAfter(view, lines, i + 1, 5, first);
      subject = block.text;
      bodyLine = block.next;
      break;
    }
  }
  if (type === null && number?.typeCode) {
    const t = DOCUMENT_TYPES.find((x) => x.code === number.typeCode);
    if (t) type = { code: t.code, name: t.name };
  }
  const rec = readRecipients(view, lines, bodyLine);
  return { type, subject, recipients: rec.items, bodyLine: rec.next };
}

/** A line that starts the body rather than continuing a title ("Căn cứ …", "1. …", "I. …"). */
const BODY_START = /^[\s*#]*(?:can cu|xet de nghi|[ivx]+[.-]\s|\d+\.\s|[a-dđ]\)\s)/;

/** A place-date line ("Kiến Thiết, ngày 02 tháng 7 năm 2026") after a "V/v" block. */
const PLACE_DATE = new RegExp(String.raw`^[^,]{2,40},\s*` + LONG_DATE_SOURCE);

/** Lines from `from` up to a blank line (at most `max`), joined; "Kính gửi" ends it too. */
function blockAfter(view: TextView, lines: readonly Line[], from: number, max: number, first = ""): { text: string | null; next: number } {
  const parts = first === "" ? [] : [first];
  let i = from;
  while (i < lines.length && isBlank(lines[i]) && parts.length === 0 && i < from + 2) i++;
  for (; i < lines.length && parts.length < max; i++) {
    const line = lines[i]!;
    if (isBlank(line) || RECIPIENTS_MARK.test(line.text) || (parts.length > 0 && (BODY_START.test(line.text) || PLACE_DATE.test(line.text)))) break;
    parts.push(lineOriginal(view, line));
  }
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  return { text: text === "" ? null : text, next: i };
}

/** "Kính gửi: …" within the 6 lines from `from`: items after the colon and on the lines below. */
function readRecipients(view: TextView, lines: readonly Line[], from: number): { items: string[]; next: number } {
  for (let i = from; i < Math.min(lines.length, from + 6); i++) {
    const line = lines[i]!;
    const m = RECIPIENTS_MARK.exec(line.text);
    if (!m) continue;
    const items: string[] = [];
    const sameLine = cleanMarkup(originalSlice(view, line.from + m[0].length, line.to));
    if (sameLine !== "") items.push(sameLine);
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]) && items.length === 0) j++;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) break;
      const text = lineOriginal(view, l);
      if (/^[-+•]/.test(text) || items.length === 0) items.push(text);
      else items[items.length - 1] += ` ${text}`;
    }
    const cleaned = items.map(cleanListItem).filter((s) => s !== "");
    return { items: cleaned, next: j };
  }
  return { items: [], next: from };
}

/** A list item without its dash and closing punctuation. */
export function cleanListItem(s: string): string {
  return s.replace(/^[\s\-+•*"'“”?]+/, "").replace(/[\s,;.]+$/, "").replace(/\s+/g, " ").trim();
}

/**
 * The document's own number and date restated by its appendix ("Kèm theo Kế hoạch số
 * 498/KH-UBND ngày 24/4/2026 …"): the first citation in the appendix's first lines whose
 * symbol is the header number's.
 */
export function selfCitation(citations: readonly Citation[], lines: readonly Line[], zones: Zones, number: FoundNumber | null): Citation | null {
  if (zones.appendixLine < 0 || number === null) return null;
  const from = lines[zones.appendixLine]!.from;
  const to = lines[Math.min(lines.length - 1, zones.appendixLine + 6)]!.to;
  const symbol = (n: string): string => n.replace(/^[^/-]*[/-]/, "");
  return citations.find((c) => c.from >= from && c.from <= to && sameNumber(symbol(c.number), symbol(number.number))) ?? null;
}

/** Parse helpers exported for tests. */
export const headerPatterns = { MOTTO, VV };
