import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS, resolveSettings } from "../settings.js";
import {
  allowedConferences, checkConferencePlan, describeTimeliness, isBlocking, planDeadlineOf, planTimeliness,
  type PlanFinding, type PlannedConferenceInput,
} from "./conference-plan.js";

const planning = KL226_DEFAULTS.conferencePlanning;

describe("planDeadlineOf (M7 — KH 63-KH/TU §III.2)", () => {
  it.each<[number, string]>([
    [2026, "2026-02-20"], // the year's own date
    [2027, "2027-01-15"], // then 15/01 every year
    [2030, "2030-01-15"],
  ])("%i → %s", (year, deadline) => {
    expect(planDeadlineOf(year, planning)).toBe(deadline);
  });

  it("follows the settings: another day, another year's own date, a day past the month's end", () => {
    const s = resolveSettings([{ conferencePlanning: { planDeadline: "01-31", planDeadlineByYear: { "2027": "2027-03-01" } } }]).conferencePlanning;
    expect(planDeadlineOf(2026, s)).toBe("2026-02-20"); // the default year entry is kept
    expect(planDeadlineOf(2027, s)).toBe("2027-03-01");
    expect(planDeadlineOf(2028, s)).toBe("2028-01-31");
    const leap = resolveSettings([{ conferencePlanning: { planDeadline: "02-29" } }]).conferencePlanning;
    expect(planDeadlineOf(2028, leap)).toBe("2028-02-29");
    expect(planDeadlineOf(2027, leap)).toBe("2027-02-28");
  });
});

describe("planTimeliness", () => {
  it.each<[string, number, string | null, string, { status: string; onTime: boolean | null; daysLate: number }]>([
    ["issued on the 2026 deadline", 2026, "2026-02-20", "2026-06-15", { status: "on_time", onTime: true, daysLate: 0 }],
    ["issued the day after 20/02/2026", 2026, "2026-02-21", "2026-06-15", { status: "late", onTime: false, daysLate: 1 }],
    ["issued in March 2026", 2026, "2026-03-02", "2026-06-15", { status: "late", onTime: false, daysLate: 10 }],
    ["2027 issued 15/01/2027", 2027, "2027-01-15", "2027-06-15", { status: "on_time", onTime: true, daysLate: 0 }],
    ["2027 issued 20/02/2027 (the 2026 date no longer holds)", 2027, "2027-02-20", "2027-06-15", { status: "late", onTime: false, daysLate: 36 }],
    ["2027 issued the December before", 2027, "2026-12-20", "2026-12-21", { status: "on_time", onTime: true, daysLate: 0 }],
    ["not issued, deadline ahead", 2026, null, "2026-02-01", { status: "pending", onTime: null, daysLate: 0 }],
    ["not issued, deadline today", 2026, null, "2026-02-20", { status: "pending", onTime: null, daysLate: 0 }],
    ["not issued, late so far", 2026, null, "2026-03-01", { status: "overdue", onTime: false, daysLate: 9 }],
    ["not issued, a year on (2027 late from 15/01)", 2027, null, "2027-02-14", { status: "overdue", onTime: false, daysLate: 30 }],
  ])("%s", (_name, year, issuedOn, today, expected) => {
    expect(planTimeliness(year, issuedOn, today, planning)).toMatchObject(expected);
  });

  it("says it in Vietnamese with dd/mm/yyyy", () => {
    expect(describeTimeliness(planTimeliness(2026, "2026-03-02", "2026-06-15", planning))).toBe("Ban hành chậm 10 ngày so với hạn 20/02/2026");
    expect(describeTimeliness(planTimeliness(2026, "2026-02-10", "2026-06-15", planning))).toBe("Ban hành đúng hạn (hạn 20/02/2026)");
    expect(describeTimeliness(planTimeliness(2027, null, "2027-01-01", planning))).toBe("Chưa ban hành — hạn 15/01/2027");
    expect(describeTimeliness(planTimeliness(2027, null, "2027-01-20", planning))).toBe("Chưa ban hành, đã quá hạn 15/01/2027 5 ngày");
  });
});

describe("allowedConferences (M1)", () => {
  it.each<[number | null, number, number | null]>([
    [100, 10, 90], [70, 10, 63], [31, 10, 27], [10, 10, 9], [9, 10, 8], [1, 10, 0], [50, 20, 40], [0, 10, null], [null, 10, null],
  ])("last year %s, cut %s%% → %s", (last, m1, allowed) => {
    expect(allowedConferences(last, m1)).toBe(allowed);
  });
});

/** A compliant planned conference: an online half-day dissemination inside the unit. */
function buildItem(overrides: Partial<PlannedConferenceInput> = {}): PlannedConferenceInput {
  return { title: "Hội nghị quán triệt Nghị quyết", category: "quan_triet", scope: "noi_bo", format: "truc_tuyen", expectedSessions: 1, ...overrides };
}
const many = (n: number, overrides: Partial<PlannedConferenceInput> = {}) => Array.from({ length: n }, () => buildItem(overrides));

