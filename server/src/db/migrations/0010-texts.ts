import { sql, type Kysely } from "kysely";

// DESIGN — not yet listed in migrator.ts (issue "Document intelligence" §6; to be wired when the
// register starts carrying texts). Fingerprint storage for the copy check (D5):
//
// 1. document_texts: the text of a registered document (as uploaded, never altered), the
//    matching codes of its text (domain/texts/fold.ts: one byte a character, so verifying a
//    candidate reads bytes instead of re-folding its text) and its winnowed fingerprints
//    (domain/texts/fingerprints.ts: distinct 32-bit hashes, little-endian) — both stamped with
//    the normaliser's version, so a change of fold or k rebuilds them. Per-document arrays, not a
//    row per posting: 100,000 documents × ~200 fingerprints would be 20 M rows, and a look-up of
//    a 20-page query's 60,000 grams in a B-tree costs hundreds of milliseconds, where the
//    in-memory index (domain/texts/copy-index.ts, loaded from these rows at start and kept in step
//    on registration) answers in milliseconds (bench/copycheck-bench.ts). The rows load in one
//    scan (≈ 20 MB of fingerprints per 100,000 documents).
// 2. document_copy_checks: the last check of a document against the documents of its unit's
//    ancestors and the central ones — share, passages (offsets into both originals) and the
//    index state it was computed on — so the register filters "copied > threshold" (a setting)
//    and D5 counts without recomputing.
// The same statements run on PGlite and PostgreSQL (plain types only).

const UP: string[] = [
  `create table document_texts (
    document_id bigint primary key references documents(id) on delete cascade,
    text text not null,
    format text not null check (format in ('text', 'markdown', 'docx', 'pdf')),
    char_count integer not null,
    match_codes bytea not null,
    fingerprints bytea not null,
    fold_version smallint not null,
    metadata jsonb,
    updated_at timestamptz not null default now()
  )`,
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
];

const DOWN: string[] = [`drop table document_copy_checks`, `drop table document_texts`];

/** Texts, fingerprints and copy-check results of registered documents. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
