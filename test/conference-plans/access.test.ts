// Who may do what with annual conference plans (M7): 401 without a session on every route;
// read for anyone whose subtree holds the unit; write for officer/aggregator/admin of the
// unit's subtree; another commune's officer gets 403, a viewer cannot write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { addItem, buildProvince, createDraft, headersOf, itemBody, viewOf, type Headers, type Province } from "./conference-plans-setup.js";

describe(`conference plans: access (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let p: Province;
  let officer: Headers;
  let viewer: Headers;
  let otherOfficer: Headers;
  let officeOfficer: Headers;
  let planId: number;
  let itemId: number;

  beforeAll(async () => {
    t = await startTestApp();
    p = await buildProvince(t);
    officer = await headersOf(t, p.commune.id, "officer");
    viewer = await headersOf(t, p.commune.id, "viewer");
    otherOfficer = await headersOf(t, p.other.id, "officer");
    officeOfficer = await headersOf(t, p.office.id, "officer");
    planId = (await createDraft(t, officer, p.commune.code, 2026)).plan?.id ?? 0;
    itemId = (await addItem(t, officer, planId)).items[0]?.id ?? 0;
  });
  afterAll(async () => t.close());

  it("answers 401 without a session on every route, before validating anything", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/conference-plans?year=abc"], ["POST", "/api/conference-plans"], ["PATCH", `/api/conference-plans/${planId}`],
      ["DELETE", `/api/conference-plans/${planId}`], ["POST", `/api/conference-plans/${planId}/items`],
      ["PATCH", `/api/conference-plans/${planId}/items/${itemId}`], ["DELETE", `/api/conference-plans/${planId}/items/${itemId}`],
      ["POST", `/api/conference-plans/${planId}/issue`],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as "GET", url, payload: method === "POST" || method === "PATCH" ? { bogus: 1 } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("documents the routes in the OpenAPI description", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(["/api/conference-plans", "/api/conference-plans/{id}", "/api/conference-plans/{id}/items/{itemId}", "/api/conference-plans/{id}/issue"]));
  });

  it("reads: the unit and every unit above it; not a sibling, not an office below", async () => {
    expect((await viewOf(t, viewer, p.commune.code, 2026)).canEdit).toBe(false);
    expect((await viewOf(t, officer, p.commune.code, 2026)).canEdit).toBe(true);
    const provinceViewer = await headersOf(t, p.province.id, "viewer");
    expect((await viewOf(t, provinceViewer, p.commune.code, 2026)).items).toHaveLength(1);
    // the unit by its numeric id, as the conference form may ask
    expect((await viewOf(t, officer, String(p.commune.id), 2026)).plan?.id).toBe(planId);
    // no org: the user's own unit
    expect((await t.app.inject({ method: "GET", url: "/api/conference-plans?year=2026", headers: officer })).json()).toMatchObject({ org: { code: p.commune.code } });
    for (const headers of [otherOfficer, officeOfficer]) {
      expect((await t.app.inject({ method: "GET", url: `/api/conference-plans?org=${p.commune.code}&year=2026`, headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: "GET", url: "/api/conference-plans?org=KHONG_CO&year=2026", headers: officer })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/conference-plans?org=${p.commune.code}&year=1999`, headers: officer })).statusCode).toBe(400);
  });

  it("writes: 403 for a viewer, another commune's officer and an office's officer on every write route", async () => {
    for (const headers of [viewer, otherOfficer, officeOfficer]) {
      const writes = [
        t.app.inject({ method: "POST", url: "/api/conference-plans", headers, payload: { orgCode: p.commune.code, year: 2027 } }),
        t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}`, headers, payload: { note: "x" } }),
        t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}`, headers }),
        t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/items`, headers, payload: itemBody() }),
        t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}/items/${itemId}`, headers, payload: { title: "x" } }),
        t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}/items/${itemId}`, headers }),
        t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/issue`, headers, payload: { number: "1", issuedOn: "2026-02-01" } }),
      ];
      for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    }
    const v = await viewOf(t, officer, p.commune.code, 2026);
    expect(v.plan).toMatchObject({ note: "", issuedOn: null });
    expect(v.items.map((i) => i.title)).toEqual(["Hội nghị quán triệt Nghị quyết"]);
  });

  it("writes: an aggregator and an admin of the province may; unknown plan 404", async () => {
    const aggregator = await headersOf(t, p.province.id, "aggregator");
    expect((await addItem(t, aggregator, planId, { title: "Hội nghị sơ kết" })).items).toHaveLength(2);
    const admin = await headersOf(t, p.province.id, "admin");
    const res = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}`, headers: admin, payload: { note: "Tỉnh góp ý" } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: "POST", url: "/api/conference-plans/999999/items", headers: officer, payload: itemBody() })).statusCode).toBe(404);
    // a plan for a unit outside the subtree is refused before anything is written
    expect((await t.app.inject({ method: "POST", url: "/api/conference-plans", headers: officer, payload: { orgCode: p.other.code, year: 2026 } })).statusCode).toBe(403);
  });
});
