import type { AppContext } from "../context.js";
import type { DocumentRow } from "../db/schema.js";
import { DOCUMENT_TYPES } from "../domain/normalize.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { toIsoInstant } from "../registers/present.js";

/** A document (văn bản) as the API shows it. */
export type DocumentJson = {
  id: number;
  orgCode: string;
  number: string;
  type: string;
  /** Vietnamese name of the type, e.g. "Công văn" */
  typeName: string;
  issuedOn: string;
  subject: string;
  legalNormative: boolean;
  secret: boolean;
  sentElectronically: boolean;
  digitized: boolean;
  signer: string | null;
  createdAt: string;
  updatedAt: string;
  /** the document's text is registered (issue "Document intelligence"; lists and reads only) */
  hasText?: boolean;
  /** share (0..1) of its text found in upper-level texts at the last copy check (D5); null when not checked */
  copiedShare?: number | null;
};

const TYPE_NAMES = new Map(DOCUMENT_TYPES.map((t) => [t.code, t.name]));

/** Maps a register row to its JSON (camelCase, the unit's code, dates as YYYY-MM-DD). */
export function presentDocument(ctx: AppContext, row: DocumentRow): DocumentJson {
  return {
    id: row.id,
    orgCode: orgCodeOf(ctx, row.org_id),
    number: row.number,
    type: row.type_code,
    typeName: TYPE_NAMES.get(row.type_code) ?? row.type_code,
    issuedOn: row.issued_on,
    subject: row.subject,
    legalNormative: row.legal_normative,
    secret: row.secret,
    sentElectronically: row.sent_electronically,
    digitized: row.digitized,
    signer: row.signer,
    createdAt: toIsoInstant(row.created_at),
    updatedAt: toIsoInstant(row.updated_at),
  };
}

/** Adds what the register shows of a document's text: whether it has one, and its copied share. */
export function withTextInfo(json: DocumentJson, info: ReadonlyMap<number, number | null>): DocumentJson {
  return { ...json, hasText: info.has(json.id), copiedShare: info.get(json.id) ?? null };
}
