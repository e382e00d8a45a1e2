// Document-intelligence bench (issue "Document intelligence" §9): copy check of a 20-page document
// against an index of 100,000 documents (target ≤ 100 ms), index build throughput, parse
// throughput. `npm run bench:copycheck [-- --docs 100000 --runs 20 --seed 226 --quick]`.
//
// The indexed documents are generated from the seeds' syllables and frequent phrases (see
// TextGenerator), so they share the seeds' vocabulary and stock phrases (the document-frequency
// cap has real work to do); their texts are kept UTF-8 in one buffer, fetched and re-read at
// verification time as a database would hand them over. The 20-page query mixes new text
// with passages of 12 indexed documents under OCR-like noise; the bench checks that they are found.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { checkCopy, DEFAULT_COPY_CHECK, prepareQuery } from "../server/src/domain/texts/copy-check.js";
import type { SourceStore } from "../server/src/domain/texts/copy-check.js";
import { CopyIndexBuilder } from "../server/src/domain/texts/copy-index.js";
import { documentFingerprints, matchStream } from "../server/src/domain/texts/fingerprints.js";
import type { MatchStream } from "../server/src/domain/texts/fingerprints.js";
import { parseDocumentText } from "../server/src/domain/texts/parse-document.js";
import { ocrNoise, prng } from "../test/intelligence/copy-testset.js";

type Options = { docs: number; runs: number; seed: number; pages: number };

function options(argv: readonly string[]): Options {
  const o: Options = { docs: 100_000, runs: 20, seed: 226, pages: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.docs = 10_000;
    else if (a === "--docs") o.docs = Number(argv[++i]);
    else if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--seed") o.seed = Number(argv[++i]);
  }
  return o;
}

const SEEDS = join(import.meta.dirname, "..", "test", "fixtures", "seeds");
const SEED_FILES = ["000_0acd55e50ef2e5ac.txt", "001_2aea0d3bf3990f33.txt", "002_57a8e72d5c205de3.txt", "003_91156f8a68636681.txt", "004_c05ab9e5b4ae4959.txt"];
const seedTexts = SEED_FILES.map((f) => readFileSync(join(SEEDS, f), "utf8"));

/**
 * A generator of administrative-looking text: syllables drawn by their frequency in the seeds,
 * with one of the seeds' 400 most frequent 5-word phrases ("các cơ quan, đơn vị, địa phương")
 * about every 7th step — every document is new text sharing the corpus's stock phrases, as
 * real documents of one country's administration do. (A Markov chain on five seeds would make
 * every document a rehash of the same 80,000 characters: everything copied from everything.)
 */
class TextGenerator {
  private readonly syllables: string[] = [];
  private readonly cumulative: number[] = [];
  private readonly phrases: string[];
  constructor(texts: readonly string[]) {
    const counts = new Map<string, number>();
    const grams = new Map<string, number>();
    for (const t of texts) {
      const ws = t.split(/\s+/).filter((w) => /^[\p{L}\d,.;]+$/u.test(w));
      ws.forEach((w, i) => {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        if (i >= 4) {
          const g = ws.slice(i - 4, i + 1).join(" ");
          grams.set(g, (grams.get(g) ?? 0) + 1);
        }
      });
    }
    let total = 0;
    for (const [w, c] of counts) {
      total += c;
      this.syllables.push(w);
      this.cumulative.push(total);
    }
    this.phrases = [...grams.entries()].sort((a, b) => b[1] - a[1]).slice(0, 400).map(([g]) => g);
  }
  private syllable(rand: () => number): string {
    const x = rand() * (this.cumulative[this.cumulative.length - 1] ?? 1);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.syllables[lo] ?? "";
  }
  /** About `chars` characters of text, a line break every 12–16 words. */
  generate(rand: () => number, chars: number): string {
    const parts: string[] = [];
    let length = 0;
    let inLine = 0;
    while (length < chars) {
      const w = rand() < 0.14 ? (this.phrases[Math.floor(rand() * this.phrases.length)] ?? "") : this.syllable(rand);
      const sep = ++inLine % (12 + Math.floor(rand() * 5)) === 0 ? "\n" : " ";
      parts.push(w, sep);
      length += w.length + 1;
    }
    return parts.join("");
  }
}

