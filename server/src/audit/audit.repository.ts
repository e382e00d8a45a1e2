import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";

export type AuditEntry = {
  userId: number | null;
  action: "create" | "update" | "delete" | "import" | "login" | "settings";
  entity: string;
  entityId: string | number | null;
  orgId: number | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit row; call it with the transaction of the change it records. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      org_id: entry.orgId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Which audit rows to read: units (required), entity, and [from, to). */
export type AuditFilter = { orgIds: number[]; entity?: string | undefined; from?: Date | undefined; to?: Date | undefined };

/** One audit row with the names the screen needs. */
export type AuditRowJoined = {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_code: string | null;
  before: unknown;
  after: unknown;
};

/** A page of audit rows for the given units, newest first, and the total count. `to` is exclusive. */
export async function findAuditPage(db: Kysely<Database>, f: AuditFilter, page: { limit: number; offset: number }): Promise<{ rows: AuditRowJoined[]; total: number }> {
  if (f.orgIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom("audit_log").where("audit_log.org_id", "in", f.orgIds);
  if (f.entity !== undefined) base = base.where("audit_log.entity", "=", f.entity);
  if (f.from !== undefined) base = base.where("audit_log.at", ">=", f.from);
  if (f.to !== undefined) base = base.where("audit_log.at", "<", f.to);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const rows = await base
    .leftJoin("users", "users.id", "audit_log.user_id")
    .leftJoin("org_units", "org_units.id", "audit_log.org_id")
    .select([
      "audit_log.id", "audit_log.at", "audit_log.user_id", "users.username", "audit_log.action", "audit_log.entity",
      "audit_log.entity_id", "org_units.code as org_code", "audit_log.before", "audit_log.after",
    ])
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}
