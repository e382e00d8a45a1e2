import { describe, expect, it } from "vitest";
import { splitByWholeMonths } from "./month-split.js";

describe("splitByWholeMonths", () => {
  it.each([
    // [from, to, months, edges]
    [undefined, undefined, { from: undefined, to: undefined }, []],
    ["2026-01-01", "2026-12-31", { from: "2026-01-01", to: "2027-01-01" }, []],
    ["2026-03-15", "2026-06-20", { from: "2026-04-01", to: "2026-06-01" }, [{ from: "2026-03-15", to: "2026-04-01" }, { from: "2026-06-01", to: "2026-06-21" }]],
    ["2026-02-01", "2026-02-28", { from: "2026-02-01", to: "2026-03-01" }, []],
    ["2026-12-15", undefined, { from: "2027-01-01", to: undefined }, [{ from: "2026-12-15", to: "2027-01-01" }]],
    [undefined, "2026-01-30", { from: undefined, to: "2026-01-01" }, [{ from: "2026-01-01", to: "2026-01-31" }]],
    ["2026-01-31", "2026-02-27", null, [{ from: "2026-01-31", to: "2026-02-28" }]],
    ["2026-05-10", "2026-05-20", null, [{ from: "2026-05-10", to: "2026-05-21" }]],
    ["2024-02-29", "2024-02-29", null, [{ from: "2024-02-29", to: "2024-03-01" }]],
    ["2026-03-01", "2026-02-01", null, [{ from: "2026-03-01", to: "2026-02-02" }]],
  ] as const)("%s..%s", (from, to, months, edges) => {
    expect(splitByWholeMonths(from, to)).toEqual({ months, edges });
  });

  it("covers every day of the range exactly once", () => {
    const day = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const [from, to] of [["2025-11-17", "2026-03-02"], ["2026-01-01", "2026-01-31"], ["2026-02-28", "2026-03-01"]] as const) {
      const { months, edges } = splitByWholeMonths(from, to);
      for (let d = day(from, -3); d <= day(to, 3); d = day(d, 1)) {
        const inRange = d >= from && d <= to;
        const inEdges = edges.filter((e) => (e.from === undefined || d >= e.from) && (e.to === undefined || d < e.to)).length;
        const m = `${d.slice(0, 7)}-01`;
        const inMonths = months !== null && (months.from === undefined || m >= months.from) && (months.to === undefined || m < months.to) ? 1 : 0;
        expect(inEdges + inMonths, d).toBe(inRange ? 1 : 0);
      }
    }
  });
});
