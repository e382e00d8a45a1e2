import { sql, type Kysely } from "kysely";

// Texts of registered documents (issue "Document intelligence" §6–§8). The same statements run
// on PGlite and PostgreSQL: plain types, built-in full-text search, no contrib extension.
//
// 1. document_texts: the text of a registered document (as uploaded, never altered), the
//    matching codes of its text (domain/texts/fold.ts: one byte a character, so verifying a
//    candidate reads bytes instead of re-folding its text) and its winnowed fingerprints
//    (domain/texts/fingerprints.ts: distinct 32-bit hashes, little-endian) — both stamped with
//    the normaliser's version (FOLD_VERSION), so a change of fold or k rebuilds them. Per-document
//    arrays, not a row per posting: 100,000 documents × ~200 fingerprints would be 20 M rows, and
//    a look-up of a 20-page query's 60,000 grams in a B-tree costs hundreds of milliseconds, where
//    the in-memory index (domain/texts/live-index.ts, loaded from these rows on first use and
//    kept in step on writes) answers in milliseconds (bench/copycheck-bench.ts).
//    `revision` comes from a sequence on every write of the row: a server process compares the
//    count and the sum of revisions with those of the index it holds, and re-reads what changed
//    (intelligence/text-index.ts).
//    `search_vector`: the text's search tokens (domain/texts/search-snippet.ts: words of the
//    matching view — diacritics off, OCR confusions merged) as a tsvector of the built-in 'simple'
//    configuration — number and subject weighted A, text B — for ranked, diacritic-insensitive
//    search on both engines (pg_trgm would need a contrib extension loaded on PGlite; the fold
//    happens in Node, as for documents.search_text).
// 2. document_references: the documents a text cites (number in canonical form and its loose
//    key, type, date, issuer, title), resolved to registered documents when read, so a document
//    registered after the one citing it is found too (citation graph, §7).
// 3. document_copy_checks: the last check of a document against the documents of its unit's
//    ancestors and the central ones — share, passages (offsets into both originals, the source
//    by document id) — so the register filters "copied > threshold" (a setting) and D5 counts
//    without recomputing. `passages` has a GIN index: the checks that took a passage from a
//    document are found when that document's text changes or goes.

const UP: string[] = [
  `create sequence document_text_revisions`,
  `create table document_texts (
    document_id bigint primary key references documents(id) on delete cascade,
    text text not null,
    format text not null check (format in ('text', 'markdown', 'docx', 'pdf')),
    file_name text,
    char_count integer not null,
    match_codes bytea not null,
    fingerprints bytea not null,
    fold_version smallint not null,
    metadata jsonb,
    search_vector tsvector not null,
    revision bigint not null default nextval('document_text_revisions'),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index document_texts_search on document_texts using gin (search_vector)`,
  `create table document_references (
    document_id bigint not null references documents(id) on delete cascade,
    position smallint not null,
    number text not null,
    number_key text not null,
    type_code text,
    cited_on date,
    issuer text,
    title text,
    primary key (document_id, position)
  )`,
  `create index document_references_number on document_references (number_key)`,
  `create table document_copy_checks (
    document_id bigint primary key references documents(id) on delete cascade,
    copied_share numeric(4, 3) not null check (copied_share between 0 and 1),
    counted_chars integer not null,
    copied_chars integer not null,
    passages jsonb not null default '[]',
    sources_compared integer not null,
    fold_version smallint not null,
    checked_at timestamptz not null default now()
  )`,
  `create index document_copy_checks_share on document_copy_checks (copied_share)`,
  `create index document_copy_checks_passages on document_copy_checks using gin (passages jsonb_path_ops)`,
];

const DOWN: string[] = [
  `drop table document_copy_checks`,
  `drop table document_references`,
  `drop table document_texts`,
  `drop sequence document_text_revisions`,
];

/** Texts, fingerprints, references and copy-check results of registered documents. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
