// The measurements of one engine: import through the real service, the physical floor (raw
// COPY and a bare scan of the same rows), the indicator sheet latency and its freshness.
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { AppContext } from "../server/src/context.js";
import type { DbHandle } from "../server/src/db/database.js";
import { importFile } from "../server/src/imports/import.service.js";
import type { ImportKind } from "../server/src/imports/import.columns.js";
import { AppError } from "../server/src/errors.js";
import { computeSheet } from "../server/src/indicators/indicator.service.js";

/** `cpuUsPerRow`: CPU time per row of this process (Node, and PGlite's engine in it) and of the
 * PostgreSQL server processes of the bench database — steadier than wall time on a shared machine. */
export type ImportMeasure = { kind: ImportKind; file: string; rows: number; ms: number; rowsPerSec: number; inserted: number; phasesMs: Record<string, number>; cpuUsPerRow?: { node: number; db?: number } };

/** CPU time (ms) of the local PostgreSQL server processes serving `database` (from /proc; a
 * server on another machine, or no /proc, gives undefined). */
export function postgresCpuMs(database: string): number | undefined {
  let total: number | undefined;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(` ${database} `)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms
        total = (total ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return undefined;
  }
  return total;
}
export type Latency = { runs: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number };

/** Median and 95th percentile (nearest rank) of samples in ms. */
export function summarise(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { runs: s.length, medianMs: at(0.5), p95Ms: at(0.95), minMs: s[0] ?? NaN, maxMs: s[s.length - 1] ?? NaN };
}

/** One file through `importFile` — the same path as `leloi import` and the upload — with full
 * validation, all or nothing, in one transaction. */
export async function measureImport(ctx: AppContext, kind: ImportKind, filePath: string, log: (line: string) => void, dbCpuMs: () => number | undefined = () => undefined): Promise<ImportMeasure> {
  const phasesMs: Record<string, number> = {};
  const nodeCpu = process.cpuUsage();
  const dbCpuStart = dbCpuMs();
  let phase = "start";
  let phaseStart = performance.now();
  const started = phaseStart;
  const result = await importFile(ctx, {
    kind, filePath, user: null,
    onPhase: (next) => {
      const t = performance.now();
      phasesMs[phase] = (phasesMs[phase] ?? 0) + (t - phaseStart);
      phase = next;
      phaseStart = t;
    },
  });
  const end = performance.now();
  phasesMs[phase] = (phasesMs[phase] ?? 0) + (end - phaseStart);
  const ms = end - started;
  const { user, system } = process.cpuUsage(nodeCpu);
  const dbCpuEnd = dbCpuMs();
  const perRow = (us: number) => (result.rows > 0 ? us / result.rows : 0);
  const cpuUsPerRow = { node: perRow(user + system), db: dbCpuStart === undefined || dbCpuEnd === undefined ? undefined : perRow((dbCpuEnd - dbCpuStart) * 1000) };
  const m = { kind, file: filePath, rows: result.rows, ms, rowsPerSec: result.rows / (ms / 1000), inserted: result.inserted, phasesMs, cpuUsPerRow };
  const cpu = `CPU ${cpuUsPerRow.node.toFixed(1)} µs/dòng Node${cpuUsPerRow.db === undefined ? "" : ` + ${cpuUsPerRow.db.toFixed(1)} µs/dòng PostgreSQL`}`;
  log(`  nhập ${kind} ${filePath.split("/").pop()}: ${result.rows.toLocaleString("vi-VN")} dòng trong ${(ms / 1000).toFixed(1)} s = ${Math.round(m.rowsPerSec).toLocaleString("vi-VN")} dòng/s (${cpu})`);
  return m;
}

export type Refusal = { file: string; rows: number; ms: number; errors: string[] };

/** A file the import must refuse: the time until it is refused (and rolled back), and what it
 * says; throws if the import went through. */
