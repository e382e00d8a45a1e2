import { describe, it, expect } from "vitest";
import { elapsedFraction, monthsOf, parsePeriod, periodOfDate, shiftPeriodYears } from "./period.js";
import type { Period, PeriodKind } from "./period.js";
import { DomainError } from "./errors.js";

describe("parsePeriod", () => {
  it.each<[string, Period]>([
    ["2026", { id: "2026", kind: "year", year: 2026, start: "2026-01-01", end: "2027-01-01" }],
    ["2026Q1", { id: "2026Q1", kind: "quarter", year: 2026, start: "2026-01-01", end: "2026-04-01" }],
    ["2026Q4", { id: "2026Q4", kind: "quarter", year: 2026, start: "2026-10-01", end: "2027-01-01" }],
    ["2026S1", { id: "2026S1", kind: "half", year: 2026, start: "2026-01-01", end: "2026-07-01" }],
    ["2026S2", { id: "2026S2", kind: "half", year: 2026, start: "2026-07-01", end: "2027-01-01" }],
    ["2026-05", { id: "2026-05", kind: "month", year: 2026, start: "2026-05-01", end: "2026-06-01" }],
    ["2026-12", { id: "2026-12", kind: "month", year: 2026, start: "2026-12-01", end: "2027-01-01" }],
    ["2026q2", { id: "2026Q2", kind: "quarter", year: 2026, start: "2026-04-01", end: "2026-07-01" }],
    [" 1900 ", { id: "1900", kind: "year", year: 1900, start: "1900-01-01", end: "1901-01-01" }],
  ])("%s", (id, want) => {
    expect(parsePeriod(id)).toEqual(want);
  });

  it.each(["2026-13", "2026-00", "2026Q5", "2026Q0", "2026S3", "1899", "26", "2026-5", "2026H1", "", "abcd", "2026Q1x"])(
    "rejects %j with INVALID_PERIOD",
    (id) => {
      expect(() => parsePeriod(id)).toThrow(DomainError);
      try {
        parsePeriod(id);
      } catch (e) {
        expect((e as DomainError).code).toBe("INVALID_PERIOD");
        expect((e as DomainError).message).toContain("không hợp lệ");
      }
    },
  );
});

describe("shiftPeriodYears", () => {
  it.each<[string, number, string, string, string]>([
    ["2026", -1, "2025", "2025-01-01", "2026-01-01"],
    ["2026Q3", -1, "2025Q3", "2025-07-01", "2025-10-01"],
    ["2026S2", -1, "2025S2", "2025-07-01", "2026-01-01"],
    ["2026-02", -1, "2025-02", "2025-02-01", "2025-03-01"],
    ["2026-05", 2, "2028-05", "2028-05-01", "2028-06-01"],
  ])("%s shifted %i → %s", (id, years, wantId, start, end) => {
    expect(shiftPeriodYears(parsePeriod(id), years)).toMatchObject({ id: wantId, start, end });
  });
  it("refuses to go before 1900", () => {
    expect(() => shiftPeriodYears(parsePeriod("1900"), -1)).toThrow(DomainError);
  });
});

describe("periodOfDate", () => {
  it.each<[PeriodKind, string, string]>([
    ["year", "2026-07-15", "2026"],
    ["half", "2026-06-30", "2026S1"],
    ["half", "2026-07-01", "2026S2"],
    ["quarter", "2026-03-31", "2026Q1"],
    ["quarter", "2026-04-01", "2026Q2"],
    ["quarter", "2026-12-31", "2026Q4"],
    ["month", "2024-02-29", "2024-02"],
  ])("%s of %s = %s", (kind, date, want) => {
    expect(periodOfDate(kind, date).id).toBe(want);
  });
  it.each(["2026-02-30", "2025-02-29", "15/05/2026", "2026-5-1"])("rejects %s", (d) => {
    expect(() => periodOfDate("month", d)).toThrow(DomainError);
  });
});

describe("monthsOf", () => {
  it.each<[string, string[]]>([
    ["2026-05", ["2026-05"]],
    ["2026Q2", ["2026-04", "2026-05", "2026-06"]],
    ["2026S2", ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]],
  ])("%s", (id, want) => {
    expect(monthsOf(parsePeriod(id))).toEqual(want);
  });
  it("a year has its twelve months", () => {
    const ms = monthsOf(parsePeriod("2026"));
    expect(ms).toHaveLength(12);
    expect([ms[0], ms[11]]).toEqual(["2026-01", "2026-12"]);
  });
});

describe("elapsedFraction", () => {
  const year = parsePeriod("2026");
  it.each<[string, Period, string, number]>([
    ["before the period", year, "2025-12-31T10:00:00Z", 0],
    ["first local day (00:30 on 1 Jan in Hà Nội is 17:30Z on 31 Dec)", year, "2025-12-31T17:30:00Z", 1 / 365],
    ["2 July local", year, "2026-07-02T03:00:00Z", 183 / 365],
    ["last day", year, "2026-12-31T12:00:00Z", 1],
    ["after the period", year, "2027-03-01T00:00:00Z", 1],
    ["10th day of a 28-day month", parsePeriod("2026-02"), "2026-02-10T05:00:00Z", 10 / 28],
    ["quarter, day 45 of 90", parsePeriod("2026Q1"), "2026-02-14T05:00:00Z", 45 / 90],
  ])("%s", (_name, p, now, want) => {
    expect(elapsedFraction(p, new Date(now), 420)).toBeCloseTo(want, 10);
  });
  it("uses the offset: 2026-01-01T20:00Z is still day 1 in UTC but day 2 at +07:00", () => {
    expect(elapsedFraction(year, new Date("2026-01-01T20:00:00Z"), 0)).toBeCloseTo(1 / 365, 10);
    expect(elapsedFraction(year, new Date("2026-01-01T20:00:00Z"), 420)).toBeCloseTo(2 / 365, 10);
  });
  it("rejects an invalid date", () => {
    expect(() => elapsedFraction(year, new Date("nope"), 420)).toThrow(DomainError);
  });
});
