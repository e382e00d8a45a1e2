// Held-out check of `leloi parse` (issue "Document intelligence" §3): the seeds' accuracy test
// scores documents the parser was developed on; this one scores a document it was not — a
// commune công văn implementing KL 226 written for the purpose, and an OCR-damaged copy — with
// expected values written by hand before the parser was run on them. Same scoring as the seeds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../server/src/intelligence/parse.service.js";
import { FIELDS, scoreDocument } from "./metadata-score.js";
import type { ExpectedDocument, FieldScore } from "./metadata-score.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "held-out");
const expected = JSON.parse(readFileSync(join(DIR, "expected-metadata.json"), "utf8")) as Record<string, ExpectedDocument | string>;
const CLEAN = "cv-215-ubnd-dai-phuc.txt";
const DAMAGED = "cv-215-ubnd-dai-phuc.ocr.txt";

async function score(file: string): Promise<FieldScore[]> {
  return scoreDocument(expected[CLEAN] as ExpectedDocument, await parseDocumentFile(join(DIR, file)));
}

function report(file: string, fields: FieldScore[]): { right: number; invented: number } {
  const right = fields.filter((f) => f.right).length;
  const invented = fields.reduce((a, f) => a + f.invented, 0);
  const items = fields.reduce((a, f) => a + f.items, 0);
  const itemsRight = fields.reduce((a, f) => a + f.itemsRight, 0);
  process.stdout.write([
    `held-out ${file}: fields ${right}/${fields.length} = ${((100 * right) / fields.length).toFixed(1)} %; items ${itemsRight}/${items}; invented ${invented}`,
    ...fields.filter((f) => !f.right).map((f) => `  ✗ ${f.field}: ${f.detail.slice(0, 400)}`),
  ].join("\n") + "\n");
  return { right, invented };
}

describe("leloi parse — held-out document", () => {
  it("the clean document: every field right, nothing invented", async () => {
    const fields = await score(CLEAN);
    expect(fields.map((f) => f.field)).toEqual([...FIELDS]);
    const { right, invented } = report(CLEAN, fields);
    expect(invented).toBe(0);
    expect(right).toBe(FIELDS.length);
  });

  it("its OCR-damaged copy: ≥ 95 % of fields right (the issue's target), nothing invented", async () => {
    const fields = await score(DAMAGED);
    const { right, invented } = report(DAMAGED, fields);
    expect(invented).toBe(0);
    expect(right / FIELDS.length).toBeGreaterThanOrEqual(0.95);
  });
});
