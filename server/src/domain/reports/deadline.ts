// Deadlines of reports — kl226-rules.md §4: "before the 15th / 20th of the last month of the
// period" (000 §6, 001 §IV.1), fixed dates "before 05/6 and 05/12" (002 §IV.1), and N (working)
// days after the data cut-off (§9). The result is the LAST DAY on which sending is on time;
// timeliness compares the submission instant with the local midnight ending that day.
import type { Period } from "../period.js";
import type { DataRange } from "./cutoff.js";
import { addDays, dayVi, daysInMonth, isoDay, isWeekend, lastMonthOf, localMidnight, slotOf } from "./report-dates.js";
import { DAY_MONTH, type DeadlineRule } from "./reporting-settings.js";

/** A concrete deadline: `lastDay` inclusive (local), `dueAt` = the instant it ends; `text` in Vietnamese. */
export type Deadline = { lastDay: string; dueAt: Date; text: string };

/**
 * The deadline of period `p` under `rule`, or null when the rule names no date for the period
 * (a fixed-date rule without this slot: the period is not reported under it).
 * "before day N" ends on day N − 1 (the named day is already late) unless `inclusive`;
 * a day past the month's end is the month's last day (day 31 in June → 30/6).
 */
export function deadlineOf(rule: DeadlineRule, p: Period, range: DataRange, utcOffsetMinutes: number): Deadline | null {
  const make = (lastDay: string, text: string): Deadline => ({ lastDay, dueAt: localMidnight(addDays(lastDay, 1), utcOffsetMinutes), text });
  if (rule.kind === "before_day_of_last_month") {
    const { year, month } = lastMonthOf(p);
    const named = isoDay(year, month, Math.min(rule.day, daysInMonth(year, month)));
    return rule.inclusive ? make(named, `đến hết ngày ${dayVi(named)}`) : make(addDays(named, -1), `trước ngày ${dayVi(named)}`);
  }
  if (rule.kind === "before_fixed_date") {
    const entry = rule.dates.find((d) => d.slot === slotOf(p));
    if (!entry) return null;
    const m = DAY_MONTH.exec(entry.date);
    const year = p.year + (entry.nextYear ? 1 : 0);
    const month = Number(m?.[2]);
    const named = isoDay(year, month, Math.min(Number(m?.[1]), daysInMonth(year, month)));
    return rule.inclusive ? make(named, `đến hết ngày ${dayVi(named)}`) : make(addDays(named, -1), `trước ngày ${dayVi(named)}`);
  }
  const lastDataDay = addDays(range.end, -1);
  let day = lastDataDay;
  if (rule.workingDays) {
    for (let left = rule.days; left > 0; ) {
      day = addDays(day, 1);
      if (!isWeekend(day)) left -= 1;
    }
  } else {
    day = addDays(lastDataDay, rule.days);
  }
  const unit = rule.workingDays ? "ngày làm việc" : "ngày";
  return make(day, rule.days === 0 ? `đến hết ngày ${dayVi(day)}` : `trong ${rule.days} ${unit} sau ngày chốt số liệu ${dayVi(lastDataDay)} (hạn cuối ${dayVi(day)})`);
}

/** Timeliness is objective: sent before the deadline's day ended (local time), never a tick box. */
export function isOnTime(submittedAt: Date, deadline: Pick<Deadline, "dueAt">): boolean {
  return submittedAt.getTime() < deadline.dueAt.getTime();
}
