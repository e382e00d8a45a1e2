// The only code of the calendar that reads conferences (hội nghị) and planned conferences. A
// province's subtree holds thousands of conferences a year: every query is bounded by start_at
// (index meetings_start) before the unit conditions are tested.
import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { MeetingsTable } from "../db/schema.js";
import { localMidnight } from "../domain/reports/report-dates.js";

/** A conference is never longer than this: bounding start_at from below lets the start_at index
 * serve "overlaps the window". One that ran longer and began before the window is not shown. */
const LONGEST_CONFERENCE_MS = 31 * 86_400_000;

/** What the calendar and the feeds show of a conference. */
export type CalendarRow = {
  id: number;
  org_id: number;
  title: string;
  category: MeetingsTable["category"];
  scope: MeetingsTable["scope"];
  format: MeetingsTable["format"];
  start_at: Date;
  end_at: Date;
  chairs: string[];
  invited_org_ids: number[];
  planned_id: number | null;
};

/**
 * Conferences overlapping [from, to) that book one of `bookedIn` (hosted by it or inviting it).
 * `narrowTo` keeps those hosted by or inviting `orgId`, or whose chairs may include a name
 * containing `chairWord` (folded; the caller compares names exactly after).
 */
export type CalendarFilter = {
  from: Date;
  to: Date;
  bookedIn: readonly number[];
  narrowTo?: { orgId: number; chairWord: string } | undefined;
};

export async function findCalendarRows(db: Db, f: CalendarFilter): Promise<CalendarRow[]> {
  if (f.bookedIn.length === 0 || f.from >= f.to) return [];
  const ids = [...f.bookedIn];
  let q = db
    .selectFrom("meetings")
    .select(["id", "org_id", "title", "category", "scope", "format", "start_at", "end_at", "chairs", "invited_org_ids", "planned_id"])
    .where("start_at", "<", f.to)
    .where("start_at", ">=", new Date(f.from.getTime() - LONGEST_CONFERENCE_MS))
    .where("end_at", ">", f.from)
    .where(sql<boolean>`(org_id = any(${ids}::int[]) or invited_org_ids && ${ids}::int[])`);
  const narrow = f.narrowTo;
  if (narrow) {
    const like = `%${narrow.chairWord.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(org_id = ${narrow.orgId} or ${narrow.orgId} = any(invited_org_ids)
      or (${narrow.chairWord} <> '' and exists (select 1 from unnest(chairs) as c(name) where leloi_fold(c.name) like ${like})))`);
  }
  const rows = await q.orderBy("start_at").orderBy("id").execute();
  return rows.map((r) => ({ ...r, chairs: r.chairs ?? [], invited_org_ids: (r.invited_org_ids ?? []).map(Number) }));
}

/** Conferences per unit and local start day, for the bunching of `years` (M9). */
export type DayCount = { org_id: number; day: string; n: number };

/** How many conferences each unit of `orgIds` starts on each local day of `years`. */
export async function countConferenceDays(db: Db, orgIds: readonly number[], years: readonly number[], utcOffsetMinutes: number): Promise<DayCount[]> {
  if (orgIds.length === 0 || years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const from = localMidnight(`${first}-01-01`, utcOffsetMinutes);
  const to = localMidnight(`${last + 1}-01-01`, utcOffsetMinutes);
  const { rows } = await sql<DayCount>`
    select org_id, to_char((start_at at time zone 'UTC') + make_interval(mins => ${utcOffsetMinutes}::int), 'YYYY-MM-DD') as day,
           count(*)::int as n
      from meetings
     where start_at >= ${from} and start_at < ${to} and org_id = any(${[...orgIds]}::int[])
     group by 1, 2`.execute(db);
  return rows.map((r) => ({ org_id: Number(r.org_id), day: r.day, n: Number(r.n) }));
}

/** A planned conference of an annual plan (M7) that no recorded conference holds yet. */
export type PendingPlanned = { org_id: number; year: number; planned_date: string | null; planned_month: number | null };

export async function findPendingPlanned(db: Db, orgIds: readonly number[], years: readonly number[]): Promise<PendingPlanned[]> {
  if (orgIds.length === 0 || years.length === 0) return [];
  return db
    .selectFrom("planned_conferences as pc")
    .innerJoin("conference_plans as cp", "cp.id", "pc.plan_id")
    .select(["cp.org_id", "cp.year", "pc.planned_date", "pc.planned_month"])
    .where("cp.org_id", "in", [...orgIds])
    .where("cp.year", "in", [...years])
    .where((eb) => eb.not(eb.exists(eb.selectFrom("meetings as m").select("m.id").whereRef("m.planned_id", "=", "pc.id"))))
    .execute();
}
