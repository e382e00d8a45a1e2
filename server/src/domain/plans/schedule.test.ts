import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline.js";
import { occurrencesOf } from "./schedule.js";
import type { Occurrence } from "./schedule.js";
import { addDays } from "./plan-text.js";

const ctx = { planYear: 2026 };
const occ = (text: string, untilYear: number): Occurrence[] => occurrencesOf(parseDeadline(text, ctx), untilYear);

describe("occurrencesOf", () => {
  it.each<[string, number, Occurrence[]]>([
    ["Chậm nhất 15/5/2026", 2026, [{ period: "2026-05", due: "2026-05-15" }]],
    ["Quý IV/2026", 2030, [{ period: "2026Q4", due: "2026-12-31" }]],
    ["Năm 2027", 2026, []], // due after the horizon
    ["2026-2027", 2027, [{ period: "2027", due: "2027-12-31" }]],
    ["Thường xuyên", 2030, []],
    ["2026 và thường xuyên", 2026, [{ period: "2026", due: "2026-12-31" }]],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", 2030, []],
    ["11UOme X", 2030, []],
    ["Hằng năm, bắt đầu từ 2026", 2028, [
      { period: "2026", due: "2026-12-31" }, { period: "2027", due: "2027-12-31" }, { period: "2028", due: "2028-12-31" },
    ]],
    ["Hằng năm, từ 2026 đến 2027", 2030, [{ period: "2026", due: "2026-12-31" }, { period: "2027", due: "2027-12-31" }]],
    ["Hằng quý, 6 tháng, năm", 2026, [
      { period: "2026Q1", due: "2026-03-31" },
      { period: "2026Q2", due: "2026-06-30" },
      { period: "2026S1", due: "2026-06-30" },
      { period: "2026Q3", due: "2026-09-30" },
      { period: "2026Q4", due: "2026-12-31" },
      { period: "2026S2", due: "2026-12-31" },
      { period: "2026", due: "2026-12-31" },
    ]],
  ])("%s until %i", (text, untilYear, want) => {
    expect(occ(text, untilYear)).toEqual(want);
  });

  it("skips periods that end before the task starts", () => {
    const s = { kind: "recurring" as const, cadence: ["quarter" as const], from: "2026-05-13", until: null, text: "Hằng quý" };
    expect(occurrencesOf(s, 2026).map((o) => o.period)).toEqual(["2026Q2", "2026Q3", "2026Q4"]);
  });

  it("counts twelve monthly dues a year, February's on the 28th", () => {
    const months = occ("Hằng tháng", 2026);
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ period: "2026-02", due: "2026-02-28" });
  });

  it("takes a reporting regime's dues through dueOf (before the 15th of the last month)", () => {
    const s = parseDeadline("Hằng quý", ctx);
    const dueOf = (p: { end: string }) => addDays(p.end, -1).slice(0, 8) + "15";
    expect(occurrencesOf(s, 2026, { dueOf }).map((o) => o.due)).toEqual(["2026-03-15", "2026-06-15", "2026-09-15", "2026-12-15"]);
  });
});
