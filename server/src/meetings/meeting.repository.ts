// The only code that reads and writes the conference register (hội nghị). A province holds
// tens of thousands of conferences a year, so lists filter on (org_id, start_at) and count
// exactly.
import { sql, type ExpressionBuilder } from "kysely";
import type { Db } from "../db/database.js";
import type { Updateable } from "kysely";
import type { Database, MeetingRow, MeetingsTable, NewMeeting } from "../db/schema.js";
import type { JurisdictionSettings, MeetingCategory, MeetingFormat, MeetingScope } from "../domain/settings.js";
import type { KeysetPosition, PageWindow } from "../registers/paging.js";

/** What a list may be narrowed by; instants bound `start_at` (from inclusive, to exclusive). */
export type MeetingFilter = {
  orgIds: number[];
  startFrom?: Date | undefined;
  startTo?: Date | undefined;
  category?: MeetingCategory | undefined;
  scope?: MeetingScope | undefined;
  format?: MeetingFormat | undefined;
  /** ILIKE pattern (already escaped) matched against the title */
  pattern?: string | undefined;
  /** M4: longer than the category allows; M5: a speech over its limit (limits from settings) */
  breach?: { rule: "m4"; limits: JurisdictionSettings["sessionLimits"] } | { rule: "m5"; limits: JurisdictionSettings["speechLimits"] } | undefined;
};

function where(eb: ExpressionBuilder<Database, "meetings">, f: MeetingFilter) {
  const conds = [eb("org_id", "in", f.orgIds)];
  if (f.startFrom) conds.push(eb("start_at", ">=", f.startFrom));
  if (f.startTo) conds.push(eb("start_at", "<", f.startTo));
  if (f.category) conds.push(eb("category", "=", f.category));
  if (f.scope) conds.push(eb("scope", "=", f.scope));
  if (f.format) conds.push(eb("format", "=", f.format));
  if (f.pattern) conds.push(eb("search_text", "like", f.pattern));
  if (f.breach?.rule === "m4") {
    // M4 — KL 226 §2.2: categories without a limit are unchecked
    const limits = Object.entries(f.breach.limits) as Array<[MeetingCategory, number]>;
    conds.push(eb.or(limits.map(([category, max]) => eb.and([eb("category", "=", category), eb("sessions", ">", max)]))));
  }
  if (f.breach?.rule === "m5") {
    // M5 — KL 226 §2.2: kỳ họp định kỳ exempt; an empty value is not checked
    const l = f.breach.limits;
    conds.push(eb("category", "<>", "dinh_ky"));
    conds.push(eb.or([eb("opening_min", ">", l.openingMin), eb("conclusion_min", ">", l.conclusionMin), eb("max_contribution_min", ">", l.contributionMin)]));
  }
  return eb.and(conds);
}

/** One page of conferences (fetches `limit + 1` rows: the extra one tells there is more). */
export async function listMeetings(db: Db, f: MeetingFilter, sort: "start" | "-start", w: PageWindow<KeysetPosition>): Promise<MeetingRow[]> {
  if (f.orgIds.length === 0) return [];
  const desc = sort === "-start";
  const dir = desc ? "desc" : "asc";
  let q = db.selectFrom("meetings").selectAll().where((eb) => where(eb, f));
  if (w.after) {
    const at = new Date(w.after.key);
    const id = w.after.id;
    q = q.where((eb) =>
      desc
        ? eb.or([eb("start_at", "<", at), eb.and([eb("start_at", "=", at), eb("id", "<", id)])])
        : eb.or([eb("start_at", ">", at), eb.and([eb("start_at", "=", at), eb("id", ">", id)])]),
    );
  }
  return q.orderBy("start_at", dir).orderBy("id", dir).limit(w.limit + 1).offset(w.offset).execute();
}

/** Exact number of conferences matching `f`. */
export async function countMeetings(db: Db, f: MeetingFilter): Promise<number> {
  if (f.orgIds.length === 0) return 0;
  const row = await db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).where((eb) => where(eb, f)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * M3 — conferences already using a province-/commune-wide slot: in the units `orgIds`, with
 * `scope`, starting in [from, to), not định kỳ and without an exception decision; `excludeId`
 * is the conference being edited.
 */
export async function countWideMeetings(db: Db, orgIds: number[], scope: MeetingScope, from: Date, to: Date, excludeId: number | null): Promise<number> {
  let q = db
    .selectFrom("meetings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "in", orgIds)
    .where("scope", "=", scope)
    .where("category", "<>", "dinh_ky")
    .where("exception_decision", "is", null)
    .where("start_at", ">=", from)
    .where("start_at", "<", to);
  if (excludeId !== null) q = q.where("id", "<>", excludeId);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Serialises writers of one host unit's M3 quota until the transaction ends, so two
 * conferences saved at the same moment cannot both take the last slot. */
export async function lockWideQuota(trx: Db, hostOrgId: number): Promise<void> {
  // 226_003: our lock class for "M3 quota" (two-key advisory lock: class, unit)
  await sql`select pg_advisory_xact_lock(226003, ${hostOrgId}::int)`.execute(trx);
}

/** A conference by id; `lock` takes a row lock for the rest of the transaction. */
export async function findMeeting(db: Db, id: number, lock = false): Promise<MeetingRow | undefined> {
  let q = db.selectFrom("meetings").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Inserts one conference; returns the row as stored. */
export async function insertMeeting(db: Db, values: NewMeeting): Promise<MeetingRow> {
  return db.insertInto("meetings").values(values).returningAll().executeTakeFirstOrThrow();
}

/** Sets the given columns and `updated_at`; returns the row as stored. */
export async function updateMeeting(db: Db, id: number, values: Updateable<MeetingsTable>): Promise<MeetingRow> {
  return db.updateTable("meetings").set({ ...values, updated_at: sql<Date>`now()` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes one conference. */
export async function deleteMeeting(db: Db, id: number): Promise<void> {
  await db.deleteFrom("meetings").where("id", "=", id).execute();
}
