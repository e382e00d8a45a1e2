import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { buildAdminTree, type AdminTree } from "./admin-tree.js";

let seq = 0;
const uname = (p = "nv") => `${p}${Date.now().toString(36)}${(seq += 1)}`;

describe(`user administration (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: AdminTree;
  beforeAll(async () => {
    t = await startTestApp();
    tree = await buildAdminTree(t.ctx);
  });
  afterAll(async () => t?.close());

  const req = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, headers?: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const newUser = (orgId: number, extra: Record<string, unknown> = {}) => ({ username: uname(), password: "mat-khau-123", fullName: "Nguyễn Văn A", role: "officer", orgId, ...extra });
  const login = (username: string, password: string) => t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

  it("answers 401 without a session on every route", async () => {
    expect((await req("GET", "/api/users")).statusCode).toBe(401);
    expect((await req("POST", "/api/users", undefined, newUser(tree.x1.id))).statusCode).toBe(401);
    expect((await req("PATCH", `/api/users/${tree.officerX1.user.id}`, undefined, { fullName: "X" })).statusCode).toBe(401);
    expect((await req("DELETE", `/api/users/${tree.officerX1.user.id}`)).statusCode).toBe(401);
  });

  describe("list", () => {
    it("gives admins and aggregators the accounts of their subtree", async () => {
      const own = (await req("GET", "/api/users", tree.aggregatorP1.headers)).json();
      expect(own.users.map((u: { id: number }) => u.id)).toEqual(expect.arrayContaining([tree.adminP1.user.id, tree.officerP1.user.id]));
      expect(own.users.map((u: { id: number }) => u.id)).not.toContain(tree.officerX1.user.id);
      const sub = (await req("GET", "/api/users?subtree=1", tree.adminP1.headers)).json();
      const ids = sub.users.map((u: { id: number }) => u.id);
      expect(ids).toContain(tree.officerX1.user.id);
      expect(ids).not.toContain(tree.adminP2.user.id);
      expect(ids).not.toContain(tree.viewerX2.user.id);
      expect(JSON.stringify(sub)).not.toMatch(/argon2|password/i);
      const x1 = (await req("GET", `/api/users?org=${tree.x1.code}`, tree.adminP1.headers)).json();
      expect(x1.users).toEqual([expect.objectContaining({ id: tree.officerX1.user.id, org: expect.objectContaining({ code: tree.x1.code }), disabled: false })]);
    });

    it("refuses officers, and aggregators of another province", async () => {
      expect((await req("GET", "/api/users", tree.officerP1.headers)).statusCode).toBe(403);
      expect((await req("GET", `/api/users?org=${tree.x1.code}`, tree.aggregatorP2.headers)).statusCode).toBe(403);
      expect((await req("GET", "/api/users?org=NOPE_404", tree.adminP1.headers)).statusCode).toBe(404);
      expect((await req("GET", "/api/users?subtree=maybe", tree.adminP1.headers)).statusCode).toBe(400);
    });
  });

  describe("create", () => {
    it("lets a province admin create an account in a commune below it, hashed with argon2id", async () => {
      const body = newUser(tree.x1.id, { username: `  ${uname("Moi").toUpperCase()} ` });
      const res = await req("POST", "/api/users", tree.adminP1.headers, body);
      expect(res.statusCode).toBe(201);
      const created = res.json().user;
      const username = String(body.username).trim().toLowerCase();
      expect(created).toMatchObject({ username, fullName: "Nguyễn Văn A", role: "officer", disabled: false, org: { id: tree.x1.id, code: tree.x1.code } });
      expect(res.body).not.toMatch(/argon2|passwordHash|password_hash/);
      const row = await t.ctx.handle.db.selectFrom("users").select("password_hash").where("id", "=", created.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      expect((await login(username, "mat-khau-123")).statusCode).toBe(200);

      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "users").where("entity_id", "=", String(created.id)).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: "create", user_id: tree.adminP1.user.id, org_id: tree.x1.id, before: null });
      expect(audit.after).toMatchObject({ username, role: "officer", orgCode: tree.x1.code });
      expect(JSON.stringify(audit)).not.toMatch(/argon2|mat-khau/);
    });

    it("refuses a unit of another province, a non-admin, and a taken username", async () => {
      expect((await req("POST", "/api/users", tree.adminP1.headers, newUser(tree.x2.id))).statusCode).toBe(403);
      expect((await req("POST", "/api/users", tree.adminP1.headers, newUser(tree.root.id))).statusCode).toBe(403);
      expect((await req("POST", "/api/users", tree.aggregatorP1.headers, newUser(tree.x1.id))).statusCode).toBe(403);
      const body = newUser(tree.x1.id);
      expect((await req("POST", "/api/users", tree.adminP1.headers, body)).statusCode).toBe(201);
      expect((await req("POST", "/api/users", tree.adminP1.headers, { ...body, orgId: tree.p1.id })).statusCode).toBe(409);
    });

    it("answers 400 on a bad body", async () => {
      for (const bad of [
        newUser(tree.x1.id, { password: "short" }),
        newUser(tree.x1.id, { role: "superuser" }),
        newUser(tree.x1.id, { username: "có dấu" }),
        newUser(tree.x1.id, { orgId: "x" }),
        newUser(tree.x1.id, { fullName: "" }),
      ]) {
        expect((await req("POST", "/api/users", tree.adminP1.headers, bad)).statusCode).toBe(400);
      }
      expect((await req("POST", "/api/users", tree.adminP1.headers, newUser(999_999))).statusCode).toBe(400);
    });
  });

  describe("update and disable", () => {
    it("changes role, name and unit within the subtree, audited with before and after", async () => {
      const x1b = await buildOrg(t.ctx, { parentId: tree.p1.id });
      const target = await buildUser(t.ctx, tree.x1.id, "viewer");
      const res = await req("PATCH", `/api/users/${target.user.id}`, tree.adminP1.headers, { role: "officer", fullName: "Trần Thị B", orgId: x1b.id });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ role: "officer", fullName: "Trần Thị B", org: { id: x1b.id } });
      // the open session sees the new role and unit at once
      const me = (await req("GET", "/api/auth/me", target.headers)).json();
      expect(me.user).toMatchObject({ role: "officer", org: { code: x1b.code } });
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "users").where("entity_id", "=", String(target.user.id)).executeTakeFirstOrThrow();
      expect(audit.before).toMatchObject({ role: "viewer", orgCode: tree.x1.code });
      expect(audit.after).toMatchObject({ role: "officer", orgCode: x1b.code, fullName: "Trần Thị B" });
    });

    it("resets a password: old sessions end, the new password works, the audit keeps no secret", async () => {
      const target = await buildUser(t.ctx, tree.x1.id);
      const res = await req("PATCH", `/api/users/${target.user.id}`, tree.adminP1.headers, { password: "dat-lai-123" });
      expect(res.statusCode).toBe(200);
      expect((await req("GET", "/api/auth/me", target.headers)).statusCode).toBe(401);
      expect((await login(target.user.username, "dat-lai-123")).statusCode).toBe(200);
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity_id", "=", String(target.user.id)).where("action", "=", "update").executeTakeFirstOrThrow();
      expect(audit.after).toMatchObject({ passwordReset: true });
      expect(JSON.stringify(audit)).not.toMatch(/argon2|dat-lai/);
    });

    it("refuses moves out of the subtree, other provinces' accounts, non-admins, self-lockout and bad bodies", async () => {
      const target = await buildUser(t.ctx, tree.x1.id);
      const url = `/api/users/${target.user.id}`;
      expect((await req("PATCH", url, tree.adminP1.headers, { orgId: tree.x2.id })).statusCode).toBe(403);
      expect((await req("PATCH", url, tree.adminP2.headers, { fullName: "X" })).statusCode).toBe(403);
      expect((await req("PATCH", url, tree.officerP1.headers, { fullName: "X" })).statusCode).toBe(403);
      expect((await req("PATCH", url, tree.adminP1.headers, { role: "root" })).statusCode).toBe(400);
      expect((await req("PATCH", url, tree.adminP1.headers, { password: "short" })).statusCode).toBe(400);
      expect((await req("PATCH", url, tree.adminP1.headers, {})).statusCode).toBe(400);
      expect((await req("PATCH", "/api/users/999999", tree.adminP1.headers, { fullName: "X" })).statusCode).toBe(404);
      const self = `/api/users/${tree.adminP1.user.id}`;
      expect((await req("PATCH", self, tree.adminP1.headers, { disabled: true })).statusCode).toBe(409);
      expect((await req("PATCH", self, tree.adminP1.headers, { role: "viewer" })).statusCode).toBe(409);
      expect((await req("DELETE", self, tree.adminP1.headers)).statusCode).toBe(409);
      expect((await req("PATCH", self, tree.adminP1.headers, { fullName: "Quản trị tỉnh" })).statusCode).toBe(200);
    });

    it("DELETE disables the account (kept for the audit trail) and ends its sessions", async () => {
      const target = await buildUser(t.ctx, tree.x1.id);
      expect((await req("DELETE", `/api/users/${target.user.id}`, tree.adminP2.headers)).statusCode).toBe(403);
      const res = await req("DELETE", `/api/users/${target.user.id}`, tree.adminP1.headers);
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ id: target.user.id, disabled: true });
      expect((await req("GET", "/api/auth/me", target.headers)).statusCode).toBe(401);
      expect((await login(target.user.username, target.password)).statusCode).toBe(401);
      const row = await t.ctx.handle.db.selectFrom("users").select("disabled").where("id", "=", target.user.id).executeTakeFirstOrThrow();
      expect(row.disabled).toBe(true);
      const again = await req("PATCH", `/api/users/${target.user.id}`, tree.adminP1.headers, { disabled: false });
      expect(again.json().user.disabled).toBe(false);
      expect((await login(target.user.username, target.password)).statusCode).toBe(200);
    });
  });
});
