// The reading half of the documents, meetings and TTHC imports: a file's rows are read,
// validated and gathered into chunks of CSV lines ready for COPY. It needs no database — the
// units come as a list of codes and ids — so it runs the same in the import's own thread (small
// files) or in a worker thread (record-parse.thread.ts) that reads the file itself while the
// database writes the previous chunk (on PGlite the engine holds the import's thread for a whole
// chunk: a reader fed from that thread would wait as long). Memory stays bounded: a chunk is at
// most `flushRows` rows.
import { createReadStream, type ReadStream } from "node:fs";
import { AppError } from "../errors.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import type { ColumnIndex } from "./import.columns.js";
import type { CellProblem } from "./import.cells.js";
import { openTable, type FileFormat } from "./import.readers.js";
import { ChunkBuilder } from "./record-chunk.js";
import type { Chunk, RecordKind } from "./record-import.repository.js";
import type { OrgResolver, RowValidator } from "./record.validator.js";
import { documentValidator } from "./document.validator.js";
import { meetingValidator, type ConventionOf } from "./meeting.validator.js";
import { tthcValidator } from "./tthc.validator.js";

type SessionConvention = JurisdictionSettings["sessionConvention"];

/** What reading a file needs; plain data, so that it can be posted to a worker thread. */
export type ParseSetup = {
  kind: RecordKind;
  /** the file on disk, and its format */
  filePath: string;
  format: FileFormat;
  jobId: number;
  /** every unit's code and id */
  orgs: ReadonlyArray<readonly [code: string, id: number]>;
  /** the units whose rows may be written; null = every unit (the system) */
  allowed: readonly number[] | null;
  /** meetings: the session convention in force for each unit (none for other kinds), and for a
   * row whose unit is unknown (KL 226's) */
  conventions: ReadonlyArray<readonly [orgId: number, convention: SessionConvention]>;
  defaultConvention: SessionConvention;
  /** rows per chunk */
  flushRows: number;
  /** read only the rows before this row number (the duplicate check's second reading) */
  stopBeforeRow?: number;
};

/** One bad row and its problems. */
export type RowProblems = { row: number; problems: CellProblem[] };

/**
 * What reading yields: first the header's unused columns, then rows read so far (`read` counts
 * every data row, good or bad; `bytes` the bytes of the file read) with the bad rows found since
 * the last part and, when a chunk is full or the file ends, the chunk of valid rows to write.
 */
export type ParsedPart = { type: "header"; ignored: string[] } | { type: "rows"; read: number; bytes: number; problems: RowProblems[]; chunk: Chunk | null };

/** A part without a chunk is handed over at least every this many rows (progress, bad rows). */
const PROGRESS_ROWS = 5_000;

/** The validator of a kind for a file's header. */
export function validatorFor(kind: RecordKind, index: ColumnIndex<RecordKind>, resolve: OrgResolver, conventionOf: ConventionOf): RowValidator {
  if (kind === "documents") return documentValidator(index as ColumnIndex<"documents">, resolve);
  if (kind === "meetings") return meetingValidator(index as ColumnIndex<"meetings">, resolve, conventionOf);
  return tthcValidator(index as ColumnIndex<"tthc">, resolve);
}

/**
 * Reads the CSV or XLSX file of `setup` as `setup.kind` rows. Throws IMPORT_INVALID for a file
 * or header that cannot be read, FORBIDDEN at the first row of a unit outside `setup.allowed`.
 */
export async function* parseRecordFile(setup: ParseSetup): AsyncGenerator<ParsedPart> {
  const input = createReadStream(setup.filePath, { highWaterMark: 1 << 20 });
  try {
    yield* parseRows(setup, input);
  } finally {
    input.destroy();
  }
}

async function* parseRows(setup: ParseSetup, input: ReadStream): AsyncGenerator<ParsedPart> {
  const table = await openTable(setup.kind, input, setup.format);
  yield { type: "header", ignored: table.header.ignored };

  const byCode = new Map(setup.orgs.map(([code, id]) => [code, { id }]));
  const codeOf = new Map(setup.orgs.map(([code, id]) => [id, code]));
  const allowed = setup.allowed === null ? null : new Set(setup.allowed);
  const conventions = new Map(setup.conventions);
  const conventionOf: ConventionOf = (orgId) => (orgId === null ? undefined : conventions.get(orgId)) ?? setup.defaultConvention;
  const validate = validatorFor(setup.kind, table.header.index as ColumnIndex<RecordKind>, (code) => byCode.get(code), conventionOf);

  const builder = new ChunkBuilder(`${setup.jobId},`);
  let read = 0;
  let reported = 0;
  let problems: RowProblems[] = [];
  const part = (chunk: Chunk | null): ParsedPart => {
    const out: ParsedPart = { type: "rows", read, bytes: input.bytesRead, problems, chunk };
    problems = [];
    reported = read;
    return out;
  };
  const stopBefore = setup.stopBeforeRow ?? Infinity;
  reading: for await (const batch of table.records) {
    for (const { rowNumber, cells } of batch) {
      if (rowNumber >= stopBefore) break reading;
      const outcome = validate(cells);
      if (outcome.orgId !== null && allowed !== null && !allowed.has(outcome.orgId)) {
        const code = codeOf.get(outcome.orgId) ?? "";
        throw new AppError("FORBIDDEN", `Dòng ${rowNumber}: không có quyền nhập dữ liệu cho đơn vị "${code}"; không dòng nào được ghi`, { row: rowNumber, org: code });
      }
      read += 1;
      if (outcome.problems.length > 0) {
        problems.push({ row: rowNumber, problems: outcome.problems });
      } else {
        builder.add(rowNumber, outcome.line, outcome.key);
        if (builder.rows >= setup.flushRows) yield part(builder.take());
      }
    }
    if (read - reported >= PROGRESS_ROWS || problems.length >= PROGRESS_ROWS) yield part(null);
  }
  yield part(builder.rows > 0 ? builder.take() : null);
}
