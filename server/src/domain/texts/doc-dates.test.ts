import { describe, expect, it } from "vitest";
import { dateOfMatch, LONG_DATE_SOURCE, SHORT_DATE_SOURCE } from "./doc-dates.js";
import { readingView } from "./fold.js";

const long = (s: string) => {
  const m = new RegExp(LONG_DATE_SOURCE).exec(readingView(s).text);
  return m ? dateOfMatch(m) : null;
};

describe("dates as documents write them", () => {
  it.each<[string, number | null, number | null, number | null, string | null]>([
    ["Cẩm Giàng, ngày 13 tháng 5 năm 2026", 13, 5, 2026, "2026-05-13"],
    ["Tuyén Quang, ngay 16 thang 01 nam 2026", 16, 1, 2026, "2026-01-16"],
    ["Dién Bién, ngay 15 thdng 12 ndm 2025", 15, 12, 2025, "2025-12-15"],
    ["Thai Nguyén, ngay 14thangg; nam 2026", 14, null, 2026, null], // the month is unreadable
    ["Péng Thép, ngayd thing 4 nim 2026", null, 4, 2026, null], // the day is lost
    ["ngày 31 tháng 2 năm 2026", 31, 2, 2026, null], // no such day
  ])("%j", (text, day, month, year, iso) => {
    expect(long(text)).toEqual({ day, month, year, iso });
  });

  it("reads the short form, a day split by OCR included", () => {
    const m = new RegExp(SHORT_DATE_SOURCE).exec(readingView("ngay 3 1/3/2026").text);
    expect(m && dateOfMatch(m).iso).toBe("2026-03-31");
  });
});
