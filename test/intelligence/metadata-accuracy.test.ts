// Issue "Document intelligence" §3: field-level accuracy of `leloi parse` on the five seeds
// (four OCR'd, one clean) against hand-written expected values. Target ≥ 95 % of fields right,
// and no field invented where the document has none. The figures are printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentFile } from "../../server/src/intelligence/parse.service.js";
import { FIELDS, scoreDocument } from "./metadata-score.js";
import type { ExpectedDocument, FieldScore } from "./metadata-score.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const expected = JSON.parse(readFileSync(join(SEEDS, "expected-metadata.json"), "utf8")) as Record<string, ExpectedDocument | string>;
const files = Object.keys(expected).filter((k) => !k.startsWith("_"));

describe("leloi parse — field-level accuracy on the five seeds", () => {
  it("gets ≥ 95 % of the fields right and invents none", async () => {
    const scores: Array<{ file: string; fields: FieldScore[] }> = [];
    for (const file of files) {
      const parsed = await parseDocumentFile(join(SEEDS, file));
      scores.push({ file, fields: scoreDocument(expected[file] as ExpectedDocument, parsed) });
    }
    const all = scores.flatMap((s) => s.fields);
    const fieldsRight = all.filter((f) => f.right).length;
    const items = all.reduce((a, f) => a + f.items, 0);
    const itemsRight = all.reduce((a, f) => a + f.itemsRight, 0);
    const invented = all.reduce((a, f) => a + f.invented, 0);
    const lines = [
      `parse accuracy on ${files.length} seeds: fields ${fieldsRight}/${all.length} = ${((100 * fieldsRight) / all.length).toFixed(1)} %` +
        ` (a field is right only when all of it is); items ${itemsRight}/${items} = ${((100 * itemsRight) / items).toFixed(1)} %; invented ${invented}`,
      ...FIELDS.map((name) => {
        const fs = all.filter((f) => f.field === name);
        return `  ${name.padEnd(12)} ${fs.filter((f) => f.right).length}/${fs.length}`;
      }),
      ...scores.flatMap((s) => s.fields.filter((f) => !f.right).map((f) => `  ✗ ${s.file} ${f.field}: ${f.detail.slice(0, 300)}`)),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    // The criteria: ≥ 95 % of fields right, nothing invented. Items are printed: of the 17
    // tasks of seed 002's OCR'd appendix (no column separators) 7 are read, all exactly, the rest
    // left out (seed-002-tasks.test.ts), so its `tasks` field is the one field not right.
    expect(fieldsRight / all.length).toBeGreaterThanOrEqual(0.95);
    expect(invented).toBe(0);
  });
});
