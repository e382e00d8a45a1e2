// The plans table: the only code reading and writing it.
import { sql, type Insertable, type Transaction, type Updateable } from "kysely";
import type { Db } from "../db/database.js";
import type { Database, PlanRow, PlansTable } from "../db/schema.js";
import { planTargetsOf, type PlanTargets } from "./plan.targets.js";

type Conn = Db | Transaction<Database>;

/** One plan, or undefined. */
export async function findPlan(db: Conn, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Plans by id (for parent links and task lists). */
export async function findPlansByIds(db: Conn, ids: readonly number[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("plans").selectAll().where("id", "in", [...new Set(ids)]).execute();
}

/** Plans issued by the given units, newest first. */
export async function listPlansOf(db: Conn, orgIds: readonly number[]): Promise<PlanRow[]> {
  if (orgIds.length === 0) return [];
  return db.selectFrom("plans").selectAll().where("org_id", "in", [...orgIds]).orderBy("issued_on", "desc").orderBy("id", "desc").execute();
}

/** Plans issued by `issuerIds` that have a task led by one of `leadIds` (plans "assigned to" a unit). */
export async function listPlansAssigning(db: Conn, issuerIds: readonly number[], leadIds: readonly number[]): Promise<PlanRow[]> {
  if (issuerIds.length === 0 || leadIds.length === 0) return [];
  return db.selectFrom("plans").selectAll()
    .where("org_id", "in", [...issuerIds])
    .where((eb) => eb.exists(eb.selectFrom("plan_tasks").select("plan_tasks.id")
      .whereRef("plan_tasks.plan_id", "=", "plans.id").where("plan_tasks.lead_org_id", "in", [...leadIds])))
    .orderBy("issued_on", "desc").orderBy("id", "desc").execute();
}

/** Inserts a plan. */
export async function insertPlan(db: Conn, row: Insertable<PlansTable>): Promise<PlanRow> {
  return db.insertInto("plans").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a plan's fields. */
export async function updatePlan(db: Conn, id: number, patch: Updateable<PlansTable>): Promise<PlanRow> {
  return db.updateTable("plans").set({ ...patch, updated_at: sql<Date>`now()` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes a plan (its tasks, occurrences and updates go with it; lower plans keep a null link). */
export async function deletePlan(db: Conn, id: number): Promise<void> {
  await db.deleteFrom("plans").where("id", "=", id).execute();
}

/** The chain of parent plans above `id` (nearest first), stopping at a repeat. */
export async function findPlanAncestry(db: Conn, id: number): Promise<number[]> {
  const out: number[] = [];
  let cur: number | null = id;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    const row: { parent_plan_id: number | null } | undefined = await db.selectFrom("plans").select("parent_plan_id").where("id", "=", cur).executeTakeFirst();
    cur = row?.parent_plan_id ?? null;
  }
  return out;
}

/** The targets set by plans issued by the given units (for getSettingsFor). */
export async function findPlanTargets(db: Conn, orgIds: readonly number[]): Promise<Array<{ orgId: number; targets: PlanTargets }>> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom("plans").select(["org_id", "targets"]).where("org_id", "in", [...orgIds]).where("targets", "is not", null).execute();
  return rows.flatMap((r) => {
    const targets = planTargetsOf(r.targets);
    return targets ? [{ orgId: r.org_id, targets }] : [];
  });
}
