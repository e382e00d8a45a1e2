import { openDatabase, type DbHandle } from "./database.js";

/** Opens the database the way the data contract says: DATABASE_URL when set, else PGlite in
 * LELOI_DATA_DIR (default ./data). Used by the server and the CLI alike. */
export function openDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DbHandle> {
  const databaseUrl = env.DATABASE_URL;
  return databaseUrl ? openDatabase({ databaseUrl }) : openDatabase({ dataDir: env.LELOI_DATA_DIR ?? "./data" });
}
