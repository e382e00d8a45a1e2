// The fingerprint index of the documents a text may copy from (research/text-reuse.md §5–§6):
// postings (32-bit hash, document number) radix-sorted by hash into typed arrays, with bucket
// offsets on the hash's top bits. No JS Map: at 100,000 documents and tens of millions of
// postings a Map would cost gigabytes of heap and seconds of GC.
// Fingerprints held by more than `maxDocFrequency` documents are the corpus's own boilerplate
// (stock phrases): they are taken out of the postings into a stop list at build time (as passim
// does), so a look-up never walks a list of thousands of documents, and the query marks them as
// boilerplate (they start no passage).

/** Options of candidate retrieval. */
export type RetrievalOptions = {
  /** A fingerprint held by more documents than this is boilerplate and ignored. */
  maxDocFrequency: number;
  /** A document needs at least this many distinct fingerprint hits to be a candidate. */
  minHits: number;
  /** At most this many candidates, most hits first. */
  maxCandidates: number;
  /** A gram the query repeats this many times is its own boilerplate: no seed (copy-check.ts). */
  maxQueryRepeats: number;
};

export const DEFAULT_RETRIEVAL: RetrievalOptions = { maxDocFrequency: 100, minHits: 3, maxCandidates: 30, maxQueryRepeats: 3 };

/** A candidate source: its document number in the index and its distinct fingerprint hits. */
export type Candidate = { doc: number; hits: number };

/** Collects documents' fingerprints, then builds the index. */
export class CopyIndexBuilder {
  private hashes = new Uint32Array(1 << 16);
  private docs = new Uint32Array(1 << 16);
  private size = 0;
  private docCount = 0;

  /** Add one document's fingerprints (distinct hashes); returns its document number (0, 1, 2 …). */
  add(fingerprints: Uint32Array): number {
    const doc = this.docCount++;
    this.reserve(this.size + fingerprints.length);
    this.hashes.set(fingerprints, this.size);
    this.docs.fill(doc, this.size, this.size + fingerprints.length);
    this.size += fingerprints.length;
    return doc;
  }

  private reserve(n: number): void {
    if (n <= this.hashes.length) return;
    let cap = this.hashes.length;
    while (cap < n) cap *= 2;
    const h = new Uint32Array(cap);
    h.set(this.hashes.subarray(0, this.size));
    const d = new Uint32Array(cap);
    d.set(this.docs.subarray(0, this.size));
    this.hashes = h;
    this.docs = d;
  }

  /**
   * The index: postings sorted by hash (two 16-bit radix passes, stable, so documents stay in
   * order within a hash), hashes held by more than `maxDocFrequency` documents moved to the stop
   * list. The builder may be dropped afterwards.
   */
  build(maxDocFrequency = DEFAULT_RETRIEVAL.maxDocFrequency): CopyIndex {
    const n = this.size;
    const { keys, values } = radixSort(this.hashes.subarray(0, n), this.docs.subarray(0, n));
    // Drop runs of one hash longer than the cap into the stop list (compacting in place).
    const stop: number[] = [];
    let w = 0;
    for (let i = 0; i < n; ) {
      const h = keys[i] ?? 0;
      let j = i + 1;
      while (j < n && keys[j] === h) j++;
      if (j - i > maxDocFrequency) stop.push(h);
      else {
        keys.copyWithin(w, i, j);
        values.copyWithin(w, i, j);
        w += j - i;
      }
      i = j;
    }
    let bits = 4;
    while (1 << bits < w / 2 && bits < 26) bits++;
    const shift = 32 - bits;
    const start = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < w; i++) start[((keys[i] ?? 0) >>> shift) + 1]! += 1;
    for (let b = 0; b < 1 << bits; b++) start[b + 1]! += start[b] ?? 0;
    return new CopyIndex(shift, start, keys.slice(0, w), values.slice(0, w), Uint32Array.from(stop), this.docCount);
  }
}

