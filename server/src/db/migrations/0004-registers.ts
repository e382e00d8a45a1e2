import { sql, type Kysely } from "kysely";

// The register lists page a unit's documents newest first with `id` as the tie-breaker, one
// index probe per unit. With (org_id, issued_on) alone, PostgreSQL reads a whole day group and
// sorts it per unit (an incremental sort reading ~7× the rows shown on a province's register);
// with `id` in the key each probe reads exactly the rows it returns. The new index serves every
// query the old one did (same leading columns), so the old one goes: imports maintain one index,
// not two.
const UP: string[] = [
  `create index documents_org_issued_id on documents (org_id, issued_on, id)`,
  `drop index documents_org_issued`,
];

const DOWN: string[] = [
  `create index documents_org_issued on documents (org_id, issued_on)`,
  `drop index documents_org_issued_id`,
];

/** Registers: (org_id, issued_on, id) replaces (org_id, issued_on) for keyset paging. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
