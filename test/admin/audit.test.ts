import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { buildAdminTree, type AdminTree } from "./admin-tree.js";

type Row = { id: number; at: string; user: { id: number; username: string } | null; action: string; entity: string; entityId: string; org: string; before: unknown; after: unknown };

describe(`audit log (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: AdminTree;
  let createdId: number;
  beforeAll(async () => {
    t = await startTestApp();
    tree = await buildAdminTree(t.ctx);
    // three writes in P1's subtree, one in P2's
    const created = await t.app.inject({ method: "POST", url: "/api/users", headers: tree.adminP1.headers, payload: { username: "canbo.xa1", password: "mat-khau-123", fullName: "Lê Văn C", role: "viewer", orgId: tree.x1.id } });
    createdId = created.json().user.id;
    await t.app.inject({ method: "PATCH", url: `/api/users/${createdId}`, headers: tree.adminP1.headers, payload: { role: "officer" } });
    await t.app.inject({ method: "PUT", url: `/api/settings?org=${tree.p1.code}`, headers: tree.adminP1.headers, payload: { targets: { D1: 20 } } });
    await t.app.inject({ method: "PUT", url: `/api/settings?org=${tree.p2.code}`, headers: tree.adminP2.headers, payload: { targets: { D1: 18 } } });
  });
  afterAll(async () => t?.close());

  const get = (query: string, headers?: Record<string, string>) => t.app.inject({ method: "GET", url: `/api/audit${query}`, ...(headers ? { headers } : {}) });

  it("answers 401 without a session", async () => {
    expect((await get("")).statusCode).toBe(401);
  });

  it("shows an aggregator the subtree's rows, newest first, with who and before/after", async () => {
    const res = await get(`?org=${tree.p1.code}&subtree=1&entity=users`, tree.aggregatorP1.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Row[]; total: number; page: number; pageSize: number };
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(body.items.map((r) => r.action)).toEqual(["update", "create"]);
    expect(body.items[0]).toMatchObject({
      user: { id: tree.adminP1.user.id, username: tree.adminP1.user.username },
      entity: "users", entityId: String(createdId), org: tree.x1.code,
      before: expect.objectContaining({ role: "viewer" }), after: expect.objectContaining({ role: "officer" }),
    });
    expect(Date.parse(body.items[0]?.at ?? "")).not.toBeNaN();
    expect(JSON.stringify(body)).not.toMatch(/argon2|mat-khau/);
  });

  it("keeps to the unit itself without subtree, filters by entity, pages", async () => {
    const own = (await get(`?org=${tree.p1.code}`, tree.aggregatorP1.headers)).json() as { items: Row[]; total: number };
    expect(own.items.map((r) => [r.action, r.org])).toEqual([["settings", tree.p1.code]]);
    const all = (await get("?subtree=1", tree.adminP1.headers)).json() as { items: Row[]; total: number };
    expect(all.total).toBe(3);
    const page2 = (await get("?subtree=1&page=2&pageSize=2", tree.adminP1.headers)).json() as { items: Row[]; total: number };
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((r) => r.id)).toEqual([all.items[2]?.id]);
    expect((await get("?subtree=1&entity=org_units", tree.adminP1.headers)).json().total).toBe(0);
  });

  it("filters by date: a day bound includes that whole local day", async () => {
    // tomorrow (UTC) is still today or later in local time, so the rows just written are inside
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await get(`?subtree=1&from=2000-01-01&to=${tomorrow}`, tree.adminP1.headers)).json().total).toBe(3);
    expect((await get("?subtree=1&to=01/01/2000", tree.adminP1.headers)).json().total).toBe(0);
    expect((await get("?subtree=1&from=2999-01-01T00:00:00Z", tree.adminP1.headers)).json().total).toBe(0);
  });

  it("refuses officers, and aggregators of another province; 400 on bad paging or dates", async () => {
    expect((await get(`?org=${tree.p1.code}`, tree.officerP1.headers)).statusCode).toBe(403);
    expect((await get(`?org=${tree.x1.code}`, tree.officerX1.headers)).statusCode).toBe(403);
    expect((await get(`?org=${tree.p1.code}&subtree=1`, tree.aggregatorP2.headers)).statusCode).toBe(403);
    const p2 = (await get("?subtree=1", tree.aggregatorP2.headers)).json() as { items: Row[] };
    expect(p2.items.map((r) => r.org)).toEqual([tree.p2.code]);
    expect((await get("?pageSize=1000", tree.adminP1.headers)).statusCode).toBe(400);
    expect((await get("?page=0", tree.adminP1.headers)).statusCode).toBe(400);
    expect((await get("?from=hôm-qua", tree.adminP1.headers)).statusCode).toBe(400);
  });
});
