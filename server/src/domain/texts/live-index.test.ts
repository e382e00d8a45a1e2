import { describe, expect, it } from "vitest";
import { DEFAULT_RETRIEVAL } from "./copy-index.js";
import { documentFingerprints, gramHashes, matchStream } from "./fingerprints.js";
import { LiveCopyIndex } from "./live-index.js";
import type { SourceMeta } from "./live-index.js";

const texts = [
  "Các cấp ủy, tổ chức đảng, cơ quan, địa phương, đơn vị phải thường xuyên lãnh đạo, chỉ đạo rà soát, hoàn thiện chức năng, nhiệm vụ, quyền hạn, trách nhiệm.",
  "Hôm nay trời mưa to ở vùng núi phía bắc, nhiều tuyến đường giao thông bị sạt lở và ách tắc kéo dài suốt buổi chiều hôm qua.",
  "Số lượng hội nghị trực tuyến chiếm không ít hơn 60% tổng số hội nghị trong năm; tinh giản 10% số lượng hội nghị hằng năm.",
];
const fp = (t: string) => documentFingerprints(matchStream(t));
const query = (t: string) => gramHashes(matchStream(t).codes, 12);
const meta = (revision: number, orgId = 1): SourceMeta => ({ orgId, issuedOn: "2026-01-01", secret: false, revision });
const all = () => true;

describe("LiveCopyIndex", () => {
  it("finds sources added before and after its base was built, and forgets replaced and removed ones", () => {
    const index = new LiveCopyIndex();
    index.upsert(10, meta(1), fp(texts[0]!));
    index.upsert(11, meta(2), fp(texts[1]!));
    expect(index.candidates(query(texts[0]!), DEFAULT_RETRIEVAL, all).map((c) => c.key)).toEqual([10]);
    // added after the base: found through the delta
    index.upsert(12, meta(3), fp(texts[2]!));
    expect(index.candidates(query(texts[2]!), DEFAULT_RETRIEVAL, all).map((c) => c.key)).toEqual([12]);
    // 10 replaced by another text: its old fingerprints no longer find it
    index.upsert(10, meta(4), fp(texts[1]!));
    expect(index.candidates(query(texts[0]!), DEFAULT_RETRIEVAL, all)).toEqual([]);
    expect(index.candidates(query(texts[1]!), DEFAULT_RETRIEVAL, all).map((c) => c.key).sort()).toEqual([10, 11]);
    index.remove(11);
    expect(index.candidates(query(texts[1]!), DEFAULT_RETRIEVAL, all).map((c) => c.key)).toEqual([10]);
    expect(index.version).toEqual({ count: 2, revisionSum: 3 + 4 });
  });

  it("filters by scope before keeping the best candidates", () => {
    const index = new LiveCopyIndex();
    for (let k = 0; k < 40; k++) index.upsert(k, meta(k + 1, k < 39 ? 2 : 1), fp(texts[0]!));
    const scoped = index.candidates(query(texts[0]!), { ...DEFAULT_RETRIEVAL, maxDocFrequency: 1000 }, (_k, m) => m.orgId === 1);
    expect(scoped.map((c) => c.key)).toEqual([39]);
    expect(index.count((_k, m) => m.orgId === 2)).toBe(39);
  });

  it("merges the delta into a new base past the compaction size, with the same answers", () => {
    const index = new LiveCopyIndex({ maxDocFrequency: 100, compactAt: () => 2 });
    texts.forEach((t, i) => index.upsert(i, meta(i + 1), fp(t)));
    index.candidates(query(texts[0]!), DEFAULT_RETRIEVAL, all);
    for (let i = 3; i < 8; i++) index.upsert(i, meta(i + 1), fp(texts[i % 3]!));
    const found = index.candidates(query(texts[2]!), DEFAULT_RETRIEVAL, all).map((c) => c.key).sort();
    expect(found).toEqual([2, 5]);
  });
});
