import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS, type ConferencePlanningSettings } from "../settings.js";
import { assessBunching, edgesOfYear, type BunchingItem } from "./bunching.js";

const planning = (overrides: Partial<ConferencePlanningSettings> = {}): ConferencePlanningSettings => ({ ...KL226_DEFAULTS.conferencePlanning, ...overrides });
const on = (...days: string[]): BunchingItem[] => days.map((d) => ({ firstDay: d, lastDay: d }));
/** `n` conferences spread over mid-year days, outside both edges. */
const midYear = (n: number): BunchingItem[] => on(...Array.from({ length: n }, (_, i) => `2026-0${3 + (i % 6)}-1${i % 10}`));

describe("edgesOfYear", () => {
  it.each([
    [2026, 2, "2026-01-01", "2026-01-14", "2026-12-18", "2026-12-31"],
    [2028, 2, "2028-01-01", "2028-01-14", "2028-12-18", "2028-12-31"], // leap year: still the last 14 days
    [2026, 1, "2026-01-01", "2026-01-07", "2026-12-25", "2026-12-31"],
  ])("%i, %i weeks → %s–%s and %s–%s", (year, weeks, s1, s2, e1, e2) => {
    expect(edgesOfYear(year, weeks)).toEqual([{ edge: "start", from: s1, to: s2 }, { edge: "end", from: e1, to: e2 }]);
  });
});

describe("assessBunching (M9)", () => {
  it.each<[string, BunchingItem[], Partial<ConferencePlanningSettings>, Array<{ edge: string; count: number; total: number; sharePercent: number }>]>([
    ["2 of 10 in the first two weeks is exactly 20 %: allowed", [...on("2026-01-02", "2026-01-14"), ...midYear(8)], {}, []],
    ["3 of 10 in the first two weeks: 30 % > 20 %", [...on("2026-01-02", "2026-01-05", "2026-01-14"), ...midYear(7)], {}, [{ edge: "start", count: 3, total: 10, sharePercent: 30 }]],
    ["15/01 is outside the start edge", [...on("2026-01-02", "2026-01-05", "2026-01-15"), ...midYear(7)], {}, []],
    ["3 of 10 in the last two weeks, from 18/12", [...on("2026-12-18", "2026-12-30", "2026-12-31"), ...midYear(7)], {}, [{ edge: "end", count: 3, total: 10, sharePercent: 30 }]],
    ["17/12 is outside the end edge", [...on("2026-12-17", "2026-12-30", "2026-12-31"), ...midYear(7)], {}, []],
    ["both edges bunched", [...on("2026-01-03", "2026-01-04", "2026-12-20", "2026-12-21"), ...midYear(3)], {}, [
      { edge: "start", count: 2, total: 7, sharePercent: 28.6 },
      { edge: "end", count: 2, total: 7, sharePercent: 28.6 },
    ]],
    ["a higher limit from the settings allows it", [...on("2026-01-02", "2026-01-05", "2026-01-14"), ...midYear(7)], { bunchingMaxSharePercent: 30 }, []],
    ["three edge weeks reach 21/01", [...on("2026-01-02", "2026-01-20", "2026-01-21"), ...midYear(7)], { bunchingEdgeWeeks: 3 }, [{ edge: "start", count: 3, total: 10, sharePercent: 30 }]],
    ["zero edge weeks: never bunched", [...on("2026-01-01", "2026-01-01", "2026-01-01"), ...midYear(3)], { bunchingEdgeWeeks: 0 }, []],
    ["other years are ignored", [...on("2025-12-30", "2025-12-31", "2027-01-01"), ...on("2026-01-02"), ...midYear(4)], {}, []],
  ])("%s", (_name, items, overrides, expected) => {
    const r = assessBunching(2026, items, planning(overrides));
    expect(r.findings.map(({ edge, count, total, sharePercent }) => ({ edge, count, total, sharePercent }))).toEqual(expected);
  });

  it(`judges no year under ${KL226_DEFAULTS.conferencePlanning.bunchingMinConferences} conferences, even all in January`, () => {
    const r = assessBunching(2026, on("2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05"), planning());
    expect(r).toMatchObject({ total: 4, isJudged: false, findings: [] });
    expect(r.edges[0]).toMatchObject({ count: 4, sharePercent: 100 });
    const five = assessBunching(2026, on("2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-06-01"), planning());
    expect(five.isJudged).toBe(true);
    expect(five.findings).toHaveLength(1);
  });

  it("counts a conference planned only by month in an edge only if the whole month is inside", () => {
    const january = { firstDay: "2026-01-01", lastDay: "2026-01-31" };
    const items = [january, january, january, ...midYear(3)];
    expect(assessBunching(2026, items, planning()).findings).toEqual([]);
    expect(assessBunching(2026, items, planning({ bunchingEdgeWeeks: 5 })).findings.map((f) => f.count)).toEqual([3]);
  });

  it("says which edge, the share, the limit and the source in Vietnamese", () => {
    const r = assessBunching(2026, [...on("2026-12-18", "2026-12-30", "2026-12-31"), ...midYear(7)], planning());
    expect(r.findings[0]).toMatchObject({ rule: "M9", limitPercent: 20, source: "KL 226 §2.2; KH 153a/KH-UBND §4.a" });
    expect(r.findings[0]?.message).toBe("3/10 hội nghị của năm 2026 (30 %) dồn vào 2 tuần cuối năm (18/12–31/12), quá 20 % — KL 226 §2.2; KH 153a/KH-UBND §4.a");
  });
});
