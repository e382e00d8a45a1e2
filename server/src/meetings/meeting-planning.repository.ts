// Reads behind the planning checks of a conference (M6 upper conferences, M9 overlapping ones,
// the unit's annual conference plan). The only planning code that touches the database.
import { sql } from "kysely";
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

/**
 * M9 for the sheet: ids (and units) of the conferences of `orgIds` starting in [from, to) that overlap
 * another conference of `areaOrgIds` booking the same unit (host or invited) or the same
 * chair. Each conference is spread into its bookings (one row per unit and per folded chair);
 * per booking key, in start order, a booking overlaps another when it starts before the
 * latest end among those before it, or when the next one starts before it ends — a sweep with
 * window functions, O(n log n) however busy a unit or a leader is.
 */
export async function listClashingConferenceIds(db: Db, q: { orgIds: number[]; areaOrgIds: number[]; from: Date; to: Date }): Promise<Array<{ id: number; orgId: number }>> {
  if (q.orgIds.length === 0 || q.areaOrgIds.length === 0) return [];
  const lookBack = new Date(q.from.getTime() - LONGEST_CONFERENCE_DAYS * DAY_MS);
  const rows = await sql<{ id: number; org_id: number }>`
    with conf as (
      select id, org_id, start_at, end_at, chairs, invited_org_ids,
             (org_id = any(${sql.val(q.orgIds)}::int[]) and start_at >= ${q.from} and start_at < ${q.to}) as in_period
        from meetings
       where org_id = any(${sql.val(q.areaOrgIds)}::int[]) and start_at >= ${lookBack} and start_at < ${q.to} and end_at > ${q.from}
    ),
    unit_booking as (
      select id, org_id, start_at, end_at, in_period, org_id as u from conf
      union all
      -- each invited unit once, the host not again (a conference never clashes with itself)
      select distinct c.id, c.org_id, c.start_at, c.end_at, c.in_period, u
        from conf c cross join lateral unnest(c.invited_org_ids) as u where u <> c.org_id
    ),
    chair_booking as (
      select distinct id, org_id, start_at, end_at, in_period, k from (
        select c.id, c.org_id, c.start_at, c.end_at, c.in_period, ${chairKeySql("n")} as k
          from conf c cross join lateral unnest(c.chairs) as n where cardinality(c.chairs) > 0
      ) spread where k <> ''
    ),
    swept as (
      select id, org_id, in_period, start_at, end_at,
             max(end_at) over (partition by u order by start_at, id rows between unbounded preceding and 1 preceding) as earlier_end,
             lead(start_at) over (partition by u order by start_at, id) as next_start
        from unit_booking
      union all
      select id, org_id, in_period, start_at, end_at,
             max(end_at) over (partition by k order by start_at, id rows between unbounded preceding and 1 preceding) as earlier_end,
             lead(start_at) over (partition by k order by start_at, id) as next_start
        from chair_booking
    )
    select distinct id, org_id from swept
     where in_period and (start_at < earlier_end or next_start < end_at)
     order by id`.execute(db);
  return rows.rows.map((r) => ({ id: Number(r.id), orgId: Number(r.org_id) }));
}

/** M8 for the sheet: conferences of `orgIds` starting in [from, to) without a reason that
 * invite someone or name several chairs (the caller applies the rule to them). */
export async function listInvitingConferences(db: Db, q: { orgIds: number[]; from: Date; to: Date }) {
  if (q.orgIds.length === 0) return [];
  return db
    .selectFrom("meetings")
    .select(["id", "org_id", "chairs", "invited_blocs", "invited_org_ids"])
    .where("org_id", "in", q.orgIds)
    .where("start_at", ">=", q.from)
    .where("start_at", "<", q.to)
    .where((eb) => eb.or([eb("invitation_reason", "is", null), eb(sql`btrim(invitation_reason)`, "=", "")]))
    .where((eb) => eb.or([eb(sql`cardinality(invited_blocs)`, ">", 0), eb(sql`cardinality(invited_org_ids)`, ">", 0), eb(sql`cardinality(chairs)`, ">", 1)]))
    .execute();
}

/** M6 for the sheet: dissemination conferences of `orgIds` starting in [from, to) with no
 * reason given (the candidates for a repeat). */
export async function listDisseminationWithoutReason(db: Db, q: { orgIds: number[]; from: Date; to: Date }) {
  if (q.orgIds.length === 0) return [];
  return db
    .selectFrom("meetings")
    .select(["id", "org_id", "title", "start_at", "related_meeting_id", "related_document"])
    .where("org_id", "in", q.orgIds)
    .where("category", "=", "quan_triet")
    .where("start_at", ">=", q.from)
    .where("start_at", "<", q.to)
    .where((eb) => eb.or([eb("repeat_reason", "is", null), eb(sql`btrim(repeat_reason)`, "=", "")]))
    .execute();
}
