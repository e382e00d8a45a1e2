// The only code that reads and writes TTHC statistics (one row per unit and month).
import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { TthcRow } from "../db/schema.js";

/** Units and an inclusive month range ("YYYY-MM-01" dates). */
export type TthcFilter = { orgIds: number[]; fromMonth?: string | undefined; toMonth?: string | undefined };

function filtered(db: Db, f: TthcFilter) {
  let q = db.selectFrom("tthc_stats").where("tthc_stats.org_id", "in", f.orgIds);
  if (f.fromMonth) q = q.where("tthc_stats.month", ">=", f.fromMonth);
  if (f.toMonth) q = q.where("tthc_stats.month", "<=", f.toMonth);
  return q;
}

/** A page of rows, latest month first, then by unit code. */
export async function listTthc(db: Db, f: TthcFilter, limit: number, offset: number): Promise<TthcRow[]> {
  if (f.orgIds.length === 0) return [];
  return filtered(db, f)
    .innerJoin("org_units", "org_units.id", "tthc_stats.org_id")
    .selectAll("tthc_stats")
    .orderBy("tthc_stats.month", "desc")
    .orderBy("org_units.code")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Row count and the sums of both counts over the whole filter (not just the page). */
export async function summariseTthc(db: Db, f: TthcFilter): Promise<{ rows: number; received: number; processedDigitally: number }> {
  if (f.orgIds.length === 0) return { rows: 0, received: 0, processedDigitally: 0 };
  const r = await filtered(db, f)
    .select([
      sql<number>`count(*)::bigint`.as("rows"),
      sql<number>`coalesce(sum(received), 0)::bigint`.as("received"),
      sql<number>`coalesce(sum(processed_digitally), 0)::bigint`.as("processed"),
    ])
    .executeTakeFirst();
  return { rows: Number(r?.rows ?? 0), received: Number(r?.received ?? 0), processedDigitally: Number(r?.processed ?? 0) };
}

/** One unit's month; `lock` takes a row lock for the rest of the transaction. */
export async function findTthc(db: Db, orgId: number, month: string, lock = false): Promise<TthcRow | undefined> {
  let q = db.selectFrom("tthc_stats").selectAll().where("org_id", "=", orgId).where("month", "=", month);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Inserts or replaces one unit's month (a manual entry clears the import it came from). */
export async function upsertTthc(db: Db, v: { orgId: number; month: string; received: number; processedDigitally: number }): Promise<TthcRow> {
  return db
    .insertInto("tthc_stats")
    .values({ org_id: v.orgId, month: v.month, received: v.received, processed_digitally: v.processedDigitally, import_id: null })
    .onConflict((oc) =>
      oc.columns(["org_id", "month"]).doUpdateSet({
        received: v.received,
        processed_digitally: v.processedDigitally,
        import_id: null,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes one unit's month. */
export async function deleteTthc(db: Db, orgId: number, month: string): Promise<void> {
  await db.deleteFrom("tthc_stats").where("org_id", "=", orgId).where("month", "=", month).execute();
}
