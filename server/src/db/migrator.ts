import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Database } from "./schema.js";
import * as m0001 from "./migrations/0001-init.js";
import * as m0004 from "./migrations/0004-registers.js";
import * as m0006 from "./migrations/0006-search.js";
import * as m0007 from "./migrations/0007-plans.js";
import * as m0007e from "./migrations/0007-plans-events.js";
import * as m0008 from "./migrations/0008-reports.js";
import * as m0009 from "./migrations/0009-sheet-rollups.js";
import * as m0010 from "./migrations/0010-texts.js";
import * as m0011 from "./migrations/0011-document-writes.js";
import * as m0012 from "./migrations/0012-conference-planning.js";
import * as m0013cf from "./migrations/0013-calendar-feeds.js";
import * as m0014 from "./migrations/0014-sheet-meeting-indexes.js";
import * as m0015 from "./migrations/0015-rollup-one-pass.js";

/** Migrations in order. Never edit one that has been applied: add a new file and list it here. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-init": m0001,
  "0004-registers": m0004,
  "0006-search": m0006,
  "0007-plans": m0007,
  "0007-plans-events": m0007e,
  "0008-reports": m0008,
  "0009-sheet-rollups": m0009,
  "0010-texts": m0010,
  "0011-document-writes": m0011,
  "0012-conference-planning": m0012,
  "0013-calendar-feeds": m0013cf,
  "0014-sheet-meeting-indexes": m0014,
  "0015-rollup-one-pass": m0015,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // numbers were handed out to parallel work, so a lower one may land after a higher one
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
