// Calendar arithmetic on local days ("YYYY-MM-DD" in Asia/Ho_Chi_Minh): weeks start on Monday
// (thứ Hai), as Vietnamese calendars do; a month view shows whole weeks, at most six (42 days,
// the server's limit for a subtree).
import { TIME_ZONE } from "../../ui/format";

export type CalendarMode = "month" | "week";

const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The days a view shows around `anchor`: the whole weeks of its month, or its week. */
export function rangeOf(mode: CalendarMode, anchor: string): { from: string; to: string } {
  if (mode === "week") {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = addDays(nextMonth(first), -1);
  return { from: startOfWeek(first), to: addDays(startOfWeek(last), 6) };
}

/** The first day of the month after the one `day` is in. */
function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The anchor one view earlier (-1) or later (+1). */
export function shiftAnchor(mode: CalendarMode, anchor: string, direction: -1 | 1): string {
  if (mode === "week") return addDays(anchor, 7 * direction);
  const first = `${anchor.slice(0, 7)}-01`;
  return direction === 1 ? nextMonth(first) : `${addDays(first, -1).slice(0, 7)}-01`;
}

const localFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** An instant's local day and time in Asia/Ho_Chi_Minh. */
export function localOf(instant: string): { day: string; time: string } {
  const p = Object.fromEntries(localFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The local days a conference covers (one ending at midnight does not cover the next day). */
export function daysCovered(start: string, end: string): string[] {
  const first = localOf(start).day;
  const last = localOf(new Date(new Date(end).getTime() - 1).toISOString()).day;
  return daysOf(first, last < first ? first : last);
}
