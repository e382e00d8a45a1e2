// Reads behind the planning checks of a conference (M6 upper conferences, M9 overlapping ones,
// the unit's annual conference plan). The only planning code that touches the database.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../db/database.js";
import type { MeetingRow } from "../db/schema.js";

/** Columns the planning checks read of another conference. */
export type PlanningPeer = Pick<
  MeetingRow,
  "id" | "org_id" | "title" | "scope" | "format" | "start_at" | "end_at" | "commune_participants" | "chairs" | "invited_org_ids"
>;

const PEER_COLUMNS = ["id", "org_id", "title", "scope", "format", "start_at", "end_at", "commune_participants", "chairs", "invited_org_ids"] as const;

/** No conference lasts this long (M4 allows at most 1.5 days): how far before a time window a
 * conference overlapping it may start. Bounds the start_at index scan. */
export const LONGEST_CONFERENCE_DAYS = 31;
const DAY_MS = 86_400_000;

/** M6 — online or hybrid conferences of the units `orgIds` (the host's ancestors) starting in
 * [from, to]; the caller decides which reached this level and are on the same subject. */
export async function listOnlineConferencesOf(db: Db, orgIds: number[], from: Date, to: Date): Promise<PlanningPeer[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("meetings")
    .select(PEER_COLUMNS)
    .where("org_id", "in", orgIds)
    .where("format", "in", ["truc_tuyen", "ket_hop"])
    .where("start_at", ">=", from)
    .where("start_at", "<=", to)
    .orderBy("start_at", "desc")
    .execute();
}

/**
 * M9 — conferences of the units `areaOrgIds` overlapping [start, end) that could clash: booking
 * one of `bookedOrgIds` (hosting or invited) or having a chair (names are compared folded by
 * the caller). `excludeId`: the conference being edited.
 */
export async function listOverlappingConferences(
  db: Db, q: { areaOrgIds: number[]; bookedOrgIds: number[]; withChairs: boolean; start: Date; end: Date; excludeId: number | null },
): Promise<PlanningPeer[]> {
  if (q.areaOrgIds.length === 0) return [];
  let query = db
    .selectFrom("meetings")
    .select(PEER_COLUMNS)
    .where("org_id", "in", q.areaOrgIds)
    .where("start_at", ">=", new Date(q.start.getTime() - LONGEST_CONFERENCE_DAYS * DAY_MS))
    .where("start_at", "<", q.end)
    .where("end_at", ">", q.start)
    .where((eb) => {
      const booked = sql<number[]>`${sql.val(q.bookedOrgIds)}::int[]`;
      const conds = [eb("org_id", "in", q.bookedOrgIds.length > 0 ? q.bookedOrgIds : [-1]), eb(sql`invited_org_ids`, "&&", booked)];
      if (q.withChairs) conds.push(eb(sql`cardinality(chairs)`, ">", 0));
      return eb.or(conds);
    });
  if (q.excludeId !== null) query = query.where("id", "<>", q.excludeId);
  return query.orderBy("start_at").limit(500).execute();
}

