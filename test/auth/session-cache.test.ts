// The session cache that lets PGlite answer polls while an import holds its one connection:
// every change of a session or an account must apply to the very next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSession, findSessionUser, SESSION_COOKIE, SESSION_TTL_MS } from "../../server/src/auth/session.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type Headers = Record<string, string>;

describe(`session cache (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let p1: { id: number; code: string };
  let x1: { id: number; code: string };
  let x2: { id: number; code: string };
  let admin: Headers;
  beforeAll(async () => {
    t = await startTestApp();
    p1 = await buildOrg(t.ctx, { level: "province" });
    x1 = await buildOrg(t.ctx, { parentId: p1.id, level: "commune" });
    x2 = await buildOrg(t.ctx, { parentId: p1.id, level: "commune" });
    admin = (await buildUser(t.ctx, p1.id, "admin")).headers;
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Headers) => t.app.inject({ method: "GET", url, headers });
  const patch = (id: number, payload: Record<string, unknown>) => t.app.inject({ method: "PATCH", url: `/api/users/${id}`, headers: admin, payload });
  const tokenOf = (headers: Headers) => (headers.cookie ?? "").slice(SESSION_COOKIE.length + 1);

  it("applies a changed role to the next request of a session already in use", async () => {
    const target = await buildUser(t.ctx, p1.id, "aggregator");
    expect((await get("/api/users", target.headers)).statusCode).toBe(200);
    expect((await get("/api/users", target.headers)).statusCode).toBe(200);
    expect((await patch(target.user.id, { role: "officer" })).statusCode).toBe(200);
    expect((await get("/api/users", target.headers)).statusCode).toBe(403);
    expect((await patch(target.user.id, { role: "aggregator" })).statusCode).toBe(200);
    expect((await get("/api/users", target.headers)).statusCode).toBe(200);
  });

  it("applies a move to another unit to the next request", async () => {
    const target = await buildUser(t.ctx, x1.id, "officer");
    expect((await get(`/api/documents?org=${x1.code}`, target.headers)).statusCode).toBe(200);
    expect((await patch(target.user.id, { orgId: x2.id })).statusCode).toBe(200);
    expect((await get(`/api/documents?org=${x1.code}`, target.headers)).statusCode).toBe(403);
    expect((await get(`/api/documents?org=${x2.code}`, target.headers)).statusCode).toBe(200);
  });

  it("ends the sessions of a disabled account at once (PATCH and DELETE)", async () => {
    for (const disable of [(id: number) => patch(id, { disabled: true }), (id: number) => t.app.inject({ method: "DELETE", url: `/api/users/${id}`, headers: admin })]) {
      const target = await buildUser(t.ctx, x1.id, "officer");
      expect((await get(`/api/documents?org=${x1.code}`, target.headers)).statusCode).toBe(200);
      expect((await disable(target.user.id)).statusCode).toBe(200);
      expect((await get(`/api/documents?org=${x1.code}`, target.headers)).statusCode).toBe(401);
    }
  });

  it("ends the other sessions in use after a password change, and a signed-out one", async () => {
    const { user, headers, password } = await buildUser(t.ctx, x1.id, "officer");
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: user.username, password } });
    const other = { cookie: `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ""}` };
    expect((await get("/api/documents", other)).statusCode).toBe(200);
    const changed = await t.app.inject({ method: "POST", url: "/api/auth/password", headers, payload: { currentPassword: password, newPassword: "mat-khau-moi-2" } });
    expect(changed.statusCode).toBe(200);
    expect((await get("/api/documents", other)).statusCode).toBe(401);
    expect((await get("/api/documents", headers)).statusCode).toBe(200);
    expect((await t.app.inject({ method: "POST", url: "/api/auth/logout", headers })).statusCode).toBe(204);
    expect((await get("/api/documents", headers)).statusCode).toBe(401);
  });

  it("answers a cached lookup from memory, honours the expiry, and evicts on deleteSession", async () => {
    const { user, headers } = await buildUser(t.ctx, x1.id, "viewer");
    const token = tokenOf(headers);
    const db = t.ctx.handle.db;
    const now = t.ctx.now();
    expect(await findSessionUser(db, token, now, { cached: true })).toMatchObject({ id: user.id, role: "viewer" });
    // a row changed behind the services' back is not seen by the cache (why every change of a
    // session or an account goes through session.ts or writeUserChange) …
    await db.updateTable("users").set({ role: "officer" }).where("id", "=", user.id).execute();
    expect(await findSessionUser(db, token, now, { cached: true })).toMatchObject({ role: "viewer" });
    // … but an uncached lookup (PostgreSQL's) reads the table every time
    expect(await findSessionUser(db, token, now)).toMatchObject({ role: "officer" });
    expect(await findSessionUser(db, token, new Date(now.getTime() + SESSION_TTL_MS + 1000), { cached: true })).toBeUndefined();
    await deleteSession(db, token);
    expect(await findSessionUser(db, token, now, { cached: true })).toBeUndefined();
  });
});
