import { describe, it, expect } from "vitest";
import {
  d2BucketOf, foldDiacritics, parseBoolean, parseDate, parseDateTime, parseDateValue,
  parseDocumentType, parseEnum, parseNonNegativeInt,
} from "./normalize.js";

describe("parseBoolean", () => {
  it.each<[unknown, boolean, boolean]>([
    ["1", false, true], ["0", true, false], ["true", false, true], ["FALSE", true, false],
    ["có", false, true], ["Có", false, true], ["CÓ", false, true], ["co", false, true],
    ["không", true, false], ["Khong", true, false], ["x", false, true], ["X", false, true],
    ["", true, true], ["", false, false], ["   ", true, true], [null, false, false], [undefined, true, true],
    [true, false, true], [false, true, false], [1, false, true], [0, true, false],
  ])("%j (default %s) → %s", (raw, dflt, want) => {
    expect(parseBoolean(raw, dflt)).toEqual({ ok: true, value: want });
  });
  it.each<[unknown]>([["yes"], ["2"], ["đúng"], [2], [{}], ["x x"]])("%j is refused", (raw) => {
    const r = parseBoolean(raw, false);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("1/0, true/false, có/không");
  });
});

describe("parseNonNegativeInt", () => {
  it.each<[unknown, number | null]>([
    ["0", 0], ["42", 42], [" 7 ", 7], [15, 15], [0, 0], ["", null], ["  ", null], [null, null], [undefined, null],
  ])("%j → %j", (raw, want) => {
    expect(parseNonNegativeInt(raw)).toEqual({ ok: true, value: want });
  });
  it.each<[unknown]>([["-1"], [-1], ["1.5"], [1.5], ["1.000"], ["12a"], [Number.NaN], [Infinity], ["99999999999999999999"], [true]])(
    "%j is refused",
    (raw) => {
      const r = parseNonNegativeInt(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain("số nguyên không âm");
    },
  );
});

describe("parseEnum", () => {
  const cats = ["quan_triet", "chuyen_mon", "quan_trong", "dinh_ky", "khac"] as const;
  it.each([
    ["quan_triet", "quan_triet"], ["QUAN_TRIET", "quan_triet"], [" khac ", "khac"],
    ["Quán triệt", "quan_triet"], ["chuyên môn", "chuyen_mon"], ["dinh-ky", "dinh_ky"], ["Khác", "khac"],
  ])("%j → %s", (raw, want) => {
    expect(parseEnum(raw, cats)).toEqual({ ok: true, value: want });
  });
  it.each(["hop", "", "quan triet x"])("%j is refused with the allowed list", (raw) => {
    const r = parseEnum(raw, cats);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("quan_triet, chuyen_mon, quan_trong, dinh_ky, khac");
  });
});

describe("re-exports", () => {
  it("exposes the date, type and text parsers from one module", () => {
    expect(foldDiacritics("Đảng")).toBe("dang");
    expect(parseDate("01/02/2026")).toEqual({ ok: true, value: "2026-02-01" });
    expect(parseDateValue(46157)).toEqual({ ok: true, value: "2026-05-15" });
    expect(parseDateTime("01/02/2026 08:00", 420).ok).toBe(true);
    expect(parseDocumentType("Công văn")).toEqual({ ok: true, value: "CV" });
    expect(d2BucketOf("QĐ")).toBe("QĐ");
  });
});
