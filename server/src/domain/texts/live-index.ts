// The fingerprint index of a register that changes while it is used (issue "Document
// intelligence" §6). A CopyIndex is immutable and building one costs seconds at 100,000
// documents (bench/README.md), so registering one text must not rebuild it: the live index is a
// large BASE built once, a small DELTA rebuilt (lazily, at the next look-up) from the documents
// added or replaced since, and the base's entries that were replaced or removed skipped at
// look-up. When the delta outgrows `compactAt` the whole index is rebuilt as one base.
// Every source carries what the scope of a check needs (unit, date, secrecy) and the revision
// of its stored row, so the index can say which state of the database it holds (`version`).
import { CopyIndexBuilder, DEFAULT_RETRIEVAL } from "./copy-index.js";
import type { CopyIndex, RetrievalOptions } from "./copy-index.js";

/**
 * Version of the normaliser and fingerprinting (fold.ts, match classes, DEFAULT_FINGERPRINTS)
 * stamped on stored matching codes and fingerprints: bump it when any of them changes, and the
 * stored rows are rebuilt from their texts before they are used.
 */
export const FOLD_VERSION = 1;

/** What a check's scope is decided on, and the stored row's revision. */
export type SourceMeta = { orgId: number; issuedOn: string; secret: boolean; revision: number };

/** A candidate source: its key (the document id) and its distinct fingerprint hits. */
export type LiveCandidate = { key: number; hits: number };

type Entry = { meta: SourceMeta; fingerprints: Uint32Array };
/** A built part: its index and, for each of its document numbers, the entry it was built from. */
type Part = { index: CopyIndex; keys: number[]; entries: Entry[] };

export type LiveIndexOptions = {
  /** A fingerprint held by more documents than this (within a part) is boilerplate. */
  maxDocFrequency: number;
  /** The delta is merged into a new base when it holds more documents than this. */
  compactAt: (baseSize: number) => number;
};

export const DEFAULT_LIVE_INDEX: LiveIndexOptions = {
  maxDocFrequency: DEFAULT_RETRIEVAL.maxDocFrequency,
  compactAt: (baseSize) => Math.max(2000, Math.floor(baseSize / 10)),
};

export class LiveCopyIndex {
  private readonly entries = new Map<number, Entry>();
  private base: Part | null = null;
  private delta: Part | null = null;
  /** Keys added or replaced since the base was built. */
  private readonly pending = new Set<number>();
  private revisionTotal = 0;

  constructor(private readonly options: LiveIndexOptions = DEFAULT_LIVE_INDEX) {}

  /** Sources held. */
  get size(): number {
    return this.entries.size;
  }

  /** The state held: number of sources and the sum of their revisions (compared with the database's). */
  get version(): { count: number; revisionSum: number } {
    return { count: this.entries.size, revisionSum: this.revisionTotal };
  }

  /** The revision held for a key, or null. */
  revisionOf(key: number): number | null {
    return this.entries.get(key)?.meta.revision ?? null;
  }

  /** Every key held with its revision (for a diff against the database). */
  revisions(): Map<number, number> {
    return new Map([...this.entries].map(([k, e]) => [k, e.meta.revision]));
  }

  /** How many sources `accept` lets through (the sources a check compared with). */
  count(accept: (key: number, meta: SourceMeta) => boolean): number {
    let n = 0;
    for (const [key, e] of this.entries) if (accept(key, e.meta)) n++;
    return n;
  }

  metaOf(key: number): SourceMeta | null {
    return this.entries.get(key)?.meta ?? null;
  }

  /** Add a source, or replace the one with this key. */
  upsert(key: number, meta: SourceMeta, fingerprints: Uint32Array): void {
    const old = this.entries.get(key);
    if (old) this.revisionTotal -= old.meta.revision;
    this.entries.set(key, { meta: { ...meta }, fingerprints });
    this.revisionTotal += meta.revision;
    this.pending.add(key);
    this.delta = null;
  }

  /** Remove a source (no-op when absent). */
  remove(key: number): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.revisionTotal -= old.meta.revision;
    this.entries.delete(key);
    if (this.pending.delete(key)) this.delta = null;
  }

  /**
   * The sources sharing fingerprints with `queryHashes` that `accept` lets through, most hits
   * first, at most `options.maxCandidates`; boilerplate hashes met are added to `common`.
   */
  candidates(queryHashes: Uint32Array, options: RetrievalOptions, accept: (key: number, meta: SourceMeta) => boolean, common?: Set<number>): LiveCandidate[] {
    const out: LiveCandidate[] = [];
    for (const part of this.parts()) {
      const live = (doc: number): boolean => {
        const key = part.keys[doc] ?? -1;
        const entry = this.entries.get(key);
        return entry !== undefined && entry === part.entries[doc] && accept(key, entry.meta);
      };
      for (const c of part.index.candidates(queryHashes, options, undefined, common, live)) out.push({ key: part.keys[c.doc] ?? -1, hits: c.hits });
    }
    out.sort((a, b) => b.hits - a.hits || a.key - b.key);
    return out.slice(0, options.maxCandidates);
  }

  /** The built parts, building what is missing: base (or a new base when compacting), delta. */
  private parts(): Part[] {
    if (this.base === null || this.pending.size > this.options.compactAt(this.base.keys.length)) {
      this.base = this.build([...this.entries.keys()]);
      this.pending.clear();
      this.delta = null;
    }
    if (this.pending.size === 0) return [this.base];
    this.delta ??= this.build([...this.pending]);
    return [this.base, this.delta];
  }

  private build(keys: number[]): Part {
    const builder = new CopyIndexBuilder();
    const entries: Entry[] = [];
    for (const key of keys) {
      const e = this.entries.get(key) as Entry;
      builder.add(e.fingerprints);
      entries.push(e);
    }
    return { index: builder.build(this.options.maxDocFrequency), keys, entries };
  }
}
