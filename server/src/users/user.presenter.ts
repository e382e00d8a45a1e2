import type { UserRow } from "../db/schema.js";
import type { OrgDirectory } from "../orgs/org.directory.js";

/** The unit of an account as the client sees it. */
export type UserOrgView = { id: number; code: string; name: string; level: string };

/** The signed-in user (login, me). */
export type SessionUserView = { id: number; username: string; fullName: string; role: UserRow["role"]; org: UserOrgView };

/** An account in the admin screens: never the password hash. */
export type UserView = SessionUserView & { disabled: boolean; createdAt: string; updatedAt: string };

function presentOrg(orgs: OrgDirectory, orgId: number): UserOrgView {
  const o = orgs.get(orgId);
  // a user's org cannot be deleted (FK), so a miss only means the directory is stale
  return o ? { id: o.id, code: o.code, name: o.name, level: o.level } : { id: orgId, code: "", name: "", level: "" };
}

/** Maps an account row to what login and `me` answer. */
export function presentSessionUser(row: Pick<UserRow, "id" | "username" | "full_name" | "role" | "org_id">, orgs: OrgDirectory): SessionUserView {
  return { id: row.id, username: row.username, fullName: row.full_name, role: row.role, org: presentOrg(orgs, row.org_id) };
}

/** Maps an account row for the user administration API. */
export function presentUser(row: UserRow, orgs: OrgDirectory): UserView {
  return {
    ...presentSessionUser(row, orgs),
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The audit snapshot of an account: what changed, never the hash. */
export function auditSnapshotOfUser(row: UserRow, orgs: OrgDirectory) {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    orgCode: orgs.get(row.org_id)?.code ?? null,
    disabled: row.disabled,
  };
}
