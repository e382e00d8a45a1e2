// GET /api/dashboard: the dashboard's parts in one call must be exactly what the separate
// endpoints give (they stay the data contract), with the subordinate units' sheets — and their
// plan, report and copied-text indicators, now worked out for all units at once — per unit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../server/src/context.js";
import { buildOrg, buildUser, startTestApp, withSearchText, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";

type Summary = { value: unknown; target: number | null; met: boolean | null };
type Sheet = { org: string; period: string; indicators: Record<string, Summary & Record<string, unknown>>; notes: string[] };
type ChildRow = { org: { code: string }; indicators: Record<string, Summary> };
type Dashboard = {
  sheet: Sheet;
  previous: { period: string; indicators: Record<string, Summary> };
  quota: unknown;
  monthly: unknown;
  children: { org: string; period: string; children: ChildRow[] };
};

/** Inserts `n` documents of a unit in a month; returns their ids. */
async function addDocs(ctx: AppContext, orgId: number, month: string, n: number, flags: Partial<{ digitized: boolean; sent_electronically: boolean }> = {}) {
  const rows = Array.from({ length: n }, (_, i) => withSearchText({
    org_id: orgId,
    number: `${month}-${i}-${Math.random().toString(36).slice(2, 8)}/UBND`,
    type_code: "CV",
    issued_on: `${month}-${String((i % 27) + 1).padStart(2, "0")}`,
    digitized: flags.digitized ?? true,
    sent_electronically: flags.sent_electronically ?? true,
    secret: false,
    legal_normative: false,
  }));
  return (await ctx.handle.db.insertInto("documents").values(rows).returning("id").execute()).map((r) => r.id);
}

async function addMeeting(ctx: AppContext, orgId: number, start: string, m: Partial<{ category: string; scope: string; format: string; sessions: number }> = {}) {
  await ctx.handle.db.insertInto("meetings").values({
    org_id: orgId, title: `Hội nghị ${start}`, category: (m.category ?? "chuyen_mon") as "chuyen_mon", scope: (m.scope ?? "noi_bo") as "noi_bo",
    format: (m.format ?? "truc_tiep") as "truc_tiep", start_at: new Date(start), end_at: new Date(Date.parse(start) + 3 * 3600_000),
    sessions: m.sessions ?? 1, opening_min: null, conclusion_min: null, max_contribution_min: null, exception_decision: null, commune_participants: null,
  }).execute();
}

/** A copy check (D5) of a document with the given copied share. */
async function addCopyCheck(ctx: AppContext, documentId: number, share: number) {
  await ctx.handle.db.insertInto("document_copy_checks").values({
    document_id: documentId, copied_share: share, passages: JSON.stringify([]), counted_chars: 1000, copied_chars: Math.round(share * 1000), sources_compared: 3, fold_version: 1,
  }).execute();
}

describe(`dashboard in one call (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let province: { id: number };
  let communeA: { id: number };
  let communeB: { id: number };

  beforeAll(async () => {
    t = await startTestApp(); // today 15/06/2026
    const { ctx } = t;
    province = await buildOrg(ctx, { code: "DP", level: "province" });
    communeA = await buildOrg(ctx, { code: "DX_A", parentId: province.id });
    communeB = await buildOrg(ctx, { code: "DX_B", parentId: province.id });
    const gone = await buildOrg(ctx, { code: "DX_GONE", parentId: province.id });
    // (updated_at moves with it: the tree in memory reloads when it changes)
    await ctx.handle.db.updateTable("org_units").set({ valid_to: "2025-06-30", updated_at: new Date() }).where("id", "=", gone.id).execute();
    await ctx.orgs.refresh();

    await addDocs(ctx, communeA.id, "2025-03", 40);
    await addDocs(ctx, gone.id, "2025-02", 10);
    await addDocs(ctx, communeA.id, "2026-02", 30);
    await addDocs(ctx, communeA.id, "2026-05", 4, { digitized: false });
    const [copied, original] = await addDocs(ctx, communeB.id, "2026-04", 2, { sent_electronically: false });
    const [checkedA] = await addDocs(ctx, communeA.id, "2026-04", 1);
    await addCopyCheck(ctx, copied as number, 0.8); // over the 30 % threshold: a D5 violation of B
    await addCopyCheck(ctx, original as number, 0.1);
    await addCopyCheck(ctx, checkedA as number, 0.05);
    for (const day of ["10", "11", "12"]) await addMeeting(ctx, communeA.id, `2025-04-${day}T01:00:00Z`);
    await addMeeting(ctx, communeA.id, "2026-04-10T01:00:00Z", { format: "truc_tuyen" });
    await addMeeting(ctx, communeA.id, "2026-05-10T01:00:00Z", { category: "quan_triet", sessions: 2 }); // M4
    await addMeeting(ctx, province.id, "2026-03-10T01:00:00Z", { category: "quan_trong", scope: "toan_tinh" }); // M3
    await addMeeting(ctx, communeB.id, "2026-03-12T01:00:00Z", { scope: "toan_xa", format: "ket_hop" });
    await ctx.handle.db.insertInto("tthc_stats").values([
      { org_id: communeA.id, month: "2026-01-01", received: 50, processed_digitally: 50 },
      { org_id: communeB.id, month: "2026-02-01", received: 20, processed_digitally: 15 },
    ]).execute();
    // R1: B sent its first-quarter report on time (due before 15/3); A sent nothing
    await ctx.handle.db.insertInto("reports").values({ org_id: communeB.id, period: "2026Q1", recipient_org_id: province.id, status: "submitted", first_submitted_at: new Date("2026-03-02T03:00:00Z") }).execute();
  });
  afterAll(async () => t.close());

  async function get<T>(url: string, headers: Record<string, string>): Promise<{ status: number; body: T }> {
    const res = await t.app.inject({ method: "GET", url, headers });
    return { status: res.statusCode, body: res.json() as T };
  }
  const summarise = (sheet: Sheet) =>
    Object.fromEntries(Object.entries(sheet.indicators).map(([id, x]) => [id, { value: x.value, target: x.target, met: x.met }]));

  it.each(["2026", "2026Q2", "2026-05"])("gives for period %s what the sheet, quota, monthly and children endpoints give", async (period) => {
    const { headers } = await buildUser(t.ctx, province.id, "aggregator");
    const { status, body } = await get<Dashboard>(`/api/dashboard?org=DP&period=${period}&subtree=1`, headers);
    expect(status).toBe(200);
    expect(body.sheet).toEqual((await get(`/api/indicators?org=DP&period=${period}&subtree=1`, headers)).body);
    expect(body.quota).toEqual((await get("/api/quota?org=DP&year=2026&subtree=1", headers)).body);
    expect(body.monthly).toEqual((await get("/api/indicators/monthly?org=DP&year=2026&subtree=1", headers)).body);
    expect(body.children).toEqual((await get(`/api/indicators/children?org=DP&period=${period}`, headers)).body);
    const lastYear = period.replace("2026", "2025");
    expect(body.previous).toEqual({ period: lastYear, indicators: summarise((await get<Sheet>(`/api/indicators?org=DP&period=${lastYear}&subtree=1`, headers)).body) });
    // the sheet keeps D3's offending documents; the year's quota counts the same D1 as the year sheet
    if (period === "2026") expect((body.sheet.indicators.D3!.violations as string[]).length).toBe(4);
  });

  it("gives each subordinate unit in force its own sheet, plans, reports and copied texts counted per unit", async () => {
    const { headers } = await buildUser(t.ctx, province.id, "admin");
    const { body } = await get<Dashboard>("/api/dashboard?org=DP&period=2026&subtree=1", headers);
    const rows = new Map(body.children.children.map((c) => [c.org.code, c.indicators]));
    expect([...rows.keys()].sort()).toEqual(["DX_A", "DX_B"]); // DX_GONE ended in 2025
    for (const code of ["DX_A", "DX_B"]) {
      const own = (await get<Sheet>(`/api/indicators?org=${code}&period=2026&subtree=1`, headers)).body;
      expect(rows.get(code)).toEqual(summarise(own));
    }
    const a = rows.get("DX_A")!;
    const b = rows.get("DX_B")!;
    expect(b.D5).toMatchObject({ value: 1, met: false });
    expect(a.D5).toMatchObject({ value: 0, met: true });
    const r1 = async (code: string) => (await get<Sheet>(`/api/indicators?org=${code}&period=2026`, headers)).body.indicators.R1!;
    expect(await r1("DX_B")).toMatchObject({ numerator: 1 });
    expect(await r1("DX_A")).toMatchObject({ numerator: 0 });
    expect(b.R1!.value).not.toEqual(a.R1!.value);
    expect(a.M4).toMatchObject({ value: 1, met: false });
    expect(body.sheet.indicators.D5).toMatchObject({ value: 1, violations: expect.any(Array) });
  });

  it("serves a commune officer their own unit, with no subordinate units", async () => {
    const { headers } = await buildUser(t.ctx, communeA.id, "officer");
    const { status, body } = await get<Dashboard>("/api/dashboard?org=DX_A&period=2026Q2&subtree=0", headers);
    expect(status).toBe(200);
    expect(body.sheet).toEqual((await get("/api/indicators?org=DX_A&period=2026Q2", headers)).body);
    expect(body.quota).toEqual((await get("/api/quota?org=DX_A&year=2026", headers)).body);
    expect(body.children).toEqual({ org: "DX_A", period: "2026Q2", children: [] });
    expect(body.sheet.indicators.M1).toMatchObject({ current: 2, previous: 3 });
  });

  it("refuses without a session, another commune's officer, an officer above their unit, a bad period and an unknown unit", async () => {
    const { headers } = await buildUser(t.ctx, communeA.id, "officer");
    expect((await t.app.inject({ method: "GET", url: "/api/dashboard?org=DX_A&period=2026" })).statusCode).toBe(401);
    expect((await get("/api/dashboard?org=DX_B&period=2026", headers)).status).toBe(403);
    expect((await get("/api/dashboard?org=DP&period=2026&subtree=1", headers)).status).toBe(403);
    expect((await get("/api/dashboard?org=DX_A&period=2026Q5", headers)).status).toBe(400);
    expect((await get("/api/dashboard?org=NOPE&period=2026", headers)).status).toBe(404);
  });
});
