// Annual conference plans and their planned conferences (M7): the only code reading and
// writing conference_plans and planned_conferences, and the conferences the plan is compared with.
import { sql, type Insertable, type Selectable, type Transaction, type Updateable } from "kysely";
import type { Db } from "../db/database.js";
import type { ConferencePlansTable, Database, PlannedConferencesTable } from "../db/schema.js";

type Conn = Db | Transaction<Database>;

export type ConferencePlanRow = Selectable<ConferencePlansTable>;
export type PlannedConferenceRow = Selectable<PlannedConferencesTable>;
/** What the plan page shows of a held conference. */
export type HeldConferenceRow = { id: number; org_id: number; title: string; start_at: Date; format: string; planned_id: number | null };

/** One plan, or undefined. */
export async function findConferencePlan(db: Conn, id: number): Promise<ConferencePlanRow | undefined> {
  return db.selectFrom("conference_plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The plan of a unit for a year, or undefined. */
export async function findConferencePlanOf(db: Conn, orgId: number, year: number): Promise<ConferencePlanRow | undefined> {
  return db.selectFrom("conference_plans").selectAll().where("org_id", "=", orgId).where("year", "=", year).executeTakeFirst();
}

/** The plans of several units for a year (the M7 indicator). */
export async function findConferencePlansOf(db: Conn, orgIds: readonly number[], year: number): Promise<ConferencePlanRow[]> {
  if (orgIds.length === 0) return [];
  return db.selectFrom("conference_plans").selectAll().where("org_id", "in", [...orgIds]).where("year", "=", year).execute();
}

export async function insertConferencePlan(db: Conn, row: Insertable<ConferencePlansTable>): Promise<ConferencePlanRow> {
  return db.insertInto("conference_plans").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateConferencePlan(db: Conn, id: number, patch: Updateable<ConferencePlansTable>): Promise<ConferencePlanRow> {
  return db.updateTable("conference_plans").set({ ...patch, updated_at: sql<Date>`now()` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes a plan; its planned conferences go with it and conferences holding them keep a null link. */
export async function deleteConferencePlan(db: Conn, id: number): Promise<void> {
  await db.deleteFrom("conference_plans").where("id", "=", id).execute();
}

/** The planned conferences of a plan, by month (a date's month first within it), then id. */
export async function findPlannedConferences(db: Conn, planId: number): Promise<PlannedConferenceRow[]> {
  return db.selectFrom("planned_conferences").selectAll().where("plan_id", "=", planId)
    .orderBy(sql`coalesce(extract(month from planned_date)::int, planned_month)`).orderBy("planned_date").orderBy("id").execute();
}

export async function findPlannedConference(db: Conn, id: number): Promise<PlannedConferenceRow | undefined> {
  return db.selectFrom("planned_conferences").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertPlannedConference(db: Conn, row: Insertable<PlannedConferencesTable>): Promise<PlannedConferenceRow> {
  return db.insertInto("planned_conferences").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePlannedConference(db: Conn, id: number, patch: Updateable<PlannedConferencesTable>): Promise<PlannedConferenceRow> {
  return db.updateTable("planned_conferences").set({ ...patch, updated_at: sql<Date>`now()` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes a planned conference; a conference holding it keeps a null link (it becomes unplanned). */
export async function deletePlannedConference(db: Conn, id: number): Promise<void> {
  await db.deleteFrom("planned_conferences").where("id", "=", id).execute();
}

/** Conferences of the unit starting in [from, to), and any conference linked to `plannedIds`. */
export async function findHeldConferences(db: Conn, orgId: number, from: Date, to: Date, plannedIds: readonly number[]): Promise<HeldConferenceRow[]> {
  const rows = await db.selectFrom("meetings")
    .select(["id", "org_id", "title", "start_at", "format", "planned_id"])
    .where((eb) => {
      const ofYear = eb.and([eb("org_id", "=", orgId), eb("start_at", ">=", from), eb("start_at", "<", to)]);
      return plannedIds.length === 0 ? ofYear : eb.or([ofYear, eb("planned_id", "in", [...plannedIds])]);
    })
    .orderBy("start_at").orderBy("id")
    .execute();
  // bigint ids arrive as text on some drivers
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Conferences of the units starting in [from, to), per unit (M1's "last year"). */
export async function countConferencesOf(db: Conn, orgIds: readonly number[], from: Date, to: Date): Promise<Map<number, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db.selectFrom("meetings")
    .select(["org_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("org_id", "in", [...orgIds]).where("start_at", ">=", from).where("start_at", "<", to)
    .groupBy("org_id")
    .execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}
