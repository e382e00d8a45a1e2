// The only code that reads and writes document texts, their references and copy checks
// (migration 0010-texts). Writes take the transaction of the use case; reads the handle.
import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { DocumentTextsTable } from "../db/schema.js";

/** Bytes of a typed array as stored in bytea. */
export const toBytes = (a: Uint8Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Fingerprints read back from bytea (copied: a bytea's bytes need not be 4-aligned). */
export const fingerprintsOf = (bytes: Uint8Array): Uint32Array => new Uint32Array(new Uint8Array(bytes).buffer);

export type TextWrite = {
  documentId: number;
  text: string;
  format: DocumentTextsTable["format"];
  fileName: string | null;
  matchCodes: Uint8Array;
  fingerprints: Uint32Array;
  foldVersion: number;
  metadata: unknown;
  /** folded number and subject (weight A) and folded text (weight B) of the search vector */
  searchHead: string;
  searchBody: string;
};

/** Inserts or replaces a document's text; returns the new revision. */
export async function upsertText(db: Db, w: TextWrite): Promise<number> {
  const vector = sql`setweight(to_tsvector('simple', ${w.searchHead}), 'A') || setweight(to_tsvector('simple', ${w.searchBody}), 'B')`;
  const { rows } = await sql<{ revision: number }>`
    insert into document_texts (document_id, text, format, file_name, char_count, match_codes, fingerprints, fold_version, metadata, search_vector)
    values (${w.documentId}, ${w.text}, ${w.format}, ${w.fileName}, ${w.text.length}, ${toBytes(w.matchCodes)}, ${toBytes(w.fingerprints)},
            ${w.foldVersion}, ${JSON.stringify(w.metadata)}::jsonb, ${vector})
    on conflict (document_id) do update set
      text = excluded.text, format = excluded.format, file_name = excluded.file_name, char_count = excluded.char_count,
      match_codes = excluded.match_codes, fingerprints = excluded.fingerprints, fold_version = excluded.fold_version,
      metadata = excluded.metadata, search_vector = excluded.search_vector,
      revision = nextval('document_text_revisions'), updated_at = now()
    returning revision`.execute(db);
  return rows[0]!.revision;
}

/** Rewrites the codes and fingerprints of a row built by an older normaliser (new revision). */
export async function updateFold(db: Db, documentId: number, matchCodes: Uint8Array, fingerprints: Uint32Array, foldVersion: number): Promise<void> {
  await sql`update document_texts set match_codes = ${toBytes(matchCodes)}, fingerprints = ${toBytes(fingerprints)},
    fold_version = ${foldVersion}, revision = nextval('document_text_revisions') where document_id = ${documentId}`.execute(db);
}

/** A new revision for a document's text row (its unit, date or secrecy changed: the indexes re-read it). */
export async function touchText(db: Db, documentId: number): Promise<void> {
  await sql`update document_texts set revision = nextval('document_text_revisions') where document_id = ${documentId}`.execute(db);
}

/** Removes a document's text, references and copy check. */
export async function deleteTextRows(db: Db, documentId: number): Promise<boolean> {
  await db.deleteFrom("document_copy_checks").where("document_id", "=", documentId).execute();
  await db.deleteFrom("document_references").where("document_id", "=", documentId).execute();
  const r = await db.deleteFrom("document_texts").where("document_id", "=", documentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export type StoredText = { documentId: number; text: string; format: DocumentTextsTable["format"]; fileName: string | null; charCount: number; metadata: unknown; revision: number; updatedAt: Date };

export async function findText(db: Db, documentId: number): Promise<StoredText | null> {
  const r = await db
    .selectFrom("document_texts")
    .select(["document_id", "text", "format", "file_name", "char_count", "metadata", "revision", "updated_at"])
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  if (!r) return null;
  return { documentId: r.document_id, text: r.text, format: r.format, fileName: r.file_name, charCount: r.char_count, metadata: r.metadata, revision: r.revision, updatedAt: r.updated_at };
}

/** Whether each of `ids` has a text. */
export async function documentsWithText(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("document_texts").select("document_id").where("document_id", "in", [...ids]).execute();
  return new Set(rows.map((r) => r.document_id));
}

// ——— references ———

export type ReferenceWrite = { number: string; numberKey: string; typeCode: string | null; citedOn: string | null; issuer: string | null; title: string | null };

export async function replaceReferences(db: Db, documentId: number, refs: readonly ReferenceWrite[]): Promise<void> {
  await db.deleteFrom("document_references").where("document_id", "=", documentId).execute();
  if (refs.length === 0) return;
  await db
    .insertInto("document_references")
    .values(refs.map((r, i) => ({ document_id: documentId, position: i, number: r.number, number_key: r.numberKey, type_code: r.typeCode, cited_on: r.citedOn, issuer: r.issuer, title: r.title })))
    .execute();
}

export type StoredReference = ReferenceWrite & { position: number };

export async function findReferences(db: Db, documentId: number): Promise<StoredReference[]> {
  const rows = await db.selectFrom("document_references").selectAll().where("document_id", "=", documentId).orderBy("position").execute();
  return rows.map((r) => ({ position: r.position, number: r.number, numberKey: r.number_key, typeCode: r.type_code, citedOn: r.cited_on, issuer: r.issuer, title: r.title }));
}

/** References with this number key, with the citing document's unit and date. */
export async function findCitingReferences(db: Db, numberKey: string) {
  return db
    .selectFrom("document_references as r")
    .innerJoin("documents as d", "d.id", "r.document_id")
    .select(["r.document_id", "r.number_key", "r.cited_on", "r.issuer", "d.org_id", "d.issued_on"])
    .where("r.number_key", "=", numberKey)
    .execute();
}

// ——— copy checks ———

/** A stored passage: offsets into the checked text and into the source document's text. */
export type StoredPassage = { start: number; end: number; sourceDocumentId: number; sourceStart: number; sourceEnd: number; similarity: number };

export type CopyCheckWrite = { copiedShare: number; countedChars: number; copiedChars: number; passages: StoredPassage[]; sourcesCompared: number; foldVersion: number };

export async function upsertCopyCheck(db: Db, documentId: number, c: CopyCheckWrite): Promise<void> {
  await sql`
    insert into document_copy_checks (document_id, copied_share, counted_chars, copied_chars, passages, sources_compared, fold_version)
    values (${documentId}, ${c.copiedShare}, ${c.countedChars}, ${c.copiedChars}, ${JSON.stringify(c.passages)}::jsonb, ${c.sourcesCompared}, ${c.foldVersion})
    on conflict (document_id) do update set
      copied_share = excluded.copied_share, counted_chars = excluded.counted_chars, copied_chars = excluded.copied_chars,
      passages = excluded.passages, sources_compared = excluded.sources_compared, fold_version = excluded.fold_version, checked_at = now()`.execute(db);
}

export type StoredCheck = CopyCheckWrite & { documentId: number; checkedAt: Date };

export async function findCopyCheck(db: Db, documentId: number): Promise<StoredCheck | null> {
  const r = await db.selectFrom("document_copy_checks").selectAll().where("document_id", "=", documentId).executeTakeFirst();
  if (!r) return null;
  return {
    documentId: r.document_id, copiedShare: Number(r.copied_share), countedChars: r.counted_chars, copiedChars: r.copied_chars,
    passages: (typeof r.passages === "string" ? JSON.parse(r.passages) : r.passages) as StoredPassage[],
    sourcesCompared: r.sources_compared, foldVersion: r.fold_version, checkedAt: r.checked_at,
  };
}

/** Copied share of each of `ids` that has been checked. */
export async function findCopiedShares(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("document_copy_checks").select(["document_id", "copied_share"]).where("document_id", "in", [...ids]).execute();
  return new Map(rows.map((r) => [r.document_id, Number(r.copied_share)]));
}

/** Documents whose stored check has a passage taken from `sourceId`. */
export async function findChecksUsingSource(db: Db, sourceId: number): Promise<number[]> {
  const rows = await sql<{ document_id: number }>`
    select document_id from document_copy_checks where passages @> ${JSON.stringify([{ sourceDocumentId: sourceId }])}::jsonb`.execute(db);
  return rows.rows.map((r) => r.document_id);
}

// ——— the in-memory index's reads ———

export async function textIndexVersion(db: Db): Promise<{ count: number; revisionSum: number }> {
  const { rows } = await sql<{ n: number; s: string }>`select count(*)::int as n, coalesce(sum(revision), 0)::text as s from document_texts`.execute(db);
  return { count: rows[0]?.n ?? 0, revisionSum: Number(rows[0]?.s ?? 0) };
}

export async function textRevisions(db: Db): Promise<Map<number, number>> {
  const { rows } = await sql<{ document_id: number; revision: number }>`select document_id, revision from document_texts`.execute(db);
  return new Map(rows.map((r) => [r.document_id, r.revision]));
}

export type IndexRow = { documentId: number; revision: number; fingerprints: Uint32Array; foldVersion: number; orgId: number; issuedOn: string; secret: boolean };

/** Index rows of the given documents. */
export async function findIndexRows(db: Db, ids: readonly number[]): Promise<IndexRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ document_id: number; revision: number; fingerprints: Uint8Array; fold_version: number; org_id: number; issued_on: string; secret: boolean }>`
    select t.document_id, t.revision, t.fingerprints, t.fold_version, d.org_id, d.issued_on, d.secret
      from document_texts t join documents d on d.id = t.document_id
     where t.document_id = any(${[...ids]}::bigint[])`.execute(db);
  return rows.map((r) => ({ documentId: r.document_id, revision: r.revision, fingerprints: fingerprintsOf(r.fingerprints), foldVersion: r.fold_version, orgId: r.org_id, issuedOn: r.issued_on, secret: r.secret }));
}

/** Ids of rows built by another normaliser version (at most `limit`). */
export async function findStaleFoldRows(db: Db, foldVersion: number, limit: number): Promise<Array<{ documentId: number; text: string }>> {
  const rows = await db.selectFrom("document_texts").select(["document_id", "text"]).where("fold_version", "<>", foldVersion).limit(limit).execute();
  return rows.map((r) => ({ documentId: r.document_id, text: r.text }));
}

export type SourceRow = { documentId: number; matchCodes: Uint8Array; text: string; orgId: number; issuedOn: string; secret: boolean; number: string; foldVersion: number };

/** What verification needs of candidate sources: codes, text, and their unit and date as they are now. */
export async function findSources(db: Db, ids: readonly number[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ document_id: number; match_codes: Uint8Array; text: string; org_id: number; issued_on: string; secret: boolean; number: string; fold_version: number }>`
    select t.document_id, t.match_codes, t.text, d.org_id, d.issued_on, d.secret, d.number, t.fold_version
      from document_texts t join documents d on d.id = t.document_id
     where t.document_id = any(${[...ids]}::bigint[])`.execute(db);
  return rows.map((r) => ({ documentId: r.document_id, matchCodes: new Uint8Array(r.match_codes), text: r.text, orgId: r.org_id, issuedOn: r.issued_on, secret: r.secret, number: r.number, foldVersion: r.fold_version }));
}

// ——— citation graph ———

export type NumberedDocument = { id: number; orgId: number; number: string; issuedOn: string; typeCode: string; subject: string };

/** Documents of the given units with one of the given numbers (index probes on (org_id, number, issued_on)). */
export async function findDocumentsByNumbers(db: Db, orgIds: readonly number[], numbers: readonly string[]): Promise<NumberedDocument[]> {
  if (orgIds.length === 0 || numbers.length === 0) return [];
  const rows = await db
    .selectFrom("documents")
    .select(["id", "org_id", "number", "issued_on", "type_code", "subject"])
    .where("org_id", "in", [...orgIds])
    .where("number", "in", [...numbers])
    .execute();
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, number: r.number, issuedOn: r.issued_on, typeCode: r.type_code, subject: r.subject }));
}

