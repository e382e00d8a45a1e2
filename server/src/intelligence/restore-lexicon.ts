// The lexicon of the OCR restorer (domain/texts/restore.ts): clean Vietnamese administrative
// text kept beside this file in lexicon/ — seed 004 (the one seed not OCR'd; seed 003's text of
// KL 226 is OCR'd, so it cannot teach spelling) and the fixed phrases of the Nghị định 30/2020
// layout (headers, motto, "Kính gửi", "Nơi nhận", signature lines). Read and built once.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildLexicon, type Lexicon } from "../domain/texts/restore.js";

export const LEXICON_DIR = fileURLToPath(new URL("./lexicon/", import.meta.url));

let cached: Lexicon | null = null;

/** The texts the lexicon is built from (file name → text). */
export function lexiconSources(): Array<{ fileName: string; text: string }> {
  return readdirSync(LEXICON_DIR).filter((f) => f.endsWith(".txt")).sort()
    .map((fileName) => ({ fileName, text: readFileSync(`${LEXICON_DIR}${fileName}`, "utf8") }));
}

export function restoreLexicon(): Lexicon {
  cached ??= buildLexicon(lexiconSources().map((s) => s.text));
  return cached;
}
