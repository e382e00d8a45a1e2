// JSON of a registered document's text, its copy check (D5) and the metadata read from it.
import type { AppContext } from "../context.js";
import type { DocumentRow } from "../db/schema.js";
import { parseDocumentType } from "../domain/normalize.js";
import { numberKey, sameNumber } from "../domain/texts/doc-numbers.js";
import { foldText } from "../domain/texts/fold.js";
import type { Reference } from "../domain/texts/parse-document.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { toIsoInstant } from "../registers/present.js";
import type { ParsedDocumentJson } from "./parse.service.js";
import type { ReferenceWrite, StoredCheck, StoredText } from "./text.repository.js";

/** The last copy check of a document as the register shows it. */
export type CopyCheckSummary = {
  /** fraction 0..1 of the text's letters and digits (citations left out) found in upper-level texts */
  copiedShare: number;
  /** the threshold in force at the document's unit, percent (settings copyThresholdPercent) */
  thresholdPercent: number;
  /** copiedShare × 100 > thresholdPercent */
  overThreshold: boolean;
  passageCount: number;
  sourcesCompared: number;
  countedChars: number;
  copiedChars: number;
  checkedAt: string;
};

export type DocumentTextJson = {
  documentId: number;
  number: string;
  orgCode: string;
  fileName: string | null;
  format: string;
  charCount: number;
  updatedAt: string;
  text: string;
  /** what `leloi parse` reads from the text (without the task rows: `taskCount`) */
  metadata: unknown;
  copyCheck: CopyCheckSummary | null;
  /** on upload: register fields the text reads differently (to apply with PATCH /api/documents/:id) */
  offered?: OfferedFields;
  /** on upload: documents whose copy check was run again */
  rechecked?: number;
};

/** D5 — "copied > threshold": strictly above the jurisdiction's threshold (percent). */
export const isOverThreshold = (share: number, thresholdPercent: number): boolean => share * 100 > thresholdPercent;

export function presentCheckSummary(check: StoredCheck, thresholdPercent: number): CopyCheckSummary {
  return {
    copiedShare: check.copiedShare,
    thresholdPercent,
    overThreshold: isOverThreshold(check.copiedShare, thresholdPercent),
    passageCount: check.passages.length,
    sourcesCompared: check.sourcesCompared,
    countedChars: check.countedChars,
    copiedChars: check.copiedChars,
    checkedAt: toIsoInstant(check.checkedAt),
  };
}

export function presentText(ctx: AppContext, doc: DocumentRow, text: StoredText, check: StoredCheck | null, thresholdPercent: number): DocumentTextJson {
  return {
    documentId: doc.id,
    number: doc.number,
    orgCode: orgCodeOf(ctx, doc.org_id),
    fileName: text.fileName,
    format: text.format,
    charCount: text.charCount,
    updatedAt: toIsoInstant(text.updatedAt),
    text: text.text,
    metadata: typeof text.metadata === "string" ? JSON.parse(text.metadata) : text.metadata,
    copyCheck: check ? presentCheckSummary(check, thresholdPercent) : null,
  };
}

/** Register fields as the text gives them, where they differ from the register. */
export type OfferedFields = Partial<{ number: string; type: string; issuedOn: string; subject: string; signer: string }>;

export function offeredFields(doc: DocumentRow, parsed: ParsedDocumentJson): OfferedFields {
  const out: OfferedFields = {};
  if (parsed.number && !sameNumber(parsed.number, doc.number)) out.number = parsed.number;
  const type = parsed.type ? parseDocumentType(parsed.type.code) : null;
  if (type?.ok && type.value !== doc.type_code) out.type = type.value;
  if (parsed.date && parsed.date !== doc.issued_on) out.issuedOn = parsed.date;
  if (parsed.subject && foldText(parsed.subject) !== foldText(doc.subject)) out.subject = parsed.subject;
  const signer = parsed.signer?.name ?? null;
  if (signer && foldText(signer) !== foldText(doc.signer ?? "")) out.signer = signer;
  return out;
}

/** The parsed references as stored (canonical number and its loose key). */
export function referencesToStore(refs: readonly Reference[]): ReferenceWrite[] {
  return refs.map((r) => ({ number: r.number, numberKey: numberKey(r.number), typeCode: r.type?.code ?? null, citedOn: validDay(r.date), issuer: r.issuer, title: r.title }));
}

/** An ISO day that exists in the calendar, else null (a date column refuses 2025-02-30). */
function validDay(iso: string | null): string | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
