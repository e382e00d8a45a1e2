// Progress of the imports running in this process. On PGlite the import transaction holds the
// only connection, so a poller could not read import_jobs until the end: the status endpoint
// reads this map first and the table after.
import type { ImportKind } from "./import.columns.js";

/** What an import does right now: reading rows, checking duplicate keys, writing the register. */
export type ImportPhase = "reading" | "checking" | "writing";

/** A running import as the status endpoint shows it. */
export type LiveImport = {
  id: number;
  kind: ImportKind;
  userId: number | null;
  userOrgId: number | null;
  fileName: string;
  startedAt: Date;
  rowsDone: number;
  phase: ImportPhase;
  /** bytes of the file read so far, and its size (null when the source is a stream of unknown size) */
  bytesDone: number;
  bytesTotal: number | null;
  /** headers that are no column, known once the header is read */
  ignoredColumns: string[];
};

const running = new Map<number, LiveImport>();

/** A running import never shows 100 %. */
const MAX_RUNNING_PROGRESS = 0.99;

/** What is still worth showing of a finished import that the table does not keep. */
export type FinishedImportNote = { ignoredColumns: string[] };

/** Notes of the latest finished imports, so a poller that comes after the end still sees them. */
const RECENT_NOTES = 200;
const finished = new Map<number, FinishedImportNote>();

/** Registers a starting import. */
export function startLiveImport(job: Omit<LiveImport, "rowsDone" | "phase" | "bytesDone" | "ignoredColumns">): LiveImport {
  const live: LiveImport = { ...job, rowsDone: 0, phase: "reading", bytesDone: 0, ignoredColumns: [] };
  running.set(job.id, live);
  return live;
}

/** The running import with this id, if it runs in this process. */
export function findLiveImport(id: number): LiveImport | undefined {
  return running.get(id);
}

/** Forgets a finished import (its row in import_jobs is final by then), keeping its note. */
export function endLiveImport(id: number): void {
  const live = running.get(id);
  running.delete(id);
  if (!live) return;
  finished.set(id, { ignoredColumns: live.ignoredColumns });
  while (finished.size > RECENT_NOTES) {
    const oldest = finished.keys().next().value;
    if (oldest === undefined) break;
    finished.delete(oldest);
  }
}

/** The note of an import that finished lately in this process. */
export function findFinishedNote(id: number): FinishedImportNote | undefined {
  return finished.get(id);
}

/** The share of the work done, 0..1, by the bytes of the file read (rows are read and checked as
 * the bytes arrive; the last chunk's write and the duplicate check come after). Below 1 until
 * the import has ended; null when the size is unknown. */
export function progressOf(live: Pick<LiveImport, "bytesDone" | "bytesTotal">): number | null {
  if (live.bytesTotal === null || live.bytesTotal <= 0) return null;
  return Math.min(live.bytesDone / live.bytesTotal, MAX_RUNNING_PROGRESS);
}
