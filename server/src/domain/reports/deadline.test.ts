// Every deadline of kl226-rules.md §4, computed from the seeds' rules, and timeliness in
// Asia/Ho_Chi_Minh (UTC+7).
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../period.js";
import { dataRangeOf } from "./cutoff.js";
import { deadlineOf, isOnTime } from "./deadline.js";
import type { DeadlineRule } from "./reporting-settings.js";

const VN = 420;
const lastDayOf = (rule: DeadlineRule, period: string, cutoff: "calendar" | "decree09" = "calendar") => {
  const p = parsePeriod(period);
  return deadlineOf(rule, p, dataRangeOf(p, cutoff, 15), VN)?.lastDay ?? null;
};

describe("deadlineOf — kl226-rules.md §4", () => {
  const before15: DeadlineRule = { kind: "before_day_of_last_month", day: 15 };
  const before20: DeadlineRule = { kind: "before_day_of_last_month", day: 20 };
  const dongThapUnits: DeadlineRule = { kind: "before_fixed_date", dates: [{ slot: "S1", date: "05/6" }, { slot: "Y", date: "05/12" }] };
  const dongThapSnv: DeadlineRule = { kind: "before_fixed_date", dates: [{ slot: "S1", date: "10/6" }, { slot: "Y", date: "10/12" }] };

  it.each<[string, DeadlineRule, string, string | null]>([
    // 000 §6 — Thái Nguyên: departments, communes → Sở Nội vụ before the 15th of the last month
    ["000 units Q1", before15, "2026Q1", "2026-03-14"],
    ["000 units Q2", before15, "2026Q2", "2026-06-14"],
    ["000 units Q3", before15, "2026Q3", "2026-09-14"],
    ["000 units Q4", before15, "2026Q4", "2026-12-14"],
    ["000 units 6 months", before15, "2026S1", "2026-06-14"],
    ["000 units second half", before15, "2026S2", "2026-12-14"],
    ["000 units year", before15, "2026", "2026-12-14"],
    // 000 §6 — Sở Nội vụ → Province before the 20th
    ["000 SNV Q1", before20, "2026Q1", "2026-03-19"],
    ["000 SNV 6 months", before20, "2026S1", "2026-06-19"],
    ["000 SNV year", before20, "2026", "2026-12-19"],
    // 001 §IV.1 — Tuyên Quang Party bodies → Standing Committee before the 20th of the quarter's last month
    ["001 Q2", before20, "2026Q2", "2026-06-19"],
    ["001 Q4", before20, "2026Q4", "2026-12-19"],
    // 002 §IV.1 — Đồng Tháp units: before 05/6 and 05/12
    ["002 units 6 months", dongThapUnits, "2026S1", "2026-06-04"],
    ["002 units year", dongThapUnits, "2026", "2026-12-04"],
    ["002 units: no second-half report", dongThapUnits, "2026S2", null],
    ["002 units: no quarter", dongThapUnits, "2026Q2", null],
    // 002 appendix row 16 — Sở Nội vụ: before 10/6 and 10/12
    ["002 SNV 6 months", dongThapSnv, "2026S1", "2026-06-09"],
    ["002 SNV year", dongThapSnv, "2026", "2026-12-09"],
    // monthly self-tracking (004 §IV) with a 5th-of-month rule, and month-end clamping
    ["month, before the 5th of its own month", { kind: "before_day_of_last_month", day: 5 }, "2026-05", "2026-05-04"],
    ["before the 31st of June = before 30/6", { kind: "before_day_of_last_month", day: 31 }, "2026Q2", "2026-06-29"],
    ["before the 1st = end of the previous month", { kind: "before_day_of_last_month", day: 1 }, "2026Q1", "2026-02-28"],
    ["inclusive: by the 15th itself", { kind: "before_day_of_last_month", day: 15, inclusive: true }, "2026Q2", "2026-06-15"],
    ["fixed date next year (year report by 15/01)", { kind: "before_fixed_date", dates: [{ slot: "Y", date: "15/01", nextYear: true }] }, "2026", "2027-01-14"],
    ["fixed date 29/2 in a common year clamps to 28/2", { kind: "before_fixed_date", dates: [{ slot: "Q1", date: "29/2", nextYear: false }], inclusive: true }, "2026Q1", "2026-02-28"],
    // §9 — N days after the data cut-off
    ["0 days after a calendar quarter", { kind: "days_after_end", days: 0 }, "2026Q2", "2026-06-30"],
    ["10 days after a calendar quarter", { kind: "days_after_end", days: 10 }, "2026Q2", "2026-07-10"],
  ])("%s → %s", (_name, rule, period, want) => {
    expect(lastDayOf(rule, period)).toBe(want);
  });

  it("counts days after the Decree 09 cut-off, calendar or working days", () => {
    // Q2 data under Decree 09 ends on Sunday 14/06/2026
    expect(lastDayOf({ kind: "days_after_end", days: 6 }, "2026Q2", "decree09")).toBe("2026-06-20");
    expect(lastDayOf({ kind: "days_after_end", days: 6, workingDays: true }, "2026Q2", "decree09")).toBe("2026-06-22");
    // the year ends on Monday 14/12/2026: two working days later is Wednesday 16/12
    expect(lastDayOf({ kind: "days_after_end", days: 2, workingDays: true }, "2026", "decree09")).toBe("2026-12-16");
  });

  it("writes the deadline in Vietnamese", () => {
    const p = parsePeriod("2026Q2");
    expect(deadlineOf({ kind: "before_day_of_last_month", day: 15 }, p, dataRangeOf(p, "calendar", 15), VN)?.text).toBe("trước ngày 15/06/2026");
    expect(deadlineOf({ kind: "before_day_of_last_month", day: 15, inclusive: true }, p, dataRangeOf(p, "calendar", 15), VN)?.text).toBe("đến hết ngày 15/06/2026");
  });
});

describe("isOnTime — submission instant vs the deadline's local end", () => {
  const p = parsePeriod("2026Q2");
  const d = deadlineOf({ kind: "before_day_of_last_month", day: 15 }, p, dataRangeOf(p, "calendar", 15), VN);
  it.each<[string, string, boolean]>([
    ["23:59:59 on 14/06 local", "2026-06-14T16:59:59Z", true],
    ["00:00 on 15/06 local", "2026-06-14T17:00:00Z", false],
    ["a week early", "2026-06-07T03:00:00Z", true],
    ["noon on 15/06 local", "2026-06-15T05:00:00Z", false],
  ])("%s → on time %s", (_n, at, want) => {
    expect(d && isOnTime(new Date(at), d)).toBe(want);
  });
});
