import { describe, it, expect } from "vitest";
import { computeIndicatorSheet } from "./indicators.js";
import type { DocCounts, SheetInput } from "./indicators.js";
import { KL226_DEFAULTS, RULE_SOURCES, resolveSettings } from "./settings.js";

function buildDocs(o: Partial<DocCounts> = {}): DocCounts {
  return {
    admin: 850, adminByBucket: { CV: 500, QĐ: 100, KH: 50, TB: 100, NQ: 0, other: 100 },
    nonSecret: 1000, nonSecretDigitized: 960, nonSecretSentElectronically: 1000, ...o,
  };
}

/** A compliant commune for 2026; override what a case needs. */
function buildInput(o: Partial<SheetInput> = {}): SheetInput {
  return {
    org: "XA01", period: "2026", subtree: false, level: "commune",
    documents: { current: buildDocs(), previous: buildDocs({ admin: 1000, adminByBucket: { CV: 600, QĐ: 100, KH: 100, TB: 100, NQ: 0, other: 100 } }), hasPreviousData: true },
    meetings: { current: 90, previous: 100, hasPreviousData: true, online: 50, inPerson: 30, hybrid: 10, wide: 3, m4Violations: [], m5Violations: [] },
    tthc: { received: 200, processedDigitally: 200 },
    breaches: { notDigitized: ["d1"], notSentElectronically: [], notDigitizedCount: 1, notSentElectronicallyCount: 0 },
    ...o,
  };
}

const sheetOf = (o: Partial<SheetInput> = {}, settings = KL226_DEFAULTS) => computeIndicatorSheet(buildInput(o), settings);

