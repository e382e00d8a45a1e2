import { describe, expect, it } from "vitest";
import { parseLeadCell, splitUnitNames } from "./leads.js";
import type { LeadCell } from "./leads.js";

describe("parseLeadCell — groups fan out (T2)", () => {
  it.each<[string, string]>([
    ["Các sở, ban, ngành tỉnh, địa phương", "all_departments_and_localities"],
    ["Các sở, ban, ngành tỉnh và địa phương", "all_departments_and_localities"],
    ["Các sở, ban, ngành; UBND các xã, phường", "all_departments_and_localities"],
    ["Céc s0, ban, nganh tinh, dia phuong", "all_departments_and_localities"], // seed 002 OCR
    ["Các sở, ban, ngành", "all_departments"],
    ["Các sở, ban, ngành tỉnh", "all_departments"],
    ["Các cơ quan, tổ chức, đơn vị", "all_agencies"],
    ["các cơ quan, đơn vị", "all_agencies"],
    ["UBND các xã, phường", "all_localities"],
    ["UBND các xã, phường, đặc khu", "all_localities"],
    ["Các địa phương", "all_localities"],
    ["Các phòng, ban chuyên môn", "all_offices"],
    ["Các cơ quan chuyên môn thuộc UBND xã", "all_offices"],
    ["MTTQ và các đoàn thể", "all_front_organisations"],
    ["Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội", "all_front_organisations"],
  ])("%s → %s", (cell, group) => {
    expect(parseLeadCell(cell)).toEqual({ kind: "group", group, text: cell });
  });
});

describe("parseLeadCell — unit names", () => {
  it.each<[string, string[]]>([
    ["Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"]],
    ["Phòng Văn hóa – Xã hội", ["Phòng Văn hóa – Xã hội"]],
    ["Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]],
    ["Trung tâm Phục vụ HCC; Phòng Văn hóa-Xã hội", ["Trung tâm Phục vụ HCC", "Phòng Văn hóa-Xã hội"]], // seed 004 row 9
    ["Văn phòng HĐND và UBND xã, Phòng Văn hóa - Xã hội", ["Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội"]],
    ["Sở Tài chính; Văn phòng UBND tỉnh; Công an tỉnh", ["Sở Tài chính", "Văn phòng UBND tỉnh", "Công an tỉnh"]],
    ["Sở Nội vụ\nSở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]],
    ["Sở Nội vụ và Sở Tư pháp", ["Sở Nội vụ", "Sở Tư pháp"]],
    ["Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Ban Tuyên giáo và Dân vận Tỉnh ủy; các cơ quan báo chí, truyền thông", ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "các cơ quan báo chí, truyền thông"]],
    ["Trung tâm Phục vụ hành chính công", ["Trung tâm Phục vụ hành chính công"]],
    ["", []],
  ])("%j", (cell, names) => {
    expect(parseLeadCell(cell)).toEqual({ kind: "units", names, groups: [] });
  });

  it("keeps a group phrase whole inside a mixed cell and reports it (T2 breach: 2 leads)", () => {
    const got: LeadCell = parseLeadCell("Văn phòng HĐND và UBND xã; các cơ quan, tổ chức, đơn vị");
    expect(got).toEqual({ kind: "units", names: ["Văn phòng HĐND và UBND xã", "các cơ quan, tổ chức, đơn vị"], groups: ["all_agencies"] });
  });

  it("keeps a known unit name whole even when its halves look like two units", () => {
    expect(splitUnitNames("Ban Quản lý dự án, Trung tâm; Sở Nội vụ")).toEqual(["Ban Quản lý dự án", "Trung tâm", "Sở Nội vụ"]);
    expect(splitUnitNames("Ban Quản lý dự án, Trung tâm; Sở Nội vụ", ["Ban Quản lý dự án, Trung tâm"])).toEqual(["Ban Quản lý dự án, Trung tâm", "Sở Nội vụ"]);
  });
});
