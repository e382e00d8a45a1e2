import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildOrg, buildUser, startTestApp, withSearchText, type TestApp } from "../helpers/test-app.js";
import { buildAdminTree, type AdminTree } from "./admin-tree.js";

let seq = 0;
const code = (p = "DV") => `${p}_${Date.now().toString(36)}${(seq += 1)}`.toUpperCase();

describe(`org unit administration (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: AdminTree;
  beforeAll(async () => {
    t = await startTestApp();
    tree = await buildAdminTree(t.ctx);
  });
  afterAll(async () => t?.close());

  const req = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, headers?: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const newOrg = (parentCode: string, extra: Record<string, unknown> = {}) => ({ code: code(), name: "Xã Mới", parentCode, level: "commune", bloc: "state", ...extra });
  const create = async (headers: Record<string, string>, body: Record<string, unknown>) => {
    const res = await req("POST", "/api/orgs", headers, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().org as { id: number; code: string };
  };

  it("answers 401 without a session on every route", async () => {
    expect((await req("GET", "/api/orgs")).statusCode).toBe(401);
    expect((await req("GET", `/api/orgs/${tree.x1.code}`)).statusCode).toBe(401);
    expect((await req("POST", "/api/orgs", undefined, newOrg(tree.p1.code))).statusCode).toBe(401);
    expect((await req("PATCH", `/api/orgs/${tree.x1.code}`, undefined, { name: "X" })).statusCode).toBe(401);
    expect((await req("DELETE", `/api/orgs/${tree.x1.code}`)).statusCode).toBe(401);
  });

  describe("read", () => {
    it("lists the user's unit and its subtree, with parent, predecessors and child count", async () => {
      const res = await req("GET", "/api/orgs", tree.adminP1.headers);
      expect(res.statusCode).toBe(200);
      const orgs = res.json().orgs as Array<{ code: string; childCount: number }>;
      expect(orgs[0]).toEqual({
        id: tree.p1.id, code: tree.p1.code, name: tree.p1.name, level: "province", bloc: "state",
        parentId: tree.root.id, parentCode: tree.root.code, validFrom: null, validTo: null, predecessors: [], childCount: expect.any(Number),
      });
      const codes = orgs.map((o) => o.code);
      expect(codes).toContain(tree.x1.code);
      expect(codes).not.toContain(tree.p2.code);
      expect(codes).not.toContain(tree.root.code);
      const mine = (await req("GET", "/api/orgs", tree.officerX1.headers)).json().orgs;
      expect(mine.map((o: { code: string }) => o.code)).toEqual([tree.x1.code]);
    });

    it("shows one unit to those who may read it; 403 outside, 404 unknown", async () => {
      const res = await req("GET", `/api/orgs/${tree.x1.code}`, tree.officerX1.headers);
      expect(res.json().org).toMatchObject({ code: tree.x1.code, parentCode: tree.p1.code, childCount: 0 });
      expect((await req("GET", `/api/orgs/${tree.x1.code}`, tree.viewerX2.headers)).statusCode).toBe(403);
      expect((await req("GET", `/api/orgs/${tree.p1.code}`, tree.officerX1.headers)).statusCode).toBe(403);
      expect((await req("GET", "/api/orgs/KHONG_CO", tree.adminP1.headers)).statusCode).toBe(404);
    });
  });

  describe("create", () => {
    it("creates a merged unit under the admin's province, audited, and refreshes the tree", async () => {
      const a = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const b = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const body = newOrg(tree.p1.code, { name: "Xã Hợp Nhất", mergedFrom: [a.code, b.code], validFrom: "01/07/2025" });
      const merged = await create(tree.adminP1.headers, body);
      expect(merged).toMatchObject({
        code: body.code, parentCode: tree.p1.code, validFrom: "2025-07-01", validTo: null, childCount: 0,
        predecessors: [{ code: a.code, kind: "merge", share: 1 }, { code: b.code, kind: "merge", share: 1 }].sort((x, y) => x.code.localeCompare(y.code)),
      });
      expect(t.ctx.orgs.byCode(body.code)?.parent_id).toBe(tree.p1.id);
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "org_units").where("entity_id", "=", String(merged.id)).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: "create", user_id: tree.adminP1.user.id, org_id: merged.id, before: null });
      expect(audit.after).toMatchObject({ code: body.code, parentCode: tree.p1.code, predecessors: expect.arrayContaining([{ code: a.code, kind: "merge", share: 1 }]) });
    });

    it("records split shares and refuses shares of one unit adding up to more than 1", async () => {
      const old = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const s1 = await create(tree.adminP1.headers, newOrg(tree.p1.code, { splitFrom: [{ code: old.code, share: 0.6 }] }));
      expect(s1).toMatchObject({ predecessors: [{ code: old.code, kind: "split", share: 0.6 }] });
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.p1.code, { splitFrom: [{ code: old.code, share: 0.5 }] }))).statusCode).toBe(400);
      await create(tree.adminP1.headers, newOrg(tree.p1.code, { splitFrom: [{ code: old.code, share: 0.4 }] }));
      // a unit already split cannot also be merged into another
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.p1.code, { mergedFrom: [old.code] }))).statusCode).toBe(400);
    });

    it("refuses another province, non-admins, outside predecessors, taken codes and bad bodies", async () => {
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.p2.code))).statusCode).toBe(403);
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.root.code))).statusCode).toBe(403);
      expect((await req("POST", "/api/orgs", tree.aggregatorP1.headers, newOrg(tree.p1.code))).statusCode).toBe(403);
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.p1.code, { mergedFrom: [tree.x2.code] }))).statusCode).toBe(403);
      expect((await req("POST", "/api/orgs", tree.adminP1.headers, newOrg(tree.p1.code, { code: tree.x1.code }))).statusCode).toBe(409);
      for (const bad of [
        newOrg(tree.p1.code, { level: "district" }),
        newOrg(tree.p1.code, { code: "có khoảng trắng" }),
        newOrg(tree.p1.code, { name: "" }),
        newOrg(tree.p1.code, { validFrom: "31/02/2026" }),
        newOrg(tree.p1.code, { validFrom: "2026-05-01", validTo: "2026-01-01" }),
        newOrg(tree.p1.code, { splitFrom: [{ code: tree.x1.code, share: 1.5 }] }),
        newOrg(tree.p1.code, { mergedFrom: [tree.x1.code, tree.x1.code] }),
        newOrg(tree.p1.code, { mergedFrom: ["KHONG_CO"] }),
        newOrg("KHONG_CO"),
      ]) {
        const res = await req("POST", "/api/orgs", tree.adminP1.headers, bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
    });
  });

  describe("update", () => {
    it("renames and moves a unit inside the subtree; the tree is refreshed at once", async () => {
      const parent = await create(tree.adminP1.headers, newOrg(tree.p1.code, { level: "department" }));
      const child = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const res = await req("PATCH", `/api/orgs/${child.code}`, tree.adminP1.headers, { name: "Tên mới", parentCode: parent.code, validTo: "2026-12-31" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().org).toMatchObject({ name: "Tên mới", parentCode: parent.code, validTo: "2026-12-31" });
      expect((await req("GET", `/api/orgs/${parent.code}`, tree.adminP1.headers)).json().org.childCount).toBe(1);
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "org_units").where("entity_id", "=", String(child.id)).where("action", "=", "update").executeTakeFirstOrThrow();
      expect(audit.before).toMatchObject({ name: "Xã Mới", parentCode: tree.p1.code, validTo: null });
      expect(audit.after).toMatchObject({ name: "Tên mới", parentCode: parent.code, validTo: "2026-12-31" });
    });

    it("replaces predecessor links and refuses a cycle of links", async () => {
      const a = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const b = await create(tree.adminP1.headers, newOrg(tree.p1.code, { mergedFrom: [a.code] }));
      const c = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      const res = await req("PATCH", `/api/orgs/${b.code}`, tree.adminP1.headers, { mergedFrom: [c.code] });
      expect(res.json().org.predecessors).toEqual([{ code: c.code, kind: "merge", share: 1 }]);
      // c ← b ← (c would be its own ancestor through b)
      expect((await req("PATCH", `/api/orgs/${c.code}`, tree.adminP1.headers, { mergedFrom: [b.code] })).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${c.code}`, tree.adminP1.headers, { mergedFrom: [c.code] })).statusCode).toBe(400);
    });

    it("refuses a parent cycle, a parent in another province, other admins, non-admins and bad bodies", async () => {
      const top = await create(tree.adminP1.headers, newOrg(tree.p1.code, { level: "department" }));
      const below = await create(tree.adminP1.headers, newOrg(top.code));
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, { parentCode: below.code })).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, { parentCode: top.code })).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, { parentCode: tree.p2.code })).statusCode).toBe(403);
      expect((await req("PATCH", `/api/orgs/${tree.p1.code}`, tree.adminP1.headers, { parentCode: tree.x1.code })).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP2.headers, { name: "X" })).statusCode).toBe(403);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.officerP1.headers, { name: "X" })).statusCode).toBe(403);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, { bloc: "army" })).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, {})).statusCode).toBe(400);
      expect((await req("PATCH", `/api/orgs/${top.code}`, tree.adminP1.headers, { validFrom: "2027-01-01", validTo: "2026-01-01" })).statusCode).toBe(400);
      expect((await req("PATCH", "/api/orgs/KHONG_CO", tree.adminP1.headers, { name: "X" })).statusCode).toBe(404);
    });
  });

  describe("delete", () => {
    it("deletes an empty unit, filing the audit row under its parent", async () => {
      const gone = await create(tree.adminP1.headers, newOrg(tree.p1.code));
      expect((await req("DELETE", `/api/orgs/${gone.code}`, tree.adminP2.headers)).statusCode).toBe(403);
      expect((await req("DELETE", `/api/orgs/${gone.code}`, tree.aggregatorP1.headers)).statusCode).toBe(403);
      expect((await req("DELETE", `/api/orgs/${gone.code}`, tree.adminP1.headers)).statusCode).toBe(204);
      expect((await req("GET", `/api/orgs/${gone.code}`, tree.adminP1.headers)).statusCode).toBe(404);
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "org_units").where("entity_id", "=", String(gone.id)).where("action", "=", "delete").executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ org_id: tree.p1.id, after: null });
      expect(audit.before).toMatchObject({ code: gone.code });
    });

    it("refuses 409 while the unit has children, records or accounts", async () => {
      const parent = await create(tree.adminP1.headers, newOrg(tree.p1.code, { level: "department" }));
      await create(tree.adminP1.headers, newOrg(parent.code));
      expect((await req("DELETE", `/api/orgs/${parent.code}`, tree.adminP1.headers)).statusCode).toBe(409);

      const withDoc = await buildOrg(t.ctx, { parentId: tree.p1.id });
      await t.ctx.handle.db.insertInto("documents").values(withSearchText({ org_id: withDoc.id, number: "1/UBND", type_code: "CV", issued_on: "2026-01-05" })).execute();
      const docRes = await req("DELETE", `/api/orgs/${withDoc.code}`, tree.adminP1.headers);
      expect(docRes.statusCode).toBe(409);
      expect(docRes.json().details).toEqual({ dependents: ["documents"] });

      const withUser = await buildOrg(t.ctx, { parentId: tree.p1.id });
      await buildUser(t.ctx, withUser.id);
      expect((await req("DELETE", `/api/orgs/${withUser.code}`, tree.adminP1.headers)).statusCode).toBe(409);
    });
  });
});
