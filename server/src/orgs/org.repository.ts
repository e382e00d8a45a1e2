import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, OrgUnitsTable } from "../db/schema.js";
import type { OrgRow } from "./org.types.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** Columns written for a unit. */
export type OrgValues = Pick<OrgUnitsTable, "code" | "name" | "parent_id" | "level" | "bloc" | "valid_from" | "valid_to">;
/** One predecessor link of a unit. */
export type PredecessorValues = { predecessorId: number; kind: "merge" | "split"; share: number };

const ORG_COLUMNS = ["id", "code", "name", "parent_id", "level", "bloc", "valid_from", "valid_to"] as const;

/** Inserts a unit; undefined when the code is taken (no exception: the transaction stays usable). */
export async function insertOrg(db: Executor, v: OrgValues): Promise<OrgRow | undefined> {
  return db.insertInto("org_units").values(v).onConflict((oc) => oc.column("code").doNothing()).returning(ORG_COLUMNS).executeTakeFirst();
}

/** Updates a unit and stamps updated_at with the database clock, which is also what tells every
 * process's OrgDirectory that the tree changed. */
export async function updateOrg(db: Executor, id: number, changes: Partial<OrgValues>): Promise<OrgRow> {
  return db
    .updateTable("org_units")
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .returning(ORG_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Replaces all predecessor links of a unit. */
export async function replacePredecessors(db: Executor, orgId: number, links: PredecessorValues[]): Promise<void> {
  await db.deleteFrom("org_predecessors").where("org_id", "=", orgId).execute();
  if (links.length === 0) return;
  await db
    .insertInto("org_predecessors")
    .values(links.map((l) => ({ org_id: orgId, predecessor_id: l.predecessorId, kind: l.kind, share: l.share })))
    .execute();
}

/** Deletes a unit (its predecessor links and settings go with it by cascade). */
export async function deleteOrg(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("org_units").where("id", "=", id).execute();
}

/** Which kinds of records or accounts still belong to the unit (a unit with any is not deleted). */
export async function findOrgDependents(db: Executor, id: number): Promise<string[]> {
  const probes = [
    ["documents", db.selectFrom("documents").select("id").where("org_id", "=", id).limit(1)],
    ["meetings", db.selectFrom("meetings").select("id").where("org_id", "=", id).limit(1)],
    ["tthc", db.selectFrom("tthc_stats").select("org_id as id").where("org_id", "=", id).limit(1)],
    ["users", db.selectFrom("users").select("id").where("org_id", "=", id).limit(1)],
    ["plans", db.selectFrom("plans").select("id").where("org_id", "=", id).limit(1)],
    ["plan_tasks", db.selectFrom("plan_tasks").select("id").where("lead_org_id", "=", id).limit(1)],
  ] as const;
  const found: string[] = [];
  for (const [name, query] of probes) if (await query.executeTakeFirst()) found.push(name);
  return found;
}

/** The first unit without a parent (the root the first admin belongs to). */
export async function findFirstRootOrg(db: Executor): Promise<OrgRow | undefined> {
  return db.selectFrom("org_units").select(ORG_COLUMNS).where("parent_id", "is", null).orderBy("id").limit(1).executeTakeFirst();
}
