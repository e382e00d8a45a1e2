import type { Db } from "../db/database.js";
import { ZSettingsOverrideSchema, type TSettingsOverride } from "../domain/settings.js";

/** Overrides stored for the given units, keyed by org id. */
export async function findOverrides(db: Db, orgIds: number[]): Promise<Map<number, TSettingsOverride>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom("jurisdiction_settings").select(["org_id", "settings"]).where("org_id", "in", orgIds).execute();
  return new Map(rows.map((r) => [r.org_id, ZSettingsOverrideSchema.parse(typeof r.settings === "string" ? JSON.parse(r.settings) : r.settings)]));
}
