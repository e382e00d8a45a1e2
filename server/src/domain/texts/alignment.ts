// Passage alignment (seed and extend, research/text-reuse.md §6.5): the exact k-gram matches
// between a query and one source (seeds) are merged into runs along their diagonal, and runs
// are chained when they follow each other closely on nearly the same diagonal. The gaps a
// chain bridges are where OCR noise, small edits or re-broken lines broke the exact match.
// Coordinates are those of the matching views (see fold.ts).

/** Tuning of the alignment. */
export type AlignmentOptions = {
  /** Characters of query text (outside masked spans) a chain may bridge between two runs. */
  maxGap: number;
  /** How far the diagonal (source − query position) may move between two chained runs. */
  maxDrift: number;
  /** Shortest passage kept, in matching-view characters. */
  minLength: number;
  /** Least share of a passage's characters covered by exact grams. */
  minCoverage: number;
  /**
   * A passage shorter than `longPassage` needs one exact run of `minRun` characters: two stock
   * phrases ("các cơ quan, đơn vị, địa phương") a few words apart are not a copied passage.
   */
  minRun: number;
  longPassage: number;
};

export const DEFAULT_ALIGNMENT: AlignmentOptions = { maxGap: 80, maxDrift: 30, minLength: 40, minCoverage: 0.3, minRun: 0, longPassage: 100 };

/** A passage in matching-view coordinates; `covered` counts query characters inside exact grams. */
export type AlignedPassage = { qStart: number; qEnd: number; sStart: number; sEnd: number; covered: number };

/**
 * The grams of a query, indexed for look-up by hash: built once per query, reused for every
 * candidate source. Grams starting at a masked position (a citation) are left out, and so are
 * the `common` ones (the corpus's boilerplate: they may lie inside a copied passage, bridged as
 * a gap, but never start one). Gap lengths skip masked positions only.
 */
export class QueryGrams {
  /** Open-addressing-free chained table: head[bucket] → first position, next[position] → next. */
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly mask: number;
  /** prefix[i] = unmasked positions before i (for gap lengths that skip citations). */
  readonly unmaskedBefore: Int32Array;

  constructor(
    readonly hashes: Uint32Array,
    readonly k: number,
    readonly length: number,
    masked: Uint8Array | null,
    common: ReadonlySet<number> | null = null,
  ) {
    let bits = 4;
    while (1 << bits < hashes.length * 2 && bits < 30) bits++;
    this.mask = (1 << bits) - 1;
    this.head = new Int32Array(1 << bits).fill(-1);
    this.next = new Int32Array(hashes.length).fill(-1);
    const boilerplate = boilerplateGrams(hashes, k, common);
    for (let i = hashes.length - 1; i >= 0; i--) {
      if (masked && masked[i] === 1) continue;
      if (boilerplate && boilerplate[i] === 1) continue;
      const b = (hashes[i] ?? 0) & this.mask;
      this.next[i] = this.head[b] ?? -1;
      this.head[b] = i;
    }
    this.unmaskedBefore = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) this.unmaskedBefore[i + 1] = (this.unmaskedBefore[i] ?? 0) + (masked && masked[i] === 1 ? 0 : 1);
  }
}

/**
 * 1 for each gram lying wholly inside the characters covered by common grams: a stock phrase's
 * grams at every position, not only those the index or the repeat count flagged. Null if none.
 */
function boilerplateGrams(hashes: Uint32Array, k: number, common: ReadonlySet<number> | null): Uint8Array | null {
  if (!common || common.size === 0) return null;
  const covered = new Int32Array(hashes.length + k + 1); // prefix counts of covered characters
  const mark = new Uint8Array(hashes.length + k);
  for (let i = 0; i < hashes.length; i++) if (common.has(hashes[i] ?? 0)) mark.fill(1, i, i + k);
  for (let i = 0; i < mark.length; i++) covered[i + 1] = (covered[i] ?? 0) + (mark[i] ?? 0);
  const out = new Uint8Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) if ((covered[i + k] ?? 0) - (covered[i] ?? 0) === k) out[i] = 1;
  return out;
}

type Run = { q0: number; q1: number; s0: number; s1: number };
type Chain = { qStart: number; qEnd: number; sStart: number; sEnd: number; diag: number; covered: number; longestRun: number };

