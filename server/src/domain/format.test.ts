import { describe, it, expect } from "vitest";
import { formatNumberVi, formatSessionsAsDays, roundTo } from "./format.js";

describe("roundTo", () => {
  it.each([
    [17.45, 1, 17.5],
    [17.44, 1, 17.4],
    [-2.25, 1, -2.3],
    [-0.01, 1, 0],
    [(1 / 3) * 100, 1, 33.3],
    [2.5, 0, 3],
  ])("roundTo(%s, %s) = %s", (n, d, want) => {
    expect(Object.is(roundTo(n, d), want)).toBe(true);
  });
});

describe("formatNumberVi", () => {
  it.each([
    [1.5, "1,5"],
    [1, "1"],
    [148717, "148.717"],
    [991000.25, "991.000,3"],
    [-3.2, "-3,2"],
    [0, "0"],
    [1000, "1.000"],
    [999, "999"],
  ])("%s → %s", (n, want) => {
    expect(formatNumberVi(n)).toBe(want);
  });
});

describe("formatSessionsAsDays", () => {
  it.each([
    [1, "1/2 ngày"],
    [2, "1 ngày"],
    [3, "1,5 ngày"],
    [4, "2 ngày"],
  ])("%i buổi → %s", (s, want) => {
    expect(formatSessionsAsDays(s)).toBe(want);
  });
});