describe("computeIndicatorSheet", () => {
  it("produces the contract shape for a compliant unit", () => {
    const s = sheetOf();
    expect(s).toMatchObject({ org: "XA01", period: "2026", subtree: false });
    expect(Object.keys(s.indicators)).toEqual(["D1", "D2", "D3", "D4", "M1", "M2", "M3", "M4", "M5", "T1"]);
    expect(s.indicators.D1).toMatchObject({ value: 15, target: 15, met: true, current: 850, previous: 1000 });
    expect(s.indicators.D3).toMatchObject({ value: 96, target: 95, met: true, numerator: 960, denominator: 1000, violations: ["d1"], violationCount: 1 });
    expect(s.indicators.D4).toMatchObject({ value: 100, target: 100, met: true, violations: [], violationCount: 0 });
    expect(s.indicators.M1).toMatchObject({ value: 10, target: 10, met: true, current: 90, previous: 100 });
    expect(s.indicators.M2).toMatchObject({ value: 66.7, target: 60, met: true, numerator: 60, denominator: 90 });
    expect(s.indicators.M3).toMatchObject({ value: 3, target: 3, met: true });
    expect(s.indicators.M4).toMatchObject({ value: 0, target: 0, met: true, violations: [] });
    expect(s.indicators.T1).toMatchObject({ value: 100, target: 100, met: true, numerator: 200, denominator: 200 });
    for (const [id, ind] of Object.entries(s.indicators)) {
      expect(ind).toMatchObject(RULE_SOURCES[id as keyof typeof RULE_SOURCES]);
    }
    // the sheet is plain JSON
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("D2 gives each bucket's counts and cut", () => {
    expect(sheetOf().indicators.D2).toMatchObject({
      target: null, met: null,
      value: {
        CV: { cur: 500, prev: 600, cut: 16.7 }, QĐ: { cur: 100, prev: 100, cut: 0 }, KH: { cur: 50, prev: 100, cut: 50 },
        TB: { cur: 100, prev: 100, cut: 0 }, NQ: { cur: 0, prev: 0, cut: null }, other: { cur: 100, prev: 100, cut: 0 },
      },
    });
  });

  type Case = [string, Partial<SheetInput>, string, Record<string, unknown>];
  const docs = buildInput().documents;
  const meetings = buildInput().meetings;
  it.each<Case>([
    ["D1 missed at 14.9 %", { documents: { ...docs, current: buildDocs({ admin: 851 }) } }, "D1", { value: 14.9, met: false }],
    ["D1 negative when documents grew", { documents: { ...docs, current: buildDocs({ admin: 1100 }) } }, "D1", { value: -10, met: false }],
    ["D1 null without previous data", { documents: { ...docs, hasPreviousData: false } }, "D1", { value: null, met: null, previous: null, current: 850 }],
    ["D1 null when previous was 0", { documents: { ...docs, previous: buildDocs({ admin: 0 }) } }, "D1", { value: null, met: null, previous: 0 }],
    ["D3 null with no non-secret documents", { documents: { ...docs, current: buildDocs({ nonSecret: 0, nonSecretDigitized: 0, nonSecretSentElectronically: 0 }) } }, "D3", { value: null, met: null, denominator: 0 }],
    // 9 999 of 10 000 shows 100 but misses the 100 % target: met uses exact counts
    ["D4 rounds to 100 yet misses", { documents: { ...docs, current: buildDocs({ nonSecret: 10000, nonSecretSentElectronically: 9999 }) } }, "D4", { value: 100, met: false }],
    ["M1 missed", { meetings: { ...meetings, current: 95 } }, "M1", { value: 5, met: false }],
    ["M1 null without previous data", { meetings: { ...meetings, hasPreviousData: false } }, "M1", { value: null, met: null, previous: null }],
    ["M2 with no conferences", { meetings: { ...meetings, online: 0, inPerson: 0, hybrid: 0 } }, "M2", { value: null, met: null }],
    ["M3 over the commune quota", { meetings: { ...meetings, wide: 4 } }, "M3", { value: 4, target: 3, met: false, scope: "toan_xa" }],
    ["M3 for a province", { level: "province", meetings: { ...meetings, wide: 2 } }, "M3", { value: 2, target: 2, met: true, scope: "toan_tinh" }],
    ["M3 over the province quota", { level: "province", meetings: { ...meetings, wide: 3 } }, "M3", { value: 3, target: 2, met: false }],
    ["M3 null for a department", { level: "department", meetings: { ...meetings, wide: null } }, "M3", { value: null, target: null, met: null }],
    ["M3 null for an office even if a count is passed", { level: "office" }, "M3", { value: null, target: null, met: null }],
    ["M4 violations", { meetings: { ...meetings, m4Violations: ["m1", "m2"] } }, "M4", { value: 2, target: 0, met: false, violations: ["m1", "m2"] }],
    ["M5 violations", { meetings: { ...meetings, m5Violations: ["m9"] } }, "M5", { value: 1, target: 0, met: false, violations: ["m9"] }],
    ["T1 partial", { tthc: { received: 3, processedDigitally: 2 } }, "T1", { value: 66.7, met: false, numerator: 2, denominator: 3 }],
    ["T1 no records", { tthc: { received: 0, processedDigitally: 0 } }, "T1", { value: null, met: null }],
  ])("%s", (_name, o, id, want) => {
    expect(sheetOf(o).indicators[id]).toMatchObject(want);
  });

  it.each<[string, Parameters<typeof resolveSettings>[0], string, Record<string, unknown>]>([
    ["hybrid not online: 50/90", [{ hybridCountsAsOnline: false }], "M2", { value: 55.6, met: false, numerator: 50, denominator: 90 }],
    ["commune tightens D3 to 100", [{ targets: { D3: 100 } }], "D3", { target: 100, met: false }],
    ["commune allows 4 toàn xã", [{ targets: { M3Commune: 4 } }], "M3", { target: 4, met: true }],
    ["D1 target 20", [{ targets: { D1: 20 } }], "D1", { target: 20, met: false }],
  ])("settings: %s", (_name, overrides, id, want) => {
    expect(sheetOf({}, resolveSettings(overrides)).indicators[id]).toMatchObject(want);
  });

  it.each<[string, Partial<SheetInput>, string]>([
    ["predecessors", { predecessors: [{ code: "XA02", kind: "merge", share: 1 }, { code: "XA09", kind: "split", share: 0.4 }] },
      "Số liệu kỳ này và cùng kỳ năm trước gồm cả văn bản, hội nghị của đơn vị tiền thân: XA02 (hợp nhất), XA09 (chia tách, tỷ lệ 40%)."],
    ["subtree", { subtree: true }, "Số liệu gồm cả các đơn vị trực thuộc."],
    ["no previous documents", { documents: { ...docs, hasPreviousData: false } }, "Chưa có số liệu văn bản cùng kỳ năm trước: không tính được D1, D2."],
    ["no previous meetings", { meetings: { ...meetings, hasPreviousData: false } }, "Chưa có số liệu hội nghị cùng kỳ năm trước: không tính được M1."],
    ["truncated D3 list", { breaches: { notDigitized: ["a"], notSentElectronically: [], notDigitizedCount: 523, notSentElectronicallyCount: 0 } },
      "Danh sách văn bản chưa số hóa (D3) chỉ liệt kê 1/523 văn bản."],
    ["M3 not applicable", { level: "department", meetings: { ...meetings, wide: null } },
      "M3 chỉ áp dụng cho đơn vị cấp tỉnh (hội nghị toàn tỉnh) hoặc cấp xã (hội nghị toàn xã)."],
    ["hybrid counted online", {}, "M2 tính hội nghị kết hợp (trực tiếp và trực tuyến) là hội nghị trực tuyến."],
  ])("notes: %s", (_name, o, note) => {
    expect(sheetOf(o).notes).toContain(note);
  });

  it("has no predecessor note without predecessors", () => {
    expect(sheetOf({ predecessors: [] }).notes.some((n) => n.includes("tiền thân"))).toBe(false);
  });
});
