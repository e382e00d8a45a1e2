import type { Transaction } from "kysely";
import type { AppContext } from "../context.js";
import type { Database } from "../db/schema.js";
import type { OrgRow } from "../orgs/org.types.js";
import { generatePassword, hashPassword } from "../auth/password.js";
import { recordAudit } from "../audit/audit.repository.js";
import { findAnyAdmin, insertUser } from "../users/user.repository.js";
import { findFirstRootOrg, insertOrg } from "../orgs/org.repository.js";

/** The first account's username. */
export const FIRST_ADMIN_USERNAME = "admin";
/** The root unit created when the database has no org at all. */
const DEFAULT_ROOT = { code: "VN", name: "Việt Nam", level: "central", bloc: "state" } as const;

/** `generatedPassword` is set only when one was generated (and logged). */
export type EnsureAdminResult = { created: boolean; username: string; generatedPassword?: string };

/**
 * Makes sure an admin account exists (idempotent; safe when two processes boot at once). With
 * none, creates `admin` at the root unit — the first unit without a parent, or a new root `VN`
 * when there is no unit — with `password`, else with a generated one that is passed to `log`
 * once and never stored in clear. Any admin, even a disabled one, counts as existing: recovering
 * a locked-out install is a deliberate act, not a side effect of a restart.
 */
export async function ensureAdmin(ctx: AppContext, opts: { password?: string | undefined; log: (line: string) => void }): Promise<EnsureAdminResult> {
  const { db } = ctx.handle;
  const existing = await findAnyAdmin(db);
  if (existing) return { created: false, username: existing.username };
  if (opts.password !== undefined && opts.password.length < 8) throw new Error("LELOI_ADMIN_PASSWORD: ít nhất 8 ký tự");

  const generatedPassword = opts.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(opts.password ?? (generatedPassword as string));
  const created = await db.transaction().execute(async (trx) => {
    const root = await findOrCreateRoot(trx);
    const row = await insertUser(trx, { username: FIRST_ADMIN_USERNAME, passwordHash, fullName: "Quản trị hệ thống", role: "admin", orgId: root.id });
    if (row) {
      await recordAudit(trx, {
        userId: null, action: "create", entity: "users", entityId: row.id, orgId: root.id,
        after: { id: row.id, username: row.username, fullName: row.full_name, role: row.role, orgCode: root.code, disabled: row.disabled },
      });
    }
    return row;
  });
  await ctx.orgs.refresh();

  if (!created) {
    // the name is taken: either another process just created the admin, or a non-admin holds it
    const raced = await findAnyAdmin(db);
    if (raced) return { created: false, username: raced.username };
    throw new Error(`Không thể tạo tài khoản quản trị: tên "${FIRST_ADMIN_USERNAME}" đã được dùng cho tài khoản không phải quản trị`);
  }
  if (generatedPassword !== undefined) {
    opts.log(`Đã tạo tài khoản quản trị "${FIRST_ADMIN_USERNAME}" với mật khẩu: ${generatedPassword}`);
    opts.log("Mật khẩu này chỉ hiển thị một lần — hãy đăng nhập và đổi mật khẩu ngay.");
  } else {
    opts.log(`Đã tạo tài khoản quản trị "${FIRST_ADMIN_USERNAME}" với mật khẩu từ LELOI_ADMIN_PASSWORD.`);
  }
  return { created: true, username: FIRST_ADMIN_USERNAME, ...(generatedPassword !== undefined ? { generatedPassword } : {}) };
}

async function findOrCreateRoot(trx: Transaction<Database>): Promise<OrgRow> {
  const root = await findFirstRootOrg(trx);
  if (root) return root;
  const made = await insertOrg(trx, { ...DEFAULT_ROOT, parent_id: null, valid_from: null, valid_to: null });
  // no insert means another process created the root in the meantime
  return made ?? (await findFirstRootOrg(trx)) ?? Promise.reject(new Error("Không tạo được đơn vị gốc"));
}
