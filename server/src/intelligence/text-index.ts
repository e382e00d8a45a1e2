// The fingerprint index of the registered texts, one per server process and database (issue
// "Document intelligence" §6). Loaded lazily, on the first check that needs it, from
// document_texts; kept in step on writes.
//
// CONSISTENCY RULE. The database is the truth; the index is a cache of its fingerprints, used
// only to pick candidate sources. Before every use the index is compared with the database in
// one aggregate query — number of rows and sum of their `revision` (a sequence value written
// with every insert or update of a row, and bumped when the document's unit, date or secrecy
// changes): any insert, update or delete committed by ANY process changes the pair (an insert
// or update brings a revision above every revision it replaces). When the pairs differ, the
// index re-reads exactly the rows whose revision differs and drops the rows gone. A write in
// this process is applied to the index right after its transaction commits, so the next check
// in this process finds the pairs equal with no re-read. Verification then reads the
// candidates' codes, unit, date and secrecy from the database (text.repository findSources),
// so a stale entry can cost a candidate but never yields a passage from a document that is
// gone, moved out of scope or became secret.
// - PGlite (one process, one connection): every query here runs outside any transaction (a
//   query on the handle inside one would wait for the connection the transaction holds).
// - PostgreSQL with several processes: each holds its own index and catches up at its next
//   check. A write committing while another process reads its version is seen at that
//   process's following check: a check never waits for other writers.
// Loads and re-reads run one at a time per index (a promise chain), so two concurrent checks
// do not load twice.
import type { AppContext } from "../context.js";
import type { DbHandle } from "../db/database.js";
import { matchStream, documentFingerprints } from "../domain/texts/fingerprints.js";
import { FOLD_VERSION, LiveCopyIndex } from "../domain/texts/live-index.js";
import type { SourceMeta } from "../domain/texts/live-index.js";
import { findIndexRows, findStaleFoldRows, textIndexVersion, textRevisions, updateFold } from "./text.repository.js";

/** Rows re-read per query when the index catches up. */
const LOAD_CHUNK = 2000;

type State = { index: LiveCopyIndex; queue: Promise<unknown> };
const STATES = new WeakMap<DbHandle, State>();

function stateOf(handle: DbHandle): State {
  let s = STATES.get(handle);
  if (!s) {
    s = { index: new LiveCopyIndex(), queue: Promise.resolve() };
    STATES.set(handle, s);
  }
  return s;
}

/** The index of this process for `ctx`'s database, caught up with the database. */
export async function syncedTextIndex(ctx: AppContext): Promise<LiveCopyIndex> {
  const s = stateOf(ctx.handle);
  const run = s.queue.then(() => catchUp(ctx, s.index));
  s.queue = run.catch(() => undefined);
  await run;
  return s.index;
}

/** Applies a write this process committed (the row's new revision and the document's scope). */
export function applyTextWrite(ctx: AppContext, documentId: number, meta: SourceMeta, fingerprints: Uint32Array): void {
  stateOf(ctx.handle).index.upsert(documentId, meta, fingerprints);
}

/** Applies a removal this process committed. */
export function applyTextRemoval(ctx: AppContext, documentId: number): void {
  stateOf(ctx.handle).index.remove(documentId);
}

async function catchUp(ctx: AppContext, index: LiveCopyIndex): Promise<void> {
  const db = ctx.handle.db;
  await rebuildStaleRows(ctx);
  const version = await textIndexVersion(db);
  const held = index.version;
  if (version.count === held.count && version.revisionSum === held.revisionSum) return;
  const inDb = await textRevisions(db);
  for (const key of index.revisions().keys()) if (!inDb.has(key)) index.remove(key);
  const changed = [...inDb].filter(([id, rev]) => index.revisionOf(id) !== rev).map(([id]) => id);
  for (let i = 0; i < changed.length; i += LOAD_CHUNK) {
    for (const r of await findIndexRows(db, changed.slice(i, i + LOAD_CHUNK))) {
      if (r.foldVersion !== FOLD_VERSION) continue; // rebuilt by the next catch-up
      index.upsert(r.documentId, { orgId: r.orgId, issuedOn: r.issuedOn, secret: r.secret, revision: r.revision }, r.fingerprints);
    }
  }
}

/** Rows stored by another normaliser version are refolded from their text (each a new revision). */
async function rebuildStaleRows(ctx: AppContext): Promise<void> {
  for (;;) {
    const stale = await findStaleFoldRows(ctx.handle.db, FOLD_VERSION, 200);
    if (stale.length === 0) return;
    for (const row of stale) {
      const stream = matchStream(row.text);
      await updateFold(ctx.handle.db, row.documentId, stream.codes, documentFingerprints(stream), FOLD_VERSION);
    }
  }
}