/** Documents by id (for presenting the citing ones). */
export async function findDocumentsByIds(db: Db, ids: readonly number[]): Promise<NumberedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("documents").select(["id", "org_id", "number", "issued_on", "type_code", "subject"]).where("id", "in", [...ids]).execute();
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, number: r.number, issuedOn: r.issued_on, typeCode: r.type_code, subject: r.subject }));
}

// ——— full-text search ———

/** Most matches a search counts exactly; past it the total reads "at least". */
export const SEARCH_COUNT_CAP = 1000;

export type SearchHit = { id: number; rank: number };

/**
 * Texts of the given units matching the folded query (websearch syntax: words, "phrase", or,
 * -word), best first: ts_rank_cd (cover density; number and subject weigh more than the body,
 * normalised by the log of the length), then newest.
 */
export async function searchTexts(db: Db, orgIds: readonly number[], foldedQuery: string, limit: number, offset: number): Promise<{ hits: SearchHit[]; total: number; exact: boolean }> {
  if (orgIds.length === 0) return { hits: [], total: 0, exact: true };
  const q = sql`websearch_to_tsquery('simple', ${foldedQuery})`;
  const [page, count] = await Promise.all([
    sql<{ id: number; rank: number }>`
      select d.id, ts_rank_cd(t.search_vector, ${q}, 1)::float8 as rank
        from document_texts t join documents d on d.id = t.document_id
       where t.search_vector @@ ${q} and d.org_id = any(${[...orgIds]}::int[])
       order by rank desc, d.issued_on desc, d.id desc
       limit ${limit} offset ${offset}`.execute(db),
    sql<{ n: number }>`
      select count(*)::int as n from (
        select 1 from document_texts t join documents d on d.id = t.document_id
         where t.search_vector @@ ${q} and d.org_id = any(${[...orgIds]}::int[]) limit ${SEARCH_COUNT_CAP + 1}) as x`.execute(db),
  ]);
  const n = count.rows[0]?.n ?? 0;
  return { hits: page.rows.map((r) => ({ id: r.id, rank: r.rank })), total: Math.min(n, SEARCH_COUNT_CAP), exact: n <= SEARCH_COUNT_CAP };
}

