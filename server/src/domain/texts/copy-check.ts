// Copy check (issue "Document intelligence" §4; research/text-reuse.md §6): which passages of
// a document come from a corpus of (upper-level) documents, and what share of it they make.
// 1. The query's matching view (fold.ts); citations (number, date, title of a cited document)
//    and the national motto are masked — citing is not copying.
// 2. Retrieval: the query's grams at every position against the winnowed fingerprint index.
// 3. Verification: for each candidate, seeds → runs → chains (alignment.ts) on its full text.
// 4. Passages from all sources, best first; one overlapping most of a better one is dropped.
// Offsets are mapped back to the original texts of the query and of the source.
import { chainRuns, DEFAULT_ALIGNMENT, QueryGrams, seedRuns } from "./alignment.js";
import type { AlignedPassage, AlignmentOptions } from "./alignment.js";
import { findCitations } from "./citations.js";
import type { Citation } from "./citations.js";
import { CopyIndexBuilder, DEFAULT_RETRIEVAL } from "./copy-index.js";
import type { Candidate, CopyIndex, RetrievalOptions } from "./copy-index.js";
import { DEFAULT_FINGERPRINTS, documentFingerprints, gramHashes, matchStream, streamOfCodes } from "./fingerprints.js";
import type { FingerprintOptions, MatchStream } from "./fingerprints.js";
import { headerPatterns } from "./doc-header.js";
import { bothViews, originalRange } from "./fold.js";
import type { TextView } from "./fold.js";

/** A copied passage: [start, end) of the checked text, [sourceStart, sourceEnd) of `source`. */
export type CopyPassage = { start: number; end: number; source: string; sourceStart: number; sourceEnd: number; similarity: number };

/** The result (data-contract.md §Document commands), with the counts behind the share. */
export type CopyCheckResult = {
  copiedShare: number;
  passages: CopyPassage[];
  /** Matching-view characters counted (outside citations and the motto). */
  countedChars: number;
  /** Of them, inside a copied passage. */
  copiedChars: number;
  /** Characters left out as citations or motto. */
  citationChars: number;
};

/**
 * Where the sources come from at verification time (memory, a database …): their matching
 * codes for every candidate (stored at indexing, so no text is re-read), their full stream
 * (offsets into the original) only for those with a passage to report.
 */
export interface SourceStore {
  name(doc: number): string;
  codes(doc: number): Uint8Array;
  stream(doc: number): MatchStream;
}

export type CopyCheckOptions = { fingerprints: FingerprintOptions; retrieval: RetrievalOptions; alignment: AlignmentOptions };

export const DEFAULT_COPY_CHECK: CopyCheckOptions = { fingerprints: DEFAULT_FINGERPRINTS, retrieval: DEFAULT_RETRIEVAL, alignment: DEFAULT_ALIGNMENT };

/**
 * The spans (original offsets) that are not counted: every citation with its date, issuer and
 * title, and lines of the national motto or the Party's name.
 */
export function citationSpans(view: TextView, citations: readonly Citation[] = findCitations(view)): Array<{ start: number; end: number }> {
  const spans = citations.map((c) => originalRange(view, c.from, c.to));
  const motto = new RegExp(headerPatterns.MOTTO.source, "g");
  for (let m = motto.exec(view.text); m !== null; m = motto.exec(view.text)) {
    const lineEnd = view.text.indexOf("\n", m.index);
    spans.push(originalRange(view, m.index, lineEnd < 0 ? view.text.length : lineEnd));
  }
  return spans;
}

/** Shortest cited title (matching-view characters) whose other occurrences are left out. */
const MIN_TITLE = 24;

/**
 * Citations and motto (citationSpans), and every other occurrence of a cited document's title
 * in the text: "… đối với việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ
 * thống chính trị" names KL 226 as much as its number does.
 */
