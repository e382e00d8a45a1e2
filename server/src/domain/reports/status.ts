// Status of an owed report on a day, and its in-app reminders — issue "Periodic reports" §4:
// not due, due, late, submitted, accepted, returned; reminders 7 and 3 days before the deadline
// and on the day, then escalated to the level above once late. Derived, never stored.
import { daysBetween } from "./report-dates.js";

export type ReportStatus = "not_due" | "due" | "late" | "submitted" | "accepted" | "returned";

/** Vietnamese labels for the statuses. */
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  not_due: "Chưa đến kỳ",
  due: "Đến hạn",
  late: "Quá hạn chưa gửi",
  submitted: "Đã gửi",
  accepted: "Đã tiếp nhận",
  returned: "Bị trả lại",
};

/** What is stored of a report, as far as its status goes. */
export type StoredReportState = {
  status: "draft" | "submitted" | "accepted" | "returned";
  /** some version was accepted (a correction may be under way) */
  hasAcceptedVersion: boolean;
  firstSubmittedAt: Date | null;
};

/**
 * The status of an owed report on `today` (local day): an accepted version wins (a correction
 * in progress does not undo it), then submitted / returned; otherwise late after the deadline's
 * last day, due from `openDaysBefore` days before it, else not due.
 */
export function statusOfReport(lastDay: string, today: string, openDaysBefore: number, stored: StoredReportState | null): ReportStatus {
  if (stored?.hasAcceptedVersion) return "accepted";
  if (stored?.status === "submitted") return "submitted";
  if (stored?.status === "returned") return "returned";
  const left = daysBetween(today, lastDay);
  if (left < 0) return "late";
  return left <= openDaysBefore ? "due" : "not_due";
}

/** Sent on time (first submission before the deadline ended), late, or not known yet (null). */
export function timelinessOf(dueAt: Date, today: string, lastDay: string, firstSubmittedAt: Date | null): boolean | null {
  if (firstSubmittedAt !== null) return firstSubmittedAt.getTime() < dueAt.getTime();
  return today > lastDay ? false : null;
}

/** An in-app reminder: before the deadline (7, 3 days, on the day) or late (with escalation). */
export type Reminder =
  | { kind: "upcoming"; stage: number; daysLeft: number }
  | { kind: "late"; daysLate: number; escalate: boolean };

/**
 * The reminder to show on `today` for a report not yet sent (null once sent or when far off).
 * Stage N (N in `daysBefore`, e.g. 7 and 3) shows from N days before until the next stage;
 * stage 0 is the deadline's own day; after it the report is late and, from `escalateAfterDays`
 * days late, escalated to the level above (the recipient and the unit's parent).
 */
export function reminderOf(lastDay: string, today: string, reminders: { daysBefore: number[]; escalateAfterDays: number }, sent: boolean): Reminder | null {
  if (sent) return null;
  const left = daysBetween(today, lastDay);
  if (left < 0) return { kind: "late", daysLate: -left, escalate: -left >= reminders.escalateAfterDays };
  if (left === 0) return { kind: "upcoming", stage: 0, daysLeft: 0 };
  const stages = [...reminders.daysBefore].sort((a, b) => a - b);
  const stage = stages.find((s) => left <= s);
  return stage === undefined ? null : { kind: "upcoming", stage, daysLeft: left };
}
