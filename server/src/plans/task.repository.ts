// The plan_tasks table: the only code reading and writing it.
import { sql, type Insertable, type Transaction, type Updateable } from "kysely";
import type { Db } from "../db/database.js";
import type { Database, PlanTaskRow, PlanTasksTable } from "../db/schema.js";

type Conn = Db | Transaction<Database>;

/** Every task of a plan (group tasks and fanned tasks included), in table order. */
export async function findTasksOfPlan(db: Conn, planId: number): Promise<PlanTaskRow[]> {
  return db.selectFrom("plan_tasks").selectAll().where("plan_id", "=", planId)
    .orderBy(sql`source_row is null`).orderBy("source_row").orderBy("fanned_from_task_id", "desc").orderBy("id").execute();
}

/** One task, or undefined. */
export async function findTask(db: Conn, id: number): Promise<PlanTaskRow | undefined> {
  return db.selectFrom("plan_tasks").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Tasks by id. */
export async function findTasksByIds(db: Conn, ids: readonly number[]): Promise<PlanTaskRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("plan_tasks").selectAll().where("id", "in", [...new Set(ids)]).execute();
}

/** The fanned tasks of group tasks. */
export async function findFannedTasks(db: Conn, groupIds: readonly number[]): Promise<PlanTaskRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom("plan_tasks").selectAll().where("fanned_from_task_id", "in", [...groupIds]).orderBy("id").execute();
}

/** Inserts a task. */
export async function insertTask(db: Conn, row: Insertable<PlanTasksTable>): Promise<PlanTaskRow> {
  return db.insertInto("plan_tasks").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a task's fields. */
export async function updateTask(db: Conn, id: number, patch: Updateable<PlanTasksTable>): Promise<PlanTaskRow> {
  return db.updateTable("plan_tasks").set({ ...patch, updated_at: sql<Date>`now()` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes a task (a group task takes its fanned tasks; concretising tasks keep a null link). */
export async function deleteTask(db: Conn, id: number): Promise<void> {
  await db.deleteFrom("plan_tasks").where("id", "=", id).execute();
}

/** A task with what lists show of its plan. */
export type TaskWithPlan = PlanTaskRow & { plan_org_id: number; plan_number: string; plan_title: string; plan_issued_on: string };

const withPlan = (db: Conn) =>
  db.selectFrom("plan_tasks").innerJoin("plans", "plans.id", "plan_tasks.plan_id")
    .selectAll("plan_tasks")
    .select(["plans.org_id as plan_org_id", "plans.number as plan_number", "plans.title as plan_title", "plans.issued_on as plan_issued_on"]);

/** Tasks led by one of `leadIds` in plans issued by one of `issuerIds` (group tasks never). */
export async function findTasksLedBy(db: Conn, leadIds: readonly number[], issuerIds: readonly number[]): Promise<TaskWithPlan[]> {
  if (leadIds.length === 0 || issuerIds.length === 0) return [];
  return withPlan(db).where("plan_tasks.lead_org_id", "in", [...leadIds]).where("plans.org_id", "in", [...issuerIds])
    .orderBy("plans.issued_on").orderBy("plan_tasks.plan_id").orderBy("plan_tasks.source_row").orderBy("plan_tasks.id").execute();
}

/** Tasks of plans issued by `issuerIds` that concretise one of `parentIds`. */
export async function findConcretising(db: Conn, parentIds: readonly number[], issuerIds: readonly number[]): Promise<Array<{ parent_task_id: number; plan_org_id: number }>> {
  if (parentIds.length === 0 || issuerIds.length === 0) return [];
  const rows = await db.selectFrom("plan_tasks").innerJoin("plans", "plans.id", "plan_tasks.plan_id")
    .select(["plan_tasks.parent_task_id", "plans.org_id as plan_org_id"])
    .where("plan_tasks.parent_task_id", "in", [...parentIds]).where("plans.org_id", "in", [...issuerIds]).execute();
  return rows.flatMap((r) => (r.parent_task_id === null ? [] : [{ parent_task_id: r.parent_task_id, plan_org_id: r.plan_org_id }]));
}

/** Tasks with no single lead (T2 breach or unmatched name) of plans issued before `before`. */
export async function findLeadlessTasks(db: Conn, issuedBefore: string): Promise<TaskWithPlan[]> {
  return withPlan(db).where("plan_tasks.lead_org_id", "is", null).where("plan_tasks.lead_group", "is", null)
    .where("plans.issued_on", "<", issuedBefore).execute();
}

/** Tasks led by `leadIds` of plans issued before `before` (the T2/T3 indicators' tasks). */
export async function findLedTasksIssuedBefore(db: Conn, leadIds: readonly number[], issuedBefore: string): Promise<TaskWithPlan[]> {
  if (leadIds.length === 0) return [];
  return withPlan(db).where("plan_tasks.lead_org_id", "in", [...leadIds]).where("plans.issued_on", "<", issuedBefore).execute();
}

/** Distinct lead units of a plan's tasks (who, besides the issuer, may read it). */
export async function findLeadIdsOfPlan(db: Conn, planId: number): Promise<number[]> {
  const rows = await db.selectFrom("plan_tasks").select("lead_org_id").distinct().where("plan_id", "=", planId).where("lead_org_id", "is not", null).execute();
  return rows.flatMap((r) => (r.lead_org_id === null ? [] : [r.lead_org_id]));
}
