import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type DbHandle } from "../../server/src/db/database.js";

/** Which engine this test run uses: PGlite unless LELOI_TEST_DB=postgres. */
export const TEST_ENGINE: "pglite" | "postgres" = process.env.LELOI_TEST_DB === "postgres" ? "postgres" : "pglite";

/** Server and maintenance database for PostgreSQL runs (trust auth on this machine kind). */
const PG_ADMIN_URL = process.env.LELOI_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** `env`: what a child process (the CLI) needs to open the same database. */
export type TestDatabase = { handle: DbHandle; env: Record<string, string>; drop(): Promise<void> };

/** A fresh, migrated database of its own: an in-memory PGlite, or a new PostgreSQL database
 * created for this test file and dropped afterwards, so parallel runs never collide. */
export async function openTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  if (TEST_ENGINE === "pglite") {
    if (!options.onDisk) {
      const handle = await openDatabase({ dataDir: "memory://" });
      return { handle, env: {}, drop: () => handle.close() };
    }
    const dir = mkdtempSync(join(tmpdir(), "leloi-test-"));
    const handle = await openDatabase({ dataDir: dir });
    return { handle, env: { LELOI_DATA_DIR: dir }, drop: async () => { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `leloi_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    handle,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
