// D5 — KL 226 §2.1 ("không ban hành văn bản sao chép lại nội dung văn bản của cấp trên"): a
// registered document's text checked against the texts of the documents of its upper levels
// (domain/texts/source-scope.ts: the unit's ancestors and the central units), issued on or before
// it and not secret (a secret text is never shown to another unit as a source).
// Retrieval runs on this process's index (text-index.ts), verification on the candidates'
// codes and texts as the database has them now. Nothing here writes.
import type { AppContext } from "../context.js";
import { DEFAULT_COPY_CHECK, prepareQuery, queryBoilerplate, verifyCandidates } from "../domain/texts/copy-check.js";
import type { SourceStore } from "../domain/texts/copy-check.js";
import { matchStream } from "../domain/texts/fingerprints.js";
import type { MatchStream } from "../domain/texts/fingerprints.js";
import { FOLD_VERSION } from "../domain/texts/live-index.js";
import type { SourceMeta } from "../domain/texts/live-index.js";
import { upperUnits } from "../domain/texts/source-scope.js";
import type { CopyCheckWrite, SourceRow } from "./text.repository.js";
import { findSources } from "./text.repository.js";
import { syncedTextIndex } from "./text-index.js";

/** The document checked: its id (never its own source), unit and date. */
export type CheckedDocument = { id: number; orgId: number; issuedOn: string };

/** The units whose documents `orgId`'s documents are checked against (ancestors and central units). */
export function sourceUnitsOf(ctx: AppContext, orgId: number): Set<number> {
  return upperUnits(orgId, ctx.orgs.all().map((o) => ({ id: o.id, parentId: o.parent_id, level: o.level })));
}

/** Check `text` as the text of `doc` against its upper levels' texts. */
export async function checkDocumentCopy(ctx: AppContext, doc: CheckedDocument, text: string): Promise<CopyCheckWrite> {
  await ctx.orgs.refresh();
  const units = sourceUnitsOf(ctx, doc.orgId);
  const inScope = (key: number, m: Pick<SourceMeta, "orgId" | "issuedOn" | "secret">): boolean =>
    key !== doc.id && units.has(m.orgId) && m.issuedOn <= doc.issuedOn && !m.secret;
  const index = await syncedTextIndex(ctx);
  const query = prepareQuery(text);
  const common = queryBoilerplate(query);
  const found = index.candidates(query.lookupHashes, DEFAULT_COPY_CHECK.retrieval, inScope, common);
  // the database's word on each candidate's unit, date and secrecy (the index may lag: text-index.ts)
  const rows = (await findSources(ctx.handle.db, found.map((c) => c.key))).filter((r) => r.foldVersion === FOLD_VERSION && inScope(r.documentId, r));
  const store = new FetchedSources(rows);
  const candidates = found.filter((c) => store.has(c.key)).map((c) => ({ doc: c.key, hits: c.hits }));
  const result = verifyCandidates(query, candidates, common, store);
  return {
    copiedShare: result.copiedShare,
    countedChars: result.countedChars,
    copiedChars: result.copiedChars,
    passages: result.passages.map((p) => ({ start: p.start, end: p.end, sourceDocumentId: Number(p.source), sourceStart: p.sourceStart, sourceEnd: p.sourceEnd, similarity: p.similarity })),
    sourcesCompared: index.count((key, m) => inScope(key, m)),
    foldVersion: FOLD_VERSION,
  };
}

/** Candidate sources fetched from the database, named by document id. */
class FetchedSources implements SourceStore {
  private readonly rows: Map<number, SourceRow>;
  private readonly streams = new Map<number, MatchStream>();

  constructor(rows: readonly SourceRow[]) {
    this.rows = new Map(rows.map((r) => [r.documentId, r]));
  }

  has(doc: number): boolean {
    return this.rows.has(doc);
  }

  name(doc: number): string {
    return String(doc);
  }

  codes(doc: number): Uint8Array {
    return this.row(doc).matchCodes;
  }

  stream(doc: number): MatchStream {
    let s = this.streams.get(doc);
    if (!s) {
      s = matchStream(this.row(doc).text);
      this.streams.set(doc, s);
    }
    return s;
  }

  private row(doc: number): SourceRow {
    const r = this.rows.get(doc);
    if (!r) throw new Error(`no source ${doc}`);
    return r;
  }
}
