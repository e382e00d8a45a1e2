import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";

type Headers = Record<string, string>;
type Row = { orgCode: string; period: string; received: number; processedDigitally: number };
type TthcPage = { items: Row[]; total: number; page: number; pageSize: number; sums: { received: number; processedDigitally: number } };

let t: TestApp;
let province: { id: number; code: string };
let communeA: { id: number; code: string };
let communeB: { id: number; code: string };
let officerA: { headers: Headers };
let officerB: { headers: Headers };
let viewerA: { headers: Headers };
let provincial: { headers: Headers };

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province" });
  communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
  officerA = await buildUser(t.ctx, communeA.id, "officer");
  officerB = await buildUser(t.ctx, communeB.id, "officer");
  viewerA = await buildUser(t.ctx, communeA.id, "viewer");
  provincial = await buildUser(t.ctx, province.id, "viewer");
}, 60_000);

afterAll(async () => {
  await t.close();
});

const put = (headers: Headers, payload: Record<string, unknown>) => t.app.inject({ method: "PUT", url: "/api/tthc", headers, payload });
const audit = (entityId: string) =>
  t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "tthc").where("entity_id", "=", entityId).orderBy("id").execute();
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;

describe("TTHC statistics API", () => {
  it("answers 401 without a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/tthc" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "PUT", url: "/api/tthc", payload: {} })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "DELETE", url: "/api/tthc?org=X&period=2026-05" })).statusCode).toBe(401);
  });

  it("inserts then replaces a month, auditing both with before/after", async () => {
    const first = await put(officerA.headers, { orgCode: communeA.code, period: "2026-05", received: 120, processedDigitally: 100 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ orgCode: communeA.code, period: "2026-05", received: 120, processedDigitally: 100 });
    const second = await put(officerA.headers, { orgCode: communeA.code, period: "2026-05", received: 130, processedDigitally: 130 });
    expect(second.statusCode).toBe(200);
    const rows = await t.ctx.handle.db.selectFrom("tthc_stats").selectAll().where("org_id", "=", communeA.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ month: "2026-05-01", received: 130, processed_digitally: 130 });
    const log = await audit(`${communeA.id}:2026-05`);
    expect(log.map((a) => a.action)).toEqual(["create", "update"]);
    expect(log[0]?.before).toBeNull();
    expect(json(log[1]?.before)).toMatchObject({ received: 120, processedDigitally: 100 });
    expect(json(log[1]?.after)).toMatchObject({ received: 130, processedDigitally: 130 });
  });

  it("refuses processedDigitally above received, a non-month period and negative counts with 400 naming the field", async () => {
    const over = await put(officerA.headers, { orgCode: communeA.code, period: "2026-06", received: 10, processedDigitally: 11 });
    expect(over.statusCode).toBe(400);
    expect((over.json() as { message: string }).message).toContain("processedDigitally:");
    const quarter = await put(officerA.headers, { orgCode: communeA.code, period: "2026Q2", received: 10, processedDigitally: 1 });
    expect(quarter.statusCode).toBe(400);
    expect((quarter.json() as { message: string }).message).toContain("period:");
    const negative = await put(officerA.headers, { orgCode: communeA.code, period: "2026-06", received: -1, processedDigitally: 0 });
    expect(negative.statusCode).toBe(400);
    expect((negative.json() as { message: string }).message).toContain("received:");
    expect(await t.ctx.handle.db.selectFrom("tthc_stats").selectAll().where("month", "=", "2026-06-01").execute()).toHaveLength(0);
  });

  it("keeps other communes and viewers out", async () => {
    expect((await put(officerB.headers, { orgCode: communeA.code, period: "2026-07", received: 1, processedDigitally: 1 })).statusCode).toBe(403);
    expect((await put(viewerA.headers, { orgCode: communeA.code, period: "2026-07", received: 1, processedDigitally: 1 })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/tthc?org=${communeA.code}`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/tthc?org=${communeA.code}&period=2026-05`, headers: officerB.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/tthc?org=${communeA.code}&period=2026-05`, headers: viewerA.headers })).statusCode).toBe(403);
  });

  it("lists a unit or its subtree over a month range with sums", async () => {
    for (const [org, period, received, done] of [
      [communeB, "2026-01", 50, 40], [communeB, "2026-02", 60, 60], [communeB, "2025-12", 70, 10], [communeA, "2026-02", 10, 5],
    ] as const) {
      expect((await put(provincial.headers, { orgCode: org.code, period, received, processedDigitally: done })).statusCode).toBe(403);
      const writer = org === communeA ? officerA : officerB;
      expect((await put(writer.headers, { orgCode: org.code, period, received, processedDigitally: done })).statusCode).toBe(201);
    }
    const own = (await t.app.inject({ method: "GET", url: `/api/tthc?org=${communeB.code}&from=2026-01&to=2026-12`, headers: officerB.headers })).json() as TthcPage;
    expect(own.items.map((r) => r.period)).toEqual(["2026-02", "2026-01"]);
    expect(own.sums).toEqual({ received: 110, processedDigitally: 100 });
    const all = (await t.app.inject({ method: "GET", url: `/api/tthc?org=${province.code}&subtree=1&from=2026-01&to=2026-12`, headers: provincial.headers })).json() as TthcPage;
    expect(all.total).toBe(4);
    expect(all.sums).toEqual({ received: 130 + 110 + 10, processedDigitally: 130 + 100 + 5 });
    const paged = (await t.app.inject({ method: "GET", url: `/api/tthc?org=${province.code}&subtree=1&pageSize=2&page=2`, headers: provincial.headers })).json() as TthcPage;
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(5);
    const bad = await t.app.inject({ method: "GET", url: `/api/tthc?org=${province.code}&from=2026`, headers: provincial.headers });
    expect(bad.statusCode).toBe(400);
  });

  it("deletes a month with an audit row, and answers 404 for a month not entered", async () => {
    const del = await t.app.inject({ method: "DELETE", url: `/api/tthc?org=${communeB.code}&period=2025-12`, headers: officerB.headers });
    expect(del.statusCode).toBe(204);
    expect(await t.ctx.handle.db.selectFrom("tthc_stats").selectAll().where("org_id", "=", communeB.id).where("month", "=", "2025-12-01").execute()).toHaveLength(0);
    const log = await audit(`${communeB.id}:2025-12`);
    expect(log.map((a) => a.action)).toEqual(["create", "delete"]);
    expect(json(log[1]?.before)).toMatchObject({ received: 70, processedDigitally: 10 });
    const again = await t.app.inject({ method: "DELETE", url: `/api/tthc?org=${communeB.code}&period=2025-12`, headers: officerB.headers });
    expect(again.statusCode).toBe(404);
  });
});