/**
 * The maximal runs of seeds between the query and a source's gram hashes (every position). A
 * seed (q, s) extends the run open on its diagonal s − q when that run ended at (q − 1, s − 1);
 * the open run of each diagonal is kept in a typed array indexed by diagonal (no Map).
 */
export function seedRuns(query: QueryGrams, sourceHashes: Uint32Array, maxRuns = 200_000): Run[] {
  const k = query.k;
  const runs: Run[] = [];
  const n = query.hashes.length;
  const openRun = new Int32Array(sourceHashes.length + n + 1).fill(-1); // diagonal + n → run index
  const { head, next, mask, hashes } = query;
  for (let s = 0; s < sourceHashes.length; s++) {
    const h = sourceHashes[s] ?? 0;
    for (let q = head[h & mask] ?? -1; q >= 0; q = next[q] ?? -1) {
      if (hashes[q] !== h) continue;
      const d = s - q + n;
      const ri = openRun[d] ?? -1;
      const r = ri >= 0 ? runs[ri] : undefined;
      if (r && r.q1 - k === q - 1) {
        r.q1 = q + k;
        r.s1 = s + k;
      } else if (runs.length < maxRuns) {
        openRun[d] = runs.length;
        runs.push({ q0: q, q1: q + k, s0: s, s1: s + k });
      }
    }
  }
  return runs;
}

/**
 * Chain runs into passages: runs in query order; a run joins the open chain it follows within
 * `maxGap` unmasked query characters, ahead of it in the source, on a diagonal within
 * `maxDrift`; the chain covering the most wins. Passages shorter than `minLength`, with less
 * than `minCoverage` of their characters in exact grams, or short and without one long exact
 * run (`minRun`, `longPassage`) are dropped.
 */
export function chainRuns(runs: Run[], query: QueryGrams, options: AlignmentOptions = DEFAULT_ALIGNMENT): AlignedPassage[] {
  runs.sort((a, b) => a.q0 - b.q0 || b.q1 - a.q1);
  const open: Chain[] = [];
  const done: Chain[] = [];
  const gapLen = (from: number, to: number): number => (to <= from ? 0 : (query.unmaskedBefore[to] ?? 0) - (query.unmaskedBefore[from] ?? 0));
  for (const r of runs) {
    let best: Chain | null = null;
    for (let i = open.length - 1; i >= 0; i--) {
      const c = open[i]!;
      if (gapLen(c.qEnd, r.q0) > options.maxGap) {
        done.push(c);
        open.splice(i, 1);
        continue;
      }
      const drift = Math.abs(r.s0 - r.q0 - c.diag);
      if (drift > options.maxDrift || r.q1 <= c.qEnd || r.s1 <= c.sEnd || r.s0 < c.sStart) continue;
      if (best === null || c.covered > best.covered) best = c;
    }
    if (best) {
      best.covered += r.q1 - Math.max(r.q0, best.qEnd);
      best.longestRun = Math.max(best.longestRun, r.q1 - r.q0);
      best.qEnd = r.q1;
      best.sEnd = Math.max(best.sEnd, r.s1);
      best.diag = r.s0 - r.q0;
    } else {
      open.push({ qStart: r.q0, qEnd: r.q1, sStart: r.s0, sEnd: r.s1, diag: r.s0 - r.q0, covered: r.q1 - r.q0, longestRun: r.q1 - r.q0 });
    }
  }
  done.push(...open);
  const out: AlignedPassage[] = [];
  for (const c of done) {
    const len = gapLen(c.qStart, c.qEnd);
    if (len < options.minLength || c.covered < options.minCoverage * len) continue;
    if (len < options.longPassage && c.longestRun < options.minRun) continue;
    out.push({ qStart: c.qStart, qEnd: c.qEnd, sStart: c.sStart, sEnd: c.sEnd, covered: Math.min(c.covered, len) });
  }
  out.sort((a, b) => a.qStart - b.qStart);
  return dropContained(out);
}

/** A passage lying inside a longer one of the same source (a repeated phrase) is dropped. */
function dropContained(passages: AlignedPassage[]): AlignedPassage[] {
  const byLength = [...passages].sort((a, b) => b.qEnd - b.qStart - (a.qEnd - a.qStart));
  const kept: AlignedPassage[] = [];
  for (const p of byLength) {
    const inside = kept.some((k) => p.qStart >= k.qStart && p.qEnd <= k.qEnd);
    if (!inside) kept.push(p);
  }
  return kept.sort((a, b) => a.qStart - b.qStart);
}
