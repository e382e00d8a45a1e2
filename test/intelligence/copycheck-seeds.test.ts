// Issue "Document intelligence" §4 on the seeds: 004 vs {002, 003} and 002 vs {003} show their
// shared passages, 000 vs 001 little; citations are not counted; line breaks and re-ordering do
// not hide a copy; offsets index the original texts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryCorpus } from "../../server/src/domain/texts/copy-check.js";
import type { CopyCheckResult } from "../../server/src/domain/texts/copy-check.js";
import { looseKey } from "../../server/src/domain/texts/fold.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const FILES = { "000": "000_0acd55e50ef2e5ac.txt", "001": "001_2aea0d3bf3990f33.txt", "002": "002_57a8e72d5c205de3.txt", "003": "003_91156f8a68636681.txt", "004": "004_c05ab9e5b4ae4959.txt" } as const;
type Id = keyof typeof FILES;
const text = (id: Id): string => readFileSync(join(SEEDS, FILES[id]), "utf8");

function check(query: string, sources: Id[]): CopyCheckResult {
  const corpus = new MemoryCorpus();
  for (const id of sources) corpus.add(id, text(id));
  return corpus.check(query);
}

/** A passage's two sides share a 12-character run of their matching views (the offsets are real). */
function sidesAgree(query: string, r: CopyCheckResult): boolean {
  return r.passages.every((p) => {
    const a = looseKey(query.slice(p.start, p.end));
    const b = looseKey(text(p.source as Id).slice(p.sourceStart, p.sourceEnd));
    for (let i = 0; i + 12 <= a.length; i++) if (b.includes(a.slice(i, i + 12))) return true;
    return false;
  });
}

describe("copy check on the seeds", () => {
  it("004 vs {002, 003}: a large share, many passages, offsets on both originals", () => {
    const q = text("004");
    const r = check(q, ["002", "003"]);
    expect(r.copiedShare).toBeGreaterThan(0.3);
    // 004 takes KL 226's sentences through 002 (which quotes them more fully): where a passage is
    // in both sources, the better match (002) is reported.
    expect(r.passages.every((p) => p.source === "002" || p.source === "003")).toBe(true);
    expect(r.passages.filter((p) => p.source === "002").length).toBeGreaterThanOrEqual(20);
    expect(sidesAgree(q, r)).toBe(true);
    for (const p of r.passages) {
      expect(p.start).toBeLessThan(p.end);
      expect(p.sourceStart).toBeLessThan(p.sourceEnd);
      expect(p.similarity).toBeGreaterThan(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
    }
    // 004 §I.1.b is 002 §I.1.b with its diacritics restored: found as one passage.
    const at = q.indexOf("Khắc phục triệt để các hạn chế, yếu kém trong lề lối làm việc");
    expect(r.passages.some((p) => p.start <= at + 10 && p.end >= at + 200 && p.source === "002")).toBe(true);
  });

  it("004 vs {003} alone: the KL 226 sentences 004 repeats", () => {
    const q = text("004");
    const r = check(q, ["003"]);
    expect(r.passages.length).toBeGreaterThanOrEqual(3);
    expect(sidesAgree(q, r)).toBe(true);
    const quoted = q.indexOf("tuyến chiếm không ít hơn 60%");
    expect(r.passages.some((p) => p.start <= quoted && p.end > quoted + 20)).toBe(true);
  });

  it("002 vs {003}: the sentences 002 takes from KL 226 (attached to 003)", () => {
    const q = text("002");
    const r = check(q, ["003"]);
    expect(r.passages.length).toBeGreaterThanOrEqual(5);
    expect(r.copiedChars).toBeGreaterThanOrEqual(300);
    expect(sidesAgree(q, r)).toBe(true);
    const quoted = q.indexOf("tuyén chiém khéng it hon 60%");
    expect(r.passages.some((p) => p.start <= quoted && p.end > quoted + 20)).toBe(true);
  });

  it("000 vs 001: little — both only quote the same KL 226 sentences", () => {
    const little = check(text("000"), ["001"]);
    const large = check(text("004"), ["002", "003"]);
    expect(little.copiedShare).toBeLessThan(0.2);
    expect(little.copiedShare).toBeLessThan(large.copiedShare / 3);
  });

  it("citing a document (number, date, issuer, title) is not copying", () => {
    const citing =
      "Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị; " +
      "Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ về việc ban hành Kế hoạch thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị, " +
      "Ủy ban nhân dân xã ban hành kế hoạch với các nội dung sau.";
    const r = check(citing, ["004"]);
    expect(r.passages).toEqual([]);
    expect(r.copiedShare).toBe(0);
    expect(r.citationChars).toBeGreaterThan(r.countedChars);
  });

  it("a copy re-broken into other lines, its paragraphs swapped, is still found whole", () => {
    const src = text("004");
    const a = src.slice(src.indexOf("b) Khắc phục triệt để"), src.indexOf("c) Đẩy mạnh ứng dụng"));
    const b = src.slice(src.indexOf("c) Đẩy mạnh ứng dụng"), src.indexOf("#### 2. Yêu cầu"));
    const reflow = (s: string): string => s.replace(/\s+/g, " ").replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, "$1\n");
    const q = `Mở đầu văn bản riêng của đơn vị.\n\n${reflow(b)}\n\nMột câu riêng xen giữa của đơn vị.\n\n${reflow(a)}`;
    const r = check(q, ["004"]);
    expect(r.copiedShare).toBeGreaterThan(0.85);
    expect(r.passages.length).toBe(2);
    expect(r.passages[0]!.sourceStart).toBeGreaterThan(r.passages[1]!.sourceStart);
  });
});
