// SQL of the documents, meetings and TTHC imports. Rows arrive in chunks: each chunk is COPYed
// into a temporary table and upserted into the register at once, so PostgreSQL writes one chunk
// while Node reads and checks the next; the keys of every row are kept in a second temporary
// table, where duplicate keys across the whole file are found at the end. Everything happens in
// the import's one transaction: any bad row or duplicate rolls all of it back. All statements
// are constants; values travel as parameters or through COPY.
import type { BulkSession } from "../db/bulk.js";
import { DOCUMENT_STAGING_COLUMNS } from "./document.validator.js";
import { MEETING_STAGING_COLUMNS } from "./meeting.validator.js";
import { TTHC_STAGING_COLUMNS } from "./tthc.validator.js";

/** The kinds that land in a register table through staging. */
export type RecordKind = "documents" | "meetings" | "tthc";

const CHUNK = "import_chunk";
const KEYS = "import_keys";

type Spec = {
  /** columns and types of a staged row (row_no first) */
  stagingColumns: string;
  columns: readonly string[];
  /** the identity of a record (data-contract.md): a second row with it is a duplicate */
  key: string;
  /** the key columns with their types */
  keyColumns: string;
  /** the contract column a duplicate is reported against */
  keyColumn: string;
  upsert: string;
};

/** insert … select … on conflict do update only when something changed; counts new (xmax = 0)
 * and updated rows. Re-importing a file therefore writes nothing and duplicates nothing: a row
 * already stored unchanged meets its key in the arbiter index and the update's WHERE leaves it.
 * Within a chunk the first row of a key wins (a statement may not update a row twice; the
 * duplicate is reported at the end anyway), and rows go in key order, which keeps the unique
 * index's writes close together. */
function upsert(table: string, columns: string[], key: string[]): string {
  const changed = columns.filter((c) => !key.includes(c));
  const list = (prefix: string, names: string[]) => names.map((c) => `${prefix}.${c}`).join(", ");
  return `with chunk as (select distinct on (${key.join(", ")}) * from ${CHUNK} order by ${key.join(", ")}, row_no),
  written as (
    insert into ${table} as t (${columns.join(", ")}, import_id)
    select ${list("s", columns)}, $1::bigint from chunk s
    on conflict (${key.join(", ")}) do update set ${changed.map((c) => `${c} = excluded.${c}`).join(", ")},
      import_id = excluded.import_id, updated_at = now()
    where (${list("t", changed)}) is distinct from (${list("excluded", changed)})
    returning (xmax = 0) as is_new)
  select (count(*) filter (where is_new))::integer as inserted, (count(*) filter (where not is_new))::integer as updated from written`;
}

const DOCUMENT_COLUMNS = ["org_id", "number", "type_code", "issued_on", "subject", "legal_normative", "secret", "sent_electronically", "digitized", "signer", "search_text"];
const MEETING_COLUMNS = ["org_id", "title", "category", "scope", "format", "start_at", "end_at", "sessions", "opening_min", "conclusion_min", "max_contribution_min", "exception_decision", "commune_participants"];
const TTHC_COLUMNS = ["org_id", "month", "received", "processed_digitally"];

const SPECS: Record<RecordKind, Spec> = {
  documents: {
    stagingColumns: `row_no integer not null, org_id integer not null, number text not null,
      type_code text not null, issued_on date not null, subject text not null, legal_normative boolean not null,
      secret boolean not null, sent_electronically boolean not null, digitized boolean not null, signer text,
      search_text text not null`,
    columns: DOCUMENT_STAGING_COLUMNS,
    key: "org_id, number, issued_on",
    keyColumns: "org_id integer not null, number text not null, issued_on date not null",
    keyColumn: "number",
    upsert: upsert("documents", DOCUMENT_COLUMNS, ["org_id", "number", "issued_on"]),
  },
  meetings: {
    stagingColumns: `row_no integer not null, org_id integer not null, title text not null,
      category text not null, scope text not null, format text not null, start_at timestamptz not null,
      end_at timestamptz not null, sessions smallint not null, opening_min smallint, conclusion_min smallint,
      max_contribution_min smallint, exception_decision text, commune_participants boolean`,
    columns: MEETING_STAGING_COLUMNS,
    key: "org_id, title, start_at",
    keyColumns: "org_id integer not null, title text not null, start_at timestamptz not null",
    keyColumn: "title",
    upsert: upsert("meetings", MEETING_COLUMNS, ["org_id", "title", "start_at"]),
  },
  tthc: {
    stagingColumns: `row_no integer not null, org_id integer not null, month date not null,
      received integer not null, processed_digitally integer not null`,
    columns: TTHC_STAGING_COLUMNS,
    key: "org_id, month",
    keyColumns: "org_id integer not null, month date not null",
    keyColumn: "period",
    upsert: upsert("tthc_stats", TTHC_COLUMNS, ["org_id", "month"]),
  },
};

/** Creates the chunk and key tables of the kind (dropped at commit or rollback), and lets the
 * transaction sort a chunk in memory (the default 4 MB spills a 20,000-row chunk to disk). */
export async function createStaging(s: BulkSession, kind: RecordKind): Promise<void> {
  await s.query(`set local work_mem = '32MB'`);
  await s.query(`create temp table ${CHUNK} (${SPECS[kind].stagingColumns}) on commit drop`);
  await s.query(`create temp table ${KEYS} (row_no integer not null, ${SPECS[kind].keyColumns}) on commit drop`);
}

/** Stages one chunk of rows given as CSV lines (see the validators' *_STAGING_COLUMNS). */
export async function copyChunk(s: BulkSession, kind: RecordKind, csv: string): Promise<void> {
  await s.copyCsv(CHUNK, SPECS[kind].columns, csv);
}

/**
 * Keeps the staged chunk's keys for the duplicate check, upserts it into the register when
 * `write` (the rows tagged with the job id), and empties it for the next chunk.
 */
export async function writeChunk(s: BulkSession, kind: RecordKind, jobId: number, write: boolean): Promise<{ inserted: number; updated: number }> {
  const spec = SPECS[kind];
  await s.query(`insert into ${KEYS} select row_no, ${spec.key} from ${CHUNK}`);
  let written = { inserted: 0, updated: 0 };
  if (write) {
    const [row] = await s.query<{ inserted: number; updated: number }>(spec.upsert, [jobId]);
    written = { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
  }
  await s.query(`truncate ${CHUNK}`);
  return written;
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
  const key = SPECS[kind].key;
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
