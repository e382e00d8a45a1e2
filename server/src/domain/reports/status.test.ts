// Status of an owed report and its reminders (issue "Periodic reports" §4).
import { describe, expect, it } from "vitest";
import { reminderOf, statusOfReport, timelinessOf, type StoredReportState } from "./status.js";

const DEADLINE = "2026-06-14";
const stored = (o: Partial<StoredReportState>): StoredReportState => ({ status: "draft", hasAcceptedVersion: false, firstSubmittedAt: null, ...o });

describe("statusOfReport", () => {
  it.each<[string, string, StoredReportState | null, string]>([
    ["long before: not due", "2026-05-01", null, "not_due"],
    ["15 days before: due", "2026-05-30", null, "due"],
    ["a draft on the deadline: due", "2026-06-14", stored({}), "due"],
    ["the day after: late", "2026-06-15", null, "late"],
    ["a draft after the deadline: late", "2026-07-01", stored({}), "late"],
    ["submitted", "2026-07-01", stored({ status: "submitted" }), "submitted"],
    ["returned", "2026-07-01", stored({ status: "returned" }), "returned"],
    ["accepted", "2026-07-01", stored({ status: "accepted", hasAcceptedVersion: true }), "accepted"],
    ["a correction under way keeps accepted", "2026-07-01", stored({ status: "draft", hasAcceptedVersion: true }), "accepted"],
  ])("%s", (_n, today, s, want) => {
    expect(statusOfReport(DEADLINE, today, 15, s)).toBe(want);
  });
});

describe("timelinessOf", () => {
  const dueAt = new Date("2026-06-14T17:00:00Z");
  it("compares the first submission with the deadline", () => {
    expect(timelinessOf(dueAt, "2026-07-01", DEADLINE, new Date("2026-06-14T16:00:00Z"))).toBe(true);
    expect(timelinessOf(dueAt, "2026-07-01", DEADLINE, new Date("2026-06-15T01:00:00Z"))).toBe(false);
  });
  it("unknown before the deadline, late after it when nothing was sent", () => {
    expect(timelinessOf(dueAt, "2026-06-14", DEADLINE, null)).toBeNull();
    expect(timelinessOf(dueAt, "2026-06-15", DEADLINE, null)).toBe(false);
  });
});

describe("reminderOf — 7 and 3 days before, on the day, then escalated", () => {
  const r = { daysBefore: [7, 3], escalateAfterDays: 1 };
  it.each<[string, boolean, ReturnType<typeof reminderOf>]>([
    ["2026-06-01", false, null],
    ["2026-06-07", false, { kind: "upcoming", stage: 7, daysLeft: 7 }],
    ["2026-06-10", false, { kind: "upcoming", stage: 7, daysLeft: 4 }],
    ["2026-06-11", false, { kind: "upcoming", stage: 3, daysLeft: 3 }],
    ["2026-06-13", false, { kind: "upcoming", stage: 3, daysLeft: 1 }],
    ["2026-06-14", false, { kind: "upcoming", stage: 0, daysLeft: 0 }],
    ["2026-06-15", false, { kind: "late", daysLate: 1, escalate: true }],
    ["2026-06-20", true, null],
  ])("%s (sent %s)", (today, sent, want) => {
    expect(reminderOf(DEADLINE, today, r, sent)).toEqual(want);
  });
  it("escalates only after the configured delay", () => {
    expect(reminderOf(DEADLINE, "2026-06-16", { daysBefore: [7], escalateAfterDays: 3 }, false)).toEqual({ kind: "late", daysLate: 2, escalate: false });
    expect(reminderOf(DEADLINE, "2026-06-17", { daysBefore: [7], escalateAfterDays: 3 }, false)).toEqual({ kind: "late", daysLate: 3, escalate: true });
  });
});
