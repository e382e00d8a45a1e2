import { sql, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { ZSettingsOverrideSchema, type TSettingsOverride } from "../domain/settings.js";

/** Overrides stored for the given units, keyed by org id. */
export async function findOverrides(db: Db, orgIds: number[]): Promise<Map<number, TSettingsOverride>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom("jurisdiction_settings").select(["org_id", "settings"]).where("org_id", "in", orgIds).execute();
  return new Map(rows.map((r) => [r.org_id, ZSettingsOverrideSchema.parse(typeof r.settings === "string" ? JSON.parse(r.settings) : r.settings)]));
}

/** Stores a unit's override (replacing any previous one). */
export async function upsertOverride(db: Db | Transaction<Database>, orgId: number, override: TSettingsOverride): Promise<void> {
  const settings = JSON.stringify(override);
  await db
    .insertInto("jurisdiction_settings")
    .values({ org_id: orgId, settings })
    .onConflict((oc) => oc.column("org_id").doUpdateSet({ settings, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Removes a unit's override: it then inherits everything from its ancestors. */
export async function deleteOverride(db: Db | Transaction<Database>, orgId: number): Promise<void> {
  await db.deleteFrom("jurisdiction_settings").where("org_id", "=", orgId).execute();
}
