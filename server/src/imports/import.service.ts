// Imports (data-contract.md §Command line, §CSV / XLSX columns): all or nothing, streaming,
// idempotent. One entry point for the CLI, the HTTP upload, the demo seeder and the bench.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { AppContext } from "../context.js";
import type { BulkSession } from "../db/bulk.js";
import { AppError, notFound } from "../errors.js";
import { KL226_DEFAULTS } from "../domain/settings.js";
import { getSettingsForMany } from "../settings/settings.service.js";
import { authorizeRole, can, type SessionUser } from "../auth/policy.js";
import type { ImportKind } from "./import.columns.js";
import { RowErrors } from "./import.errors.js";
import { formatOf, openTable, type FileFormat } from "./import.readers.js";
import { endLiveImport, findFinishedNote, findLiveImport, startLiveImport, type ImportPhase, type LiveImport } from "./import.progress.js";
import { auditImport, createJob, failJob, findJob, setJobProgress, succeedJob } from "./import.repository.js";
import { FLUSH_ROWS, runRecordImport } from "./record-import.service.js";
import { parseRecordFile, type ParsedPart, type ParseSetup } from "./record-parse.js";
import { parseInWorker } from "./record-parse.thread.js";
import { runOrgImport } from "./org-import.service.js";
import type { RecordKind } from "./record-import.repository.js";
import { presentJob, presentLiveImport, type ImportJobView } from "./import.presenter.js";

/** What to import: a file on disk (uploads are saved first), named `fileName` or by its path
 * (the extension picks CSV or XLSX). `user` null = the system (CLI, seeder): full access. */
export type ImportRequest = {
  kind: ImportKind;
  user: SessionUser | null;
  filePath: string;
  fileName?: string;
  /** the job id, as soon as the job row exists (to poll GET /api/imports/:id meanwhile) */
  onJob?(jobId: number): void;
  /** rows and bytes of the file read so far, every few thousand rows */
  onProgress?(rowsDone: number, bytesDone: number): void;
  onPhase?(phase: ImportPhase): void;
  /** every bad-row message as it is found (the thrown error keeps only the first 1,000) */
  onRowError?(message: string): void;
  /** where documents, meetings and TTHC rows are read and validated: in a worker thread (the
   * default for a file of READ_IN_WORKER_BYTES or more) or in this one */
  reader?: "worker" | "inline";
};

/** From this size (about 50,000 rows) on a file is read in a worker thread: below it, starting
 * the thread (≈ 0.3 s) costs more than the overlap with the database saves. */
export const READ_IN_WORKER_BYTES = 8 << 20;

/** An import that was written: `rows` valid rows, of which `inserted` new and `updated` changed
 * (the rest were already there, unchanged); `ignoredColumns`: headers that are no column. */
export type ImportResult = { jobId: number; rows: number; inserted: number; updated: number; ignoredColumns: string[] };

function describeFailure(error: unknown): unknown {
  if (error instanceof AppError) return { error: error.code, message: error.message, ...(typeof error.details === "object" ? error.details : {}) };
  return { error: "INTERNAL", message: "Lỗi hệ thống khi nhập tệp" };
}

/** The size of the file to import; NOT_FOUND when there is no such file. */
async function fileSize(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new AppError("NOT_FOUND", `Không tìm thấy tệp "${path}"`);
  return info.size;
}

/**
 * Imports one file in one transaction. Throws IMPORT_INVALID (422) with
 * `{ errors: ["row 3: issued_on: …"], errorCount }` when any row is bad, FORBIDDEN when a row
 * belongs to a unit outside the user's subtree — in both cases nothing is written. The job row
 * records the outcome; the audit row is written with the data.
 */
