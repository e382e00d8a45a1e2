// The streaming part of the documents, meetings and TTHC imports: rows are validated as they
// are read and appended, as CSV text, to a buffer that is COPYed into a staging table every
// FLUSH_ROWS rows — memory stays bounded whatever the size of the file.
import type { BulkSession } from "../db/bulk.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import type { OrgRow } from "../orgs/org.types.js";
import { KL226_DEFAULTS, type JurisdictionSettings } from "../domain/settings.js";
import { getSettingsFor } from "../settings/settings.service.js";
import type { ColumnIndex } from "./import.columns.js";
import { CsvBuffer } from "./import.cells.js";
import { RowErrors, MAX_ERROR_MESSAGES } from "./import.errors.js";
import type { SourceRecord } from "./import.readers.js";
import { copyToStaging, createStaging, duplicateColumn, findDuplicates, upsertFromStaging, type RecordKind } from "./record-import.repository.js";
import { findOrgsWithSettings } from "./import.repository.js";
import type { RowValidator } from "./record.validator.js";
import { documentValidator } from "./document.validator.js";
import { meetingValidator, type ConventionOf } from "./meeting.validator.js";
import { tthcValidator } from "./tthc.validator.js";

/** Rows per COPY (about; flushed between reader batches): big enough to amortise a round trip,
 * small enough to bound memory (~5 MB of CSV text). */
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
 * Streams `records` through `validate` into staging, then checks duplicate keys and upserts.
 * Throws IMPORT_INVALID listing the bad rows (the caller's transaction then rolls back), or
 * FORBIDDEN at the first row of a unit the user may not write.
 */
export async function runRecordImport(
  s: BulkSession,
  ctx: AppContext,
  run: { kind: RecordKind; jobId: number; records: AsyncIterable<SourceRecord[]>; validate: RowValidator; errors: RowErrors; hooks: RecordRunHooks; listAllErrors: boolean },
): Promise<{ rows: number; inserted: number; updated: number }> {
  const { kind, errors, hooks } = run;
  await createStaging(s, kind);
  const buffer = new CsvBuffer();
  let staged = 0;
  let read = 0;
  // one COPY in flight while the next batch is parsed: PostgreSQL works while Node parses
  let copying: Promise<void> = Promise.resolve();
  const flush = async () => {
    await copying;
    if (buffer.lines === 0) return;
    copying = copyToStaging(s, kind, buffer.text());
    copying.catch(() => undefined); // awaited at the next flush; avoid an unhandled rejection meanwhile
    staged += buffer.lines;
    buffer.reset();
  };

  for await (const batch of run.records) {
    for (const { rowNumber, cells } of batch) {
      const outcome = run.validate(cells, rowNumber);
      if (outcome.orgId !== null && !hooks.isAllowed(outcome.orgId)) {
        const code = ctx.orgs.get(outcome.orgId)?.code ?? "";
        throw new AppError("FORBIDDEN", `Dòng ${rowNumber}: không có quyền nhập dữ liệu cho đơn vị "${code}"; không dòng nào được ghi`, { row: rowNumber, org: code });
      }
      read += 1;
      if (outcome.problems.length > 0) errors.add(rowNumber, outcome.problems);
      else buffer.append(outcome.line);
    }
    if (buffer.lines >= FLUSH_ROWS) {
      await flush();
      await hooks.onProgress(read, true);
    } else {
      await hooks.onProgress(read, false);
    }
  }
  await flush();
  await copying;
  await hooks.onProgress(read, true);

  hooks.onPhase("checking");
  await reportDuplicates(s, kind, errors, run.listAllErrors);
  if (errors.count > 0) throw errors.toError();

  hooks.onPhase("writing");
  const written = await upsertFromStaging(s, kind, run.jobId);
  return { rows: staged, ...written };
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
