// Imports (data-contract.md §Command line, §CSV / XLSX columns): all or nothing, streaming,
// idempotent. One entry point for the CLI, the HTTP upload, the demo seeder and the bench.
import { createReadStream, ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { authorizeRole, can, type SessionUser } from "../auth/policy.js";
import type { ColumnIndex, ImportKind } from "./import.columns.js";
import { RowErrors } from "./import.errors.js";
import { formatOf, openTable } from "./import.readers.js";
import { endLiveImport, findFinishedNote, findLiveImport, startLiveImport, type ImportPhase } from "./import.progress.js";
import { auditImport, createJob, failJob, findJob, setJobProgress, succeedJob } from "./import.repository.js";
import { loadConventions, runRecordImport, validatorFor } from "./record-import.service.js";
import { runOrgImport } from "./org-import.service.js";
import type { RecordKind } from "./record-import.repository.js";
import { presentJob, presentLiveImport, type ImportJobView } from "./import.presenter.js";

/** What to import: a file on disk, or a stream with the file's name (its extension picks CSV or
 * XLSX). `user` null = the system (CLI, seeder): full access. */
export type ImportRequest = {
  kind: ImportKind;
  user: SessionUser | null;
  filePath?: string;
  stream?: Readable;
  fileName?: string;
  /** the job id, as soon as the job row exists (to poll GET /api/imports/:id meanwhile) */
  onJob?(jobId: number): void;
  /** rows read so far, after each batch read (a few thousand rows) */
  onProgress?(rowsDone: number): void;
  onPhase?(phase: ImportPhase): void;
  /** every bad-row message as it is found (the thrown error keeps only the first 1,000) */
  onRowError?(message: string): void;
};

/** An import that was written: `rows` valid rows, of which `inserted` new and `updated` changed
 * (the rest were already there, unchanged); `ignoredColumns`: headers that are no column. */
export type ImportResult = { jobId: number; rows: number; inserted: number; updated: number; ignoredColumns: string[] };

function describeFailure(error: unknown): unknown {
  if (error instanceof AppError) return { error: error.code, message: error.message, ...(typeof error.details === "object" ? error.details : {}) };
  return { error: "INTERNAL", message: "Lỗi hệ thống khi nhập tệp" };
}

/** The source to read, with its size in bytes when known (a file on disk). */
async function openSource(request: ImportRequest): Promise<{ source: Readable; size: number | null }> {
  if (request.stream) return { source: request.stream, size: null };
  if (!request.filePath) throw new AppError("VALIDATION", "Cần đường dẫn tệp hoặc luồng dữ liệu");
  const info = await stat(request.filePath).catch(() => undefined);
  if (!info?.isFile()) throw new AppError("NOT_FOUND", `Không tìm thấy tệp "${request.filePath}"`);
  return { source: createReadStream(request.filePath, { highWaterMark: 1 << 20 }), size: info.size };
}

/** Bytes read so far from a file's read stream (0 for another stream: its size is unknown). */
const bytesReadOf = (source: Readable): number => (source instanceof ReadStream ? source.bytesRead : 0);

/**
 * Imports one file in one transaction. Throws IMPORT_INVALID (422) with
 * `{ errors: ["row 3: issued_on: …"], errorCount }` when any row is bad, FORBIDDEN when a row
 * belongs to a unit outside the user's subtree — in both cases nothing is written. The job row
 * records the outcome; the audit row is written with the data.
 */
export async function importFile(ctx: AppContext, request: ImportRequest): Promise<ImportResult> {
  const { kind, user } = request;
  const fileName = request.fileName ?? (request.filePath ? basename(request.filePath) : "");
  if (fileName === "") throw new AppError("VALIDATION", "Cần tên tệp để biết định dạng (.csv hoặc .xlsx)");
  const format = formatOf(fileName);
  if (user) authorizeRole(user, kind === "orgs" ? "manage" : "import");
  await ctx.orgs.refresh();
  // read before the transaction: on PGlite it holds the only connection
  const conventions = kind === "meetings" ? await loadConventions(ctx) : undefined;
  const { source, size } = await openSource(request);
  const db = ctx.handle.db;
  const jobId = await createJob(db, { kind, userId: user?.id ?? null, fileName });
  const live = startLiveImport({ id: jobId, kind, userId: user?.id ?? null, userOrgId: user?.orgId ?? null, fileName, startedAt: new Date(), bytesTotal: size });
  request.onJob?.(jobId);
  const errors = new RowErrors(request.onRowError);
  const onPhase = (phase: ImportPhase) => {
    live.phase = phase;
    live.bytesDone = bytesReadOf(source);
    request.onPhase?.(phase);
  };
  const onProgress = async (rowsDone: number, flushed = false) => {
    live.rowsDone = rowsDone;
    live.bytesDone = bytesReadOf(source);
    request.onProgress?.(rowsDone);
    if (flushed && ctx.handle.kind === "postgres") await setJobProgress(db, jobId, rowsDone);
  };
  try {
    onPhase("reading");
    const table = await openTable(kind, source, format);
    live.ignoredColumns = table.header.ignored;
    const allowed = new Map<number, boolean>();
    const isAllowed = (orgId: number) => {
      if (!user) return true;
      let ok = allowed.get(orgId);
      if (ok === undefined) allowed.set(orgId, (ok = can(user, "import", orgId, ctx.orgs)));
      return ok;
    };
    const result = await ctx.handle.bulk(async (s) => {
      const written =
        kind === "orgs"
          ? await runOrgImport(s, ctx, { index: table.header.index as ColumnIndex<"orgs">, records: table.records, errors, user, onProgress, onPhase })
          : await runRecordImport(s, ctx, {
              kind,
              jobId,
              records: table.records,
              validate: validatorFor(kind, table.header.index as ColumnIndex<RecordKind>, ctx, conventions),
              errors,
              hooks: { isAllowed, onProgress, onPhase },
              listAllErrors: request.onRowError !== undefined,
            });
      await succeedJob(s, db, jobId, written);
      await auditImport(s, db, {
        userId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        kind,
        jobId,
        after: { file: fileName, inserted: written.inserted, updated: written.updated, rows: written.rows },
      });
      return written;
    });
    if (kind === "orgs") await ctx.orgs.refresh();
    return { jobId, rows: result.rows, inserted: result.inserted, updated: result.updated, ignoredColumns: table.header.ignored };
  } catch (error) {
    await failJob(db, jobId, live.rowsDone, describeFailure(error)).catch(() => undefined);
    throw error;
  } finally {
    endLiveImport(jobId);
    source.destroy();
  }
}

/** Who may see a job: the user who ran it, or an aggregator/admin whose subtree holds that
 * user's unit; a job run from the command line (no user), admins only. */
function canSeeJob(ctx: AppContext, user: SessionUser, job: { userId: number | null; userOrgId: number | null }): boolean {
  if (job.userId === user.id) return true;
  if (user.role !== "admin" && user.role !== "aggregator") return false;
  if (job.userOrgId === null) return user.role === "admin" && job.userId === null;
  return ctx.orgs.isInSubtree(user.orgId, job.userOrgId);
}

/** Status, progress and errors of an import: from memory while it runs here (PGlite cannot read
 * the table then), else from import_jobs. */
export async function getImportJob(ctx: AppContext, user: SessionUser, id: number): Promise<ImportJobView> {
  const live = findLiveImport(id);
  if (live) {
    if (!canSeeJob(ctx, user, live)) throw new AppError("FORBIDDEN", "Không có quyền xem lượt nhập này");
    return presentLiveImport(live);
  }
  const job = await findJob(ctx.handle.db, id);
  if (!job) throw notFound("lượt nhập dữ liệu");
  await ctx.orgs.refresh();
  if (!canSeeJob(ctx, user, job)) throw new AppError("FORBIDDEN", "Không có quyền xem lượt nhập này");
  return presentJob(job, findFinishedNote(id));
}
