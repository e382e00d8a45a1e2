import { describe, expect, it } from "vitest";
import { findCitations } from "./citations.js";
import { readingView, originalSlice } from "./fold.js";

const cite = (s: string) => findCitations(readingView(s));

describe("citations", () => {
  it("number, type, date, issuer and title of a clean citation; its span ends with the title", () => {
    const text = "Thực hiện Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị (viết tắt là Kết luận số 226-KL/TW), Ủy ban nhân dân tỉnh";
    const v = readingView(text);
    const [c, short] = findCitations(v);
    expect(c).toMatchObject({ number: "226-KL/TW", type: { code: "KL", name: "Kết luận" }, date: "2025-12-11", issuer: "Ban Bí thư", title: "chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị" });
    expect(originalSlice(v, c!.from, c!.to)).toBe("Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị");
    expect(short).toMatchObject({ number: "226-KL/TW", date: null, issuer: null, title: null });
  });

  it("the same through OCR damage", () => {
    expect(cite("Thuc hién Két luan s6 226-KL/TW ngay 11/12/2025 cta Ban Bi thu vé viéc chén chinh")[0]).toMatchObject({ number: "226-KL/TW", type: { code: "KL" }, date: "2025-12-11", issuer: "Ban Bi thu" });
  });

  it("a list continues the type of its first citation", () => {
    const cs = cite("Công văn số 1891/UBND-NC ngày 15/8/2025; số 2345/UBND-TTPVHCC ngày 27/8/2025 của Chủ tịch UBND tỉnh về việc tăng cường kỷ luật");
    expect(cs.map((c) => [c.number, c.type?.code, c.date, c.issuer])).toEqual([
      ["1891/UBND-NC", "CV", "2025-08-15", null],
      ["2345/UBND-TTPVHCC", "CV", "2025-08-27", "Chủ tịch UBND tỉnh"],
    ]);
  });

  it.each<[string, string, string]>([
    ["theo Quy định số 366-QĐ/TW, ngày 30/8/2025 của Bộ Chính trị", "366-QĐ/TW", "QĐi"],
    ["theo Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ", "09/2019/NĐ-CP", "NĐ"],
    ["Nghị quyết số 76/NQ-CP của Chính phủ", "76/NQ-CP", "NQ"],
    ["Chỉ thị số 07/CT-UBND ngày 09/9/2025", "07/CT-UBND", "CT"],
  ])("%j → %s (%s)", (text, number, code) => {
    expect(cite(text)[0]).toMatchObject({ number, type: { code } });
  });
});
