// SQL of the documents, meetings and TTHC imports. Rows arrive in chunks, each a CSV text of
// `import_id, register columns` lines and a CSV text of `row number, key` lines. The rows are
// first COPYed straight into the register, as if every key were new (a first import): no probe,
// no staging — an upsert through a staging table costs the database a second copy of each row,
// a sort and a speculative insertion. If a key is already there the COPY stops on the unique key
// and is undone to a savepoint; then the chunk's keys are looked up in the unique index, rows
// whose key exists go through the staging table and an upsert (counted as updated, unchanged
// ones left alone), and the others by COPY. COPY fires the same statement triggers (transition
// tables) as INSERT, so the rollups stay exact. The keys go into a table of the file's keys, for
// the duplicate check at the end, only once such a check may be needed (the writing loop says
// when). Everything happens in the import's one transaction: any bad row or duplicate rolls all
// of it back. All statements are constants; values travel as parameters or through COPY.
import type { BulkSession } from "../db/bulk.js";
import { AppError } from "../errors.js";
import { isUniqueViolation } from "../registers/register-errors.js";
import { DOCUMENT_COLUMNS } from "./document.validator.js";
import { MEETING_COLUMNS } from "./meeting.validator.js";
import { TTHC_COLUMNS } from "./tthc.validator.js";

/** The kinds that land in a register table through staging. */
export type RecordKind = "documents" | "meetings" | "tthc";

const CHUNK = "import_chunk";
/** valid rows' numbers and keys, for the duplicate check over the whole file */
const KEYS = "import_keys";
/** the keys of the chunk being written, when they must be looked up */
const CHUNK_KEYS = "import_chunk_keys";

type Spec = {
  table: string;
  /** the register columns of a CSV line, after import_id */
  columns: readonly string[];
  /** the identity of a record (data-contract.md), with SQL types: a second row with it is a duplicate */
  key: ReadonlyArray<readonly [column: string, type: string]>;
  /** the contract column a duplicate is reported against */
  keyColumn: string;
};

const SPECS: Record<RecordKind, Spec> = {
  documents: { table: "documents", columns: DOCUMENT_COLUMNS, key: [["org_id", "integer"], ["number", "text"], ["issued_on", "date"]], keyColumn: "number" },
  meetings: { table: "meetings", columns: MEETING_COLUMNS, key: [["org_id", "integer"], ["title", "text"], ["start_at", "timestamptz"]], keyColumn: "title" },
  tthc: { table: "tthc_stats", columns: TTHC_COLUMNS, key: [["org_id", "integer"], ["month", "date"]], keyColumn: "period" },
};

const keyNames = (spec: Spec) => spec.key.map(([c]) => c);
/** the lines' columns: import_id, then the register's */
const lineColumns = (spec: Spec) => ["import_id", ...spec.columns];

/** insert … select … on conflict do update only when something changed; counts new (xmax = 0)
 * and updated rows. Re-importing a file therefore writes nothing and duplicates nothing: a row
 * already stored unchanged meets its key in the arbiter index and the update's WHERE leaves it.
 * The staged rows' keys are distinct (a key repeated within a chunk is not staged: the import
 * fails on it at the end anyway), and rows go in key order, which keeps the unique index's
 * writes close together. */
function upsertSql(spec: Spec): string {
  const key = keyNames(spec);
  const changed = spec.columns.filter((c) => !key.includes(c));
  const list = (prefix: string, names: readonly string[]) => names.map((c) => `${prefix}.${c}`).join(", ");
  return `with written as (
    insert into ${spec.table} as t (${lineColumns(spec).join(", ")})
    select ${lineColumns(spec).join(", ")} from ${CHUNK} order by ${key.join(", ")}
    on conflict (${key.join(", ")}) do update set ${changed.map((c) => `${c} = excluded.${c}`).join(", ")},
      import_id = excluded.import_id, updated_at = now()
    where (${list("t", changed)}) is distinct from (${list("excluded", changed)})
    returning (xmax = 0) as is_new)
  select (count(*) filter (where is_new))::integer as inserted, (count(*) filter (where not is_new))::integer as updated from written`;
}

