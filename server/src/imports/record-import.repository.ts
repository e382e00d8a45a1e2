// SQL of the documents, meetings and TTHC imports: a temporary staging table filled by COPY,
// duplicate keys found in SQL, then one upsert into the register. All statements are constants;
// values travel as parameters or through COPY.
import type { BulkSession } from "../db/bulk.js";
import { DOCUMENT_STAGING_COLUMNS } from "./document.validator.js";
import { MEETING_STAGING_COLUMNS } from "./meeting.validator.js";
import { TTHC_STAGING_COLUMNS } from "./tthc.validator.js";

/** The kinds that land in a register table through staging. */
export type RecordKind = "documents" | "meetings" | "tthc";

const STAGING = "import_staging";

type Spec = {
  createStaging: string;
  columns: readonly string[];
  /** the identity of a record (data-contract.md): a second row with it is a duplicate */
  key: string;
  /** the contract column a duplicate is reported against */
  keyColumn: string;
  upsert: string;
};

/** insert … select … on conflict do update only when something changed; counts new (xmax = 0)
 * and updated rows. Re-importing a file therefore writes nothing and duplicates nothing. Rows
 * already stored unchanged are left out before the insert: forming a row to insert computes the
 * table's generated columns (documents.search_text folds text, ~0.1 ms a row), wasted on rows
 * that then conflict and change nothing. */
function upsert(table: string, columns: string[], key: string[]): string {
  const changed = columns.filter((c) => !key.includes(c));
  const list = (prefix: string, names: string[]) => names.map((c) => `${prefix}.${c}`).join(", ");
  return `with written as (
    insert into ${table} as t (${columns.join(", ")}, import_id)
    select ${list("s", columns)}, $1::bigint from ${STAGING} s
     where not exists (select 1 from ${table} d where ${key.map((k) => `d.${k} = s.${k}`).join(" and ")}
                          and (${list("d", changed)}) is not distinct from (${list("s", changed)}))
    on conflict (${key.join(", ")}) do update set ${changed.map((c) => `${c} = excluded.${c}`).join(", ")},
      import_id = excluded.import_id, updated_at = now()
    where (${list("t", changed)}) is distinct from (${list("excluded", changed)})
    returning (xmax = 0) as is_new)
  select (count(*) filter (where is_new))::integer as inserted, (count(*) filter (where not is_new))::integer as updated from written`;
}

const DOCUMENT_COLUMNS = ["org_id", "number", "type_code", "issued_on", "subject", "legal_normative", "secret", "sent_electronically", "digitized", "signer"];
const MEETING_COLUMNS = ["org_id", "title", "category", "scope", "format", "start_at", "end_at", "sessions", "opening_min", "conclusion_min", "max_contribution_min", "exception_decision", "commune_participants"];
const TTHC_COLUMNS = ["org_id", "month", "received", "processed_digitally"];

const SPECS: Record<RecordKind, Spec> = {
  documents: {
    createStaging: `create temp table ${STAGING} (row_no integer not null, org_id integer not null, number text not null,
      type_code text not null, issued_on date not null, subject text not null, legal_normative boolean not null,
      secret boolean not null, sent_electronically boolean not null, digitized boolean not null, signer text) on commit drop`,
    columns: DOCUMENT_STAGING_COLUMNS,
    key: "org_id, number, issued_on",
    keyColumn: "number",
    upsert: upsert("documents", DOCUMENT_COLUMNS, ["org_id", "number", "issued_on"]),
  },
  meetings: {
    createStaging: `create temp table ${STAGING} (row_no integer not null, org_id integer not null, title text not null,
      category text not null, scope text not null, format text not null, start_at timestamptz not null,
      end_at timestamptz not null, sessions smallint not null, opening_min smallint, conclusion_min smallint,
      max_contribution_min smallint, exception_decision text, commune_participants boolean) on commit drop`,
    columns: MEETING_STAGING_COLUMNS,
    key: "org_id, title, start_at",
    keyColumn: "title",
    upsert: upsert("meetings", MEETING_COLUMNS, ["org_id", "title", "start_at"]),
  },
  tthc: {
    createStaging: `create temp table ${STAGING} (row_no integer not null, org_id integer not null, month date not null,
      received integer not null, processed_digitally integer not null) on commit drop`,
    columns: TTHC_STAGING_COLUMNS,
    key: "org_id, month",
    keyColumn: "period",
    upsert: upsert("tthc_stats", TTHC_COLUMNS, ["org_id", "month"]),
  },
};

/** Creates the staging table of the kind (dropped at commit or rollback). */
export async function createStaging(s: BulkSession, kind: RecordKind): Promise<void> {
  await s.query(SPECS[kind].createStaging);
}

/** Appends staged rows given as CSV lines (see the validators' *_STAGING_COLUMNS). */
export async function copyToStaging(s: BulkSession, kind: RecordKind, csv: string): Promise<void> {
  await s.copyCsv(STAGING, SPECS[kind].columns, csv);
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
       from ${STAGING} s
       join (select ${key}, min(row_no) as first_row from ${STAGING} group by ${key} having count(*) > 1) d using (${key})
      where s.row_no > d.first_row and s.row_no > $1
      order by s.row_no
      limit $2`,
    [afterRow, limit],
  );
  return { rows: rows.map((r) => ({ row: Number(r.row_no), firstRow: Number(r.first_row) })), total: Number(rows[0]?.total ?? 0) };
}

/** Moves the staged rows into the register, tagging new and changed rows with the job id. */
export async function upsertFromStaging(s: BulkSession, kind: RecordKind, jobId: number): Promise<{ inserted: number; updated: number }> {
  const [row] = await s.query<{ inserted: number; updated: number }>(SPECS[kind].upsert, [jobId]);
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}
