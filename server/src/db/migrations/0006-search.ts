import { sql, type Kysely } from "kysely";

// Diacritic-insensitive search on both engines: leloi_fold() does in SQL what foldDiacritics()
// (server/src/domain/text.ts) does in TypeScript for the letters that matter — Vietnamese marks
// removed, đ → d, lower case. unaccent is the C extension (≈ 2 µs a row; a translate()-based fold
// cost 30–100 µs and made imports 30× slower). unaccent() itself is only STABLE; naming the
// dictionary makes the wrapper safe to declare IMMUTABLE, so stored generated columns can use it.
const UP: string[] = [
  `create extension if not exists unaccent`,
  `create function leloi_fold(t text) returns text language sql immutable parallel safe as $$
     select lower(public.unaccent('public.unaccent'::regdictionary, t))
   $$`,
  `alter table documents add column search_text text generated always as
     (leloi_fold(number || ' ' || subject || ' ' || coalesce(signer, ''))) stored`,
  `alter table meetings add column search_text text generated always as (leloi_fold(title)) stored`,
];

const DOWN: string[] = [
  `alter table meetings drop column search_text`,
  `alter table documents drop column search_text`,
  `drop function leloi_fold(text)`,
];

/** Folded search text for the registers ("hoi nghi" finds "Hội nghị"). */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
