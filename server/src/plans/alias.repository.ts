// The org_aliases table ("map once": a unit name of task tables → an org unit): the only code touching it.
import { sql, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database } from "../db/schema.js";

type Conn = Db | Transaction<Database>;

/** An alias as stored. */
export type AliasRow = { id: number; scope_org_id: number; alias: string; alias_key: string; org_id: number };

/** Aliases whose scope is one of `scopeIds`. */
export async function findAliases(db: Conn, scopeIds: readonly number[]): Promise<AliasRow[]> {
  if (scopeIds.length === 0) return [];
  return db.selectFrom("org_aliases").select(["id", "scope_org_id", "alias", "alias_key", "org_id"])
    .where("scope_org_id", "in", [...scopeIds]).orderBy("alias").orderBy("id").execute();
}

/** One alias, or undefined. */
export async function findAlias(db: Conn, id: number): Promise<AliasRow | undefined> {
  return db.selectFrom("org_aliases").select(["id", "scope_org_id", "alias", "alias_key", "org_id"]).where("id", "=", id).executeTakeFirst();
}

/** Maps `alias` (by its key) to `orgId` within `scopeOrgId`, replacing an earlier mapping. */
export async function upsertAlias(db: Conn, row: { scope_org_id: number; alias: string; alias_key: string; org_id: number }): Promise<AliasRow> {
  return db.insertInto("org_aliases").values(row)
    .onConflict((oc) => oc.columns(["scope_org_id", "alias_key"]).doUpdateSet({ alias: row.alias, org_id: row.org_id, updated_at: sql<Date>`now()` }))
    .returning(["id", "scope_org_id", "alias", "alias_key", "org_id"]).executeTakeFirstOrThrow();
}

/** Removes an alias. */
export async function deleteAlias(db: Conn, id: number): Promise<void> {
  await db.deleteFrom("org_aliases").where("id", "=", id).execute();
}
