import type { AppContext } from "../context.js";
import { AppError, unauthenticated } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { findUserById, findUserByUsername, updateUser } from "../users/user.repository.js";
import { presentSessionUser, type SessionUserView } from "../users/user.presenter.js";
import { LoginThrottle } from "./login-throttle.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { SessionUser } from "./policy.js";
import { createSession, deleteOtherUserSessions } from "./session.js";
import type { TChangePasswordBody, TLoginBody } from "./auth.schema.js";

/** One message for unknown user and wrong password, so a guess learns nothing about usernames. */
const BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng";

function tooManyAttempts(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError("RATE_LIMITED", `Sai mật khẩu quá nhiều lần, vui lòng thử lại sau ${minutes} phút`, { retryAfterSeconds });
}

/** Login and password use cases; one instance per app so its throttle lives with the app. */
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly ctx: AppContext) {}

  /** Verifies the credentials and opens a session; throws 429 while the pair is throttled. */
  async login(body: TLoginBody, ip: string): Promise<{ token: string; user: SessionUserView }> {
    const { ctx } = this;
    const now = ctx.now();
    const wait = this.throttle.retryAfterSeconds(ip, body.username, now);
    if (wait > 0) throw tooManyAttempts(wait);

    const row = await findUserByUsername(ctx.handle.db, body.username);
    const ok = await verifyPassword(row?.password_hash ?? null, body.password);
    if (!row || !ok) {
      this.throttle.recordFailure(ip, body.username, now);
      throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
    }
    // only reached with the right password, so saying "locked" reveals nothing a guesser lacks
    if (row.disabled) throw new AppError("UNAUTHENTICATED", "Tài khoản đã bị khóa, vui lòng liên hệ quản trị viên");
    this.throttle.recordSuccess(ip, body.username);

    await ctx.orgs.refresh();
    const token = await ctx.handle.db.transaction().execute(async (trx) => {
      const t = await createSession(trx, row.id, now);
      await recordAudit(trx, { userId: row.id, action: "login", entity: "users", entityId: row.id, orgId: row.org_id });
      return t;
    });
    return { token, user: presentSessionUser(row, ctx.orgs) };
  }

  /** The signed-in user with their unit. */
  async me(user: SessionUser): Promise<SessionUserView> {
    await this.ctx.orgs.refresh();
    const row = await findUserById(this.ctx.handle.db, user.id);
    if (!row || row.disabled) throw unauthenticated();
    return presentSessionUser(row, this.ctx.orgs);
  }

  /** Checks the current password, stores the new hash and signs out every other session. */
  async changePassword(user: SessionUser, body: TChangePasswordBody, currentToken: string, ip: string): Promise<void> {
    const { ctx } = this;
    const now = ctx.now();
    // the same throttle as login: a stolen session must not become a password oracle
    const wait = this.throttle.retryAfterSeconds(ip, user.username, now);
    if (wait > 0) throw tooManyAttempts(wait);
    const row = await findUserById(ctx.handle.db, user.id);
    if (!row) throw unauthenticated();
    if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
      this.throttle.recordFailure(ip, user.username, now);
      throw new AppError("FORBIDDEN", "Mật khẩu hiện tại không đúng");
    }
    if (body.newPassword === body.currentPassword) {
      throw new AppError("VALIDATION", "Mật khẩu mới phải khác mật khẩu hiện tại");
    }
    const passwordHash = await hashPassword(body.newPassword);
    await ctx.handle.db.transaction().execute(async (trx) => {
      await updateUser(trx, row.id, { password_hash: passwordHash });
      await deleteOtherUserSessions(trx, row.id, currentToken);
      await recordAudit(trx, { userId: row.id, action: "update", entity: "users", entityId: row.id, orgId: row.org_id, after: { passwordChanged: true } });
    });
  }
}