export function notCountedSpans(view: TextView, stream: MatchStream): Array<{ start: number; end: number }> {
  const citations = findCitations(view);
  const spans = citationSpans(view, citations);
  const titles = new Set(citations.map((c) => c.title).filter((t): t is string => t !== null));
  if (titles.size === 0) return spans;
  const haystack = codesAsString(stream.codes);
  for (const title of titles) {
    const needle = codesAsString(matchStream(title).codes);
    if (needle.length < MIN_TITLE) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      spans.push(originalRange(stream.view, at, at + needle.length));
    }
  }
  return spans;
}

function codesAsString(codes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, Math.min(codes.length, i + 8192)));
  return out;
}

/** 1 for each matching-view character whose original lies in a span. */
export function maskOf(stream: MatchStream, spans: ReadonlyArray<{ start: number; end: number }>): Uint8Array {
  const mask = new Uint8Array(stream.codes.length);
  if (spans.length === 0) return mask;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const offsets = stream.view.offsets;
  let j = 0;
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i] ?? 0;
    while (j < sorted.length && (sorted[j]?.end ?? 0) <= o) j++;
    for (let t = j; t < sorted.length && (sorted[t]?.start ?? 0) <= o; t++) {
      if (o < (sorted[t]?.end ?? 0)) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}

/**
 * A query prepared once: stream, mask (citations), gram hashes at every position (for seeds),
 * those outside citations (`unmaskedHashes`) and those of them at a word start (`lookupHashes`:
 * the index holds word-anchored grams, so these are the ones retrieval needs; a syllable OCR
 * glued to the previous one loses its anchor, a copied passage keeps dozens).
 */
export type PreparedQuery = { stream: MatchStream; mask: Uint8Array; hashes: Uint32Array; unmaskedHashes: Uint32Array; lookupHashes: Uint32Array };

export function prepareQuery(text: string, options: CopyCheckOptions = DEFAULT_COPY_CHECK): PreparedQuery {
  const views = bothViews(text);
  const stream = streamOfCodes(views.matching);
  const mask = maskOf(stream, notCountedSpans(views.reading, stream));
  const k = options.fingerprints.k;
  const hashes = gramHashes(stream.codes, k);
  const unmasked = new Uint32Array(hashes.length);
  const lookup = new Uint32Array(hashes.length);
  let n = 0;
  let a = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (mask[i] === 1) continue;
    unmasked[n++] = hashes[i] ?? 0;
    if (stream.wordStart[i] === 1) lookup[a++] = hashes[i] ?? 0;
  }
  return { stream, mask, hashes, unmaskedHashes: unmasked.slice(0, n), lookupHashes: lookup.slice(0, a) };
}

type Found = AlignedPassage & { doc: number };

/** Check a prepared query against an index and its store. `exclude`: documents not to compare with. */
export function checkCopy(query: PreparedQuery, index: CopyIndex, store: SourceStore, options: CopyCheckOptions = DEFAULT_COPY_CHECK, exclude?: ReadonlySet<number>): CopyCheckResult {
  const common = queryBoilerplate(query, options);
  const candidates = index.candidates(query.lookupHashes, options.retrieval, exclude, common);
  return verifyCandidates(query, candidates, common, store, options);
}

/**
 * The grams a check treats as boilerplate before retrieval: those the query itself repeats
 * (repeatedGrams). Retrieval adds the corpus's own (the index's stop list) to the same set.
 */
export function queryBoilerplate(query: PreparedQuery, options: CopyCheckOptions = DEFAULT_COPY_CHECK): Set<number> {
  return repeatedGrams(query, options.retrieval.maxQueryRepeats);
}

/**
 * Steps 3–4 of a check on candidates already retrieved (by any index: the database-backed one
 * fetches the candidates' codes between retrieval and verification). `common`: the boilerplate
 * grams (queryBoilerplate plus what retrieval met); `store` must know every candidate.
 */
