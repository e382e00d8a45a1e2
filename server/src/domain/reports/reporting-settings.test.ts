// The reporting section of the jurisdiction settings: defaults, validation, merging.
import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS, resolveSettings, ZSettingsOverrideSchema } from "../settings.js";
import { dongThap498, thaiNguyen426, tuyenQuang63 } from "./presets.js";
import { REPORTING_DEFAULTS, ZReportingOverride } from "./reporting-settings.js";

describe("REPORTING_DEFAULTS", () => {
  it("are part of the KL 226 defaults", () => {
    expect(KL226_DEFAULTS.reporting).toEqual(REPORTING_DEFAULTS);
    expect(REPORTING_DEFAULTS).toMatchObject({ cutoff: "calendar", cutoffDay: 15, r1Target: 100, reminders: { daysBefore: [7, 3] } });
    expect(REPORTING_DEFAULTS.schedules[0]).toMatchObject({ periods: ["quarter", "half", "year"], recipient: { kind: "parent" } });
  });
});

describe("ZReportingOverride", () => {
  it.each<[string, unknown, boolean]>([
    ["the seeds' presets", { schedules: [...thaiNguyen426({ homeAffairs: "SNV" }), ...tuyenQuang63().map((s) => ({ ...s, id: "tu" })), ...dongThap498({ homeAffairs: "SNV" })] }, true],
    ["Decree 09 cut-off", { cutoff: "decree09", cutoffDay: 15 }, true],
    ["unknown cut-off", { cutoff: "weekly" }, false],
    ["day 32", { schedules: [{ id: "a", periods: ["quarter"], reporters: {}, recipient: { kind: "parent" }, deadline: { kind: "before_day_of_last_month", day: 32 } }] }, false],
    ["a date that does not exist", { schedules: [{ id: "a", periods: ["half"], reporters: {}, recipient: { kind: "parent" }, deadline: { kind: "before_fixed_date", dates: [{ slot: "S1", date: "31/6" }] } }] }, false],
    ["a bad slot", { schedules: [{ id: "a", periods: ["half"], reporters: {}, recipient: { kind: "parent" }, deadline: { kind: "before_fixed_date", dates: [{ slot: "S3", date: "05/6" }] } }] }, false],
    ["duplicate line ids", { schedules: [...thaiNguyen426({ homeAffairs: "SNV" }), ...thaiNguyen426({ homeAffairs: "SNV" })] }, false],
    ["rating thresholds", { rating: { thresholds: { good: 75 } } }, true],
    ["an unknown criterion", { rating: { criteria: [{ id: "luck", weight: 5 }] } }, false],
    ["an unknown role", { submitRoles: ["chief"] }, false],
  ])("%s → valid %s", (_n, value, valid) => {
    expect(ZReportingOverride.safeParse(value).success).toBe(valid);
    expect(ZSettingsOverrideSchema.safeParse({ reporting: value }).success).toBe(valid);
  });
});

describe("resolveSettings with reporting overrides", () => {
  it("a province sets its regime, a Party committee below replaces the list, other fields merge", () => {
    const province = { reporting: { schedules: thaiNguyen426({ homeAffairs: "SNV" }), cutoff: "decree09" as const, rating: { thresholds: { good: 75 } } } };
    const party = { reporting: { schedules: tuyenQuang63() } };
    const s = resolveSettings([province, party]);
    expect(s.reporting.schedules.map((x) => x.id)).toEqual(["dang-quy"]);
    expect(s.reporting.cutoff).toBe("decree09");
    expect(s.reporting.rating.thresholds).toEqual({ excellent: 90, good: 75, complete: 50 });
    expect(resolveSettings([province]).reporting.schedules.map((x) => x.id)).toEqual(["snv-tinh", "so-xa-snv"]);
    expect(KL226_DEFAULTS.reporting.schedules.map((x) => x.id)).toEqual(["mac-dinh"]);
  });
});
