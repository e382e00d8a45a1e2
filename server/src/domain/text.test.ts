import { describe, it, expect } from "vitest";
import { fail, foldDiacritics, ok } from "./text.js";

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
});

describe("ok / fail", () => {
  it("build both result shapes", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("sai")).toEqual({ ok: false, reason: "sai" });
  });
});
