import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/src/app.js";
import { SESSION_COOKIE } from "../../server/src/auth/session.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type Login = { username: string; password: string };

describe(`auth routes (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgId: number;
  beforeAll(async () => {
    t = await startTestApp();
    orgId = (await buildOrg(t.ctx, { level: "commune" })).id;
  });
  afterAll(async () => t?.close());

  const login = (body: Login | Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/auth/login", payload: body });
  const sessionOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
    const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
    return { cookie: `${SESSION_COOKIE}=${c?.value ?? ""}` };
  };

  it("logs in with an httpOnly SameSite cookie, and me answers the same user", async () => {
    const { user, password } = await buildUser(t.ctx, orgId, "officer");
    const res = await login({ username: user.username, password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 12 * 60 * 60 });
    expect(cookie?.secure).toBeFalsy();
    const org = t.ctx.orgs.get(orgId);
    const expected = { id: user.id, username: user.username, fullName: user.fullName, role: "officer", org: { id: orgId, code: org?.code, name: org?.name, level: "commune" } };
    expect(res.json()).toEqual({ user: expected });
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: sessionOf(res) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: expected });
  });

  it("answers 400 naming the field for a missing, mistyped or unknown field", async () => {
    const missing = await login({ username: "x" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/password/);
    expect((await login({ username: 1, password: "12345678" })).statusCode).toBe(400);
    const unknown = await login({ username: "x", password: "12345678", extra: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe("VALIDATION");
  });

  it("marks the cookie Secure when the app is built with secureCookies", async () => {
    const secureApp = await buildApp(t.ctx, { secureCookies: true });
    try {
      const { user, password } = await buildUser(t.ctx, orgId);
      const res = await secureApp.inject({ method: "POST", url: "/api/auth/login", payload: { username: user.username, password } });
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it("accepts the username in any case", async () => {
    const { user, password } = await buildUser(t.ctx, orgId);
    expect((await login({ username: ` ${user.username.toUpperCase()} `, password })).statusCode).toBe(200);
  });

  it("answers 401 with one message for a wrong password and an unknown user", async () => {
    const { user } = await buildUser(t.ctx, orgId);
    const wrong = await login({ username: user.username, password: "sai-mat-khau" });
    const unknown = await login({ username: "khong_ton_tai", password: "sai-mat-khau" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it("refuses a disabled account even with the right password", async () => {
    const { user, password } = await buildUser(t.ctx, orgId);
    await t.ctx.handle.db.updateTable("users").set({ disabled: true }).where("id", "=", user.id).execute();
    expect((await login({ username: user.username, password })).statusCode).toBe(401);
  });

  it("answers 400 on a bad body", async () => {
    expect((await login({ username: "" , password: "x" })).statusCode).toBe(400);
    expect((await login({ username: "a" })).statusCode).toBe(400);
    expect((await login({ username: "a", password: 12345678 })).statusCode).toBe(400);
  });

  it("answers 429 after 5 failures for that username, while another username still logs in", async () => {
    const victim = await buildUser(t.ctx, orgId);
    const other = await buildUser(t.ctx, orgId);
    for (let i = 0; i < 5; i += 1) {
      expect((await login({ username: victim.user.username, password: `sai-${i}-matkhau` })).statusCode).toBe(401);
    }
    const blocked = await login({ username: victim.user.username, password: victim.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe("RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect((await login({ username: other.user.username, password: other.password })).statusCode).toBe(200);
  });

  it("does not count successful logins towards the limit", async () => {
    const { user, password } = await buildUser(t.ctx, orgId);
    for (let i = 0; i < 7; i += 1) expect((await login({ username: user.username, password })).statusCode).toBe(200);
  });

  it("logs out: the session no longer works and the cookie is cleared", async () => {
    const { user, password } = await buildUser(t.ctx, orgId);
    const headers = sessionOf(await login({ username: user.username, password }));
    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe("");
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers })).statusCode).toBe(401);
  });

  it("answers 401 on me without a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `${SESSION_COOKIE}=bogus` } })).statusCode).toBe(401);
  });

  describe("password change", () => {
    const change = (headers: Record<string, string> | undefined, payload: Record<string, unknown>) =>
      t.app.inject({ method: "POST", url: "/api/auth/password", ...(headers ? { headers } : {}), payload });

    it("answers 401 without a session, 400 on a short password, 403 on a wrong current one", async () => {
      const { headers, password } = await buildUser(t.ctx, orgId);
      expect((await change(undefined, { currentPassword: password, newPassword: "mat-khau-moi-1" })).statusCode).toBe(401);
      expect((await change(headers, { currentPassword: password, newPassword: "ngan" })).statusCode).toBe(400);
      expect((await change(headers, { currentPassword: "khong-dung-1", newPassword: "mat-khau-moi-1" })).statusCode).toBe(403);
    });

    it("re-hashes, keeps this session, ends the others, and audits without the password", async () => {
      const { user, headers, password } = await buildUser(t.ctx, orgId);
      const otherSession = sessionOf(await login({ username: user.username, password }));
      const res = await change(headers, { currentPassword: password, newPassword: "mat-khau-moi-1" });
      expect(res.statusCode).toBe(200);
      expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers })).statusCode).toBe(200);
      expect((await t.app.inject({ method: "GET", url: "/api/auth/me", headers: otherSession })).statusCode).toBe(401);
      expect((await login({ username: user.username, password })).statusCode).toBe(401);
      expect((await login({ username: user.username, password: "mat-khau-moi-1" })).statusCode).toBe(200);

      const row = await t.ctx.handle.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      const audits = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "users").where("entity_id", "=", String(user.id)).where("action", "=", "update").execute();
      expect(audits).toHaveLength(1);
      const text = JSON.stringify(audits);
      expect(audits[0]?.after).toEqual({ passwordChanged: true });
      expect(text).not.toContain("mat-khau-moi-1");
      expect(text).not.toContain("$argon2");
    });
  });
});
