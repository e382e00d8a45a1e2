// The OCR restorer, measured (issue "Document intelligence" §2: "a restored text where the
// restoration is confident (optional, measured)"). Syllable accuracy of a damaged text before
// and after restoration, against the clean text it was damaged from, and the precision of the
// changes (a change that turns a right syllable wrong counts against it, as does one that turns
// a wrong syllable into another wrong one). Three measurements, printed:
//  1. seed 004 damaged, two-fold: each half restored with a lexicon built from the other half
//     (plus the NĐ 30 phrases) — the lexicon never saw the text it restores;
//  2. the held-out công văn's OCR copy (test/fixtures/held-out), restored with the production
//     lexicon (seed 004 + phrases), which was fixed before that document was written;
//  3. clean texts: what the restorer changes in them (every change is an error).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildLexicon, looksOcrDamaged, restoreText, type Lexicon } from "../../server/src/domain/texts/restore.js";
import { lexiconSources, restoreLexicon } from "../../server/src/intelligence/restore-lexicon.js";
import { damageText, syllablesOf } from "./ocr-damage.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const seed004 = readFileSync(join(FIXTURES, "seeds", "004_c05ab9e5b4ae4959.txt"), "utf8").normalize("NFC");
const phrases = lexiconSources().find((s) => s.fileName === "the-thuc-van-ban.txt")?.text ?? "";
const heldOutClean = readFileSync(join(FIXTURES, "held-out", "cv-215-ubnd-dai-phuc.txt"), "utf8");
const heldOutOcr = readFileSync(join(FIXTURES, "held-out", "cv-215-ubnd-dai-phuc.ocr.txt"), "utf8");

type Score = { syllables: number; before: number; after: number; changes: number; precision: number; rightToWrong: number; wrongToWrong: number };

/** Scores the restoration of `damaged` against `clean` (the two line up syllable by syllable). */
function measure(clean: string, damaged: string, lex: Lexicon): Score {
  const restored = restoreText(damaged, lex).text;
  const [c, d, r] = [syllablesOf(clean), syllablesOf(damaged), syllablesOf(restored)];
  expect([d.length, r.length]).toEqual([c.length, c.length]);
  let before = 0, after = 0, changes = 0, good = 0, rightToWrong = 0, wrongToWrong = 0;
  c.forEach((want, i) => {
    if (d[i] === want) before++;
    if (r[i] === want) after++;
    if (r[i] !== d[i]) {
      changes++;
      if (r[i] === want) good++;
      else if (d[i] === want) rightToWrong++;
      else wrongToWrong++;
    }
  });
  return { syllables: c.length, before: before / c.length, after: after / c.length, changes, precision: changes ? good / changes : 1, rightToWrong, wrongToWrong };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (name: string, s: Score) =>
  `${name}: ${s.syllables} syllables, right ${pct(s.before)} → ${pct(s.after)}; ${s.changes} changes, precision ${pct(s.precision)} (right→wrong ${s.rightToWrong}, wrong→other wrong ${s.wrongToWrong})`;

describe("OCR restorer — measured", () => {
  it("seed 004 damaged like the OCR'd seeds, two-fold (lexicon from the other half)", () => {
    const lines = seed004.split("\n");
    const half = Math.floor(lines.length / 2);
    const parts = [lines.slice(0, half).join("\n"), lines.slice(half).join("\n")];
    const scores = parts.map((part, k) => measure(part, damageText(part, 11 + k), buildLexicon([parts[1 - k]!, phrases])));
    process.stdout.write(`${scores.map((s, k) => line(`restore 004 half ${k + 1} (lexicon: other half)`, s)).join("\n")}\n`);
    for (const s of scores) {
      expect(s.before).toBeLessThan(0.45);
      expect(s.after).toBeGreaterThanOrEqual(0.85);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.rightToWrong / s.syllables).toBeLessThanOrEqual(0.01);
    }
  });

  it("the held-out công văn's OCR copy, with the production lexicon", () => {
    const s = measure(heldOutClean, heldOutOcr, restoreLexicon());
    process.stdout.write(`${line("restore held-out OCR copy", s)}\n`);
    expect(s.after - s.before).toBeGreaterThanOrEqual(0.3);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("leaves clean text alone, and tells clean from OCR'd", () => {
    const lex = restoreLexicon();
    const onClean = restoreText(heldOutClean, lex).restorations;
    process.stdout.write(`restore clean held-out: ${onClean.length} changes ${JSON.stringify(onClean.map((r) => `${r.from}→${r.to}`))}\n`);
    expect(restoreText(seed004, lex).restorations).toEqual([]);
    expect(onClean.length).toBeLessThanOrEqual(3);
    expect(looksOcrDamaged(heldOutClean, lex).damaged).toBe(false);
    expect(looksOcrDamaged(heldOutOcr, lex).damaged).toBe(true);
    for (const f of ["000_0acd55e50ef2e5ac.txt", "001_2aea0d3bf3990f33.txt", "002_57a8e72d5c205de3.txt", "003_91156f8a68636681.txt"]) {
      expect(looksOcrDamaged(readFileSync(join(FIXTURES, "seeds", f), "utf8"), lex).damaged, f).toBe(true);
    }
  });

  it("the lexicon's copy of seed 004 is the seed", () => {
    expect(lexiconSources().find((s) => s.fileName.startsWith("seed-004"))?.text).toBe(readFileSync(join(FIXTURES, "seeds", "004_c05ab9e5b4ae4959.txt"), "utf8"));
  });
});