export async function importFile(ctx: AppContext, request: ImportRequest): Promise<ImportResult> {
  const { kind, user, filePath } = request;
  const fileName = request.fileName ?? basename(filePath);
  const format = formatOf(fileName);
  if (user) authorizeRole(user, kind === "orgs" ? "manage" : "import");
  await ctx.orgs.refresh();
  const size = await fileSize(filePath);
  const db = ctx.handle.db;
  const jobId = await createJob(db, { kind, userId: user?.id ?? null, fileName });
  const live = startLiveImport({ id: jobId, kind, userId: user?.id ?? null, userOrgId: user?.orgId ?? null, fileName, startedAt: new Date(), bytesTotal: size });
  request.onJob?.(jobId);
  const steps: ImportSteps = {
    errors: new RowErrors(request.onRowError),
    live,
    onPhase: (phase) => {
      live.phase = phase;
      request.onPhase?.(phase);
    },
    onProgress: async (rowsDone, bytesDone, flushed = false) => {
      live.rowsDone = rowsDone;
      live.bytesDone = bytesDone;
      request.onProgress?.(rowsDone, bytesDone);
      if (flushed && ctx.handle.kind === "postgres") await setJobProgress(db, jobId, rowsDone);
    },
  };
  let opened: OpenedImport | undefined;
  try {
    steps.onPhase("reading");
    const file =
      kind === "orgs"
        ? await importOrgs(ctx, { ...steps, filePath, format, user })
        : await importRecords({
            ...steps,
            kind,
            setup: await parseSetup(ctx, { kind, filePath, format, jobId, user }),
            reader: request.reader ?? (size >= READ_IN_WORKER_BYTES ? "worker" : "inline"),
            listAllErrors: request.onRowError !== undefined,
          });
    opened = file;
    const result = await ctx.handle.bulk(async (s) => {
      const counts = await file.write(s);
      await succeedJob(s, db, jobId, counts);
      await auditImport(s, db, {
        userId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        kind,
        jobId,
        after: { file: fileName, inserted: counts.inserted, updated: counts.updated, rows: counts.rows },
      });
      return counts;
    });
    if (kind === "orgs") await ctx.orgs.refresh();
    return { jobId, rows: result.rows, inserted: result.inserted, updated: result.updated, ignoredColumns: live.ignoredColumns };
  } catch (error) {
    await failJob(db, jobId, live.rowsDone, describeFailure(error)).catch(() => undefined);
    throw error;
  } finally {
    endLiveImport(jobId);
    await opened?.close();
  }
}

type Counts = { rows: number; inserted: number; updated: number };

/** A file whose header was read: `write` reads the rest and writes it in the import's
 * transaction; `close` stops reading (and its thread) when the import ends early. */
type OpenedImport = { write(s: BulkSession): Promise<Counts>; close(): Promise<unknown> };

/** What an import reports on the way, and where. */
type ImportSteps = {
  errors: RowErrors;
  live: LiveImport;
  onPhase(phase: ImportPhase): void;
  onProgress(rowsDone: number, bytesDone: number, flushed?: boolean): Promise<void>;
};

async function importOrgs(ctx: AppContext, o: ImportSteps & { filePath: string; format: FileFormat; user: SessionUser | null }): Promise<OpenedImport> {
  const source = createReadStream(o.filePath, { highWaterMark: 1 << 20 });
  try {
    const table = await openTable("orgs", source, o.format);
    o.live.ignoredColumns = table.header.ignored;
    const onProgress = (rowsDone: number) => o.onProgress(rowsDone, source.bytesRead);
    return {
      write: (s) => runOrgImport(s, ctx, { index: table.header.index, records: table.records, errors: o.errors, user: o.user, onProgress, onPhase: o.onPhase }),
      close: async () => {
        await table.records.return(undefined);
        source.destroy();
      },
    };
  } catch (error) {
    source.destroy();
    throw error;
  }
}

async function importRecords(o: ImportSteps & { kind: RecordKind; setup: ParseSetup; reader: "worker" | "inline"; listAllErrors: boolean }): Promise<OpenedImport> {
  const read = (setup: ParseSetup): AsyncGenerator<ParsedPart> => (o.reader === "worker" ? parseInWorker(setup) : parseRecordFile(setup));
  const parts = read(o.setup);
  // the header (or why the file cannot be read) before the transaction begins
  const first = await parts.next();
  if (!first.done && first.value.type === "header") o.live.ignoredColumns = first.value.ignored;
  return {
    write: (s) => runRecordImport(s, { kind: o.kind, parts, reread: (stopBeforeRow) => read({ ...o.setup, stopBeforeRow }), errors: o.errors, hooks: o, listAllErrors: o.listAllErrors }),
    close: () => parts.return(undefined),
  };
}

/** What reading a file of `kind` needs to know: the units by code, those the user may write
 * (import permission over their subtree), and for meetings each unit's session convention. */
async function parseSetup(ctx: AppContext, file: Pick<ParseSetup, "kind" | "filePath" | "format" | "jobId"> & { user: SessionUser | null }): Promise<ParseSetup> {
  const { user, ...rest } = file;
  const orgs = ctx.orgs.all();
  return {
    ...rest,
    flushRows: FLUSH_ROWS,
    orgs: orgs.map((o) => [o.code, o.id] as const),
    allowed: user ? orgs.filter((o) => can(user, "import", o.id, ctx.orgs)).map((o) => o.id) : null,
    conventions: rest.kind === "meetings" ? await sessionConventions(ctx) : [],
    defaultConvention: KL226_DEFAULTS.sessionConvention,
  };
}

/** Every unit's session convention: its settings in force (two queries for all units). Read
 * before the import transaction, since PGlite has a single connection. */
async function sessionConventions(ctx: AppContext): Promise<ParseSetup["conventions"]> {
  const orgs = ctx.orgs.all();
  const settings = await getSettingsForMany(ctx, orgs.map((o) => o.id));
  return orgs.flatMap((o, i) => {
    const convention = settings[i]?.sessionConvention;
    return convention ? [[o.id, convention] as const] : [];
  });
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
