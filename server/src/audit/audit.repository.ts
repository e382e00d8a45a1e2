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