export function verifyCandidates(query: PreparedQuery, candidates: readonly Candidate[], common: ReadonlySet<number>, store: SourceStore, options: CopyCheckOptions = DEFAULT_COPY_CHECK): CopyCheckResult {
  const k = options.fingerprints.k;
  const found: Found[] = [];
  const grams = new QueryGrams(query.hashes, k, query.stream.codes.length, query.mask, common);
  for (const cand of candidates) {
    const runs = seedRuns(grams, gramHashes(store.codes(cand.doc), k));
    for (const p of chainRuns(runs, grams, options.alignment)) found.push({ ...p, doc: cand.doc });
  }
  const accepted = resolveOverlaps(found);
  const covered = new Uint8Array(query.stream.codes.length);
  for (const p of accepted) covered.fill(1, p.qStart, p.qEnd);
  let counted = 0;
  let copied = 0;
  for (let i = 0; i < covered.length; i++) {
    if (query.mask[i] === 1) continue;
    counted++;
    if (covered[i] === 1) copied++;
  }
  const citationChars = query.mask.reduce((a, b) => a + b, 0);
  const passages = accepted.map((p) => {
    const q = originalRange(query.stream.view, p.qStart, p.qEnd);
    const s = originalRange(store.stream(p.doc).view, p.sStart, p.sEnd);
    const len = grams.unmaskedBefore[p.qEnd]! - grams.unmaskedBefore[p.qStart]!;
    return { start: q.start, end: q.end, source: store.name(p.doc), sourceStart: s.start, sourceEnd: s.end, similarity: round3(len === 0 ? 0 : p.covered / len) };
  });
  return { copiedShare: counted === 0 ? 0 : round3(copied / counted), passages, countedChars: counted, copiedChars: copied, citationChars };
}

/**
 * Grams the query itself repeats `limit` times or more (outside citations): its own stock phrases
 * ("các cơ quan, tổ chức, đơn vị"). They do not start a passage — inside a copied one they are
 * bridged as gaps — so that a few stock phrases in the same order are not taken for a copy.
 */
function repeatedGrams(query: PreparedQuery, limit: number): Set<number> {
  const sorted = query.unmaskedHashes.slice().sort();
  const out = new Set<number>();
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i >= limit) out.add(sorted[i] ?? 0);
    i = j;
  }
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Best passages first (most exact characters); one lying mostly (> 50 %) over a kept one is dropped. */
function resolveOverlaps(found: Found[]): Found[] {
  const kept: Found[] = [];
  for (const p of [...found].sort((a, b) => b.covered - a.covered)) {
    const len = p.qEnd - p.qStart;
    let overlap = 0;
    for (const k of kept) overlap += Math.max(0, Math.min(p.qEnd, k.qEnd) - Math.max(p.qStart, k.qStart));
    if (overlap <= len / 2) kept.push(p);
  }
  return kept.sort((a, b) => a.qStart - b.qStart);
}

/** An in-memory corpus: the sources' streams kept, their fingerprints indexed (CLI, tests). */
export class MemoryCorpus implements SourceStore {
  private readonly names: string[] = [];
  private readonly streams: MatchStream[] = [];
  private readonly builder = new CopyIndexBuilder();
  private index: CopyIndex | null = null;

  constructor(private readonly options: CopyCheckOptions = DEFAULT_COPY_CHECK) {}

  /** Add a source; returns its document number. */
  add(name: string, text: string): number {
    const stream = matchStream(text);
    this.names.push(name);
    this.streams.push(stream);
    this.index = null;
    return this.builder.add(documentFingerprints(stream, this.options.fingerprints));
  }

  name(doc: number): string {
    return this.names[doc] ?? "";
  }

  codes(doc: number): Uint8Array {
    return this.stream(doc).codes;
  }

  stream(doc: number): MatchStream {
    const s = this.streams[doc];
    if (!s) throw new Error(`no source ${doc}`);
    return s;
  }

  /** Check a text against every source (except those named in `excludeNames`). */
  check(text: string, excludeNames: readonly string[] = []): CopyCheckResult {
    this.index ??= this.builder.build();
    const exclude = new Set(excludeNames.map((n) => this.names.indexOf(n)).filter((i) => i >= 0));
    return checkCopy(prepareQuery(text, this.options), this.index, this, this.options, exclude);
  }
}
