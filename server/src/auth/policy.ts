import type { UserRow } from "../db/schema.js";
import { forbidden } from "../errors.js";
import type { OrgDirectory } from "../orgs/org.directory.js";

export type Role = UserRow["role"];

/** The signed-in user as every service sees it. */
export type SessionUser = { id: number; username: string; fullName: string; role: Role; orgId: number };

/** read: registers, sheets; write: create/update/delete records; import: file imports;
 * audit: read the audit log; manage: users, org units and settings. */
export type Action = "read" | "write" | "import" | "audit" | "manage";

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ["read", "write", "import", "audit", "manage"],
  aggregator: ["read", "write", "import", "audit"],
  officer: ["read", "write", "import"],
  viewer: ["read"],
};

/** Every role acts only inside the subtree of its own org unit. */
export function can(user: SessionUser, action: Action, targetOrgId: number, orgs: OrgDirectory): boolean {
  return ROLE_ACTIONS[user.role].includes(action) && orgs.isInSubtree(user.orgId, targetOrgId);
}

/** Throws FORBIDDEN unless `user` may do `action` on the unit `targetOrgId`. */
export function authorize(user: SessionUser, action: Action, targetOrgId: number, orgs: OrgDirectory): void {
  if (!can(user, action, targetOrgId, orgs)) throw forbidden();
}

/** Throws FORBIDDEN unless the role allows `action` at all (for routes without a target unit). */
export function authorizeRole(user: SessionUser, action: Action): void {
  if (!ROLE_ACTIONS[user.role].includes(action)) throw forbidden("Vai trò của bạn không được phép thao tác này");
}