type Case = [string, PlannedConferenceInput[], number | null, Array<Partial<PlanFinding>>];

describe("checkConferencePlan", () => {
  const check = (items: PlannedConferenceInput[], lastYearHeld: number | null, rules = KL226_DEFAULTS) =>
    checkConferencePlan(items, { year: 2026, lastYearHeld, rules });

  it.each<Case>([
    ["an empty plan", [], 10, []],
    ["9 of last year's 10: the −10 % is met", many(9), 10, []],
    ["10 of last year's 10", many(10), 10, [{
      rule: "M1", severity: "error", limit: 9, actual: 10, items: [],
      message: "Kế hoạch có 10 hội nghị, nhiều hơn mức tối đa 9 (năm 2025 đã tổ chức 10, phải giảm ít nhất 10%) — KL 226 §2.2",
    }]],
    ["no conference last year: M1 cannot be computed", many(5), 0, []],
    ["3 online of 5 is exactly 60 %", [...many(3), ...many(2, { format: "truc_tiep" })], null, []],
    ["2 online of 5", [...many(2), ...many(3, { format: "truc_tiep" })], null, [{
      rule: "M2", severity: "error", field: "format", limit: 60, actual: 40, items: [2, 3, 4],
      message: "Hội nghị trực tuyến chỉ chiếm 40% (2/5) (tính cả hội nghị kết hợp); cần ít nhất 60% — KL 226 §2.2",
    }]],
    ["hybrid counts as online by default", [...many(3, { format: "ket_hop" }), ...many(2, { format: "truc_tiep" })], null, []],
    ["3 toàn tỉnh is one over 2", [...many(3, { scope: "toan_tinh" }), buildItem()], null, [{
      rule: "M3", severity: "error", field: "scope", limit: 2, actual: 3, items: [0, 1, 2],
      message: "Kế hoạch có 3 hội nghị toàn tỉnh (không tính kỳ họp định kỳ), vượt định mức 2 hội nghị một năm; tổ chức thêm cần quyết định cho phép của Ban Thường vụ — KL 226 §2.2",
    }]],
    ["kỳ họp định kỳ are not counted", [...many(2, { scope: "toan_tinh" }), ...many(3, { scope: "toan_tinh", category: "dinh_ky", expectedSessions: 6 })], null, []],
    ["4 toàn xã is one over 3", many(4, { scope: "toan_xa" }), null, [{ rule: "M3", limit: 3, actual: 4, items: [0, 1, 2, 3] }]],
    ["a 1-day quán triệt", [buildItem({ expectedSessions: 2, title: "Quán triệt Nghị quyết 18" })], null, [{
      rule: "M4", severity: "warning", field: "expectedSessions", limit: 1, actual: 2, items: [0],
      message: "«Quán triệt Nghị quyết 18»: Hội nghị quán triệt không quá 1/2 ngày (1 buổi); kế hoạch dự kiến 2 buổi — KL 226 §2.2",
    }]],
    ["a 1.5-day quan trọng is fine; no duration is unchecked", [buildItem({ category: "quan_trong", expectedSessions: 3 }), buildItem({ expectedSessions: null })], null, []],
  ])("%s", (_name, items, last, expected) => {
    const { findings } = check(items, last);
    expect(findings).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(findings[i]).toMatchObject({ source: "KL 226 §2.2", ...e }));
  });

  it("counts what the page shows", () => {
    const items = [...many(4), buildItem({ format: "ket_hop", scope: "toan_tinh" }), buildItem({ format: "truc_tiep", scope: "toan_xa" }), buildItem({ category: "dinh_ky", scope: "toan_xa", format: "truc_tiep" })];
    expect(check(items, 31).counts).toEqual({
      planned: 7, online: 5, onlineShare: 71.4, wide: 2, wideProvince: 1, wideCommune: 1, lastYearHeld: 31, allowed: 27,
    });
  });

  it("follows the settings: hybrid not online, a stricter M2, a tighter quota", () => {
    const rules = resolveSettings([{ hybridCountsAsOnline: false, targets: { M2: 80, M3Province: 1, M1: 20 } }]);
    const items = [...many(3, { format: "ket_hop" }), ...many(3), ...many(2, { scope: "toan_tinh" })];
    const { findings, counts } = check(items, 10, rules);
    expect(counts).toMatchObject({ online: 5, allowed: 8 });
    expect(findings.map((f) => [f.rule, f.limit, f.actual])).toEqual([["M2", 80, 62.5], ["M3", 1, 2]]);
    expect(findings[0]?.message).toContain("(không tính hội nghị kết hợp)");
  });

  it("blocks on M1–M3, warns on M4", () => {
    const { findings } = check([buildItem({ format: "truc_tiep", expectedSessions: 4 })], 1);
    expect(findings.map((f) => [f.rule, isBlocking(f)])).toEqual([["M1", true], ["M2", true], ["M4", false]]);
  });
});
