// The writing half of the documents, meetings and TTHC imports: the chunks of valid rows that
// reading yields (record-parse.ts, in this thread or a worker thread) are written into the
// register one after the other while the next is read — memory stays bounded whatever the size
// of the file, and the database writes while Node parses. It all happens in one transaction: a
// bad row or a duplicate key anywhere in the file rolls back every chunk.
import { setImmediate } from "node:timers/promises";
import type { BulkSession } from "../db/bulk.js";
import { RowErrors, MAX_ERROR_MESSAGES } from "./import.errors.js";
import { createStaging, duplicateColumn, findDuplicates, keepKeys, writeChunk, type RecordKind } from "./record-import.repository.js";
import type { ParsedPart } from "./record-parse.js";

/** Valid rows per chunk: big enough to amortise a round trip and a statement trigger, small
 * enough to bound memory (~5 MB of CSV text). */
export const FLUSH_ROWS = 20_000;

/** What the writing loop reports on the way. */
export type RecordRunHooks = {
  onProgress(rowsDone: number, bytesDone: number, flushed: boolean): Promise<void> | void;
  onPhase(phase: "checking" | "writing"): void;
};

/**
 * Writes the chunks of `parts` (after the header) into the register, one in the database while
 * the next is read, then checks duplicate keys over the whole file. Throws IMPORT_INVALID
 * listing the bad rows (the caller's transaction then rolls back every chunk), or what reading
 * threw (FORBIDDEN at the first row of a unit the user may not write). `reread(row)` reads the
 * file again up to that row, for the keys a duplicate check needs and the first pass did not keep.
 */
export async function runRecordImport(
  s: BulkSession,
  run: { kind: RecordKind; parts: AsyncIterable<ParsedPart>; reread(stopBeforeRow: number): AsyncIterable<ParsedPart>; errors: RowErrors; hooks: RecordRunHooks; listAllErrors: boolean },
): Promise<{ rows: number; inserted: number; updated: number }> {
  const { kind, errors, hooks } = run;
  await createStaging(s, kind);
  const written = { rows: 0, inserted: 0, updated: 0 };
  let read = 0;
  let bytes = 0;
  // Can two rows of the file have the same key? Not while every chunk is COPYed whole with no key
  // repeated inside it: a key of an earlier chunk is in the register by then and would stop the
  // COPY. So the file's keys are kept for the duplicate check only from the first chunk with a
  // repeat inside it, a key the register holds (looked up) or a bad row before it (from then on
  // nothing is written): a first load keeps none. The rows before it are read again if needed.
  let keptFromRow: number | null = null;
  let firstChunkRow: number | null = null;
  // one chunk in the database while the next is read
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const part of run.parts) {
      if (part.type !== "rows") continue;
      read = part.read;
      bytes = part.bytes;
      for (const { row, problems } of part.problems) errors.add(row, problems);
      const chunk = part.chunk;
      if (!chunk) {
        await hooks.onProgress(read, bytes, false);
        continue;
      }
      await writing;
      written.rows += chunk.rows;
      // once a row is bad the import will roll back: keep only the keys, for the duplicate report
      const write = errors.count === 0;
      const firstRow = chunk.lineRows[0] ?? 0;
      firstChunkRow ??= firstRow;
      if (chunk.lineRows.length < chunk.rows || !write) keptFromRow ??= firstRow;
      const keep = keptFromRow !== null;
      writing = writeChunk(s, kind, chunk, { write, keep }).then((n) => {
        written.inserted += n.inserted;
        written.updated += n.updated;
        if (n.lookedUp) keptFromRow ??= firstRow; // writeChunk kept them
      });
      writing.catch(() => undefined); // awaited at the next chunk; avoid an unhandled rejection meanwhile
      await hooks.onProgress(read, bytes, true);
      // one turn of the event loop per chunk: with PGlite the engine runs on this thread, and when
      // the reading thread keeps chunks ready, progress polls and timers would wait to the end
      await setImmediate();
    }
  } finally {
    // never leave a statement running on the session: the caller rolls back or commits next
    await writing.catch(() => undefined);
  }
  hooks.onPhase("writing");
  await writing;
  await hooks.onProgress(read, bytes, true);

  // keys are kept from the first chunk after which two rows may share one (a repeat inside it, a
  // key the register held, or a bad row, after which no chunk is written); none kept: no repeat
  if (keptFromRow !== null) {
    hooks.onPhase("checking");
    if (firstChunkRow !== null && firstChunkRow < keptFromRow) await keepEarlierKeys(s, kind, run.reread(keptFromRow));
    await reportDuplicates(s, kind, errors, run.listAllErrors);
  }
  if (errors.count > 0) throw errors.toError();
  return written;
}

/** Keeps the keys of the rows read again (the rows before the first chunk whose keys were
 * kept); their problems were reported by the first reading. */
async function keepEarlierKeys(s: BulkSession, kind: RecordKind, parts: AsyncIterable<ParsedPart>): Promise<void> {
  for await (const part of parts) {
    if (part.type === "rows" && part.chunk) await keepKeys(s, kind, part.chunk.keysCsv);
  }
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
