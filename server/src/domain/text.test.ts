import { describe, it, expect } from "vitest";
import { documentSearchText, fail, foldDiacritics, foldDiacriticsSlowly, ok } from "./text.js";

describe("foldDiacritics", () => {
  it.each([
    ["Hội nghị Đảng", "hoi nghi dang"],
    ["  Công   văn\t ", "cong van"],
    ["QUYẾT ĐỊNH", "quyet dinh"],
    ["Thư công", "thu cong"],
    // NFC and NFD inputs fold alike (Word and Excel produce either)
    ["Kế hoạch".normalize("NFD"), "ke hoach"],
    ["ĐA", "da"],
    ["", ""],
  ])("%j → %j", (input, want) => {
    expect(foldDiacritics(input)).toBe(want);
  });

  it("agrees with the reference definition on every code unit of its table and beyond", () => {
    for (let code = 0; code < 0x2100; code++) {
      const s = `a${String.fromCharCode(code)}b`;
      expect(foldDiacritics(s), `U+${code.toString(16)}`).toBe(foldDiacriticsSlowly(s));
    }
  });

  it("agrees with the reference definition on random Vietnamese-like strings", () => {
    const alphabet = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 \t\n/-.,", ..."áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ", "\u0301", "\u0323", "ΑΣ", "😀", "İ"];
    let seed = 226;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 40);
      const s = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      expect(foldDiacritics(s), JSON.stringify(s)).toBe(foldDiacriticsSlowly(s));
      expect(foldDiacritics(s.normalize("NFD"))).toBe(foldDiacriticsSlowly(s.normalize("NFD")));
    }
  });
});

describe("documentSearchText", () => {
  it("folds number, subject and signer into one searchable line", () => {
    expect(documentSearchText("12/KH-UBND", "Triển khai Kết luận 226", "Nguyễn Văn Hùng")).toBe("12/kh-ubnd trien khai ket luan 226 nguyen van hung");
    expect(documentSearchText("5/TB", "Thông báo", null)).toBe("5/tb thong bao");
  });
});

describe("ok / fail", () => {
  it("build both result shapes", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("sai")).toEqual({ ok: false, reason: "sai" });
  });
});

describe("foldDiacritics on long text", () => {
  it("folds a text longer than one slice of code units", () => {
    const long = "Hội nghị Đảng bộ ".repeat(2000);
    expect(foldDiacritics(long)).toBe(foldDiacriticsSlowly(long));
  });
});