/** The row numbers of the chunk whose key the register holds. The lateral LIMIT 1 makes each key
 * one probe of the unique index, whatever the planner guesses of the table's size. */
function probeSql(spec: Spec): string {
  const names = keyNames(spec);
  return `select k.row_no from ${CHUNK_KEYS} k cross join lateral (
    select 1 from ${spec.table} t where ${names.map((c) => `t.${c} = k.${c}`).join(" and ")} limit 1) found`;
}

const STATEMENTS = Object.fromEntries(
  (Object.keys(SPECS) as RecordKind[]).map((kind) => [kind, { upsert: upsertSql(SPECS[kind]), probe: probeSql(SPECS[kind]) }]),
) as Record<RecordKind, { upsert: string; probe: string }>;

/** The columns of a key line: the row number, then the key. */
const keyLineColumns = (spec: Spec) => ["row_no", ...keyNames(spec)];

/** Creates the chunk and key tables of the kind (dropped at commit or rollback), and lets the
 * transaction sort a chunk in memory (the default 4 MB spills a 20,000-row chunk to disk). */
export async function createStaging(s: BulkSession, kind: RecordKind): Promise<void> {
  const spec = SPECS[kind];
  const keyColumns = spec.key.map(([c, type]) => `${c} ${type} not null`).join(", ");
  await s.query(`set local work_mem = '32MB'`);
  // the register's columns and types, none of its constraints, defaults or triggers
  await s.query(`create temp table ${CHUNK} on commit drop as select ${lineColumns(spec).join(", ")} from ${spec.table} with no data`);
  await s.query(`create temp table ${KEYS} (row_no integer not null, ${keyColumns}) on commit drop`);
  await s.query(`create temp table ${CHUNK_KEYS} (row_no integer not null, ${keyColumns}) on commit drop`);
}

/** One chunk of valid rows: `csv` holds a line (`import_id, register columns`) per row, ending
 * at `lineEnds[i]`, for row `lineRows[i]`; `keysCsv` a line (`row number, key`) for each of the
 * `rows` valid rows, including those not in `csv` because their key repeats in the chunk. */
export type Chunk = { csv: Buffer<ArrayBuffer>; lineEnds: readonly number[]; lineRows: readonly number[]; keysCsv: Buffer<ArrayBuffer>; rows: number };

/** What writing a chunk did: rows inserted and updated, and whether a key of the chunk was in
 * the register already (`lookedUp`: the COPY was undone, the keys looked up and kept). */
export type ChunkWritten = { inserted: number; updated: number; lookedUp: boolean };

/** Adds `keysCsv` (lines of `row number, key`) to the file's keys, for the duplicate check. */
export async function keepKeys(s: BulkSession, kind: RecordKind, keysCsv: Buffer<ArrayBuffer>): Promise<void> {
  await s.copyCsv(KEYS, keyLineColumns(SPECS[kind]), keysCsv);
}

/**
 * When `write`, writes the chunk's rows: all of them by COPY when no key exists yet, else new
 * keys by COPY and existing ones through the staging table and an upsert. Its keys go to the
 * file's keys when `keep`, or when a key had to be looked up (which may be a repeat of an
 * earlier row of the file).
 */
