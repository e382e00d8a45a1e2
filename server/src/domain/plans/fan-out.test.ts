import { describe, expect, it } from "vitest";
import { fanOutTask } from "./fan-out.js";
import type { SubtreeOrg } from "./fan-out.js";
import { matchOrgName } from "./org-match.js";

// A commune like Cẩm Giàng (seed 004) and a province with departments and communes (seed 002).
const commune: SubtreeOrg[] = [
  { id: 1, code: "XCG", name: "UBND xã Cẩm Giàng", parentId: null, level: "commune", bloc: "state" },
  { id: 2, code: "XCG-VP", name: "Văn phòng HĐND và UBND xã Cẩm Giàng", parentId: 1, level: "office", bloc: "state" },
  { id: 3, code: "XCG-VHXH", name: "Phòng Văn hóa - Xã hội", parentId: 1, level: "office", bloc: "state" },
  { id: 4, code: "XCG-PVHCC", name: "Trung tâm Phục vụ hành chính công", parentId: 1, level: "office", bloc: "state" },
  { id: 5, code: "XCG-DVTH", name: "Trung tâm Dịch vụ tổng hợp", parentId: 1, level: "office", bloc: "state" },
  { id: 6, code: "XCG-MT", name: "Ủy ban MTTQ Việt Nam xã Cẩm Giàng", parentId: 1, level: "office", bloc: "front" },
  { id: 7, code: "XCG-PVHCC-1", name: "Bộ phận một cửa", parentId: 4, level: "office", bloc: "state" },
];
const province: SubtreeOrg[] = [
  { id: 100, code: "DT", name: "UBND tỉnh Đồng Tháp", parentId: null, level: "province", bloc: "state" },
  { id: 101, code: "DT-SNV", name: "Sở Nội vụ", parentId: 100, level: "department", bloc: "state" },
  { id: 102, code: "DT-STP", name: "Sở Tư pháp", parentId: 100, level: "department", bloc: "state" },
  { id: 103, code: "DT-KHCN", name: "Sở Khoa học và Công nghệ", parentId: 100, level: "department", bloc: "state" },
  { id: 110, code: "DT-XA", name: "UBND xã An Bình", parentId: 100, level: "commune", bloc: "state" },
  { id: 111, code: "DT-PB", name: "UBND phường Cao Lãnh", parentId: 100, level: "commune", bloc: "state" },
  { id: 112, code: "DT-XA-VP", name: "Văn phòng HĐND và UBND xã An Bình", parentId: 110, level: "office", bloc: "state" },
  { id: 120, code: "DT-TU", name: "Ban Tuyên giáo và Dân vận Tỉnh ủy", parentId: null, level: "department", bloc: "party" }, // outside the subtree
];

describe("matchOrgName", () => {
  it.each<[string, number]>([
    ["Phòng Văn hóa - Xã hội", 3],
    ["Phòng Văn hóa – Xã hội", 3],
    ["Phòng Văn hóa-Xã hội", 3],
    ["phong van hoa xa hoi", 3],
    ["Phòng VH-XH", 3],
    ["Phòng VH - XH", 3],
    ["Trung tâm Phục vụ HCC", 4],
    ["TT Phục vụ hành chính công", 4],
    ["TT PVHCC", 4],
    ["Văn phòng HĐND và UBND xã", 2], // the plan omits the commune's own name
    ["VP HĐND - UBND xã", 2],
    ["Ủy ban nhân dân xã Cẩm Giàng", 1],
    ["UBMTTQ Việt Nam xã Cẩm Giàng", 6],
    ["xcg-dvth", 5], // by code
  ])("%s → %i", (name, orgId) => {
    expect(matchOrgName(name, commune)).toEqual({ orgId });
  });

  it("consults the user's aliases first", () => {
    expect(matchOrgName("Bộ phận TN&TKQ", commune, { "Bộ phận TN&TKQ": 7 })).toEqual({ orgId: 7 });
    expect(matchOrgName("Phòng VH-XH", commune, { "phong van hoa xa hoi": 5 })).toEqual({ orgId: 5 });
  });

  it("offers candidates when the name is close to several units", () => {
    const got = matchOrgName("Trung tâm", commune);
    expect(got).not.toBeNull();
    expect(got && "candidates" in got ? got.candidates.map((c) => c.orgId).sort() : []).toEqual([4, 5]);
  });

  it("returns null when nothing is close", () => {
    expect(matchOrgName("Công an xã", commune)).toBeNull();
    expect(matchOrgName("  ", commune)).toBeNull();
  });
});

describe("fanOutTask (T2)", () => {
  const task = { tt: "3", content: "Cắt giảm 15% văn bản" };

  it("fans a group out into one task per unit it covers, each the sole lead", () => {
    const r = fanOutTask(task, "Các cơ quan, tổ chức, đơn vị", { rootId: 1, orgs: commune });
    // direct children of the issuer only: not the issuer, not the grandchild "Bộ phận một cửa"
    expect(r.tasks.map((t) => t.leadOrgIds)).toEqual([[3], [5], [4], [6], [2]]); // by name, Vietnamese order
    expect(r.tasks.every((t) => t.fromGroup === "all_agencies" && t.tt === "3")).toBe(true);
    expect(r.breach).toBe(false);
  });

  it.each<[string, number[]]>([
    ["Các sở, ban, ngành tỉnh, địa phương", [101, 102, 103, 110, 111]],
    ["Các sở, ban, ngành", [101, 102, 103]],
    ["UBND các xã, phường", [110, 111]],
    ["Các cơ quan, đơn vị", [101, 102, 103, 110, 111]],
  ])("province: %s", (cell, ids) => {
    const r = fanOutTask(task, cell, { rootId: 100, orgs: province });
    expect(r.tasks.flatMap((t) => t.leadOrgIds).sort((a, b) => a - b)).toEqual(ids);
  });

  it("a group with no unit in the subtree gives no task and a note", () => {
    const r = fanOutTask(task, "Các sở, ban, ngành", { rootId: 1, orgs: commune });
    expect(r.tasks).toEqual([]);
    expect(r.notes[0]).toContain("không có đơn vị nào");
  });

  it("one named unit: one task with that unit as lead", () => {
    const r = fanOutTask(task, "Phòng Văn hóa – Xã hội", { rootId: 1, orgs: commune });
    expect(r).toMatchObject({ breach: false, unmatched: [], tasks: [{ leadOrgIds: [3], fromGroup: null }] });
  });

  it("seed 004 row 9: two named leads is a T2 breach, kept as one task until fixed", () => {
    const r = fanOutTask(task, "Trung tâm Phục vụ HCC; Phòng Văn hóa-Xã hội", { rootId: 1, orgs: commune });
    expect(r.breach).toBe(true);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]?.leadOrgIds).toEqual([4, 3]);
    expect(r.notes.join(" ")).toContain("một việc một đầu mối");
  });

  it("lists unmatched names (outside the subtree too) for the user to map", () => {
    const r = fanOutTask(task, "Ban Tuyên giáo và Dân vận Tỉnh ủy", { rootId: 100, orgs: province.filter((o) => o.id !== 120) });
    expect(r.unmatched).toEqual(["Ban Tuyên giáo và Dân vận Tỉnh ủy"]);
    expect(r.tasks[0]?.leadOrgIds).toEqual([]);
  });
});
