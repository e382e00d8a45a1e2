import { describe, it, expect } from "vitest";
import { DOCUMENT_TYPES, d2BucketOf, parseDocumentType } from "./document-types.js";
import type { D2Bucket } from "./document-types.js";

describe("parseDocumentType", () => {
  it.each([
    // exact codes, including every clashing pair
    ["QĐ", "QĐ"], ["QyĐ", "QyĐ"], ["ĐA", "ĐA"], ["DA", "DA"], ["HD", "HD"], ["HĐ", "HĐ"],
    ["CT", "CT"], ["CTr", "CTr"], ["TTr", "TTr"], ["TT", "TT"], ["QĐi", "QĐi"], ["TCg", "TCg"],
    ["CV", "CV"], ["KL", "KL"], ["  KH ", "KH"],
    // any case
    ["qđ", "QĐ"], ["kh", "KH"], ["ttr", "TTr"], ["ctr", "CTr"], ["hd", "HD"], ["hđ", "HĐ"], ["da", "DA"],
    // diacritics dropped, one fit
    ["QD", "QĐ"], ["qd", "QĐ"], ["CD", "CĐ"], ["QYD", "QyĐ"], ["QDi", "QĐi"],
    // full names
    ["Công văn", "CV"], ["cong van", "CV"], ["CÔNG VĂN", "CV"], ["Quyết định", "QĐ"], ["quyet dinh", "QĐ"],
    ["Kế hoạch", "KH"], ["Thông báo", "TB"], ["Nghị quyết", "NQ"], ["Báo cáo", "BC"], ["Tờ trình", "TTr"],
    ["Kết luận", "KL"], ["Chỉ thị", "CT"], ["Hướng dẫn", "HD"], ["Hợp đồng", "HĐ"], ["Chương trình", "CTr"],
    ["Giấy mời", "GM"], ["Đề án", "ĐA"], ["de an", "ĐA"], ["Dự án", "DA"], ["Quy định", "QyĐ"],
    ["Thông tri", "TT"], ["Thư công", "TCg"], ["Giấy uỷ quyền", "GUQ"], ["Bản thoả thuận", "BTT"],
    ["Kế   hoạch".normalize("NFD"), "KH"],
  ])("%j → %s", (raw, want) => {
    expect(parseDocumentType(raw)).toEqual({ ok: true, value: want });
  });

  it.each([
    ["", "trống"],
    ["XYZ", "không phải loại văn bản hợp lệ"],
    ["Thông tư", "không phải loại văn bản hợp lệ"],
    ["DÀ", "không rõ"],
  ])("%j is refused (%s)", (raw, part) => {
    const r = parseDocumentType(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(part);
  });

  it("every listed code parses to itself", () => {
    for (const t of DOCUMENT_TYPES) expect(parseDocumentType(t.code)).toEqual({ ok: true, value: t.code });
  });
  it("every listed name parses to its code", () => {
    for (const t of DOCUMENT_TYPES) expect(parseDocumentType(t.name)).toEqual({ ok: true, value: t.code });
  });
});

describe("d2BucketOf", () => {
  it.each<[string, D2Bucket]>([
    ["CV", "CV"], ["QĐ", "QĐ"], ["KH", "KH"], ["TB", "TB"], ["NQ", "NQ"],
    ["QyĐ", "other"], ["QĐi", "other"], ["BC", "other"], ["TTr", "other"], ["KL", "other"], ["GM", "other"],
  ])("%s → %s", (code, want) => {
    expect(d2BucketOf(code)).toBe(want);
  });
});
