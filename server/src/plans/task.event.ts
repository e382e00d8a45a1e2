// Event-bound deadlines (kl226-rules.md §5; T3 "rõ thời gian" — KL 226 §2.3): "Sau khi Thủ tướng
// CP ban hành Chỉ thị" has no date until the event happens. Once its day is recorded, the task
// has one due: the event day plus the offset the text names ("Trong vòng 30 ngày (làm việc) kể
// từ …"), or — when the text names none — the due the user set with it (never guessed). Pure.
import type { Occurrence, Schedule } from "../domain/plans/deadline.js";
import { addDays } from "../domain/plans/plan-text.js";

/** The period id of an event-bound task's one occurrence (kept when the event day is corrected). */
export const EVENT_PERIOD = "event";

/** What was recorded about the event: its day, and the due a user set when the text names no offset. */
export type EventRecord = { eventOn: string | null; eventDueOn: string | null };

/** Day of the week of "YYYY-MM-DD" (0 = Sunday … 6 = Saturday). */
const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

/**
 * `iso` moved forward by `days` working days (Monday to Friday). Public holidays are not known
 * here: a due that falls after a holiday may be a day or two early (conservative).
 */
export function addWorkingDays(iso: string, days: number): string {
  let day = iso;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    const w = weekday(day);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return day;
}

/** Why an event record does not fit a schedule: the field and a Vietnamese reason. */
export type EventProblem = { field: "eventOn" | "dueOn"; reason: string };

/**
 * The due an event record gives a schedule, or the problem with it:
 * - the schedule must be event-bound;
 * - with an offset, due = event day + offset (calendar or working days) and no due may be given;
 * - without one, the due must be given, on or after the event day.
 */
export function eventDueOf(schedule: Schedule, eventOn: string, dueOn: string | null): { due: string } | { problem: EventProblem } {
  if (schedule.kind !== "event") {
    return { problem: { field: "eventOn", reason: `thời hạn «${schedule.text}» không phụ thuộc sự kiện nào` } };
  }
  if (schedule.offset !== null) {
    if (dueOn !== null) {
      const unit = schedule.offset.workingDays ? "ngày làm việc" : "ngày";
      return { problem: { field: "dueOn", reason: `hạn được tính từ ngày sự kiện (${schedule.offset.days} ${unit}); không nhập hạn hoàn thành` } };
    }
    const { days, workingDays } = schedule.offset;
    return { due: workingDays ? addWorkingDays(eventOn, days) : addDays(eventOn, days) };
  }
  if (dueOn === null) {
    return { problem: { field: "dueOn", reason: `thời hạn «${schedule.text}» không nêu bao lâu sau sự kiện: cần nhập hạn hoàn thành` } };
  }
  if (dueOn < eventOn) return { problem: { field: "dueOn", reason: "hạn hoàn thành không được trước ngày xảy ra sự kiện" } };
  return { due: dueOn };
}

/**
 * The occurrence of an event-bound task once its event is recorded (none before, and none when the
 * deadline is no longer event-bound or the stored record no longer fits it).
 */
export function eventOccurrences(schedule: Schedule, record: EventRecord): Occurrence[] {
  if (schedule.kind !== "event" || record.eventOn === null) return [];
  const r = eventDueOf(schedule, record.eventOn, schedule.offset === null ? record.eventDueOn : null);
  return "due" in r ? [{ period: EVENT_PERIOD, due: r.due }] : [];
}
