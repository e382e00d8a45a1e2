// Data cut-off conventions — kl226-rules.md §9 (Decree 09/2019) and data-contract.md §Periods.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../period.js";
import { dataRangeOf, monthsTouched, previousDataRangeOf } from "./cutoff.js";

describe("dataRangeOf", () => {
  it.each<[string, string, string]>([
    // §9: month = 15th of the previous month → 14th
    ["2026-05", "2026-04-15", "2026-05-15"],
    ["2026-01", "2025-12-15", "2026-01-15"],
    // quarter = 15th of the month before the quarter → 14th of its last month
    ["2026Q1", "2025-12-15", "2026-03-15"],
    ["2026Q2", "2026-03-15", "2026-06-15"],
    ["2026Q4", "2026-09-15", "2026-12-15"],
    // six months = 15/12 of the previous year → 14/6
    ["2026S1", "2025-12-15", "2026-06-15"],
    ["2026S2", "2026-06-15", "2026-12-15"],
    // year = 15/12 of the previous year → 14/12
    ["2026", "2025-12-15", "2026-12-15"],
  ])("Decree 09: %s covers [%s, %s)", (period, start, end) => {
    expect(dataRangeOf(parsePeriod(period), "decree09", 15)).toEqual({ start, end, convention: "decree09" });
  });

  it("calendar ranges are the period itself", () => {
    expect(dataRangeOf(parsePeriod("2026Q2"), "calendar", 15)).toEqual({ start: "2026-04-01", end: "2026-07-01", convention: "calendar" });
  });

  it("takes the cut-off day from the settings", () => {
    expect(dataRangeOf(parsePeriod("2026Q2"), "decree09", 20)).toMatchObject({ start: "2026-03-20", end: "2026-06-20" });
  });

  it("the same period last year shifts the range by a year", () => {
    expect(previousDataRangeOf(parsePeriod("2026"), "decree09", 15)).toMatchObject({ start: "2024-12-15", end: "2025-12-15" });
  });
});

describe("monthsTouched", () => {
  it.each<[string, string, string[]]>([
    ["2026-04-01", "2026-07-01", ["2026-04", "2026-05", "2026-06"]],
    ["2026-03-15", "2026-06-15", ["2026-03", "2026-04", "2026-05", "2026-06"]],
    ["2025-12-15", "2026-01-15", ["2025-12", "2026-01"]],
  ])("[%s, %s) → %j", (start, end, months) => {
    expect(monthsTouched({ start, end })).toEqual(months);
  });
});
