// The one column of `meetings` the conclusions own: the link to the notice's plan. The notice
// and its tasks are read and written through the plans module.
import { sql, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database } from "../db/schema.js";

/** Links the conference to its conclusion notice (a plan of type TB). */
export async function setConclusionPlan(trx: Db | Transaction<Database>, meetingId: number, planId: number): Promise<void> {
  await trx.updateTable("meetings").set({ conclusion_plan_id: planId, updated_at: sql<Date>`now()` }).where("id", "=", meetingId).execute();
}
