// Metadata of one administrative document's text (issue "Document intelligence" §1–§2;
// data-contract.md §Document commands): every field read on the OCR-tolerant reading view and
// cut from the original text, so what is shown is what the document says. A field the
// document does not have — or that OCR destroyed — is null (or []), never guessed; a date with
// an unreadable part keeps its readable parts in `dateParts` and a note says why it is null.
// The appendix's task table is read by the I/O layer (intelligence/), which has the readers.
import { findCitations } from "./citations.js";
import type { Citation, DocTypeRef } from "./citations.js";
import { readClosing, readSigner } from "./doc-closing.js";
import type { Signer } from "./doc-closing.js";
import type { ReadDate } from "./doc-dates.js";
import { readIssuer, readNumberPlaceDate, readTypeAndSubject, selfCitation } from "./doc-header.js";
import type { Issuer } from "./doc-header.js";
import { findZones, linesOf } from "./doc-layout.js";
import type { Zones } from "./doc-layout.js";
import { sameNumber } from "./doc-numbers.js";
import { findTargets } from "./doc-targets.js";
import type { Target } from "./doc-targets.js";
import { readingView } from "./fold.js";

/** A document cited by the parsed one. */
export type Reference = { number: string; type: DocTypeRef | null; date: string | null; issuer: string | null; title: string | null };

/** Everything read from a document's text except its task table. */
export type ParsedText = {
  issuer: Issuer | null;
  number: string | null;
  type: DocTypeRef | null;
  place: string | null;
  date: string | null;
  dateParts: Omit<ReadDate, "iso"> | null;
  subject: string | null;
  recipients: string[];
  signer: Signer | null;
  distribution: string[];
  references: Reference[];
  targets: Target[];
  /** Where this document ends and an appendix or an attached document starts (original offset). */
  bodyEnd: number;
  /** Where its appendix starts (original offset), or null. */
  appendixStart: number | null;
  /** What the reader should know, in Vietnamese (damaged fields, fallbacks used). */
  notes: string[];
};

/** "UBND xã Cẩm Giàng xây dựng kế hoạch …": the issuer named by the opening sentence. */
const ISSUER_IN_BODY = /(?:^|[,;]\s*|\n)((?:ubnd|uy ban nhan dan|ban thuong vu|thuong truc|chu tich ubnd)[a-z ]{0,40}?)\s+(?:xay dung|ban hanh)\s+(?:k[a-z]{0,2}\s+ho[a-z]{0,2}ch|van ban)/;

/** Parse the text of one document. */
export function parseDocumentText(original: string): ParsedText {
  const view = readingView(original);
  const lines = linesOf(view);
  const zones = findZones(lines);
  const notes: string[] = [];
  const endOffset = (line: number): number => (line < lines.length ? (view.offsets[lines[line]!.from] ?? original.length) : original.length);

  const head = readNumberPlaceDate(view, lines, zones);
  const text = readTypeAndSubject(view, lines, zones, head.number);
  let issuer = readIssuer(view, lines, zones);
  const bodyFrom = lines[Math.min(text.bodyLine, lines.length - 1)]?.from ?? 0;
  const bodyTo = zoneStart(lines, zones);
  if (issuer === null) {
    const m = ISSUER_IN_BODY.exec(view.text.slice(bodyFrom, Math.min(bodyTo, bodyFrom + 1500)));
    if (m && m[1]) {
      const at = bodyFrom + m.index + m[0].indexOf(m[1]);
      const name = original.slice(view.offsets[at] ?? 0, (view.offsets[at + m[1].length - 1] ?? 0) + 1).replace(/\s+/g, " ").trim();
      issuer = { name, parent: null };
      notes.push("Không có tên cơ quan ban hành ở đầu văn bản; lấy theo câu mở đầu.");
    }
  }

  const citations = findCitations(view, 0, lines[zones.end - 1]?.to ?? view.text.length);
  const all = findCitations(view);
  const self = selfCitation(all, lines, zones, head.number);
  let number = head.number?.number ?? null;
  if (head.number?.damaged && self) {
    notes.push(`Số ký hiệu ở đầu văn bản bị hỏng khi nhận dạng; lấy theo phụ lục: ${self.number}.`);
    number = self.number;
  } else if (head.number?.damaged) {
    notes.push("Số ký hiệu ở đầu văn bản có thể bị hỏng khi nhận dạng.");
  }
  const dmy = (iso: string): string => iso.split("-").reverse().join("/");
  let date = head.date;
  if (date && date.iso === null && self?.date) {
    const [y, m] = self.date.split("-").map(Number);
    if ((date.year === null || date.year === y) && (date.month === null || date.month === m)) {
      notes.push(`Ngày ban hành ở đầu văn bản không đọc được đủ; lấy theo phụ lục: ${dmy(self.date)}.`);
      date = { day: Number(self.date.slice(8)), month: m ?? null, year: y ?? null, iso: self.date };
    }
  }
  if (date && date.iso === null) notes.push("Ngày ban hành không đọc được đủ ngày, tháng, năm: để trống.");

  const closing = readClosing(view, lines, zones);
  const signer = readSigner(view, lines, closing, zones);
  const own = [number, head.number?.number].filter((n): n is string => n !== null);
  const references = referencesOf(citations.filter((c) => c.from >= (lines[zones.numberLine]?.to ?? 0)), own);
  const targets = findTargets(view, bodyFrom, bodyTo);

  return {
    issuer,
    number,
    type: text.type,
    place: head.place,
    date: date?.iso ?? null,
    dateParts: date ? { day: date.day, month: date.month, year: date.year } : null,
    subject: text.subject,
    recipients: text.recipients,
    signer,
    distribution: closing.distribution,
    references,
    targets,
    bodyEnd: endOffset(zones.end),
    appendixStart: zones.appendixLine >= 0 ? endOffset(zones.appendixLine) : null,
    notes,
  };
}

/** Where the body ends: "Nơi nhận", or the end of the document. */
function zoneStart(lines: ReturnType<typeof linesOf>, zones: Zones): number {
  const line = zones.distributionLine >= 0 ? zones.distributionLine : zones.end;
  return lines[line]?.from ?? lines[lines.length - 1]?.to ?? 0;
}

/**
 * One reference per cited number (first citation first; a later one fills what the first
 * lacks), the document's own number left out.
 */
export function referencesOf(citations: readonly Citation[], own: readonly string[]): Reference[] {
  const out: Reference[] = [];
  for (const c of citations) {
    if (own.some((n) => sameNumber(n, c.number))) continue;
    const prev = out.find((r) => sameNumber(r.number, c.number));
    if (prev) {
      prev.type ??= c.type;
      prev.date ??= c.date;
      prev.issuer ??= c.issuer;
      prev.title ??= c.title;
      continue;
    }
    out.push({ number: c.number, type: c.type, date: c.date, issuer: c.issuer, title: c.title });
  }
  return out;
}
