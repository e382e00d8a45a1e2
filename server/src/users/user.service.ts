import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { hashPassword } from "../auth/password.js";
import { deleteUserSessions, forgetCachedSessionsOf } from "../auth/session.js";
import { AppError, notFound } from "../errors.js";
import type { UserRow } from "../db/schema.js";
import { recordAudit } from "../audit/audit.repository.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { findUserById, insertUser, listUsersOfOrgs, updateUser as updateUserRow, type UserChanges } from "./user.repository.js";
import { auditSnapshotOfUser, presentUser, type UserView } from "./user.presenter.js";
import type { TCreateUserBody, TUpdateUserBody, TUserListQuery } from "./user.schema.js";

/** Accounts of a unit (or its subtree). Listing accounts is oversight of a subtree, so it needs
 * the `audit` action (admin, aggregator), not `manage`. */
export async function listUsers(ctx: AppContext, user: SessionUser, q: TUserListQuery): Promise<UserView[]> {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "audit", org.id, ctx.orgs);
  const ids = q.subtree ? ctx.orgs.subtreeIds(org.id) : [org.id];
  const rows = await listUsersOfOrgs(ctx.handle.db, ids);
  return rows.map((r) => presentUser(r, ctx.orgs));
}

/** Creates an account in a unit the admin manages. */
export async function createUser(ctx: AppContext, user: SessionUser, body: TCreateUserBody): Promise<UserView> {
  await ctx.orgs.refresh();
  const org = ctx.orgs.get(body.orgId);
  if (!org) throw new AppError("VALIDATION", `Không tìm thấy đơn vị ${body.orgId}`);
  authorize(user, "manage", org.id, ctx.orgs);
  const passwordHash = await hashPassword(body.password);
  const row = await ctx.handle.db.transaction().execute(async (trx) => {
    const created = await insertUser(trx, { username: body.username, passwordHash, fullName: body.fullName, role: body.role, orgId: org.id });
    if (!created) throw new AppError("CONFLICT", `Tên đăng nhập ${body.username} đã được dùng`);
    await recordAudit(trx, { userId: user.id, action: "create", entity: "users", entityId: created.id, orgId: org.id, after: auditSnapshotOfUser(created, ctx.orgs) });
    return created;
  });
  return presentUser(row, ctx.orgs);
}

/** Changes an account of a unit the admin manages (and moves it only to such a unit). An admin
 * cannot lock, demote, move or reset the password of their own account here: a stolen session
 * must not lock the owner out (their own password goes through /api/auth/password). */
export async function updateUser(ctx: AppContext, user: SessionUser, id: number, body: TUpdateUserBody): Promise<UserView> {
  if (Object.values(body).every((v) => v === undefined)) throw new AppError("VALIDATION", "Không có thay đổi nào");
  const target = await findManagedUser(ctx, user, id);
  if (body.orgId !== undefined) {
    if (!ctx.orgs.get(body.orgId)) throw new AppError("VALIDATION", `Không tìm thấy đơn vị ${body.orgId}`);
    authorize(user, "manage", body.orgId, ctx.orgs);
  }
  if (target.id === user.id && locksSelfOut(target, body)) {
    throw new AppError("CONFLICT", "Không thể tự khóa, đổi vai trò, đổi đơn vị hay đặt lại mật khẩu của chính mình tại đây");
  }
  const changes: UserChanges = {};
  if (body.fullName !== undefined) changes.full_name = body.fullName;
  if (body.role !== undefined) changes.role = body.role;
  if (body.orgId !== undefined) changes.org_id = body.orgId;
  if (body.disabled !== undefined) changes.disabled = body.disabled;
  if (body.password !== undefined) changes.password_hash = await hashPassword(body.password);
  return writeUserChange(ctx, user, target, changes, body.password !== undefined || body.disabled === true);
}

/** Accounts are disabled, never deleted: audit rows and imports keep naming who did what. */
export async function disableUser(ctx: AppContext, user: SessionUser, id: number): Promise<UserView> {
  const target = await findManagedUser(ctx, user, id);
  if (target.id === user.id) throw new AppError("CONFLICT", "Không thể tự khóa tài khoản của chính mình");
  return writeUserChange(ctx, user, target, { disabled: true }, true);
}

/** True when a change to one's own account could lock its owner out (role, unit, lock, reset). */
function locksSelfOut(self: UserRow, body: TUpdateUserBody): boolean {
  return (
    (body.role !== undefined && body.role !== self.role) ||
    body.disabled === true ||
    (body.orgId !== undefined && body.orgId !== self.org_id) ||
    body.password !== undefined
  );
}

async function findManagedUser(ctx: AppContext, user: SessionUser, id: number): Promise<UserRow> {
  await ctx.orgs.refresh();
  const target = await findUserById(ctx.handle.db, id);
  if (!target) throw notFound(`tài khoản ${id}`);
  authorize(user, "manage", target.org_id, ctx.orgs);
  return target;
}

async function writeUserChange(ctx: AppContext, user: SessionUser, target: UserRow, changes: UserChanges, signOut: boolean): Promise<UserView> {
  const row = await ctx.handle.db.transaction().execute(async (trx) => {
    const updated = await updateUserRow(trx, target.id, changes);
    // role and unit are read from `users` on every request; a reset password or a lock must
    // also end the sessions already open
    if (signOut) await deleteUserSessions(trx, target.id);
    const after = { ...auditSnapshotOfUser(updated, ctx.orgs), ...(changes.password_hash ? { passwordReset: true } : {}) };
    await recordAudit(trx, { userId: user.id, action: "update", entity: "users", entityId: target.id, orgId: updated.org_id, before: auditSnapshotOfUser(target, ctx.orgs), after });
    return updated;
  });
  // the PGlite session cache holds role and unit: the change must apply to the next request
  forgetCachedSessionsOf(target.id);
  return presentUser(row, ctx.orgs);
}
