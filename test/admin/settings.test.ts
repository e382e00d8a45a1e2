import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { buildAdminTree, type AdminTree } from "./admin-tree.js";

describe(`jurisdiction settings (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: AdminTree;
  beforeAll(async () => {
    t = await startTestApp();
    tree = await buildAdminTree(t.ctx);
  });
  afterAll(async () => t?.close());

  const get = (query: string, headers?: Record<string, string>) => t.app.inject({ method: "GET", url: `/api/settings${query}`, ...(headers ? { headers } : {}) });
  const put = (query: string, payload: unknown, headers?: Record<string, string>) =>
    t.app.inject({ method: "PUT", url: `/api/settings${query}`, ...(headers ? { headers } : {}), payload: payload as Record<string, unknown> });

  it("answers 401 without a session", async () => {
    expect((await get("")).statusCode).toBe(401);
    expect((await put("", { targets: { D1: 20 } })).statusCode).toBe(401);
  });

  it("shows the KL 226 defaults to any reader of a unit without overrides", async () => {
    const res = await get("", tree.officerX1.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ org: tree.x1.code, overrides: {}, effective: KL226_DEFAULTS, inheritedFrom: [] });
    expect((await get(`?org=${tree.x1.code}`, tree.viewerX2.headers)).statusCode).toBe(403);
    expect((await get("?org=KHONG_CO", tree.viewerX2.headers)).statusCode).toBe(404);
  });

  it("stores a province's override, inherited by its commune and tightened there, audited", async () => {
    const p = await put(`?org=${tree.p1.code}`, { targets: { D1: 20, M2: 70 } }, tree.adminP1.headers);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ org: tree.p1.code, overrides: { targets: { D1: 20, M2: 70 } }, inheritedFrom: [] });
    const x = await put(`?org=${tree.x1.code}`, { targets: { D1: 25 }, speechLimits: { openingMin: 5 } }, tree.adminP1.headers);
    expect(x.statusCode).toBe(200);
    const view = (await get(`?org=${tree.x1.code}`, tree.officerX1.headers)).json();
    expect(view.overrides).toEqual({ targets: { D1: 25 }, speechLimits: { openingMin: 5 } });
    expect(view.inheritedFrom).toEqual([tree.p1.code]);
    expect(view.effective.targets).toEqual({ ...KL226_DEFAULTS.targets, D1: 25, M2: 70 });
    expect(view.effective.speechLimits).toEqual({ ...KL226_DEFAULTS.speechLimits, openingMin: 5 });

    const again = await put(`?org=${tree.x1.code}`, { targets: { D1: 30 } }, tree.adminP1.headers);
    expect(again.json().overrides).toEqual({ targets: { D1: 30 } });
    const audits = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("action", "=", "settings").where("org_id", "=", tree.x1.id).orderBy("id").execute();
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [null, { targets: { D1: 25 }, speechLimits: { openingMin: 5 } }],
      [{ targets: { D1: 25 }, speechLimits: { openingMin: 5 } }, { targets: { D1: 30 } }],
    ]);
    expect(audits[0]).toMatchObject({ entity: "jurisdiction_settings", entity_id: String(tree.x1.id), user_id: tree.adminP1.user.id });

    const cleared = await put(`?org=${tree.x1.code}`, {}, tree.adminP1.headers);
    expect(cleared.json()).toMatchObject({ overrides: {}, inheritedFrom: [tree.p1.code] });
    expect(cleared.json().effective.targets.D1).toBe(20);
  });

  it("refuses writers outside the subtree or without manage", async () => {
    expect((await put(`?org=${tree.x1.code}`, { targets: { D1: 20 } }, tree.adminP2.headers)).statusCode).toBe(403);
    expect((await put(`?org=${tree.x1.code}`, { targets: { D1: 20 } }, tree.aggregatorP1.headers)).statusCode).toBe(403);
    expect((await put("", { targets: { D1: 20 } }, tree.officerX1.headers)).statusCode).toBe(403);
    expect((await put(`?org=${tree.root.code}`, { targets: { D1: 20 } }, tree.adminP1.headers)).statusCode).toBe(403);
  });

  it("answers 400 on an override the schema refuses", async () => {
    for (const bad of [{ targets: { D1: 150 } }, { targets: { M3Province: 1.5 } }, { speechLimits: { openingMin: -1 } }, { hybridCountsAsOnline: "yes" }, { targets: { D9: 1 } }]) {
      expect((await put(`?org=${tree.p1.code}`, bad, tree.adminP1.headers)).statusCode, JSON.stringify(bad)).toBe(400);
    }
  });
});
