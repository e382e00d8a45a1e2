// Import jobs and their audit row. Writes inside the import transaction go through the bulk
// session: the queries are built with Kysely (typed) and only compiled, then run on the session.
import { sql, type CompiledQuery } from "kysely";
import type { Db } from "../db/database.js";
import type { BulkSession } from "../db/bulk.js";
import type { ImportKind } from "./import.columns.js";

/** A job as the status endpoint needs it. */
export type ImportJobRecord = {
  id: number;
  kind: ImportKind;
  userId: number | null;
  userOrgId: number | null;
  fileName: string;
  status: "running" | "succeeded" | "failed";
  rowsDone: number;
  inserted: number;
  updated: number;
  errors: unknown;
  startedAt: Date;
  finishedAt: Date | null;
};

async function run(s: BulkSession, q: CompiledQuery): Promise<void> {
  await s.query(q.sql, [...q.parameters]);
}

/** Creates the job row (committed at once, so a poller sees it while the import runs). */
export async function createJob(db: Db, job: { kind: ImportKind; userId: number | null; fileName: string }): Promise<number> {
  const row = await db
    .insertInto("import_jobs")
    .values({ kind: job.kind, user_id: job.userId, file_name: job.fileName, status: "running" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A short separate write of the progress (PostgreSQL only: PGlite's one connection is busy). */
export async function setJobProgress(db: Db, id: number, rowsDone: number): Promise<void> {
  await db.updateTable("import_jobs").set({ rows_done: rowsDone }).where("id", "=", id).execute();
}

/** Marks the job succeeded inside the import transaction: it commits with the rows or not at all. */
export async function succeedJob(s: BulkSession, db: Db, id: number, result: { rows: number; inserted: number; updated: number }): Promise<void> {
  await run(s, db
    .updateTable("import_jobs")
    .set({ status: "succeeded", rows_done: result.rows, inserted: result.inserted, updated: result.updated, errors: null, finished_at: sql<Date>`now()` })
    .where("id", "=", id)
    .compile());
}

/** Marks the job failed after the rollback, keeping what went wrong for the status endpoint. */
export async function failJob(db: Db, id: number, rowsDone: number, errors: unknown): Promise<void> {
  await db
    .updateTable("import_jobs")
    .set({ status: "failed", rows_done: rowsDone, inserted: 0, updated: 0, errors: JSON.stringify(errors), finished_at: sql<Date>`now()` })
    .where("id", "=", id)
    .execute();
}

/** The audit row of an import, written in the import transaction (what recordAudit writes). */
export async function auditImport(
  s: BulkSession,
  db: Db,
  entry: { userId: number | null; orgId: number | null; kind: ImportKind; jobId: number; after: unknown },
): Promise<void> {
  await run(s, db
    .insertInto("audit_log")
    .values({ user_id: entry.userId, action: "import", entity: entry.kind, entity_id: String(entry.jobId), org_id: entry.orgId, before: null, after: JSON.stringify(entry.after) })
    .compile());
}

/** A job with the unit of the user who ran it, or undefined. */
export async function findJob(db: Db, id: number): Promise<ImportJobRecord | undefined> {
  const row = await db
    .selectFrom("import_jobs as j")
    .leftJoin("users as u", "u.id", "j.user_id")
    .select(["j.id", "j.kind", "j.user_id", "u.org_id", "j.file_name", "j.status", "j.rows_done", "j.inserted", "j.updated", "j.errors", "j.started_at", "j.finished_at"])
    .where("j.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    kind: row.kind,
    userId: row.user_id,
    userOrgId: row.org_id,
    fileName: row.file_name,
    status: row.status,
    rowsDone: row.rows_done,
    inserted: row.inserted,
    updated: row.updated,
    errors: typeof row.errors === "string" ? JSON.parse(row.errors) : row.errors,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
