import { documentSearchText } from "../../server/src/domain/text.js";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { buildApp, type AppInstance } from "../../server/src/app.js";
import type { AppContext } from "../../server/src/context.js";
import { OrgDirectory } from "../../server/src/orgs/org.directory.js";
import { createSession, SESSION_COOKIE } from "../../server/src/auth/session.js";
import type { SessionUser, Role } from "../../server/src/auth/policy.js";
import type { OrgUnitsTable } from "../../server/src/db/schema.js";
import { openTestDatabase, type TestDatabase } from "./test-db.js";

export type TestApp = { app: AppInstance; ctx: AppContext; t: TestDatabase; close(): Promise<void> };

/** A fresh database and app; `now` defaults to a fixed day in 2026 so results do not drift. */
export async function startTestApp(now: Date = new Date("2026-06-15T03:00:00Z")): Promise<TestApp> {
  const t = await openTestDatabase();
  const ctx: AppContext = { handle: t.handle, orgs: new OrgDirectory(t.handle.db), now: () => now };
  const app = await buildApp(ctx);
  await app.ready();
  return { app, ctx, t, close: async () => { await app.close(); await t.drop(); } };
}

const unique = () => randomBytes(3).toString("hex");

/** Inserts an org unit with unique code unless given; returns its row. */
export async function buildOrg(ctx: AppContext, overrides: Partial<{ code: string; name: string; parentId: number | null; level: OrgUnitsTable["level"]; bloc: OrgUnitsTable["bloc"] }> = {}) {
  const code = overrides.code ?? `ORG_${unique()}`;
  const row = await ctx.handle.db
    .insertInto("org_units")
    .values({ code, name: overrides.name ?? `Đơn vị ${code}`, parent_id: overrides.parentId ?? null, level: overrides.level ?? "commune", bloc: overrides.bloc ?? "state" })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.orgs.refresh();
  return row;
}

/** Inserts a user (password "matkhau-123" unless given) and returns it with a session cookie. */
export async function buildUser(ctx: AppContext, orgId: number, role: Role = "officer", password = "matkhau-123") {
  const username = `u_${unique()}`;
  const row = await ctx.handle.db
    .insertInto("users")
    .values({ username, password_hash: await hash(password), full_name: `Cán bộ ${username}`, role, org_id: orgId })
    .returningAll()
    .executeTakeFirstOrThrow();
  const token = await createSession(ctx.handle.db, row.id, ctx.now());
  const user: SessionUser = { id: row.id, username, fullName: row.full_name, role, orgId };
  return { user, password, cookie: `${SESSION_COOKIE}=${token}`, headers: { cookie: `${SESSION_COOKIE}=${token}` } };
}

/** A document row for a direct insert, with the search text the application writes. */
export function withSearchText<T extends { number: string; subject?: string; signer?: string | null }>(row: T): T & { search_text: string } {
  return { ...row, search_text: documentSearchText(row.number, row.subject ?? "", row.signer ?? null) };
}
