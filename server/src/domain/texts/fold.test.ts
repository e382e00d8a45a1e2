import { describe, expect, it } from "vitest";
import { looseKey, matchingView, originalSlice, readingView } from "./fold.js";

describe("readingView — OCR-tolerant folding, offsets back to the original", () => {
  it.each<[string, string]>([
    ["Số: 426/UBND-NC", "so: 426/ubnd-nc"],
    ["Độc lập - Tự do", "doc lap - tu do"],
    ["Déc 1ap - Tw do", "dec lap - tw do"], // 1ap → lap (a digit inside a word is a letter)
    ["s6 226-KL/TW", "so 226-kl/tw"], // s6 → so
    ["18 16i 1am viéc", "18 loi lam viec"], // a number alone stays a number
    ["Pang uy, Poc lap, P6i méi", "dang uy, doc lap, doi mei"], // capital P before a vowel: a misread Đ
    ["Phó Chủ tịch", "pho chu tich"], // Ph is Ph
    ["153a/KH-UBND", "153a/kh-ubnd"], // a number with its letter
    ["ngay 14thangg; nam 2026", "ngay 14thangg; nam 2026"], // a number glued to a word
    ["Sé: A98/KH-UBND", "se: a98/kh-ubnd"], // a damaged number is left to the number reader
    ["x4, c4c, d3", "xa, cac, da"],
    ["hi¢u qua", "hieu qua"],
  ])("%j → %j", (input, folded) => {
    expect(readingView(input).text).toBe(folded);
  });

  it("keeps one offset per character, NFD input included", () => {
    const nfd = "Kết luận số 226".normalize("NFD");
    const v = readingView(nfd);
    expect(v.text).toBe("ket luan so 226");
    const at = v.text.indexOf("luan");
    expect(originalSlice(v, at, at + 4).normalize("NFC")).toBe("luận");
  });
});

describe("matchingView — letters only, OCR-confused letters merged", () => {
  it("drops spaces and punctuation and marks word starts", () => {
    const m = matchingView("Kết  luận,\nsố 1");
    expect(m.text).toBe("ketiuansoi");
    expect([...m.wordStart]).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 1]);
  });

  it.each<[string, string]>([
    ["lập", "1ap"],
    ["Trung ương", "Trung wong"],
    ["chính trị", "chinh trj"],
    ["tình trạng", "finh trang"],
    ["văn bản lề lối", "vanban le loi"],
  ])("%j and %j have the same loose key", (a, b) => {
    expect(looseKey(a)).toBe(looseKey(b));
  });
});
