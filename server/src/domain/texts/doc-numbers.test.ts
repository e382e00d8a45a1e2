import { describe, expect, it } from "vitest";
import { readingView } from "./fold.js";
import { findNumbers, sameNumber } from "./doc-numbers.js";

const first = (s: string) => findNumbers(readingView(s))[0] ?? null;

describe("document numbers (NĐ 30 Appendix I §II.3; Party 36-HD/VPTW)", () => {
  it.each<[string, string, boolean, string | null]>([
    ["Số: 426  /UBND-NC", "426/UBND-NC", false, null],
    ["Số 153a/KH-UBND", "153a/KH-UBND", false, "KH"],
    ["Két luan s6 226-\nKL/TW", "226-KL/TW", true, "KL"],
    ["Quyét dinh s6 534/QB-TTg", "534/QĐ-TTg", false, "QĐ"],
    ["s6 534/Qb-TTg", "534/QĐ-TTg", false, "QĐ"],
    ["Nghi dinh s6 42/2022/NP-CP", "42/2022/NĐ-CP", false, null], // Nghị định: no NĐ 30 administrative type
    ["Nghị quyết số 110/2023/QH15", "110/2023/QH15", false, null],
    ["98 63-KH/TU Tuyén Quang", "63-KH/TU", true, "KH"],
    ["Tờ trình số 151-TTr/VPTW", "151-TTr/VPTW", true, "TTr"],
  ])("%j → %s", (text, number, isParty, typeCode) => {
    expect(first(text)).toMatchObject({ number, isParty, typeCode });
  });

  it.each(["ngày 11/12/2025", "giai đoạn 2021 - 2030", "Két luan 226-\nhang nam", "khoản 2-Téng cường"])("%j holds no number", (text) => {
    expect(first(text)).toBeNull();
  });

  it("flags a number with a letter stuck to its front (OCR: A98 for 498)", () => {
    expect(first("Sé: A98/KH-UBND")).toMatchObject({ number: "98/KH-UBND", damaged: true });
    expect(first("Số: 498/KH-UBND")).toMatchObject({ damaged: false });
  });

  it("compares numbers loosely", () => {
    expect(sameNumber("534/QĐ-TTg", "534/qd-ttg")).toBe(true);
    expect(sameNumber("534/QĐ-TTg", "535/QĐ-TTg")).toBe(false);
  });
});
