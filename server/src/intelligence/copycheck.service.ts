// `leloi copycheck FILE --against DIR` (issue "Document intelligence" §4): the passages of FILE
// found in the documents of DIR, offsets in the original texts. DIR's documents are read and
// indexed in memory (domain/texts/copy-check.ts); the file itself is skipped if it lies in DIR.
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { MemoryCorpus } from "../domain/texts/copy-check.js";
import type { CopyCheckResult } from "../domain/texts/copy-check.js";
import { DocumentReadError, formatOf, readDocumentFile } from "./document-text.js";

/** The result of `leloi copycheck --json`, with the sources compared. */
export type CopyCheckJson = CopyCheckResult & { sources: string[] };

/** Check FILE against every supported document in DIR (not recursive). */
export async function copycheckFile(file: string, dir: string): Promise<CopyCheckJson> {
  const query = await readDocumentFile(file);
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
    names = (await readdir(dir)).filter((n) => formatOf(n) !== null).sort();
  } catch {
    throw new DocumentReadError(`«${dir}» không phải thư mục đọc được`);
  }
  const self = await realpath(file);
  const corpus = new MemoryCorpus();
  const sources: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if ((await realpath(path)) === self) continue;
    const doc = await readDocumentFile(path);
    corpus.add(name, doc.text);
    sources.push(name);
  }
  return { ...corpus.check(query.text), sources };
}
