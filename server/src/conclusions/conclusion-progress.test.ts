import { describe, expect, it } from "vitest";
import type { ProgressStatus } from "../domain/plans/progress.js";
import { conclusionStatusOf, deadlineTextOf, summarizeConclusions } from "./conclusion-progress.js";

describe("progress of a conference's conclusions", () => {
  it.each<[ProgressStatus[], string]>([
    [[], "not_started"],
    [["chua_thuc_hien"], "not_started"],
    [["dang_thuc_hien"], "on_time"],
    [["hoan_thanh_dung_han"], "done"],
    [["hoan_thanh_qua_han"], "done"],
    [["hoan_thanh_dung_han", "chua_thuc_hien"], "on_time"],
    [["hoan_thanh_dung_han", "qua_han_chua_hoan_thanh"], "overdue"],
    [["dang_thuc_hien", "qua_han_chua_hoan_thanh"], "overdue"],
  ])("%j → %s", (statuses, expected) => {
    expect(conclusionStatusOf(statuses)).toBe(expected);
  });

  it("summarises the statuses and the conclusions failing a «rõ»", () => {
    expect(summarizeConclusions([
      { status: "done", allClear: true }, { status: "overdue", allClear: false }, { status: "on_time", allClear: true },
      { status: "not_started", allClear: null },
    ])).toEqual({ total: 4, done: 1, onTime: 1, overdue: 1, notStarted: 1, sixClearIncomplete: 2, donePercent: 25 });
    expect(summarizeConclusions([]).donePercent).toBeNull();
    expect(summarizeConclusions([{ status: "done", allClear: true }, { status: "done", allClear: true }, { status: "on_time", allClear: true }]).donePercent).toBe(66.7);
  });

  it("writes an ISO due the Vietnamese way and keeps a phrase", () => {
    expect(deadlineTextOf("2026-07-31")).toBe("31/07/2026");
    expect(deadlineTextOf(" Quý III/2026 ")).toBe("Quý III/2026");
    expect(deadlineTextOf("")).toBe("");
  });
});