export async function measureRefusal(ctx: AppContext, kind: ImportKind, filePath: string, rows: number, log: (line: string) => void): Promise<Refusal> {
  const started = performance.now();
  const error = await importFile(ctx, { kind, filePath, user: null }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  if (!(error instanceof AppError) || error.code !== "IMPORT_INVALID") throw new Error(`${filePath.split("/").pop()}: the import was not refused as expected (${String(error)})`);
  const errors = (error.details as { errors?: string[] } | undefined)?.errors ?? [];
  log(`  từ chối ${filePath.split("/").pop()}: ${rows.toLocaleString("vi-VN")} dòng trong ${(ms / 1000).toFixed(1)} s — ${errors.join("; ")}`);
  return { file: filePath, rows, ms, errors };
}

const BARE_COLUMNS = ["org_code", "number", "type", "issued_on", "subject", "legal_normative", "secret", "sent_electronically", "digitized", "signer"] as const;

/** The floor of writing: raw COPY of the documents CSV files into a bare table with the same
 * columns — no validation, no index, no trigger. PostgreSQL: the file streamed through
 * pg-copy-streams (given `pgUrl`); PGlite: the file's text as a blob on /dev/blob. */
export async function measureCopyFloor(handle: DbHandle, files: readonly string[], pgUrl?: string): Promise<{ rows: number; ms: number; rowsPerSec: number }> {
  await handle.bulk(async (s) => {
    await s.query("drop table if exists bench_bare");
    await s.query(`create table bench_bare (org_code text, number text, type text, issued_on date, subject text,
      legal_normative boolean, secret boolean, sent_electronically boolean, digitized boolean, signer text)`);
  });
  let rows = 0;
  let ms = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const body = text.slice(text.indexOf("\n") + 1);
    for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) rows += 1;
    const t = performance.now();
    if (pgUrl) await streamCopy(pgUrl, file);
    else await handle.bulk((s) => s.copyCsv("bench_bare", BARE_COLUMNS, body));
    ms += performance.now() - t;
  }
  return { rows, ms, rowsPerSec: rows / (ms / 1000) };
}

async function streamCopy(pgUrl: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query("begin");
    const copy = client.query(copyFrom(`copy bench_bare (${BARE_COLUMNS.join(", ")}) from stdin with (format csv, header true)`));
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), copy);
    await client.query("commit");
  } finally {
    await client.end();
  }
}

/** The floor of reading: one bare pass computing the counts a sheet needs (D1 current and
 * previous, D3, D4 numerators and denominator) over the bare table; ms per million rows. */
export async function measureScanFloor(handle: DbHandle, rows: number, runs: number): Promise<Latency & { msPerMillion: number }> {
  const scan = () =>
    sql`select count(*) filter (where not legal_normative and issued_on >= ${"2026-01-01"} and issued_on < ${"2027-01-01"}) as d1_cur,
               count(*) filter (where not legal_normative and issued_on >= ${"2025-01-01"} and issued_on < ${"2026-01-01"}) as d1_prev,
               count(*) filter (where not secret and digitized and issued_on >= ${"2026-01-01"}) as d3,
               count(*) filter (where not secret and sent_electronically and issued_on >= ${"2026-01-01"}) as d4,
               count(*) filter (where not secret and issued_on >= ${"2026-01-01"}) as open_docs
          from bench_bare`.execute(handle.db);
  await scan();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await scan();
    samples.push(performance.now() - t);
  }
  const l = summarise(samples);
  return { ...l, msPerMillion: l.medianMs / (rows / 1_000_000) };
}

/** Drops the floor's bare table so it does not weigh on the rest. */
export async function dropBare(handle: DbHandle): Promise<void> {
  await handle.bulk((s) => s.query("drop table if exists bench_bare"));
}

/** The indicator sheet of `orgCode` for `period`, computed `runs` times after two warm-ups. */
export async function measureSheet(ctx: AppContext, orgCode: string, period: string, runs: number): Promise<Latency> {
  const request = { orgCode, period, subtree: true };
  await computeSheet(ctx, request);
  await computeSheet(ctx, request);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await computeSheet(ctx, request);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

/** What autovacuum does some time after a large import: planner statistics, and the visibility
 * map that lets the breach lists be read from their indexes alone. */
export async function analyze(handle: DbHandle): Promise<number> {
  const t = performance.now();
  await sql`vacuum analyze`.execute(handle.db);
  return performance.now() - t;
}

/** Size of the database on disk, in MB (PostgreSQL: pg_database_size; PGlite: the same function
 * over its virtual cluster). */
export async function databaseSizeMb(handle: DbHandle): Promise<number> {
  const rows = await handle.bulk((s) => s.query<{ b: number | string }>("select pg_database_size(current_database()) as b"));
  return Number(rows[0]?.b ?? 0) / 1_048_576;
}