/** A conference by id, for the M6 link (its unit decides whether it is an upper one). */
export async function findPeer(db: Db, id: number): Promise<PlanningPeer | undefined> {
  return db.selectFrom("meetings").select(PEER_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The unit whose annual conference plan holds planned conference `plannedId`, or undefined. */
export async function findPlannedConferenceOwner(db: Db, plannedId: number): Promise<{ orgId: number; year: number } | undefined> {
  return db
    .selectFrom("planned_conferences as pc")
    .innerJoin("conference_plans as p", "p.id", "pc.plan_id")
    .select(["p.org_id as orgId", "p.year"])
    .where("pc.id", "=", plannedId)
    .executeTakeFirst();
}

/** A chair's name folded in SQL as chairKey() (domain/conferences/clashes.ts) folds it: case
 * and diacritics (leloi_fold), spacing, and a leading "đồng chí", "đ/c", "ông", "bà". */
const chairKeySql = (column: string) =>
  sql`btrim(regexp_replace(btrim(regexp_replace(leloi_fold(${sql.ref(column)}), '\\s+', ' ', 'g')), '^(dong chi|d/c|dc|ong|ba) ', ''))`;

/** Sheet readings: per unit, the ids (ascending) of its conferences carrying a flag. */
export type IdsByUnit = Map<number, number[]>;

/** "3,1,2" (ids joined by SQL) as numbers. */
const idList = (joined: string): number[] => joined.split(",").map(Number);

/**
 * M9 for the sheet: per unit of `orgIds`, its conferences starting in [from, to) that overlap
 * another conference of `areaOrgIds` booking the same unit (host or invited) or the same
 * chair. Each conference is spread into its bookings (one row per unit and per folded chair).
 * Per booking key, in start order, a booking overlaps an earlier one when it starts before the
 * latest end among those before it, and a later one when the next one starts before it ends — a
 * window pass, O(n log n) however busy a unit or a leader is. Three sweeps: hosts by their unit,
 * the units some conference invites (their hosted and invited bookings: most conferences invite
 * nobody, so the common case sweeps each conference once), and chairs. A pair of host bookings
 * of a unit that is also invited is found by both; the union is the same.
 */
export async function listClashingConferencesByUnit(db: Db, q: { orgIds: number[]; areaOrgIds: number[]; from: Date; to: Date }): Promise<IdsByUnit> {
  if (q.orgIds.length === 0 || q.areaOrgIds.length === 0) return new Map();
  const lookBack = new Date(q.from.getTime() - LONGEST_CONFERENCE_DAYS * DAY_MS);
  // the conferences that may overlap one starting in the period (none lasts LONGEST_CONFERENCE_DAYS)
  const inArea = sql`org_id = any(${sql.val(q.areaOrgIds)}::int[]) and start_at >= ${lookBack} and start_at < ${q.to} and end_at > ${q.from}`;
  const inPeriod = sql`(org_id = any(${sql.val(q.orgIds)}::int[]) and start_at >= ${q.from} and start_at < ${q.to})`;
  // one window, two functions: lead() ignores the frame, max() sees the bookings before this one
  const sweep = (bookings: RawBuilder<unknown>, key: string) => sql`
    select id, org_id, start_at, end_at, max(end_at) over w as earlier_end, lead(start_at) over w as next_start
      from ${bookings}
    window w as (partition by ${sql.ref(key)} order by start_at rows between unbounded preceding and 1 preceding)`;
  const { rows } = await sql<{ org_id: number; ids: string }>`
    with invited_booking as (
      -- each invited unit once, the host not again (a conference never clashes with itself)
      select id, org_id, start_at, end_at, unit from meetings
       cross join lateral (select distinct u as unit from unnest(invited_org_ids) as u where u <> org_id) as invited
       where cardinality(invited_org_ids) > 0 and ${inArea}
    ),
    chair_booking as (
      select distinct id, org_id, start_at, end_at, chair from (
        select id, org_id, start_at, end_at, ${chairKeySql("n")} collate "C" as chair
          from meetings cross join lateral unnest(chairs) as n where cardinality(chairs) > 0 and ${inArea}
      ) spread where chair <> ''
    ),
    overlapping as (
      ${sweep(sql`meetings where ${inArea}`, "org_id")}
      union all
      ${sweep(sql`(select id, org_id, start_at, end_at, unit from invited_booking
                   union all
                   select id, org_id, start_at, end_at, org_id from meetings
                    where ${inArea} and org_id in (select unit from invited_booking)) as unit_booking`, "unit")}
      union all
      ${sweep(sql`chair_booking`, "chair")}
    ),
    clashing as (
      select id, org_id from overlapping
       where (start_at < earlier_end or next_start < end_at) and ${inPeriod}
    )
    select org_id, string_agg(id::text, ',') as ids from clashing group by org_id`.execute(db);
  // a conference clashing in several sweeps comes once per sweep: ids made unique and ascending here
  return new Map(rows.map((r) => [Number(r.org_id), [...new Set(idList(r.ids))].sort((a, b) => a - b)]));
}

/** M8 for the sheet: conferences of `orgIds` starting in [from, to) without a reason that
 * invite someone or name several chairs (the caller applies the rule to them). The predicate is
 * the one of the partial index meetings_inviting (migration 0014). */
export async function listInvitingConferences(db: Db, q: { orgIds: number[]; from: Date; to: Date }) {
  if (q.orgIds.length === 0) return [];
  const { rows } = await sql<{ id: string; org_id: number; chairs: string[]; invited_blocs: string[]; invited_org_ids: number[] }>`
    select id, org_id, chairs, invited_blocs, invited_org_ids from meetings
     where start_at >= ${q.from} and start_at < ${q.to} and org_id = any(${sql.val(q.orgIds)}::int[])
       and (invitation_reason is null or btrim(invitation_reason) = '')
       and (cardinality(invited_blocs) > 0 or cardinality(invited_org_ids) > 0 or cardinality(chairs) > 1)`.execute(db);
  return rows;
}

/** A dissemination conference that may repeat an upper one (M6), its start in ms since the epoch. */
export type RepeatCandidate = { id: number; org_id: number; title: string; start_ms: number; related_meeting_id: number | null; related_document: string | null };

/** M6 for the sheet: dissemination conferences of `orgIds` starting in [from, to) with no
 * reason given (the candidates for a repeat). The predicate is the one of the partial index
 * meetings_dissemination (migration 0014). */
export async function listDisseminationWithoutReason(db: Db, q: { orgIds: number[]; from: Date; to: Date }): Promise<RepeatCandidate[]> {
  if (q.orgIds.length === 0) return [];
  const { rows } = await sql<RepeatCandidate>`
    select id::float8 as id, org_id, title, floor(extract(epoch from start_at) * 1000)::float8 as start_ms,
           related_meeting_id::float8 as related_meeting_id, related_document
      from meetings
     where start_at >= ${q.from} and start_at < ${q.to} and org_id = any(${sql.val(q.orgIds)}::int[])
       and category = 'quan_triet' and (repeat_reason is null or btrim(repeat_reason) = '')`.execute(db);
  return rows;
}

/** An upper conference as the sheet's M6 compares it: start and end in ms since the epoch. */
export type ReachingConference = { id: number; org_id: number; title: string; start_ms: number; end_ms: number };

/**
 * M6 for the sheet: conferences of the units `orgIds` starting in [from, to] that reached the
 * lower levels — online or hybrid, and province-wide, sector-wide or joined by the communes
 * (reachedLowerLevels() in domain/conferences/repeats.ts, which the caller still applies).
 */
export async function listReachingConferencesOf(db: Db, orgIds: number[], from: Date, to: Date): Promise<Array<ReachingConference & Pick<PlanningPeer, "format" | "scope" | "commune_participants">>> {
  if (orgIds.length === 0) return [];
  const { rows } = await sql<ReachingConference & Pick<PlanningPeer, "format" | "scope" | "commune_participants">>`
    select id::float8 as id, org_id, title, floor(extract(epoch from start_at) * 1000)::float8 as start_ms,
           floor(extract(epoch from end_at) * 1000)::float8 as end_ms, format, scope, commune_participants
      from meetings
     where org_id = any(${sql.val(orgIds)}::int[]) and start_at >= ${from} and start_at <= ${to}
       and format in ('truc_tuyen', 'ket_hop') and (scope in ('toan_tinh', 'nganh') or commune_participants)`.execute(db);
  return rows;
}
