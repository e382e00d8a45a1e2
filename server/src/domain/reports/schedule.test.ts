// Who reports what to whom under the seeds' regimes (kl226-rules.md §4), on a small tree.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../period.js";
import { dongThap498, thaiNguyen426, tuyenQuang63 } from "./presets.js";
import { REPORTING_DEFAULTS, type ReportingSettings } from "./reporting-settings.js";
import { existsAtEnd, obligationOf, obligationsOfYear, type ReportingUnit } from "./schedule.js";

const unit = (id: number, code: string, level: string, bloc: string, parentId: number | null, extra: Partial<ReportingUnit> = {}): ReportingUnit =>
  ({ id, code, level, bloc, parentId, validFrom: null, validTo: null, ...extra });
const PROVINCE = unit(1, "TINH", "province", "state", null);
const SNV = unit(2, "SNV", "department", "state", 1);
const SYT = unit(3, "SYT", "department", "state", 1);
const XA = unit(4, "XA", "commune", "state", 1);
const OFFICE = unit(5, "XA_VP", "office", "state", 4);
const TU = unit(6, "TU", "province", "party", 1);
const BTC = unit(7, "BTC_TU", "department", "party", 6);
const MTTQ = unit(8, "MTTQ", "department", "front", 1);
const UNITS = [PROVINCE, SNV, SYT, XA, OFFICE, TU, BTC, MTTQ];
const idOf = (code: string) => UNITS.find((u) => u.code === code)?.id;
const VN = 420;
const regime = (schedules: ReportingSettings["schedules"]): ReportingSettings => ({ ...REPORTING_DEFAULTS, schedules });
const owed = (u: ReportingUnit, period: string, r: ReportingSettings) => {
  const o = obligationOf(u, parsePeriod(period), r, VN, idOf);
  return o && { to: o.recipientOrgId, lastDay: o.deadline.lastDay, line: o.schedule.id };
};

describe("seed 000 — Thái Nguyên (CV 426/UBND-NC §6)", () => {
  const r = regime(thaiNguyen426({ homeAffairs: "SNV" }));
  it.each<[string, ReportingUnit, string, ReturnType<typeof owed>]>([
    ["a department reports the quarter to Sở Nội vụ before the 15th", SYT, "2026Q2", { to: 2, lastDay: "2026-06-14", line: "so-xa-snv" }],
    ["a commune reports the six months to Sở Nội vụ", XA, "2026S1", { to: 2, lastDay: "2026-06-14", line: "so-xa-snv" }],
    ["a commune reports the year", XA, "2026", { to: 2, lastDay: "2026-12-14", line: "so-xa-snv" }],
    ["Sở Nội vụ reports to the Province before the 20th (its own line wins)", SNV, "2026Q2", { to: 1, lastDay: "2026-06-19", line: "snv-tinh" }],
    ["a commune's office does not report", OFFICE, "2026Q2", null],
    ["the Front is outside these lines", MTTQ, "2026Q2", null],
    ["the Province itself owes nothing (root)", PROVINCE, "2026Q2", null],
    ["no monthly reports in this regime", XA, "2026-05", null],
  ])("%s", (_n, u, period, want) => {
    expect(owed(u, period, r)).toEqual(want);
  });
});

describe("seed 001 — Tuyên Quang Party bodies (KH 63-KH/TU §IV.1)", () => {
  const r = regime(tuyenQuang63());
  it("a Party department reports each quarter to the Tỉnh ủy before the 20th", () => {
    expect(["2026Q1", "2026Q2", "2026Q3", "2026Q4"].map((q) => owed(BTC, q, r)?.lastDay)).toEqual(["2026-03-19", "2026-06-19", "2026-09-19", "2026-12-19"]);
    expect(owed(BTC, "2026Q2", r)?.to).toBe(TU.id);
    expect(obligationOf(BTC, parsePeriod("2026Q2"), r, VN, idOf)?.schedule.via).toContain("Văn phòng Tỉnh ủy");
  });
  it("only quarters, and only Party bodies", () => {
    expect(owed(BTC, "2026S1", r)).toBeNull();
    expect(owed(SYT, "2026Q2", r)).toBeNull();
  });
});

