// Character k-gram fingerprints of the matching view (copy detection, issue "Document
// intelligence" §4, research/text-reuse.md §3–§6): the view is a stream of letter classes
// with no spaces, so OCR merging or splitting syllables and re-breaking lines change nothing.
// Hashes are 32-bit polynomial rolling hashes, finalised (murmur3 fmix) so that their low bits
// spread evenly over the buckets of the index. Winnowing (Schleimer et al. 2003) keeps the
// minimum of every window of w hashes: any shared run long enough shares a fingerprint.
import { matchingCodes } from "./fold.js";
import type { MatchingCodes, OffsetMap } from "./fold.js";

/** Tuning of the fingerprints; one set for indexing and querying. */
export type FingerprintOptions = {
  /** k: characters per gram of the matching view. */
  k: number;
  /** w: winnowing window over the (word-anchored) grams of an indexed document. */
  window: number;
};

/** Defaults measured on the seeds and the generated test set (test/intelligence). */
export const DEFAULT_FINGERPRINTS: FingerprintOptions = { k: 12, window: 6 };

/** A text ready for matching: the matching view as codes 1..36, its offsets map, word starts. */
export type MatchStream = { view: OffsetMap; codes: Uint8Array; wordStart: Uint8Array };

/** The matching stream of an original text. */
export function matchStream(original: string): MatchStream {
  return streamOfCodes(matchingCodes(original));
}

/** The matching stream of matching codes (codes rewritten in place to 1..36). */
export function streamOfCodes(m: MatchingCodes): MatchStream {
  const original = m.original;
  const codes = m.codes;
  for (let i = 0; i < m.length; i++) {
    const c = codes[i] ?? 0;
    codes[i] = c >= 97 ? c - 96 : c - 48 + 27;
  }
  return { view: { original, offsets: m.offsets }, codes, wordStart: m.wordStart };
}

const BASE = 0x01000193; // FNV prime as the polynomial base

/** B^(k-1) mod 2^32, for the rolling update. */
function topPower(k: number): number {
  let p = 1;
  for (let i = 1; i < k; i++) p = Math.imul(p, BASE);
  return p;
}

/** murmur3's 32-bit finaliser: spreads a polynomial hash's bits. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of every k-gram of `codes`: result[i] is the gram starting at i (length n−k+1, or 0). */
export function gramHashes(codes: Uint8Array, k: number): Uint32Array {
  const n = codes.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  const top = topPower(k);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + (codes[i] ?? 0)) | 0;
  out[0] = mix32(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(codes[i - 1] ?? 0, top)) | 0;
    h = (Math.imul(h, BASE) + (codes[i + k - 1] ?? 0)) | 0;
    out[i] = mix32(h);
  }
  return out;
}

/**
 * The fingerprints of an indexed document: the grams starting at a word start, winnowed with
 * window w (the minimum of each window, rightmost on ties, each kept once). Anchoring on word
 * starts keeps about one gram per syllable; the query looks up grams at every position, so
 * OCR spacing in the query does not matter. Returns distinct hashes in text order.
 */
export function documentFingerprints(stream: MatchStream, options: FingerprintOptions = DEFAULT_FINGERPRINTS): Uint32Array {
  const hashes = gramHashes(stream.codes, options.k);
  const anchored = new Uint32Array(hashes.length);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (stream.wordStart[i] === 1) anchored[n++] = hashes[i] ?? 0;
  return winnow(anchored.subarray(0, n), options.window);
}

/**
 * Winnowing of a hash sequence (the minimum of each window of w, rightmost on ties, a monotone
 * deque: O(n)); each selected hash once, in first-selection order.
 */
export function winnow(hashes: readonly number[] | Uint32Array, w: number): Uint32Array {
  const n = hashes.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= w) return Uint32Array.of(minOf(hashes, 0, n));
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const picked = new Uint32Array(n);
  let count = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const h = hashes[i] ?? 0;
    while (tail > head && (hashes[deque[tail - 1] ?? 0] ?? 0) >= h) tail--; // rightmost minimum wins ties
    deque[tail++] = i;
    if ((deque[head] ?? 0) <= i - w) head++;
    if (i >= w - 1) {
      const best = deque[head] ?? 0;
      if (best !== last) {
        picked[count++] = hashes[best] ?? 0;
        last = best;
      }
    }
  }
  return uniqueInOrder(picked.subarray(0, count));
}

/** Distinct values in first-occurrence order (small open-addressing set). */
function uniqueInOrder(values: Uint32Array): Uint32Array {
  let bits = 4;
  while (1 << bits < values.length * 2) bits++;
  const mask = (1 << bits) - 1;
  const table = new Uint32Array(1 << bits);
  const used = new Uint8Array(1 << bits);
  const out = new Uint32Array(values.length);
  let n = 0;
  for (const v of values) {
    let slot = v & mask;
    while (used[slot] === 1 && table[slot] !== v) slot = (slot + 1) & mask;
    if (used[slot] === 1) continue;
    used[slot] = 1;
    table[slot] = v;
    out[n++] = v;
  }
  return out.slice(0, n);
}

function minOf(hashes: readonly number[] | Uint32Array, from: number, to: number): number {
  let m = hashes[from] ?? 0;
  for (let i = from + 1; i < to; i++) m = Math.min(m, hashes[i] ?? 0);
  return m;
}
