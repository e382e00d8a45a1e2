// A generated test set for copy detection (issue "Document intelligence" §5): real passages of
// the seeds inserted into other real text, with OCR-like noise (diacritics lost or wrong, glyph
// confusions such as số → s6, lập → 1ap, lost and extra spaces, new line breaks), small edits
// (words dropped, inserted, replaced) and re-ordering (a passage cut in two, halves swapped).
// The host text is made of sentences of other seeds that do not reuse the sources: no shared
// 16-character run and under 25 % of their 8-character grams found in a source (on the matching
// view) — checked by exact substrings, independently of the detector — so that what the detector
// finds outside the inserted passages is a false positive. (The seeds quote KL 226 often, with
// different OCR damage on each side: a sentence can reuse it with no long exact run in common.)
// Deterministic: a seeded PRNG.
import { matchStream } from "../../server/src/domain/texts/fingerprints.js";

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Source = { name: string; text: string };
export type GeneratedDoc = { text: string; copied: Array<{ start: number; end: number; source: string }> };
export type NoiseLevel = { ocr: boolean; edits: boolean; reorder: boolean };

const SHARED_RUN = 16;
const GRAM = 8;
const MAX_GRAM_SHARE = 0.25;

const codesKey = (text: string): string => String.fromCharCode(...matchStream(text).codes);

/** All n-character runs of the sources' matching views. */
function runsOf(sources: readonly Source[], n: number): Set<string> {
  const runs = new Set<string>();
  for (const s of sources) {
    const k = codesKey(s.text);
    for (let i = 0; i + n <= k.length; i++) runs.add(k.slice(i, i + n));
  }
  return runs;
}

/** Sentences (40–400 characters) of the host texts that do not reuse the sources (see above). */
export function hostSentences(hosts: readonly string[], sources: readonly Source[]): string[] {
  const runs = runsOf(sources, SHARED_RUN);
  const grams = runsOf(sources, GRAM);
  const out: string[] = [];
  for (const h of hosts) {
    for (const raw of h.split(/(?<=[.;:])\s+|\n\s*\n/)) {
      const s = raw.replace(/\s+/g, " ").trim();
      if (s.length < 40 || s.length > 400 || /\t|\|/.test(s)) continue;
      const k = codesKey(s);
      let shared = false;
      for (let i = 0; i + SHARED_RUN <= k.length && !shared; i++) shared = runs.has(k.slice(i, i + SHARED_RUN));
      let inSource = 0;
      for (let i = 0; i + GRAM <= k.length; i++) if (grams.has(k.slice(i, i + GRAM))) inSource++;
      if (!shared && inSource < MAX_GRAM_SHARE * Math.max(1, k.length - GRAM + 1)) out.push(s);
    }
  }
  return out;
}

/** A passage of a source: 150–700 characters from a word start to a word end, past the header. */
function pickPassage(rand: () => number, source: Source): string {
  const text = source.text;
  const len = 150 + Math.floor(rand() * 550);
  const from0 = 600 + Math.floor(rand() * Math.max(1, text.length - 600 - len));
  const from = text.indexOf(" ", from0) + 1;
  let to = text.indexOf(" ", from + len);
  if (to < 0) to = text.length;
  return text.slice(from, to).replace(/\s+/g, " ").trim();
}

const GLYPHS: ReadonlyArray<[RegExp, string]> = [
  [/số/g, "s6"], [/lập/g, "1ap"], [/làm/g, "1am"], [/lối/g, "16i"], [/của/g, "ctia"], [/văn/g, "vin"],
  [/Đ/g, "P"], [/ô/g, "6"], [/ư/g, "w"], [/ơ/g, "o"], [/ệ/g, "¢"], [/l/g, "1"], [/o/g, "0"], [/â/g, "é"],
];

const WORDS = ["việc", "các", "theo", "và", "được", "cơ quan", "trong", "thực hiện", "đơn vị", "quy định", "nội dung", "kịp thời"];

/** OCR-like damage: diacritics dropped or wrong, glyph confusions, spaces lost/added, line breaks. */
export function ocrNoise(rand: () => number, s: string): string {
  let out = "";
  for (const word of s.split(" ")) {
    let w = word;
    for (const [re, to] of GLYPHS) if (rand() < 0.03) w = w.replace(re, to);
    w = [...w]
      .map((ch) => {
        const r = rand();
        if (r < 0.15) return ch.normalize("NFD").replace(/\p{M}/gu, "");
        if (r < 0.2) return ch.normalize("NFD").replace(/\p{M}/gu, "") === ch ? ch : `${ch.normalize("NFD").replace(/\p{M}/gu, "")}\u0301`.normalize("NFC");
        return ch;
      })
      .join("");
    const r = rand();
    out += out === "" ? w : r < 0.03 ? w : r < 0.04 ? ` ${w.slice(0, 1)} ${w.slice(1)}` : r < 0.12 ? `\n${w}` : ` ${w}`;
  }
  return out;
}

/** Small edits: ~3 % of words dropped, ~2 % inserted, ~2 % replaced. */
export function edit(rand: () => number, s: string): string {
  const out: string[] = [];
  for (const w of s.split(" ")) {
    const r = rand();
    if (r < 0.03) continue;
    if (r < 0.05) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? "và", w);
    else if (r < 0.07) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? "và");
    else out.push(w);
  }
  return out.join(" ");
}

/**
 * One document: 4–10 host sentences with 1–4 passages (of random sources) between them; with
 * `reorder`, a passage may be cut at a word and its halves placed apart, second half first.
 */
export function generateDoc(rand: () => number, sources: readonly Source[], hosts: readonly string[], level: NoiseLevel): GeneratedDoc {
  const pieces: Array<{ text: string; source: string | null }> = [];
  const nHosts = 4 + Math.floor(rand() * 7);
  for (let i = 0; i < nHosts; i++) pieces.push({ text: hosts[Math.floor(rand() * hosts.length)] ?? "", source: null });
  const nPassages = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < nPassages; i++) {
    const source = sources[Math.floor(rand() * sources.length)]!;
    let p = pickPassage(rand, source);
    if (level.edits) p = edit(rand, p);
    const parts: string[] = [];
    if (level.reorder && rand() < 0.4 && p.length > 300) {
      const cut = p.indexOf(" ", Math.floor(p.length / 2));
      parts.push(p.slice(cut + 1), p.slice(0, cut));
    } else parts.push(p);
    for (const part of parts) pieces.splice(1 + Math.floor(rand() * pieces.length), 0, { text: part, source: source.name });
  }
  let text = "";
  const copied: GeneratedDoc["copied"] = [];
  for (const piece of pieces) {
    const t = level.ocr ? ocrNoise(rand, piece.text) : piece.text;
    const sep = text === "" ? "" : rand() < 0.5 ? "\n\n" : " ";
    const start = text.length + sep.length;
    text += sep + t;
    if (piece.source) copied.push({ start, end: text.length, source: piece.source });
  }
  return { text, copied };
}
