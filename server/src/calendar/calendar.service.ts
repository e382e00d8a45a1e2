// The shared conference calendar (lịch hội nghị, M9 — KL 226 §2.2): a unit's or a subtree's
// conferences in a date range, each with what it clashes with (same chair or same booked unit at
// the same time), and the bunching of the years shown.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { findClashes, type ClashConference } from "../domain/conferences/clashes.js";
import { daysBetween, localMidnight } from "../domain/reports/report-dates.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { resolveListScope } from "../registers/register-scope.js";
import { invalidFields } from "../registers/register-errors.js";
import { assessUnitsBunching, type UnitBunching } from "./calendar-bunching.js";
import { findCalendarRows, type CalendarRow } from "./calendar.repository.js";
import { presentClash, presentConference, unitRef, type CalendarConferenceJson, type UnitRef } from "./calendar.presenter.js";
import type { TCalendarQuery } from "./calendar.schema.js";

/** A subtree view is a month grid: six weeks at most, so a province's answer stays small. */
export const MAX_SUBTREE_DAYS = 42;
/** A single unit may ask for a year at a time (a list of its own conferences). */
export const MAX_UNIT_DAYS = 366;

const DAY_MS = 86_400_000;

export type CalendarView = {
  org: UnitRef;
  subtree: boolean;
  from: string;
  to: string;
  conferences: CalendarConferenceJson[];
  /** M9 bunching of the years the range touches: the unit itself, and every unit below it with a finding */
  bunching: UnitBunching[];
};

const toClashConference = (r: CalendarRow): ClashConference => ({
  id: r.id, orgId: r.org_id, start: r.start_at, end: r.end_at, chairs: r.chairs, invitedOrgIds: r.invited_org_ids,
});

/**
 * For a conference, the candidates that may overlap it: those starting before it ends and no
 * earlier than its start minus the longest candidate. Candidates sorted by start make this a
 * binary search, so a province's month (a thousand conferences) is not a thousand × thousand
 * comparisons; findClashes then checks the exact overlap.
 */
function overlapFinder(candidates: readonly CalendarRow[]): (row: CalendarRow) => ClashConference[] {
  const sorted = [...candidates].sort((a, b) => a.start_at.getTime() - b.start_at.getTime()).map(toClashConference);
  const starts = sorted.map((c) => c.start.getTime());
  const longest = sorted.reduce((max, c) => Math.max(max, c.end.getTime() - c.start.getTime()), 0);
  const firstAtOrAfter = (t: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (row) => sorted.slice(firstAtOrAfter(row.start_at.getTime() - longest), firstAtOrAfter(row.end_at.getTime()));
}

/** Checks the range: `from` ≤ `to`, and not longer than a view of its kind may show. */
function checkRange(q: TCalendarQuery): void {
  const days = daysBetween(q.from, q.to) + 1;
  if (days < 1) throw invalidFields([{ field: "to", reason: "phải từ ngày bắt đầu trở đi" }]);
  const max = q.subtree ? MAX_SUBTREE_DAYS : MAX_UNIT_DAYS;
  if (days > max) {
    throw invalidFields([{
      field: "to",
      reason: q.subtree
        ? `lịch cả đơn vị trực thuộc xem tối đa ${max} ngày (một tháng); khoảng đã chọn dài ${days} ngày`
        : `lịch một đơn vị xem tối đa ${max} ngày; khoảng đã chọn dài ${days} ngày`,
    }]);
  }
}

export async function listCalendar(ctx: AppContext, user: SessionUser, q: TCalendarQuery): Promise<CalendarView> {
  checkRange(q);
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const offset = (await getSettingsFor(ctx, scope.org.id)).sessionConvention.utcOffsetMinutes;
  const from = localMidnight(q.from, offset);
  const to = new Date(localMidnight(q.to, offset).getTime() + DAY_MS);
  const db = ctx.handle.db;
  const rows = await findCalendarRows(db, { from, to, bookedIn: scope.orgIds });

  // a clash may be with any conference the user may read that overlaps one shown, even one
  // outside the view (another branch of the province, or a day just before the range)
  let candidates = rows;
  if (rows.length > 0) {
    const minStart = new Date(Math.min(...rows.map((r) => r.start_at.getTime())));
    const maxEnd = new Date(Math.max(...rows.map((r) => r.end_at.getTime())));
    const viewIsAllReadable = scope.org.id === user.orgId && q.subtree && minStart >= from && maxEnd <= to;
    if (!viewIsAllReadable) candidates = await findCalendarRows(db, { from: minStart, to: maxEnd, bookedIn: ctx.orgs.subtreeIds(user.orgId) });
  }
  const byId = new Map(candidates.map((r) => [r.id, r]));
  const overlapping = overlapFinder(candidates);
  const inView = new Set(scope.orgIds);
  const conferences = rows.map((row) => {
    const clashes = findClashes(toClashConference(row), overlapping(row)).flatMap((c) => {
      const other = byId.get(c.otherId);
      return other ? [presentClash(ctx, c, other)] : [];
    });
    return presentConference(ctx, row, inView.has(row.org_id) ? "host" : "invited", clashes);
  });

  const firstYear = Number(q.from.slice(0, 4));
  const lastYear = Number(q.to.slice(0, 4));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const bunching = await assessUnitsBunching(ctx, scope.org.id, scope.orgIds, years, offset);
  return { org: unitRef(ctx, scope.org.id), subtree: q.subtree, from: q.from, to: q.to, conferences, bunching };
}
