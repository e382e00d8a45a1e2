// The streaming part of the documents, meetings and TTHC imports: rows are validated as they
// are read and gathered, as CSV lines, into a chunk that is written into the register every
// FLUSH_ROWS rows, while the next rows are read — memory stays bounded whatever the size of the
// file, and on PostgreSQL the database writes while Node parses. It all happens in one
// transaction: a bad row or a duplicate key anywhere in the file rolls back every chunk.
import type { BulkSession } from "../db/bulk.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import type { OrgRow } from "../orgs/org.types.js";
import { KL226_DEFAULTS, type JurisdictionSettings } from "../domain/settings.js";
import { getSettingsFor } from "../settings/settings.service.js";
import type { ColumnIndex } from "./import.columns.js";
import { RowErrors, MAX_ERROR_MESSAGES } from "./import.errors.js";
import type { SourceRecord } from "./import.readers.js";
import { createStaging, duplicateColumn, findDuplicates, keyWidth, writeChunk, type RecordKind } from "./record-import.repository.js";
import { ChunkBuilder } from "./record-chunk.js";
import { findOrgsWithSettings } from "./import.repository.js";
import type { RowValidator } from "./record.validator.js";
import { documentValidator } from "./document.validator.js";
import { meetingValidator, type ConventionOf } from "./meeting.validator.js";
import { tthcValidator } from "./tthc.validator.js";

/** Rows per chunk (about; flushed between reader batches): big enough to amortise a round trip
 * and a statement trigger, small enough to bound memory (~5 MB of CSV text). */
export const FLUSH_ROWS = 20_000;

/** What the streaming loop reports on the way. */
export type RecordRunHooks = {
  /** may the rows of this unit be written? (false → the whole import is FORBIDDEN) */
  isAllowed(orgId: number): boolean;
  onProgress(rowsDone: number, flushed: boolean): Promise<void> | void;
  onPhase(phase: "checking" | "writing"): void;
};

/**
 * The session convention in force for each unit: the settings of the nearest unit (itself or
 * an ancestor) that has an override — no override below it changes them — else the defaults.
 * Loaded before the import transaction, since PGlite has a single connection.
 */
export async function loadConventions(ctx: AppContext): Promise<ConventionOf> {
  const withOverride = new Map<number, JurisdictionSettings>();
  for (const orgId of await findOrgsWithSettings(ctx.handle.db)) withOverride.set(orgId, await getSettingsFor(ctx, orgId));
  const cache = new Map<number, JurisdictionSettings["sessionConvention"]>();
  return (orgId) => {
    if (orgId === null) return KL226_DEFAULTS.sessionConvention;
    let convention = cache.get(orgId);
    if (!convention) {
      const nearest = ctx.orgs.ancestors(orgId).reverse().find((o) => withOverride.has(o.id));
      convention = (nearest ? withOverride.get(nearest.id) : undefined)?.sessionConvention ?? KL226_DEFAULTS.sessionConvention;
      cache.set(orgId, convention);
    }
    return convention;
  };
}

/** The validator of a kind for a file's header. */
export function validatorFor(kind: RecordKind, index: ColumnIndex<RecordKind>, ctx: AppContext, conventionOf?: ConventionOf): RowValidator {
  const resolve = (code: string): OrgRow | undefined => ctx.orgs.byCode(code);
  if (kind === "documents") return documentValidator(index as ColumnIndex<"documents">, resolve);
  if (kind === "meetings") return meetingValidator(index as ColumnIndex<"meetings">, resolve, conventionOf ?? (() => KL226_DEFAULTS.sessionConvention));
  return tthcValidator(index as ColumnIndex<"tthc">, resolve);
}

/**
 * Streams `records` through `validate` into the register chunk by chunk, then checks duplicate
 * keys over the whole file. Throws IMPORT_INVALID listing the bad rows (the caller's transaction
 * then rolls back every chunk), or FORBIDDEN at the first row of a unit the user may not write.
 */
export async function runRecordImport(
  s: BulkSession,
  ctx: AppContext,
  run: { kind: RecordKind; jobId: number; records: AsyncIterable<SourceRecord[]>; validate: RowValidator; errors: RowErrors; hooks: RecordRunHooks; listAllErrors: boolean },
): Promise<{ rows: number; inserted: number; updated: number }> {
  const { kind, errors, hooks } = run;
  await createStaging(s, kind);
  const builder = new ChunkBuilder(keyWidth(kind), `${run.jobId},`);
  const written = { rows: 0, inserted: 0, updated: 0 };
  let read = 0;
  // one chunk in the database while the next is parsed
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (builder.rows === 0) return;
    written.rows += builder.rows;
    const chunk = builder.take();
    // once a row is bad the import will roll back: keep only the keys, for the duplicate report
    const write = errors.count === 0;
    writing = writeChunk(s, kind, chunk, write).then((n) => {
      written.inserted += n.inserted;
      written.updated += n.updated;
    });
    writing.catch(() => undefined); // awaited at the next flush; avoid an unhandled rejection meanwhile
  };

  for await (const batch of run.records) {
    for (const { rowNumber, cells } of batch) {
      const outcome = run.validate(cells);
      if (outcome.orgId !== null && !hooks.isAllowed(outcome.orgId)) {
        const code = ctx.orgs.get(outcome.orgId)?.code ?? "";
        throw new AppError("FORBIDDEN", `Dòng ${rowNumber}: không có quyền nhập dữ liệu cho đơn vị "${code}"; không dòng nào được ghi`, { row: rowNumber, org: code });
      }
      read += 1;
      if (outcome.problems.length > 0) errors.add(rowNumber, outcome.problems);
      else builder.add(rowNumber, outcome.line, outcome.key);
    }
    if (builder.rows >= FLUSH_ROWS) {
      await flush();
      await hooks.onProgress(read, true);
    } else {
      await hooks.onProgress(read, false);
    }
  }
  hooks.onPhase("writing");
  await flush();
  await writing;
  await hooks.onProgress(read, true);

  hooks.onPhase("checking");
  await reportDuplicates(s, kind, errors, run.listAllErrors);
  if (errors.count > 0) throw errors.toError();
  return written;
}

/** Adds `row N: number: trùng với dòng M` for every row repeating an earlier row's key. */
async function reportDuplicates(s: BulkSession, kind: RecordKind, errors: RowErrors, listAll: boolean): Promise<void> {
  errors.startSecondPass();
  const column = duplicateColumn(kind);
  let after = 0;
  for (;;) {
    const page = await findDuplicates(s, kind, after, MAX_ERROR_MESSAGES);
    for (const d of page.rows) errors.add(d.row, [{ column, reason: `trùng với dòng ${d.firstRow}` }]);
    const last = page.rows.at(-1);
    if (!listAll || !last || page.rows.length < MAX_ERROR_MESSAGES) {
      // count the duplicates beyond the listed page without listing them
      if (!listAll && last) errors.addUnlisted(page.total - page.rows.length);
      return;
    }
    after = last.row;
  }
}
