// Who owes which report to whom — issue "Periodic reports" §1; kl226-rules.md §4. Each unit
// reads the schedules in force at it (settings inherited down the tree); for a period kind the
// FIRST schedule whose selector matches the unit applies, so specific lines (Sở Nội vụ) come
// before general ones (all departments). A unit reports to its parent unless the line names a
// unit; it never reports to itself, and a root (no parent) owes nothing under "parent".
import type { Period, PeriodKind } from "../period.js";
import { dataRangeOf, type DataRange } from "./cutoff.js";
import { deadlineOf, type Deadline } from "./deadline.js";
import { addDays, periodsOfYear, slotOf } from "./report-dates.js";
import type { ReporterSelector, ReportingSchedule, ReportingSettings } from "./reporting-settings.js";

/** What the regime needs to know of a unit. */
export type ReportingUnit = {
  id: number; code: string; level: string; bloc: string; parentId: number | null;
  validFrom: string | null; validTo: string | null;
};

/** One report owed: unit, period, the line it is owed under, recipient, data range and deadline. */
export type Obligation = {
  orgId: number;
  period: Period;
  schedule: ReportingSchedule;
  recipientOrgId: number;
  range: DataRange;
  deadline: Deadline;
};

/** True when every criterion the selector gives holds for the unit. */
export function selectorMatches(s: ReporterSelector, u: ReportingUnit): boolean {
  if (s.levels && !s.levels.includes(u.level as never)) return false;
  if (s.blocs && !s.blocs.includes(u.bloc as never)) return false;
  if (s.codes && !s.codes.includes(u.code)) return false;
  return true;
}

/** The schedule line under which the unit reports periods of `kind`, or null. */
export function scheduleFor(u: ReportingUnit, kind: PeriodKind, schedules: readonly ReportingSchedule[]): ReportingSchedule | null {
  return schedules.find((s) => s.periods.includes(kind) && selectorMatches(s.reporters, u)) ?? null;
}

/** A unit exists on the last day of the period (a commune merged away mid-year owes no year report). */
export function existsAtEnd(u: Pick<ReportingUnit, "validFrom" | "validTo">, p: Period): boolean {
  const last = addDays(p.end, -1);
  return (u.validFrom === null || u.validFrom <= last) && (u.validTo === null || u.validTo >= last);
}

/**
 * The report the unit owes for period `p`, or null: the period starts before `since`, the unit
 * does not exist at its end, no line applies, the slot is skipped or has no date, or there is no
 * recipient (a root under "parent", an unknown code, or the unit itself).
 */
export function obligationOf(
  u: ReportingUnit,
  p: Period,
  reporting: ReportingSettings,
  utcOffsetMinutes: number,
  unitIdOfCode: (code: string) => number | undefined,
): Obligation | null {
  if (p.start < reporting.since || !existsAtEnd(u, p)) return null;
  const schedule = scheduleFor(u, p.kind, reporting.schedules);
  if (!schedule || schedule.skip?.includes(slotOf(p))) return null;
  const recipientOrgId = schedule.recipient.kind === "parent" ? u.parentId : (unitIdOfCode(schedule.recipient.code) ?? null);
  if (recipientOrgId === null || recipientOrgId === u.id) return null;
  const range = dataRangeOf(p, reporting.cutoff, reporting.cutoffDay);
  const deadline = deadlineOf(schedule.deadline, p, range, utcOffsetMinutes);
  if (!deadline) return null;
  return { orgId: u.id, period: p, schedule, recipientOrgId, range, deadline };
}

/** Every report the unit owes with a period in `year`, by deadline. */
export function obligationsOfYear(
  u: ReportingUnit,
  year: number,
  reporting: ReportingSettings,
  utcOffsetMinutes: number,
  unitIdOfCode: (code: string) => number | undefined,
): Obligation[] {
  const kinds: PeriodKind[] = ["month", "quarter", "half", "year"];
  return kinds
    .flatMap((k) => periodsOfYear(k, year))
    .flatMap((p) => {
      const o = obligationOf(u, p, reporting, utcOffsetMinutes, unitIdOfCode);
      return o ? [o] : [];
    })
    .sort((a, b) => (a.deadline.lastDay < b.deadline.lastDay ? -1 : a.deadline.lastDay > b.deadline.lastDay ? 1 : kinds.indexOf(a.period.kind) - kinds.indexOf(b.period.kind)));
}
