// The task_occurrences and task_updates tables: the only code reading and writing them.
import { sql, type Insertable, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database, TaskOccurrenceRow, TaskUpdatesTable } from "../db/schema.js";

type Conn = Db | Transaction<Database>;

/** The occurrences of the given tasks, by due. */
export async function findOccurrencesOfTasks(db: Conn, taskIds: readonly number[]): Promise<TaskOccurrenceRow[]> {
  if (taskIds.length === 0) return [];
  return db.selectFrom("task_occurrences").selectAll().where("task_id", "in", [...taskIds]).orderBy("due_on").orderBy("id").execute();
}

/** One occurrence, or undefined. */
export async function findOccurrence(db: Conn, id: number): Promise<TaskOccurrenceRow | undefined> {
  return db.selectFrom("task_occurrences").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Adds occurrences; returns them. */
export async function insertOccurrences(db: Conn, rows: ReadonlyArray<{ task_id: number; period: string; due_on: string }>): Promise<TaskOccurrenceRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto("task_occurrences").values([...rows]).returningAll().execute();
}

/** Moves an open occurrence to a new due. */
export async function moveOccurrenceDue(db: Conn, id: number, due: string): Promise<void> {
  await db.updateTable("task_occurrences").set({ due_on: due, updated_at: sql<Date>`now()` }).where("id", "=", id).execute();
}

/** Removes occurrences (their updates go with them). */
export async function deleteOccurrences(db: Conn, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("task_occurrences").where("id", "in", [...ids]).execute();
}

/** Sets (or clears, with null) the completion day; the start day is filled if still empty. */
export async function setOccurrenceCompletion(db: Conn, id: number, completedOn: string | null): Promise<TaskOccurrenceRow> {
  return db.updateTable("task_occurrences")
    .set((eb) => ({
      completed_on: completedOn,
      started_on: completedOn === null ? eb.ref("started_on") : eb.fn.coalesce("started_on", sql<string>`${completedOn}::date`),
      updated_at: sql<Date>`now()`,
    }))
    .where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Marks an occurrence started on `day` unless it already is. */
export async function markOccurrenceStarted(db: Conn, id: number, day: string): Promise<void> {
  await db.updateTable("task_occurrences")
    .set((eb) => ({ started_on: eb.fn.coalesce("started_on", sql<string>`${day}::date`), updated_at: sql<Date>`now()` }))
    .where("id", "=", id).execute();
}

/** An update as lists show it (the file's bytes left out). */
export type UpdateSummary = {
  id: number; occurrence_id: number; user_id: number | null; username: string | null; at: Date; note: string;
  evidence_document_id: number | null; evidence_file_name: string | null; evidence_content_type: string | null; evidence_size: number | null;
};

const summaryColumns = (db: Conn) =>
  db.selectFrom("task_updates").leftJoin("users", "users.id", "task_updates.user_id").select([
    "task_updates.id", "task_updates.occurrence_id", "task_updates.user_id", "users.username", "task_updates.at", "task_updates.note",
    "task_updates.evidence_document_id", "task_updates.evidence_file_name", "task_updates.evidence_content_type",
    sql<number | null>`octet_length(task_updates.evidence_file)`.as("evidence_size"),
  ]);

/** Adds a progress update; returns it without the file's bytes. */
export async function insertUpdate(db: Conn, row: Insertable<TaskUpdatesTable>): Promise<UpdateSummary> {
  const { id } = await db.insertInto("task_updates").values(row).returning("id").executeTakeFirstOrThrow();
  return summaryColumns(db).where("task_updates.id", "=", id).executeTakeFirstOrThrow();
}

/** The updates of the given occurrences, oldest first. */
export async function findUpdatesOf(db: Conn, occurrenceIds: readonly number[]): Promise<UpdateSummary[]> {
  if (occurrenceIds.length === 0) return [];
  return summaryColumns(db).where("task_updates.occurrence_id", "in", [...occurrenceIds]).orderBy("task_updates.at").orderBy("task_updates.id").execute();
}

/** An update's evidence file and the occurrence it belongs to. */
export async function findEvidenceFile(db: Conn, updateId: number): Promise<{ occurrence_id: number; evidence_file_name: string | null; evidence_content_type: string | null; evidence_file: Uint8Array | null } | undefined> {
  return db.selectFrom("task_updates").select(["occurrence_id", "evidence_file_name", "evidence_content_type", "evidence_file"]).where("id", "=", updateId).executeTakeFirst();
}

/** An open or overdue occurrence with its task and plan, for notices and the overdue board. */
export type OpenOccurrence = TaskOccurrenceRow & {
  tt: string; content: string; lead_org_id: number | null; plan_id: number; plan_org_id: number; plan_number: string; plan_title: string;
};

/**
 * Open (not completed) occurrences due on or before `dueUpTo` of tasks led by `leadIds`, or of
 * tasks with no single lead in plans issued by `leadIds` (a T2 breach stays visible to the issuer).
 */
export async function findOpenOccurrences(db: Conn, orgIds: readonly number[], dueUpTo: string, limit: number): Promise<OpenOccurrence[]> {
  if (orgIds.length === 0) return [];
  const ids = [...orgIds];
  return db.selectFrom("task_occurrences")
    .innerJoin("plan_tasks", "plan_tasks.id", "task_occurrences.task_id")
    .innerJoin("plans", "plans.id", "plan_tasks.plan_id")
    .selectAll("task_occurrences")
    .select([
      "plan_tasks.tt", "plan_tasks.content", "plan_tasks.lead_org_id", "plan_tasks.plan_id",
      "plans.org_id as plan_org_id", "plans.number as plan_number", "plans.title as plan_title",
    ])
    .where("task_occurrences.completed_on", "is", null)
    .where("task_occurrences.due_on", "<=", dueUpTo)
    .where((eb) => eb.or([
      eb("plan_tasks.lead_org_id", "in", ids),
      eb.and([eb("plan_tasks.lead_org_id", "is", null), eb("plans.org_id", "in", ids)]),
    ]))
    .orderBy("task_occurrences.due_on").orderBy("task_occurrences.id")
    .limit(limit)
    .execute();
}

/** Occurrences due in [from, to) of tasks led by `leadIds` (the P1 indicator). */
export async function findOccurrencesDueIn(db: Conn, leadIds: readonly number[], from: string, to: string): Promise<Array<TaskOccurrenceRow & { lead_org_id: number | null }>> {
  if (leadIds.length === 0) return [];
  return db.selectFrom("task_occurrences").innerJoin("plan_tasks", "plan_tasks.id", "task_occurrences.task_id")
    .selectAll("task_occurrences").select("plan_tasks.lead_org_id")
    .where("plan_tasks.lead_org_id", "in", [...leadIds])
    .where("task_occurrences.due_on", ">=", from).where("task_occurrences.due_on", "<", to)
    .orderBy("task_occurrences.due_on").orderBy("task_occurrences.id").execute();
}
