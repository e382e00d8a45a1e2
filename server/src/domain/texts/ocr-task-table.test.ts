import { describe, expect, it } from "vitest";
import { splitRowLines } from "./ocr-line-split.js";
import { isDeadlineCell, isUnitList, isUnitWord } from "./ocr-table-words.js";
import { readOcrTaskTable } from "./ocr-task-table.js";

describe("words of an OCR'd task table", () => {
  it.each<[string, boolean]>([
    ["Céc s0, ban, nganh tinh, dia phuong", true],
    ["S¢ Khoa hocva Cong nghé", true],
    ["Thanhtra tinh, S¢ Noi vu; cac sO, ban, ngé?nh tinh, dia phuong", true],
    ["S6NoGivu", true],
    ["Cacsé, ban,", false], // a list does not end on a separator
    ["Ké hoach thanh tra", false],
  ])("unit list %j → %s", (cell, ok) => expect(isUnitList(cell)).toBe(ok));

  it.each<[string, boolean]>([
    ["Hang nam, bt dau tu 2026", true],
    ["Quy 1V/2026", true],
    ["Nam 5496", true], // only deadline words: kept as written, the plans read it as unknown
    ["11UOme X\"", false],
  ])("deadline cell %j → %s", (cell, ok) => expect(isDeadlineCell(cell, 2026)).toBe(ok));

  // Permissive on purpose (one OCR slip per syllable): the unit list of the whole cell decides.
  it("reads run-together unit words", () => {
    expect(["Noivu", "Khoahoe", "Thanhtra", "hoach", "luat", "2026"].map(isUnitWord)).toEqual([true, true, true, false, false, false]);
  });
});

describe("splitRowLines", () => {
  it("cuts the lines of a row into its five columns (seed 002, task 12)", () => {
    const row = [
      "Thuc hién viée xt Iy thi tuc | Cacsd, |S6 Khoahoe| Ty 1&hd sothi | Dén cuoi",
      "hanh chinh trén méi truong sd |ban, nganh| va Cong |tuc hanh chinh xtr| 2026",
      "| va s6 hoa van ban dat tir 95% | tinh, dia | nghé: Van | ly truc tuyén dat",
      "tro 1én. phuong phong tr 95% tro 1én;",
      "UBND tinh | 100% véan ban",
      "hanh chinh khong",
    ];
    expect(splitRowLines(row, 2026)).toEqual({
      content: "Thuc hién viée xt Iy thi tuc hanh chinh trén méi truong sd va s6 hoa van ban dat tir 95% tro 1én.",
      lead: "Cacsd, ban, nganh tinh, dia phuong",
      coordinators: "S6 Khoahoe va Cong nghé: Van phong UBND tinh",
      product: "Ty 1&hd sothi tuc hanh chinh xtr ly truc tuyén dat tr 95% tro 1én; 100% véan ban hanh chinh khong",
      deadline: "Dén cuoi 2026",
    });
  });

  it("gives up, saying why, on a deadline OCR destroyed (task 2) and on garbage in a unit column (task 5)", () => {
    expect(splitRowLines(["Ra sodt, sita ddi, b sung, ban | Cécsd, | S& Tu phap | Bao cdo Chi tich | 11UOme"], 2026)).toHaveProperty("why");
    expect(splitRowLines(["Tang cuong thanh tra trdch | Thanh tra cséi:jglg;]’ Ké hoach thanh | Thuong"], 2026)).toHaveProperty("why");
  });
});

describe("readOcrTaskTable", () => {
  it("finds no table where there is no task-table header", () => {
    expect(readOcrTaskTable("Phụ lục\nDanh sách đơn vị\n1. Sở Nội vụ", 1, 2026)).toBeNull();
  });
});
