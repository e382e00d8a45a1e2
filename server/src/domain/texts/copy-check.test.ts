import { describe, expect, it } from "vitest";
import { MemoryCorpus } from "./copy-check.js";
import { CopyIndexBuilder } from "./copy-index.js";
import { documentFingerprints, gramHashes, matchStream, winnow } from "./fingerprints.js";

const upper =
  "Các cấp ủy, tổ chức đảng, cơ quan, địa phương, đơn vị phải thường xuyên lãnh đạo, chỉ đạo rà soát, hoàn thiện chức năng, nhiệm vụ, quyền hạn, trách nhiệm, nâng cao hiệu quả hoạt động của tổ chức bộ máy hệ thống chính trị sau sắp xếp; xây dựng, hoàn thiện, chuẩn hóa và tăng cường quản lý danh mục trách nhiệm, quy chế quy trình, thủ tục công tác.";
const other = "Hôm nay trời mưa to ở vùng núi phía bắc, nhiều tuyến đường giao thông bị sạt lở và ách tắc kéo dài suốt buổi chiều.";

describe("MemoryCorpus.check", () => {
  it("a verbatim copy is all copied; unrelated text is not", () => {
    const corpus = new MemoryCorpus();
    corpus.add("kl226", upper);
    const copy = corpus.check(`${other}\n\n${upper}`);
    expect(copy.passages).toHaveLength(1);
    const p = copy.passages[0]!;
    expect(`${other}\n\n${upper}`.slice(p.start, p.end)).toBe(upper.slice(p.sourceStart, p.sourceEnd));
    expect(p.sourceEnd - p.sourceStart).toBeGreaterThan(upper.length - 5);
    expect(copy.copiedShare).toBeGreaterThan(0.7);
    expect(copy.copiedShare).toBeLessThan(0.85);
    expect(corpus.check(other)).toMatchObject({ copiedShare: 0, passages: [] });
  });

  it("a copy without diacritics, with OCR digits and new line breaks is still found", () => {
    const corpus = new MemoryCorpus();
    corpus.add("kl226", upper);
    const ocr = upper.normalize("NFD").replace(/\p{M}/gu, "").replace(/lãnh/g, "1anh").replace(/ /g, (m, i: number) => (i % 50 < 2 ? "\n" : m));
    const r = corpus.check(ocr);
    expect(r.passages).toHaveLength(1);
    expect(r.copiedShare).toBeGreaterThan(0.95);
  });

  it("a source named in excludeNames is not compared with", () => {
    const corpus = new MemoryCorpus();
    corpus.add("self", upper);
    expect(corpus.check(upper, ["self"]).passages).toEqual([]);
  });
});

describe("fingerprints and index", () => {
  it("rolling hashes equal hashes computed gram by gram", () => {
    const codes = matchStream(upper).codes;
    const all = gramHashes(codes, 12);
    for (const i of [0, 1, 57, all.length - 1]) expect(gramHashes(codes.subarray(i, i + 12), 12)[0]).toBe(all[i]);
  });

  it("winnowing keeps the minimum of every window (density about 2 / (w + 1))", () => {
    const hashes = gramHashes(matchStream(upper.repeat(3)).codes, 12);
    const w = 6;
    const picked = new Set(winnow(hashes, w));
    for (let i = 0; i + w <= hashes.length; i++) expect(picked.has(Math.min(...hashes.subarray(i, i + w)))).toBe(true);
  });

  it("a fingerprint held by more documents than the cap goes to the stop list, not the postings", () => {
    const b = new CopyIndexBuilder();
    const shared = documentFingerprints(matchStream(upper));
    for (let i = 0; i < 5; i++) b.add(shared);
    const own = documentFingerprints(matchStream(other));
    const doc = b.add(own);
    const index = b.build(3);
    expect(index.stopped).toBe(new Set(shared).size);
    expect(index.postings).toBe(own.length);
    const common = new Set<number>();
    expect(index.candidates(gramHashes(matchStream(`${upper} ${other}`).codes, 12), undefined, undefined, common)).toEqual([{ doc, hits: expect.any(Number) }]);
    expect(common.size).toBeGreaterThan(0);
  });
});
