// Issue "Document intelligence" §5: recall and precision of copied characters on a generated test
// set (copy-testset.ts): seed passages inserted into other seed text with OCR-like noise, small
// edits and re-ordering. Counted on the matching view (letters and digits), outside citations
// (which are not copying). Target ≥ 95 % for both; the figures are printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryCorpus, notCountedSpans, maskOf } from "../../server/src/domain/texts/copy-check.js";
import { matchStream } from "../../server/src/domain/texts/fingerprints.js";
import { readingView } from "../../server/src/domain/texts/fold.js";
import { generateDoc, hostSentences, prng } from "./copy-testset.js";
import type { NoiseLevel, Source } from "./copy-testset.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const seed = (name: string): string => readFileSync(join(SEEDS, name), "utf8");
const FILES = { "000": "000_0acd55e50ef2e5ac.txt", "001": "001_2aea0d3bf3990f33.txt", "002": "002_57a8e72d5c205de3.txt", "003": "003_91156f8a68636681.txt", "004": "004_c05ab9e5b4ae4959.txt" } as const;
type Id = keyof typeof FILES;

/** Source seeds and host seeds of each configuration. */
const CONFIGS: Array<{ sources: Id[]; hosts: Id[] }> = [
  { sources: ["002", "003"], hosts: ["000", "001", "004"] },
  { sources: ["000", "001"], hosts: ["002", "003", "004"] },
  { sources: ["004"], hosts: ["000", "001", "003"] },
];
const LEVELS: NoiseLevel[] = [
  { ocr: false, edits: false, reorder: false },
  { ocr: true, edits: false, reorder: false },
  { ocr: true, edits: true, reorder: true },
];
const DOCS_PER_CASE = 12;

type Counts = { tp: number; fp: number; fn: number };

function score(text: string, truth: ReadonlyArray<{ start: number; end: number }>, found: ReadonlyArray<{ start: number; end: number }>): Counts {
  const stream = matchStream(text);
  const mask = maskOf(stream, notCountedSpans(readingView(text), stream));
  const inside = (o: number, spans: ReadonlyArray<{ start: number; end: number }>): boolean => spans.some((s) => o >= s.start && o < s.end);
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < stream.codes.length; i++) {
    if (mask[i] === 1) continue;
    const o = stream.view.offsets[i] ?? 0;
    const t = inside(o, truth);
    const f = inside(o, found);
    if (t && f) c.tp++;
    else if (f) c.fp++;
    else if (t) c.fn++;
  }
  return c;
}

describe("copy detection — generated test set", () => {
  it("finds ≥ 95 % of the copied characters with ≥ 95 % precision", () => {
    const rand = prng(226);
    const total: Counts = { tp: 0, fp: 0, fn: 0 };
    const lines: string[] = [];
    let docs = 0;
    for (const config of CONFIGS) {
      const sources: Source[] = config.sources.map((id) => ({ name: id, text: seed(FILES[id]) }));
      const hosts = hostSentences(config.hosts.map((id) => seed(FILES[id])), sources);
      const corpus = new MemoryCorpus();
      for (const s of sources) corpus.add(s.name, s.text);
      for (const level of LEVELS) {
        const c: Counts = { tp: 0, fp: 0, fn: 0 };
        for (let d = 0; d < DOCS_PER_CASE; d++) {
          const doc = generateDoc(rand, sources, hosts, level);
          const result = corpus.check(doc.text);
          const s = score(doc.text, doc.copied, result.passages);
          c.tp += s.tp;
          c.fp += s.fp;
          c.fn += s.fn;
          docs++;
        }
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn += c.fn;
        const name = `${level.ocr ? "ocr" : "clean"}${level.edits ? "+edits" : ""}${level.reorder ? "+reorder" : ""}`;
        lines.push(`  sources ${config.sources.join("+")} (${hosts.length} host sentences), ${name}: recall ${pct(c.tp, c.tp + c.fn)}, precision ${pct(c.tp, c.tp + c.fp)}`);
      }
    }
    const recall = total.tp / (total.tp + total.fn);
    const precision = total.tp / (total.tp + total.fp);
    process.stdout.write(`copy detection on ${docs} generated documents: recall ${pct(total.tp, total.tp + total.fn)}, precision ${pct(total.tp, total.tp + total.fp)} (${total.tp + total.fn} copied characters)\n${lines.join("\n")}\n`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});

const pct = (a: number, b: number): string => `${b === 0 ? "—" : ((100 * a) / b).toFixed(1)} %`;
