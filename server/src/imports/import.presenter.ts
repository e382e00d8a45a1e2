// Import jobs as the API shows them (camelCase, no raw rows).
import type { ImportKind } from "./import.columns.js";
import { progressOf, type FinishedImportNote, type LiveImport, type ImportPhase } from "./import.progress.js";
import type { ImportJobRecord } from "./import.repository.js";

/** GET /api/imports/:id */
export type ImportJobView = {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: "running" | "succeeded" | "failed";
  /** while running: what it does now */
  phase: ImportPhase | null;
  /** share of the work done, 0..1: below 1 while running (by the bytes of the file read), 1 when
   * succeeded; null when unknown (a stream of unknown size, a job running in another process,
   * a failed job) */
  progress: number | null;
  rowsDone: number;
  inserted: number;
  updated: number;
  /** headers that are no column (known while running here and for a while after) */
  ignoredColumns: string[];
  /** when failed: the error code (IMPORT_INVALID, FORBIDDEN, …) and message */
  error: { code: string; message: string } | null;
  /** when failed on bad rows: the first `row N: column: reason` lines and the exact count */
  errors: string[];
  errorCount: number;
  startedAt: string;
  finishedAt: string | null;
};

/** A job still running in this process. */
export function presentLiveImport(live: LiveImport): ImportJobView {
  return {
    id: live.id, kind: live.kind, fileName: live.fileName, status: "running", phase: live.phase, progress: progressOf(live),
    rowsDone: live.rowsDone, inserted: 0, updated: 0, ignoredColumns: live.ignoredColumns, error: null, errors: [], errorCount: 0,
    startedAt: live.startedAt.toISOString(), finishedAt: null,
  };
}

type StoredFailure = { error?: unknown; message?: unknown; errors?: unknown; errorCount?: unknown };

/** A job read from import_jobs (`note`: what this process remembers of its end). */
export function presentJob(job: ImportJobRecord, note?: FinishedImportNote): ImportJobView {
  const failure = (job.errors ?? {}) as StoredFailure;
  const errors = Array.isArray(failure.errors) ? failure.errors.filter((e): e is string => typeof e === "string") : [];
  return {
    id: job.id, kind: job.kind, fileName: job.fileName, status: job.status, phase: null,
    progress: job.status === "succeeded" ? 1 : null,
    rowsDone: job.rowsDone, inserted: job.inserted, updated: job.updated,
    ignoredColumns: job.status === "succeeded" ? (note?.ignoredColumns ?? []) : [],
    error: job.status === "failed" ? { code: String(failure.error ?? "INTERNAL"), message: String(failure.message ?? "") } : null,
    errors,
    errorCount: typeof failure.errorCount === "number" ? failure.errorCount : errors.length,
    startedAt: new Date(job.startedAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
  };
}
