import { describe, expect, it } from "vitest";
import { dueSoon, isOverdue, PROGRESS_STATUS_LABELS, statusOf } from "./progress.js";
import type { OccurrenceDates, ProgressStatus } from "./progress.js";

const today = "2026-06-10";

describe("statusOf", () => {
  it.each<[string, OccurrenceDates, ProgressStatus]>([
    ["nothing yet, due ahead", { due: "2026-06-30", completedOn: null }, "chua_thuc_hien"],
    ["started, due ahead", { due: "2026-06-30", completedOn: null, startedOn: "2026-06-01" }, "dang_thuc_hien"],
    ["started today", { due: "2026-06-30", completedOn: null, startedOn: today }, "dang_thuc_hien"],
    ["start recorded for later", { due: "2026-06-30", completedOn: null, startedOn: "2026-06-20" }, "chua_thuc_hien"],
    ["due today, not done: still in time", { due: today, completedOn: null }, "chua_thuc_hien"],
    ["due yesterday, not done", { due: "2026-06-09", completedOn: null, startedOn: "2026-06-01" }, "qua_han_chua_hoan_thanh"],
    ["done on the due day", { due: "2026-05-15", completedOn: "2026-05-15" }, "hoan_thanh_dung_han"],
    ["done early", { due: "2026-05-15", completedOn: "2026-05-01" }, "hoan_thanh_dung_han"],
    ["done a day late", { due: "2026-05-15", completedOn: "2026-05-16" }, "hoan_thanh_qua_han"],
    ["done, no due (event not yet dated)", { due: null, completedOn: "2026-05-16" }, "hoan_thanh_dung_han"],
    ["no due, started", { due: null, completedOn: null, startedOn: "2026-05-16" }, "dang_thuc_hien"],
    ["no due, nothing", { due: null, completedOn: null }, "chua_thuc_hien"],
  ])("%s", (_name, o, want) => {
    expect(statusOf(o, today)).toBe(want);
    expect(isOverdue(o, today)).toBe(want === "qua_han_chua_hoan_thanh");
  });

  it("labels every status in Vietnamese", () => {
    expect(PROGRESS_STATUS_LABELS.qua_han_chua_hoan_thanh).toBe("Quá hạn chưa hoàn thành");
    expect(Object.keys(PROGRESS_STATUS_LABELS)).toHaveLength(5);
  });
});

describe("dueSoon", () => {
  const list = [
    { id: 1, due: "2026-06-10", completedOn: null },
    { id: 2, due: "2026-06-17", completedOn: null },
    { id: 3, due: "2026-06-18", completedOn: null },
    { id: 4, due: "2026-06-09", completedOn: null },
    { id: 5, due: "2026-06-12", completedOn: "2026-06-11" },
    { id: 6, due: null, completedOn: null },
    { id: 7, due: "2026-07-01", completedOn: null },
  ];
  it.each<[number | undefined, number[]]>([
    [undefined, [1, 2]],
    [0, [1]],
    [30, [1, 2, 3, 7]],
  ])("within %s days", (days, ids) => {
    expect(dueSoon(list, today, days).map((o) => o.id)).toEqual(ids);
  });

  it("crosses a month and a year end", () => {
    expect(dueSoon([{ due: "2027-01-02", completedOn: null }], "2026-12-28")).toHaveLength(1);
  });
});