/** One growing byte buffer holding many documents' bytes end to end. */
class BytePool {
  buf = Buffer.alloc(64 << 20);
  used = 0;
  readonly starts: number[] = [];
  add(bytes: Uint8Array): void {
    while (this.used + bytes.length > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.starts.push(this.used);
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
  }
  get(doc: number): Uint8Array {
    return this.buf.subarray(this.starts[doc] ?? 0, this.starts[doc + 1] ?? this.used);
  }
}

/**
 * The sources as a database would keep them: texts (UTF-8) and their matching codes (one byte a
 * character, stored at indexing). Verification reads the codes of each candidate; the text is
 * re-read and re-streamed only for a document with a passage to report.
 */
class TextPool implements SourceStore {
  private readonly texts = new BytePool();
  private readonly codePool = new BytePool();
  private readonly cache = new Map<number, MatchStream>();
  add(text: string, codes: Uint8Array): void {
    this.texts.add(Buffer.from(text, "utf8"));
    this.codePool.add(codes);
  }
  codes(doc: number): Uint8Array {
    return this.codePool.get(doc);
  }
  text(doc: number): string {
    return Buffer.from(this.texts.get(doc)).toString("utf8");
  }
  name(doc: number): string {
    return `doc-${doc}`;
  }
  stream(doc: number): MatchStream {
    let s = this.cache.get(doc);
    if (!s) {
      s = matchStream(this.text(doc));
      this.cache.set(doc, s);
    }
    return s;
  }
  /** Forget streams read for the previous query (each query fetches its candidates afresh). */
  reset(): void {
    this.cache.clear();
  }
  get bytes(): number {
    return this.texts.used + this.codePool.used;
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0;
const fmt = (n: number, d = 0): string => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

function main(): void {
  const o = options(process.argv.slice(2));
  const rand = prng(o.seed);
  const generator = new TextGenerator(seedTexts);
  const load = loadavg();
  process.stdout.write(`copycheck bench: ${fmt(o.docs)} documents, ${o.runs} runs, seed ${o.seed}; load ${load.map((x) => x.toFixed(1)).join(" ")}\n`);

  // 1. Generate and index.
  const pool = new TextPool();
  const builder = new CopyIndexBuilder();
  let genMs = 0;
  let indexMs = 0;
  let chars = 0;
  for (let d = 0; d < o.docs; d++) {
    const t0 = performance.now();
    const text = generator.generate(rand, 2_000 + Math.floor(rand() * 6_000));
    const t1 = performance.now();
    const stream = matchStream(text);
    builder.add(documentFingerprints(stream, DEFAULT_COPY_CHECK.fingerprints));
    indexMs += performance.now() - t1;
    pool.add(text, stream.codes);
    genMs += t1 - t0;
    chars += text.length;
    if ((d + 1) % 20_000 === 0) process.stdout.write(`  ${fmt(d + 1)} documents indexed\n`);
  }
  const t2 = performance.now();
  const index = builder.build(DEFAULT_COPY_CHECK.retrieval.maxDocFrequency);
  const buildMs = performance.now() - t2;
  indexMs += buildMs;

  // 2. The 20-page query: generated text with 12 noisy passages of indexed documents.
  const copiedFrom: number[] = [];
  let query = "";
  const pageChars = 3_000;
  while (query.length < o.pages * pageChars) {
    query += generator.generate(rand, 1_500 + Math.floor(rand() * 2_000));
    if (copiedFrom.length < 12) {
      const doc = Math.floor(rand() * o.docs);
      const src = pool.text(doc);
      const from = Math.floor(rand() * Math.max(1, src.length - 900));
      query += `\n\n${ocrNoise(rand, src.slice(from, from + 400 + Math.floor(rand() * 500)).replace(/\s+/g, " "))}\n\n`;
      copiedFrom.push(doc);
    }
  }
  const lat: number[] = [];
  const phases = { prepare: [] as number[], rest: [] as number[] };
  let found = 0;
  let passages = 0;
  for (let r = 0; r < o.runs + 3; r++) {
    pool.reset();
    const t0 = performance.now();
    const prepared = prepareQuery(query);
    const t1 = performance.now();
    const result = checkCopy(prepared, index, pool);
    const t3 = performance.now();
    if (r >= 3) {
      lat.push(t3 - t0);
      phases.prepare.push(t1 - t0);
      phases.rest.push(t3 - t1);
    }
    passages = result.passages.length;

    found = new Set(result.passages.map((p) => Number(p.source.slice(4))).filter((d) => copiedFrom.includes(d))).size;
  }

  // 3. Parse throughput on the seeds.
  const parseRuns = 200;
  const t4 = performance.now();
  let parsedChars = 0;
  for (let i = 0; i < parseRuns; i++) {
    const t = seedTexts[i % seedTexts.length] ?? "";
    parseDocumentText(t);
    parsedChars += t.length;
  }
  const parseMs = performance.now() - t4;

  const figures = {
    machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? "", memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAvg: load },
    options: o,
    corpus: { documents: o.docs, chars, meanChars: Math.round(chars / o.docs), storeMiB: Math.round(pool.bytes / 2 ** 20) },
    index: { postings: index.postings, postingsPerDoc: Math.round(index.postings / o.docs), MiB: Math.round(index.bytes / 2 ** 20), fingerprintMs: Math.round(indexMs - buildMs), buildMs: Math.round(buildMs), docsPerSecond: Math.round(o.docs / (indexMs / 1000)), charsPerSecond: Math.round(chars / (indexMs / 1000)), generationMs: Math.round(genMs) },
    query: { chars: query.length, pages: o.pages, passages, copiedSourcesFound: found, copiedSources: copiedFrom.length, medianMs: median(lat), p95Ms: p95(lat), minMs: Math.min(...lat), maxMs: Math.max(...lat), prepareMedianMs: median(phases.prepare), retrieveAndVerifyMedianMs: median(phases.rest) },
    parse: { documents: parseRuns, chars: parsedChars, docsPerSecond: Math.round(parseRuns / (parseMs / 1000)), charsPerSecond: Math.round(parsedChars / (parseMs / 1000)) },
  };
  const table = [
    "| measure | figure |",
    "|---|---:|",
    `| indexed documents (mean ${fmt(figures.corpus.meanChars)} characters) | ${fmt(o.docs)} |`,
    `| index: postings (per document); boilerplate fingerprints in the stop list | ${fmt(index.postings)} (${figures.index.postingsPerDoc}); ${fmt(index.stopped)} |`,
    `| store: texts (UTF-8) + matching codes | ${figures.corpus.storeMiB} MiB |`,
    `| index: memory of the typed arrays | ${figures.index.MiB} MiB |`,
    `| index build: fingerprinting + CSR build | ${fmt(indexMs / 1000, 1)} s (CSR ${fmt(buildMs / 1000, 1)} s) → ${fmt(figures.index.docsPerSecond)} documents/s, ${fmt(figures.index.charsPerSecond / 1e6, 1)} M characters/s |`,
    `| copy check, ${o.pages}-page query (${fmt(query.length)} characters), ${o.runs} runs | median ${fmt(figures.query.medianMs, 1)} ms, p95 ${fmt(figures.query.p95Ms, 1)} ms (prepare ${fmt(figures.query.prepareMedianMs, 1)} ms, retrieve + verify ${fmt(figures.query.retrieveAndVerifyMedianMs, 1)} ms) |`,
    `| … copied sources found | ${found} of ${copiedFrom.length} (${passages} passages) |`,
    `| parse throughput (the five seeds, ${parseRuns} parses) | ${fmt(figures.parse.docsPerSecond)} documents/s, ${fmt(figures.parse.charsPerSecond / 1e6, 2)} M characters/s |`,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  const out = join(import.meta.dirname, "out");
  mkdirSync(out, { recursive: true });
  const file = join(out, `copycheck-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`figures written to ${file}\n`);
}

main();
