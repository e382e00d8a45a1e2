// The reports tables (migration 0008) and the overrides the regime reads: the only code that
// reads and writes them. Writes take the transaction of the step they belong to.
import { sql, type Transaction } from "kysely";
import type { Db } from "../db/database.js";
import type { Database, ReportCommentRow, ReportEventRow, ReportRow, ReportVersionRow, ReportEventsTable } from "../db/schema.js";
import { ZSettingsOverrideSchema, type TSettingsOverride } from "../domain/settings.js";

type Conn = Db | Transaction<Database>;

/** A stored JSON value as an object (PGlite and pg parse jsonb; a string is parsed here). */
export function jsonOf<T = unknown>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

/** Every stored settings override, by unit (the table holds one row per unit that has one). */
export async function findAllOverrides(db: Conn): Promise<Map<number, TSettingsOverride>> {
  const rows = await db.selectFrom("jurisdiction_settings").select(["org_id", "settings"]).execute();
  return new Map(rows.map((r) => [r.org_id, ZSettingsOverrideSchema.parse(jsonOf(r.settings))]));
}

export async function findReport(db: Conn, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findReportOf(db: Conn, orgId: number, period: string): Promise<ReportRow | undefined> {
  return db.selectFrom("reports").selectAll().where("org_id", "=", orgId).where("period", "=", period).executeTakeFirst();
}

/** Reports of the given units for the given periods. */
export async function findReportsOf(db: Conn, orgIds: readonly number[], periods: readonly string[]): Promise<ReportRow[]> {
  if (orgIds.length === 0 || periods.length === 0) return [];
  return db.selectFrom("reports").selectAll()
    .where(sql<boolean>`org_id = any(${[...orgIds]}::int[])`)
    .where(sql<boolean>`period = any(${[...periods]}::text[])`)
    .execute();
}

/** Creates a draft; returns undefined when the unit already has a report for the period. */
export async function insertReport(db: Conn, row: { org_id: number; period: string; recipient_org_id: number; created_by: number }, at: Date): Promise<ReportRow | undefined> {
  return db.insertInto("reports").values({ ...row, created_at: at, updated_at: at }).onConflict((oc) => oc.columns(["org_id", "period"]).doNothing()).returningAll().executeTakeFirst();
}

export type ReportPatch = Partial<{
  status: ReportRow["status"]; narrative: unknown; explanations: unknown; meta: unknown;
  recipient_org_id: number | null; first_submitted_at: Date; accepted_version: number;
}>;

/** Updates a report at `at` (the app's clock, like every time of the workflow); the JSON fields are written as JSON text. */
export async function updateReport(db: Conn, id: number, patch: ReportPatch, at: Date): Promise<ReportRow> {
  const { narrative, explanations, meta, ...rest } = patch;
  return db.updateTable("reports")
    .set({
      ...rest,
      ...(narrative === undefined ? {} : { narrative: JSON.stringify(narrative) }),
      ...(explanations === undefined ? {} : { explanations: JSON.stringify(explanations) }),
      ...(meta === undefined ? {} : { meta: JSON.stringify(meta) }),
      updated_at: at,
    })
    .where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

export async function findVersions(db: Conn, reportId: number): Promise<ReportVersionRow[]> {
  return db.selectFrom("report_versions").selectAll().where("report_id", "=", reportId).orderBy("version").execute();
}

export async function findVersion(db: Conn, reportId: number, version: number): Promise<ReportVersionRow | undefined> {
  return db.selectFrom("report_versions").selectAll().where("report_id", "=", reportId).where("version", "=", version).executeTakeFirst();
}

/** The version of each report (by report id) given by `versionOf` — e.g. the accepted ones. */
export async function findVersionsOfReports(db: Conn, pairs: ReadonlyArray<{ reportId: number; version: number }>): Promise<ReportVersionRow[]> {
  if (pairs.length === 0) return [];
  return db.selectFrom("report_versions").selectAll()
    .where(sql<boolean>`(report_id, version) in (select * from unnest(${pairs.map((p) => p.reportId)}::int[], ${pairs.map((p) => p.version)}::int[]))`)
    .execute();
}

export type NewVersion = {
  report_id: number; version: number; recipient_org_id: number; figures: unknown; narrative: unknown; explanations: unknown;
  flags: unknown; meta: unknown; deadline_last_day: string; deadline_text: string; submitted_at: Date; submitted_by: number; on_time: boolean;
};

export async function insertVersion(db: Conn, v: NewVersion): Promise<ReportVersionRow> {
  return db.insertInto("report_versions").values({
    ...v,
    figures: JSON.stringify(v.figures), narrative: JSON.stringify(v.narrative), explanations: JSON.stringify(v.explanations),
    flags: JSON.stringify(v.flags), meta: JSON.stringify(v.meta),
  }).returningAll().executeTakeFirstOrThrow();
}

/** Records the receiving level's decision on a version still awaiting one; false if it had one. */
export async function decideVersion(db: Conn, reportId: number, version: number, d: { decision: "accepted" | "returned"; at: Date; by: number; note: string | null }): Promise<boolean> {
  const r = await db.updateTable("report_versions")
    .set({ decision: d.decision, decided_at: d.at, decided_by: d.by, decision_note: d.note })
    .where("report_id", "=", reportId).where("version", "=", version).where("decision", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertComments(db: Conn, rows: ReadonlyArray<{ report_id: number; version: number | null; user_id: number; anchor: string; body: string; at: Date }>): Promise<void> {
  if (rows.length > 0) await db.insertInto("report_comments").values([...rows]).execute();
}

export type CommentWithUser = ReportCommentRow & { username: string | null; full_name: string | null };

export async function findComments(db: Conn, reportId: number): Promise<CommentWithUser[]> {
  return db.selectFrom("report_comments").leftJoin("users", "users.id", "report_comments.user_id")
    .selectAll("report_comments").select(["users.username", "users.full_name"])
    .where("report_id", "=", reportId).orderBy("report_comments.at").orderBy("report_comments.id").execute();
}

/** A workflow step at `e.at` — the app's clock (ctx.now()), never the database's, so that the
 * history and the timeliness judged from `submitted_at` are on one clock. */
export async function insertEvent(db: Conn, e: { report_id: number; version: number | null; step: ReportEventsTable["step"]; user_id: number; at: Date; note?: string | null }): Promise<void> {
  await db.insertInto("report_events").values({ ...e, note: e.note ?? null }).execute();
}

export type EventWithUser = ReportEventRow & { username: string | null; full_name: string | null };

export async function findEvents(db: Conn, reportId: number): Promise<EventWithUser[]> {
  return db.selectFrom("report_events").leftJoin("users", "users.id", "report_events.user_id")
    .selectAll("report_events").select(["users.username", "users.full_name"])
    .where("report_id", "=", reportId).orderBy("report_events.at").orderBy("report_events.id").execute();
}

/** Names of users by id (for versions' submitters and deciders). */
export async function findUserNames(db: Conn, ids: readonly number[]): Promise<Map<number, { username: string; fullName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "username", "full_name"]).where("id", "in", [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { username: r.username, fullName: r.full_name }]));
}
