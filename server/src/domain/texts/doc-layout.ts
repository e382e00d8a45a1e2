// The lines and zones of an administrative document (Nghị định 30/2020 Appendix I: header with
// issuer and number, title or "V/v", body, "Nơi nhận" beside the signature, then appendices),
// read on the reading view (fold.ts). An OCR'd page interleaves the two columns of the header
// and of the closing block, so zones are found by their marks, not by position.
import { originalSlice } from "./fold.js";
import type { TextView } from "./fold.js";
import { LONG_DATE_SOURCE } from "./doc-dates.js";
import { NUMBER_SOURCE } from "./doc-numbers.js";

/** One line: its range on the reading view and its folded text. */
export type Line = { index: number; from: number; to: number; text: string };

/** The lines of a view (the reading view keeps every line break of the original). */
export function linesOf(view: TextView): Line[] {
  const out: Line[] = [];
  let from = 0;
  const text = view.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charAt(i) === "\n") {
      out.push({ index: out.length, from, to: i, text: text.slice(from, i) });
      from = i + 1;
    }
  }
  return out;
}

/** The original text of a line (markdown emphasis and surrounding blanks removed). */
export function lineOriginal(view: TextView, line: Line): string {
  return cleanMarkup(originalSlice(view, line.from, line.to));
}

/** Markdown marks of a converted document (#, **, *) removed, spaces collapsed, trimmed. */
export function cleanMarkup(s: string): string {
  return s
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)\*(\S)/g, "$1$2")
    .replace(/(\S)\*(\s|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

export const isBlank = (line: Line | undefined): boolean => line === undefined || /^[\s*#>_-]*$/.test(line.text);

/** "Nơi nhận:" (OCR: "Noi nhan", "Noi nhin", "Noi nhén"). */
export const DISTRIBUTION_MARK = /^[\s#*]*n[o0][a-z]?i\s+nh[a-z]{1,2}n\s*[*]*\s*:?/;
/** "Kính gửi:" (OCR: "Kinh guri", "Kinh gwi"). */
export const RECIPIENTS_MARK = /^[\s*]*k[a-z]nh\s+g[a-z]{1,3}i\s*:?/;
/** "Phụ lục" (OCR: "Phu lue"), alone on its line or heading the appendix. */
export const APPENDIX_MARK = /^[\s#*\\|]*phu\s+lu[a-z]\b/;
/** A number, then a place and a date on the same line: the header of a document. */
export const NUMBER_DATE_LINE = new RegExp(String.raw`${NUMBER_SOURCE}.{0,60}?${LONG_DATE_SOURCE}`);

/** Where the parts of the document are (line indices; -1 when absent). */
export type Zones = {
  /** The line holding this document's number ("Số: …"), or -1. */
  numberLine: number;
  /** "Nơi nhận:", or -1. */
  distributionLine: number;
  /** First line after this document: an appendix, an attached document, or the end. */
  end: number;
  /** First line of an attached document (a second header after the closing block), or -1. */
  attachmentLine: number;
  /** First line of the appendix, or -1. */
  appendixLine: number;
};

/** Find the zones. The number line is looked for in the first 15 lines. */
export function findZones(lines: readonly Line[]): Zones {
  let numberLine = -1;
  for (const l of lines.slice(0, 15)) {
    if (/^[\s#*]*(?:so|se|sb|s|98|56)\s*[:.]?\s*[a-z]?\d/.test(l.text) || NUMBER_DATE_LINE.test(l.text)) {
      numberLine = l.index;
      break;
    }
  }
  const distributionLine = lines.find((l) => l.index > numberLine && DISTRIBUTION_MARK.test(l.text))?.index ?? -1;
  const closing = distributionLine >= 0 ? distributionLine : Math.floor(lines.length / 2);
  let attachmentLine = -1;
  let appendixLine = -1;
  for (const l of lines) {
    if (l.index <= closing) continue;
    if (appendixLine < 0 && APPENDIX_MARK.test(l.text)) appendixLine = l.index;
    if (attachmentLine < 0 && NUMBER_DATE_LINE.test(l.text)) attachmentLine = l.index;
  }
  const ends = [attachmentLine, appendixLine].filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : lines.length;
  return { numberLine, distributionLine, end, attachmentLine, appendixLine };
}
