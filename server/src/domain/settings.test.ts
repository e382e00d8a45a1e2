import { describe, it, expect } from "vitest";
import { KL226_DEFAULTS, RULE_SOURCES, ZSettingsOverrideSchema, resolveSettings } from "./settings.js";
import type { TSettingsOverride } from "./settings.js";
import { DomainError } from "./errors.js";

describe("KL226_DEFAULTS", () => {
  it("holds the KL 226 numbers", () => {
    expect(KL226_DEFAULTS.targets).toEqual({ D1: 15, D3: 95, D4: 100, M1: 10, M2: 60, M3Province: 2, M3Commune: 3, T1: 100, P1: 100, T3: 100 });
    expect(KL226_DEFAULTS.sessionLimits).toEqual({ quan_triet: 1, chuyen_mon: 2, quan_trong: 3 });
    expect(KL226_DEFAULTS.speechLimits).toEqual({ openingMin: 10, conclusionMin: 50, contributionMin: 10 });
    expect(KL226_DEFAULTS.sessionConvention).toEqual({ noonMinutes: 720, utcOffsetMinutes: 420 });
    expect(KL226_DEFAULTS.hybridCountsAsOnline).toBe(true);
    expect(KL226_DEFAULTS.reportingDeadlines).toEqual([]);
    expect(KL226_DEFAULTS.copyThresholdPercent).toBe(30);
  });
});

describe("ZSettingsOverrideSchema", () => {
  it.each<[string, unknown, boolean]>([
    ["empty override", {}, true],
    ["tighten D3 to 100", { targets: { D3: 100 } }, true],
    ["percentage above 100", { targets: { D1: 101 } }, false],
    ["negative number", { speechLimits: { openingMin: -1 } }, false],
    ["non-integer count", { targets: { M3Province: 2.5 } }, false],
    ["unknown top-level key", { foo: 1 }, false],
    ["unknown nested key", { targets: { D9: 10 } }, false],
    ["unknown category", { sessionLimits: { hop_mat: 1 } }, false],
    ["null removes a session limit", { sessionLimits: { quan_trong: null } }, true],
    ["negative UTC offset", { sessionConvention: { utcOffsetMinutes: -300 } }, true],
    ["noon past midnight", { sessionConvention: { noonMinutes: 1500 } }, false],
    ["copy threshold 30", { copyThresholdPercent: 30 }, true],
    ["copy threshold 130", { copyThresholdPercent: 130 }, false],
    ["reporting deadline", { reportingDeadlines: [{ period: "quarter", rule: "trước ngày 15 tháng cuối quý" }] }, true],
    ["reporting deadline bad period", { reportingDeadlines: [{ period: "week", rule: "x" }] }, false],
    ["boolean as string", { hybridCountsAsOnline: "true" }, false],
  ])("%s → valid %s", (_name, input, valid) => {
    expect(ZSettingsOverrideSchema.safeParse(input).success).toBe(valid);
  });
});

describe("resolveSettings", () => {
  const province: TSettingsOverride = { targets: { D1: 20, D3: 98 }, hybridCountsAsOnline: false };
  const commune: TSettingsOverride = { targets: { D3: 100 }, sessionLimits: { khac: 2, quan_trong: null } };

  it.each<[string, TSettingsOverride[], (s: ReturnType<typeof resolveSettings>) => unknown, unknown]>([
    ["no overrides = defaults", [], (s) => s, KL226_DEFAULTS],
    ["province sets D1", [province], (s) => s.targets.D1, 20],
    ["later wins (commune D3 over province D3)", [province, commune], (s) => s.targets.D3, 100],
    ["earlier kept when later silent", [province, commune], (s) => s.targets.D1, 20],
    ["untouched sibling keeps default", [province, commune], (s) => s.targets.M2, 60],
    ["boolean overridden to false", [province], (s) => s.hybridCountsAsOnline, false],
    ["session limit added and removed", [province, commune], (s) => s.sessionLimits, { quan_triet: 1, chuyen_mon: 2, khac: 2 }],
    ["reporting deadlines replaced", [{ reportingDeadlines: [{ period: "year", rule: "trước 14/12" }] }], (s) => s.reportingDeadlines, [{ period: "year", rule: "trước 14/12" }]],
  ])("%s", (_name, overrides, pick, want) => {
    expect(pick(resolveSettings(overrides))).toEqual(want);
  });

  it("never mutates the base", () => {
    const before = JSON.stringify(KL226_DEFAULTS);
    const s = resolveSettings([commune]);
    s.targets.D1 = 99;
    expect(JSON.stringify(KL226_DEFAULTS)).toBe(before);
  });

  it("uses the given base", () => {
    const base = resolveSettings([{ targets: { M1: 12 } }]);
    expect(resolveSettings([{ targets: { M2: 70 } }], base).targets).toMatchObject({ M1: 12, M2: 70 });
  });

  it("rejects an invalid stored override", () => {
    const bad = { targets: { D1: 500 } } as TSettingsOverride;
    expect(() => resolveSettings([{}, bad])).toThrow(DomainError);
    try {
      resolveSettings([{}, bad]);
    } catch (e) {
      expect((e as DomainError).code).toBe("INVALID_SETTINGS");
      expect((e as DomainError).message).toContain("thứ 2");
    }
  });
});

describe("RULE_SOURCES", () => {
  it("covers every rule id", () => {
    expect(Object.keys(RULE_SOURCES).sort()).toEqual(["D1", "D2", "D3", "D4", "D5", "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "P1", "T1", "T2", "T3"]);
  });
  it.each(Object.entries(RULE_SOURCES))("%s has a Vietnamese title and a source", (_id, r) => {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.source).toMatch(/^(KL 226|KH [^ ]+) §/);
  });
  it("M4 carries the duration rule", () => {
    expect(RULE_SOURCES.M4).toEqual({
      title: "Thời lượng hội nghị theo loại: quán triệt ≤ 1/2 ngày, chuyên môn ≤ 1 ngày, quan trọng ≤ 1,5 ngày",
      source: "KL 226 §2.2",
    });
  });
});

describe("conference planning settings (M6–M9)", () => {
  it("merges a year's plan deadline onto the defaults and keeps the others", () => {
    const s = resolveSettings([{ conferencePlanning: { planDeadlineByYear: { "2027": "2027-01-31" }, papersDaysAhead: 5 } }]);
    expect(s.conferencePlanning.planDeadlineByYear).toEqual({ "2026": "2026-02-20", "2027": "2027-01-31" });
    expect(s.conferencePlanning.papersDaysAhead).toBe(5);
    expect(s.conferencePlanning.planDeadline).toBe("01-15");
    expect(KL226_DEFAULTS.conferencePlanning.planDeadlineByYear).toEqual({ "2026": "2026-02-20" });
  });
  it("rejects a deadline that is not MM-DD", () => {
    expect(() => resolveSettings([{ conferencePlanning: { planDeadline: "15/01" } }])).toThrow(/không hợp lệ/);
  });
});