/** Texts of the given documents (for snippets). */
export async function findTexts(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("document_texts").select(["document_id", "text"]).where("document_id", "in", [...ids]).execute();
  return new Map(rows.map((r) => [r.document_id, r.text]));
}

// ——— D5 ———

/** D5 — the documents of `orgIds` issued in [start, end) with a copy check, each with its unit and
 * whether more than `thresholdPercent` of its text is copied (one query for several sheets). */
export async function findCopyChecksOf(db: Db, orgIds: readonly number[], start: string, end: string, thresholdPercent: number): Promise<Array<{ id: number; orgId: number; over: boolean }>> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<{ id: number; orgId: number; over: boolean }>`
    select d.id, d.org_id as "orgId", (c.copied_share * 100 > ${thresholdPercent}) as over
      from document_copy_checks c join documents d on d.id = c.document_id
     where d.org_id = any(${[...orgIds]}::int[]) and d.issued_on >= ${start}::date and d.issued_on < ${end}::date
     order by d.id`.execute(db);
  return rows;
}

/** Rewrites a text's search vector (its document's number or subject changed). */
export async function updateSearchVector(db: Db, documentId: number, searchHead: string, searchBody: string): Promise<void> {
  await sql`update document_texts set search_vector =
      setweight(to_tsvector('simple', ${searchHead}), 'A') || setweight(to_tsvector('simple', ${searchBody}), 'B')
    where document_id = ${documentId}`.execute(db);
}
