// A fresh database per engine for one bench run, removed afterwards.
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { openDatabase, type DbHandle } from "../server/src/db/database.js";

/** `url` is set for PostgreSQL: the floor COPY streams the file on a client of its own. */
export type BenchDatabase = { handle: DbHandle; label: string; url?: string; drop(): Promise<void> };

const stamp = () => `${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}_${process.pid}`;

/** PGlite on disk (as the product runs it: LELOI_DATA_DIR), in a folder under the out dir. */
async function openPgliteBench(outDir: string): Promise<BenchDatabase> {
  const dir = resolve(join(outDir, `pglite_${stamp()}`));
  mkdirSync(dir, { recursive: true });
  const handle = await openDatabase({ dataDir: dir });
  return {
    handle,
    label: `PGlite (trên đĩa: ${dir})`,
    drop: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database `leloi_bench_…` on the PostgreSQL server of `adminUrl`, dropped afterwards. */
async function openPostgresBench(adminUrl: string): Promise<BenchDatabase> {
  const name = `leloi_bench_${stamp()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // the name is built from digits and the pid only, never from input
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    handle,
    url: url.toString(),
    label: `PostgreSQL (${url.host}/${name})`,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Opens (and migrates) a fresh bench database on `engine`. */
export function openBenchDatabase(engine: "pglite" | "postgres", o: { outDir: string; pgUrl: string }): Promise<BenchDatabase> {
  return engine === "pglite" ? openPgliteBench(o.outDir) : openPostgresBench(o.pgUrl);
}

/** The PostgreSQL server's version line, or the PGlite one. */
export async function engineVersion(handle: DbHandle): Promise<string> {
  const rows = await handle.bulk((s) => s.query<{ v: string }>("select version() as v"));
  return rows[0]?.v.split(",")[0] ?? "?";
}