export async function writeChunk(s: BulkSession, kind: RecordKind, chunk: Chunk, o: { write: boolean; keep: boolean }): Promise<ChunkWritten> {
  const spec = SPECS[kind];
  if (o.keep) await keepKeys(s, kind, chunk.keysCsv);
  const lines = chunk.lineRows.length;
  if (!o.write || lines === 0) return { inserted: 0, updated: 0, lookedUp: false };
  await s.query("savepoint import_chunk_copy");
  try {
    await s.copyCsv(spec.table, lineColumns(spec), chunk.csv);
    await s.query("release savepoint import_chunk_copy");
    return { inserted: lines, updated: 0, lookedUp: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await s.query("rollback to savepoint import_chunk_copy");
  }
  // some keys are in the register already
  if (!o.keep) await keepKeys(s, kind, chunk.keysCsv);
  await s.query(`truncate ${CHUNK_KEYS}`);
  await s.copyCsv(CHUNK_KEYS, keyLineColumns(spec), chunk.keysCsv);
  const found = await s.query<{ row_no: number }>(STATEMENTS[kind].probe);
  const { fresh, existing } = splitLines(chunk, new Set(found.map((r) => Number(r.row_no))));
  const counts = { inserted: 0, updated: 0, lookedUp: true };
  if (existing.length > 0) {
    await s.copyCsv(CHUNK, lineColumns(spec), existing);
    const [row] = await s.query<{ inserted: number; updated: number }>(STATEMENTS[kind].upsert);
    counts.inserted = Number(row?.inserted ?? 0);
    counts.updated = Number(row?.updated ?? 0);
    await s.query(`truncate ${CHUNK}`);
  }
  if (fresh.lines > 0) {
    await copyFresh(s, spec, fresh.csv);
    counts.inserted += fresh.lines;
  }
  return counts;
}

/** The chunk's lines whose row is not in `existing` (all of them, usually: no copying), and
 * the others. */
function splitLines(chunk: Chunk, existing: ReadonlySet<number>): { fresh: { csv: Buffer<ArrayBuffer>; lines: number }; existing: Buffer<ArrayBuffer> } {
  const all = chunk.lineRows.length;
  if (existing.size === 0) return { fresh: { csv: chunk.csv, lines: all }, existing: Buffer.alloc(0) };
  const fresh: Buffer[] = [];
  const staged: Buffer[] = [];
  let start = 0;
  chunk.lineRows.forEach((row, i) => {
    const end = chunk.lineEnds[i] ?? start;
    (existing.has(row) ? staged : fresh).push(chunk.csv.subarray(start, end));
    start = end;
  });
  return { fresh: { csv: Buffer.concat(fresh), lines: fresh.length }, existing: Buffer.concat(staged) };
}

/** COPY of rows whose keys the register did not hold a moment ago. Another transaction may
 * have written one of them since (PostgreSQL; PGlite has one connection): the COPY then fails
 * on the unique key, and the import with it. */
async function copyFresh(s: BulkSession, spec: Spec, csv: Buffer<ArrayBuffer>): Promise<void> {
  try {
    await s.copyCsv(spec.table, lineColumns(spec), csv);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", "Một lượt ghi khác vừa thêm bản ghi trùng khóa với tệp trong lúc nhập; không dòng nào được ghi, hãy nhập lại");
  }
}

/** A staged row whose key an earlier row of the file already has. */
export type DuplicateRow = { row: number; firstRow: number };

/** The contract column a duplicate of this kind is reported against. */
export function duplicateColumn(kind: RecordKind): string {
  return SPECS[kind].keyColumn;
}

/**
 * Rows repeating the key of an earlier row, in row order, after row `afterRow`, at most
 * `limit`; `total` counts all of them (from the first page).
 */
export async function findDuplicates(s: BulkSession, kind: RecordKind, afterRow: number, limit: number): Promise<{ rows: DuplicateRow[]; total: number }> {
  const key = keyNames(SPECS[kind]).join(", ");
  const rows = await s.query<{ row_no: number; first_row: number; total: number }>(
    `select s.row_no, d.first_row, (count(*) over ())::integer as total
       from ${KEYS} s
       join (select ${key}, min(row_no) as first_row from ${KEYS} group by ${key} having count(*) > 1) d using (${key})
      where s.row_no > d.first_row and s.row_no > $1
      order by s.row_no
      limit $2`,
    [afterRow, limit],
  );
  return { rows: rows.map((r) => ({ row: Number(r.row_no), firstRow: Number(r.first_row) })), total: Number(rows[0]?.total ?? 0) };
}