/** Sort (key, value) pairs by key: LSD radix on two 16-bit digits. */
function radixSort(keys: Uint32Array, values: Uint32Array): { keys: Uint32Array; values: Uint32Array } {
  const n = keys.length;
  let k1 = new Uint32Array(keys);
  let v1 = new Uint32Array(values);
  let k2 = new Uint32Array(n);
  let v2 = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const count = new Uint32Array(65537);
    for (let i = 0; i < n; i++) count[(((k1[i] ?? 0) >>> shift) & 0xffff) + 1]! += 1;
    for (let d = 0; d < 65536; d++) count[d + 1]! += count[d] ?? 0;
    for (let i = 0; i < n; i++) {
      const at = count[((k1[i] ?? 0) >>> shift) & 0xffff]!++;
      k2[at] = k1[i] ?? 0;
      v2[at] = v1[i] ?? 0;
    }
    [k1, k2] = [k2, k1];
    [v1, v2] = [v2, v1];
  }
  return { keys: k1, values: v1 };
}

/** The built index (immutable). */
export class CopyIndex {
  constructor(
    private readonly shift: number,
    private readonly start: Uint32Array,
    private readonly check: Uint32Array,
    private readonly docs: Uint32Array,
    /** Hashes over the document-frequency cap, sorted. */
    private readonly stop: Uint32Array,
    readonly documentCount: number,
  ) {}

  /** Number of postings (fingerprint × document) kept. */
  get postings(): number {
    return this.check.length;
  }

  /** Number of boilerplate fingerprints in the stop list. */
  get stopped(): number {
    return this.stop.length;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.start.byteLength + this.check.byteLength + this.docs.byteLength + this.stop.byteLength;
  }

  /** Whether a hash is boilerplate (in the stop list). */
  isStopped(h: number): boolean {
    let lo = 0;
    let hi = this.stop.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.stop[mid] ?? 0;
      if (v === h) return true;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * The documents sharing fingerprints with a query, given the hashes of the query's grams at
   * every position (duplicates are counted once). Documents in `exclude` are skipped; the
   * boilerplate hashes met (stop list, or over `maxDocFrequency`) are added to `common`.
   * `accept`, when given, keeps only the documents it accepts — before the cut to
   * `maxCandidates`, so a corpus of many out-of-scope copies cannot crowd out the in-scope ones.
   */
  candidates(queryHashes: Uint32Array, options: RetrievalOptions = DEFAULT_RETRIEVAL, exclude?: ReadonlySet<number>, common?: Set<number>, accept?: (doc: number) => boolean): Candidate[] {
    const sorted = queryHashes.slice().sort(); // in index order, duplicates adjacent
    const counts = new Uint32Array(this.documentCount);
    const touched: number[] = [];
    for (let u = 0; u < sorted.length; u++) {
      const h = sorted[u] ?? 0;
      if (u > 0 && sorted[u - 1] === h) continue;
      const b = h >>> this.shift;
      let i = this.start[b] ?? 0;
      const to = this.start[b + 1] ?? 0;
      while (i < to && (this.check[i] ?? 0) < h) i++;
      let j = i;
      while (j < to && this.check[j] === h) j++;
      if (j === i) {
        if (this.stop.length > 0 && this.isStopped(h)) common?.add(h);
        continue;
      }
      if (j - i > options.maxDocFrequency) {
        common?.add(h);
        continue;
      }
      for (let p = i; p < j; p++) {
        const d = this.docs[p] ?? 0;
        if (counts[d] === 0) touched.push(d);
        counts[d]! += 1;
      }
    }
    const out: Candidate[] = [];
    for (const doc of touched) {
      const hits = counts[doc] ?? 0;
      if (hits >= options.minHits && !exclude?.has(doc) && (accept === undefined || accept(doc))) out.push({ doc, hits });
    }
    out.sort((a, b) => b.hits - a.hits || a.doc - b.doc);
    return out.slice(0, options.maxCandidates);
  }
}