describe("seed 002 — Đồng Tháp (KH 498/KH-UBND §IV.1, appendix row 16)", () => {
  const r = regime(dongThap498({ homeAffairs: "SNV" }));
  it.each<[string, ReportingUnit, string, ReturnType<typeof owed>]>([
    ["a department: six months before 05/6", SYT, "2026S1", { to: 2, lastDay: "2026-06-04", line: "so-xa-6t-nam" }],
    ["a commune: year before 05/12", XA, "2026", { to: 2, lastDay: "2026-12-04", line: "so-xa-6t-nam" }],
    ["no separate second-half report", XA, "2026S2", null],
    ["no quarterly report", XA, "2026Q1", null],
    ["Sở Nội vụ: six months before 10/6", SNV, "2026S1", { to: 1, lastDay: "2026-06-09", line: "snv-tinh-6t-nam" }],
    ["Sở Nội vụ: year before 10/12", SNV, "2026", { to: 1, lastDay: "2026-12-09", line: "snv-tinh-6t-nam" }],
  ])("%s", (_n, u, period, want) => {
    expect(owed(u, period, r)).toEqual(want);
  });

  it("lists a commune's reports of the year by deadline", () => {
    expect(obligationsOfYear(XA, 2026, r, VN, idOf).map((o) => [o.period.id, o.deadline.lastDay])).toEqual([["2026S1", "2026-06-04"], ["2026", "2026-12-04"]]);
  });
});

describe("obligationOf — general rules", () => {
  it("the default regime: quarter, six months and year to the parent, before the 15th", () => {
    expect(obligationsOfYear(XA, 2026, REPORTING_DEFAULTS, VN, idOf).map((o) => o.period.id)).toEqual(["2026Q1", "2026Q2", "2026S1", "2026Q3", "2026Q4", "2026S2", "2026"]);
    expect(owed(XA, "2026Q3", REPORTING_DEFAULTS)).toMatchObject({ to: PROVINCE.id, lastDay: "2026-09-14" });
  });
  it("nothing is owed before `since`", () => {
    expect(owed(XA, "2025Q4", REPORTING_DEFAULTS)).toBeNull();
    expect(owed(XA, "2025Q4", { ...REPORTING_DEFAULTS, since: "2025-01-01" })).not.toBeNull();
  });
  it("a skipped slot is not owed", () => {
    const r = regime([{ ...REPORTING_DEFAULTS.schedules[0]!, skip: ["Q2", "Q4"] }]);
    expect(owed(XA, "2026Q2", r)).toBeNull();
    expect(owed(XA, "2026Q3", r)).not.toBeNull();
  });
  it("a unit never reports to itself, nor to an unknown unit", () => {
    const toSnv = regime([{ id: "x", periods: ["quarter"], reporters: {}, recipient: { kind: "unit", code: "SNV" }, deadline: { kind: "days_after_end", days: 5 } }]);
    expect(owed(SNV, "2026Q2", toSnv)).toBeNull();
    const toNowhere = regime([{ id: "x", periods: ["quarter"], reporters: {}, recipient: { kind: "unit", code: "KHONG_CO" }, deadline: { kind: "days_after_end", days: 5 } }]);
    expect(owed(XA, "2026Q2", toNowhere)).toBeNull();
  });
  it("a unit merged away before the period's end owes nothing; the new unit owes from its first period", () => {
    const old = unit(9, "XA_CU", "commune", "state", 1, { validTo: "2025-06-30" });
    const merged = unit(10, "XA_MOI", "commune", "state", 1, { validFrom: "2025-07-01" });
    expect(existsAtEnd(old, parsePeriod("2025S1"))).toBe(true);
    expect(existsAtEnd(old, parsePeriod("2025"))).toBe(false);
    expect(existsAtEnd(merged, parsePeriod("2025S1"))).toBe(false);
    expect(existsAtEnd(merged, parsePeriod("2025"))).toBe(true);
  });
});
