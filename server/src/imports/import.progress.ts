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
};

const running = new Map<number, LiveImport>();

/** Registers a starting import. */
export function startLiveImport(job: Omit<LiveImport, "rowsDone" | "phase">): LiveImport {
  const live: LiveImport = { ...job, rowsDone: 0, phase: "reading" };
  running.set(job.id, live);
  return live;
}

/** The running import with this id, if it runs in this process. */
export function findLiveImport(id: number): LiveImport | undefined {
  return running.get(id);
}

/** Forgets a finished import (its row in import_jobs is final by then). */
export function endLiveImport(id: number): void {
  running.delete(id);
}
