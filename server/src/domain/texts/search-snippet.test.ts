import { describe, expect, it } from "vitest";
import { queryWords, searchFold, searchQuery, searchSnippet } from "./search-snippet.js";

describe("search tokens", () => {
  it.each([
    ["Chấn chỉnh lề lối làm việc", "chan chinh ie ioi iam viec"],
    ["chén chinh 18 16i 1am viéc", "chen chinh ie ioi iam viec"], // OCR'd: the same but for chấn/chén
    ["Kết luận số 226-KL/TW", "ket iuan so 22o ki tu"],
  ])("%s → %s", (text, tokens) => {
    expect(searchFold(text)).toBe(tokens);
  });

  it("keeps websearch operators and phrases", () => {
    expect(searchQuery('"lề lối" or hội nghị -trực tuyến')).toBe('"ie ioi" or hoi nghi -truc tuien');
    expect(queryWords('"lề lối" or hội -nghị')).toEqual(["ie", "ioi", "hoi"]);
    expect(queryWords("!! ...")).toEqual([]);
  });
});

describe("searchSnippet", () => {
  it("cuts the original around the words, highlighted as written", () => {
    const text = `${"Mở đầu văn bản. ".repeat(30)}Các cơ quan phải chấn chỉnh lề lối làm việc ngay. ${"Phần cuối. ".repeat(30)}`;
    const s = searchSnippet(text, "le loi lam viec", 80);
    expect(text).toContain(s.text);
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(["lề", "lối", "làm", "việc"]);
    expect(s.text.length).toBeLessThanOrEqual(100);
  });

  it("shows the start of the text when no word occurs", () => {
    expect(searchSnippet("Thông báo lịch tiếp công dân", "hoi nghi", 10)).toEqual({ text: "Thông báo lịch", highlights: [] });
  });
});
