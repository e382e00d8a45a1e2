import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verify } from "@node-rs/argon2";
import { ensureAdmin } from "../../server/src/bootstrap/admin.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";

describe(`ensureAdmin (${TEST_ENGINE})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const admins = () => t.ctx.handle.db.selectFrom("users").selectAll().where("role", "=", "admin").execute();
  const removeAccounts = () => t.ctx.handle.db.deleteFrom("users").execute();
  const login = (username: string, password: string) => t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

  it("on an empty database creates the root VN and admin with a generated password printed once", async () => {
    const lines: string[] = [];
    const first = await ensureAdmin(t.ctx, { log: (l) => lines.push(l) });
    expect(first.created).toBe(true);
    expect(first.username).toBe("admin");
    const password = first.generatedPassword ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(lines.join("\n").split(password)).toHaveLength(2); // printed exactly once

    const root = t.ctx.orgs.byCode("VN");
    expect(root).toMatchObject({ name: "Việt Nam", level: "central", bloc: "state", parent_id: null });
    const [admin, ...others] = await admins();
    expect(others).toHaveLength(0);
    expect(admin).toMatchObject({ username: "admin", org_id: root?.id, disabled: false });
    expect(admin?.password_hash).toMatch(/^\$argon2id\$/);
    expect(admin?.password_hash).not.toContain(password);
    expect(await verify(admin?.password_hash ?? "", password)).toBe(true);
    const res = await login("admin", password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: "admin", org: { code: "VN" } });

    const again: string[] = [];
    expect(await ensureAdmin(t.ctx, { log: (l) => again.push(l) })).toEqual({ created: false, username: "admin" });
    expect(again).toEqual([]);
    expect(await admins()).toHaveLength(1);
    expect(await t.ctx.handle.db.selectFrom("org_units").select("id").where("parent_id", "is", null).execute()).toHaveLength(1);
  });

  it("uses LELOI_ADMIN_PASSWORD when given, at the first existing root, printing no password", async () => {
    await removeAccounts();
    await buildOrg(t.ctx, { code: "TINH_KHAC", level: "province" }); // a later root: not chosen
    const lines: string[] = [];
    const res = await ensureAdmin(t.ctx, { password: "mat-khau-tu-env", log: (l) => lines.push(l) });
    expect(res).toEqual({ created: true, username: "admin" });
    expect(lines.join("\n")).not.toContain("mat-khau-tu-env");
    const [admin] = await admins();
    expect(admin?.org_id).toBe(t.ctx.orgs.byCode("VN")?.id);
    expect(await verify(admin?.password_hash ?? "", "mat-khau-tu-env")).toBe(true);
    expect((await login("admin", "mat-khau-tu-env")).statusCode).toBe(200);
    expect((await ensureAdmin(t.ctx, { password: "mat-khau-khac-1", log: () => undefined })).created).toBe(false);
    expect(await verify((await admins())[0]?.password_hash ?? "", "mat-khau-tu-env")).toBe(true);
  });

  it("counts a disabled admin as existing, and refuses a short password or a taken name", async () => {
    await t.ctx.handle.db.updateTable("users").set({ disabled: true }).where("username", "=", "admin").execute();
    expect((await ensureAdmin(t.ctx, { log: () => undefined })).created).toBe(false);
    await removeAccounts();
    await expect(ensureAdmin(t.ctx, { password: "ngan", log: () => undefined })).rejects.toThrow(/8 ký tự/);
    const vn = t.ctx.orgs.byCode("VN");
    await t.ctx.handle.db.insertInto("users").values({ username: "admin", password_hash: "x", full_name: "Không phải QTV", role: "viewer", org_id: vn?.id ?? 0 }).execute();
    await expect(ensureAdmin(t.ctx, { log: () => undefined })).rejects.toThrow(/đã được dùng/);
  });
});
