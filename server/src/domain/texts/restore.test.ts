import { describe, expect, it } from "vitest";
import { buildLexicon, lexiconFromJson, lexiconToJson, looksOcrDamaged, restoreText } from "./restore.js";

// A small clean corpus: "số" before numbers, "lập" in the motto, "ngày" before dates, and the
// ambiguous key "can" seen as both "cán" (cán bộ) and "cần" (cần thiết).
const CLEAN = [
  "Độc lập - Tự do - Hạnh phúc",
  "Kế hoạch số 12/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân xã.",
  "Công văn số 45/UBND-VP ngày 10/4/2026; Quyết định số 7/QĐ-UBND ngày 11/4/2026.",
  "Thành lập tổ công tác; xây dựng, thành lập đoàn kiểm tra.",
  "Cán bộ, công chức; cán bộ chủ chốt; khi cần thiết; nếu cần thiết; cán bộ cấp xã.",
  "Báo cáo kết quả thực hiện; kết quả cụ thể; kết luận của Ban Bí thư; kết luận số 3.",
];
const lex = buildLexicon(CLEAN);
const restore = (s: string) => restoreText(s, lex);

describe("restoreText — conservative restoration of OCR'd syllables", () => {
  it.each([
    ["s6 226", "số 226"],
    ["Déc 1ap - Tw do - Hanh phuc", "Déc lập - Tw do - Hạnh phúc"],
    ["ngay 11/12/2025", "ngày 11/12/2025"],
    ["Két qua thuc hien", "Kết quả thực hiện"],
    ["KET QUA", "KẾT QUẢ"],
    ["can bo, cong chuc", "cán bộ, công chức"],
    ["khi can thiet", "khi cần thiết"],
  ])("%j → %j", (input, want) => {
    expect(restore(input).text).toBe(want);
  });

  it("leaves alone what it cannot decide: an ambiguous key without context, unknown words, numbers, codes", () => {
    // "can" alone: cán or cần — no neighbour to decide by
    expect(restore("can.").text).toBe("can.");
    expect(restore("Déc").text).toBe("Déc");
    expect(restore("18 16i").text).toBe("18 16i");
    expect(restore("534/QĐ-TTg, UBND, HĐND").text).toBe("534/QĐ-TTg, UBND, HĐND");
  });

  it("keeps a syllable already written as a known word, unless strong context says otherwise", () => {
    // "ngay" is a word; with one sighting of "ngày #" it stays, with more it yields
    const weak = buildLexicon(["ngay lập tức", "ngày 1/1/2026"]);
    expect(restoreText("ngay 2/2/2026", weak).text).toBe("ngay 2/2/2026");
    expect(restoreText("ngay 2/2/2026", lex).text).toBe("ngày 2/2/2026");
    // a syllable with marks OCR does not invent (ệ) is kept
    expect(restore("hiệu").text).toBe("hiệu");
  });

  it("lists every change with its offsets in the original, which it never alters", () => {
    const original = "Thuc hien s6 12";
    const r = restore(original);
    expect(r.restorations.map((x) => [original.slice(x.start, x.end), x.to])).toEqual([["Thuc", "Thực"], ["hien", "hiện"], ["s6", "số"]]);
    expect(original).toBe("Thuc hien s6 12");
  });

  it("changes nothing in the clean texts it was built from", () => {
    for (const t of CLEAN) expect(restore(t).restorations).toEqual([]);
  });

  it("survives a round trip through JSON", () => {
    const back = lexiconFromJson(JSON.parse(JSON.stringify(lexiconToJson(lex))));
    expect(restoreText("Két qua s6 3", back).text).toBe(restore("Két qua s6 3").text);
  });
});

describe("looksOcrDamaged", () => {
  it("tells a clean text from its damaged copy; too little text is not judged", () => {
    const clean = CLEAN.join("\n").repeat(2);
    const damaged = clean.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "P");
    expect(looksOcrDamaged(clean, lex).damaged).toBe(false);
    expect(looksOcrDamaged(damaged, lex).damaged).toBe(true);
    expect(looksOcrDamaged("s6 12", lex)).toMatchObject({ damaged: false });
  });
});
