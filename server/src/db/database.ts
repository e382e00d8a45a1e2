import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema.js";
import { migrateToLatest } from "./migrator.js";
import { createPgliteBulk, createPostgresBulk, type BulkRunner } from "./bulk.js";

export type Db = Kysely<Database>;

/** An open database: the query builder plus the raw bulk-load path used by imports. */
export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs `work` in one transaction on a dedicated connection that can COPY rows in. */
  bulk: BulkRunner;
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string; dataDir?: string; migrate?: boolean };

// int8 → number (counts and ids stay far below 2^53), date → "YYYY-MM-DD" string, on both engines.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

/** Opens PostgreSQL when `databaseUrl` is given, else the embedded PGlite in `dataDir`
 * (in memory when `dataDir` is "memory://"), and brings the schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  const handle = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir ?? "./data");
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return handle;
}

function openPostgres(url: string): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (restart, pg_terminate_backend, DROP DATABASE … FORCE)
  // is dropped from the pool and replaced at the next checkout; without a listener the 'error'
  // event would end the whole process.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    bulk: createPostgresBulk(pool),
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { unaccent },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
    serializers: { [DATE]: (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)) },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: "pglite",
    bulk: createPgliteBulk(db, client),
    // the dialect closes the PGlite client when Kysely is destroyed
    close: () => db.destroy(),
  };
}
