import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../server/src/context.js";
import { buildOrg, buildUser, startTestApp, withSearchText, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";

type Sheet = { org: string; period: string; subtree: boolean; indicators: Record<string, Record<string, unknown>>; notes: string[] };

/** Inserts `n` documents for an org in a month with the given flags. */
async function addDocs(ctx: AppContext, orgId: number, month: string, n: number, flags: Partial<{ type_code: string; digitized: boolean; sent_electronically: boolean; secret: boolean; legal_normative: boolean }> = {}) {
  const rows = Array.from({ length: n }, (_, i) => ({
    org_id: orgId,
    number: `${month}-${flags.type_code ?? "CV"}-${i}-${Math.random().toString(36).slice(2, 7)}`,
    type_code: flags.type_code ?? "CV",
    issued_on: `${month}-${String((i % 27) + 1).padStart(2, "0")}`,
    digitized: flags.digitized ?? true,
    sent_electronically: flags.sent_electronically ?? true,
    secret: flags.secret ?? false,
    legal_normative: flags.legal_normative ?? false,
  }));
  return ctx.handle.db.insertInto("documents").values(rows.map(withSearchText)).returning("id").execute();
}

async function addMeeting(ctx: AppContext, orgId: number, m: { title: string; category: string; scope?: string; format?: string; start: string; end: string; sessions: number; opening_min?: number; exception_decision?: string }) {
  return ctx.handle.db
    .insertInto("meetings")
    .values({
      org_id: orgId,
      title: m.title,
      category: m.category as "quan_triet",
      scope: (m.scope ?? "noi_bo") as "noi_bo",
      format: (m.format ?? "truc_tiep") as "truc_tiep",
      start_at: new Date(m.start),
      end_at: new Date(m.end),
      sessions: m.sessions,
      opening_min: m.opening_min ?? null,
      conclusion_min: null,
      max_contribution_min: null,
      exception_decision: m.exception_decision ?? null,
      commune_participants: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe(`indicator sheet (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let province: { id: number; code: string };
  let merged: { id: number; code: string };
  let other: { id: number; code: string };
  let overlongId = "";
  let undigitizedIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { ctx } = t;
    province = await buildOrg(ctx, { code: "P1", level: "province" });
    // three communes merged into one on 01/07/2025: their 2025 records are the new commune's baseline
    const olds = [];
    for (const code of ["C_OLD_A", "C_OLD_B", "C_OLD_C"]) olds.push(await buildOrg(ctx, { code, parentId: province.id }));
    merged = await buildOrg(ctx, { code: "C_NEW", parentId: province.id });
    await ctx.handle.db.updateTable("org_units").set({ valid_to: "2025-06-30" }).where("id", "in", olds.map((o) => o.id)).execute();
    await ctx.handle.db.insertInto("org_predecessors").values(olds.map((o) => ({ org_id: merged.id, predecessor_id: o.id, kind: "merge" as const, share: 1 }))).execute();
    other = await buildOrg(ctx, { code: "C_OTHER", parentId: province.id });
    await ctx.orgs.refresh();

    // 2025: 100 + 60 + 40 = 200 administrative documents in the predecessors, plus 5 QPPL not counted by D1
    await addDocs(ctx, olds[0]!.id, "2025-03", 100);
    await addDocs(ctx, olds[1]!.id, "2025-04", 60, { type_code: "QĐ" });
    await addDocs(ctx, olds[2]!.id, "2025-05", 40, { type_code: "KH" });
    await addDocs(ctx, olds[0]!.id, "2025-05", 5, { legal_normative: true, type_code: "QĐ" });
    // 2026: 150 in the new commune (a 25 % cut), 3 of them not digitised, 2 secret not digitised (excluded)
    await addDocs(ctx, merged.id, "2026-02", 147);
    undigitizedIds = (await addDocs(ctx, merged.id, "2026-03", 3, { digitized: false, type_code: "TB" })).map((r) => String(r.id));
    await addDocs(ctx, merged.id, "2026-03", 2, { digitized: false, secret: true, sent_electronically: false });
    // another commune in the same province: 10 documents in 2026, none in 2025
    await addDocs(ctx, other.id, "2026-01", 10);

    // meetings: 2025 in a predecessor (10), 2026 in the new commune (8, one too long, one long opening, one regular session)
    for (let i = 0; i < 10; i++) await addMeeting(ctx, olds[1]!.id, { title: `HN 2025 ${i}`, category: "chuyen_mon", start: `2025-03-${10 + i}T01:00:00Z`, end: `2025-03-${10 + i}T04:00:00Z`, sessions: 1 });
    for (let i = 0; i < 5; i++) await addMeeting(ctx, merged.id, { title: `HN 2026 ${i}`, category: "chuyen_mon", format: i < 4 ? "truc_tuyen" : "truc_tiep", start: `2026-04-${10 + i}T01:00:00Z`, end: `2026-04-${10 + i}T04:00:00Z`, sessions: 1 });
    overlongId = String((await addMeeting(ctx, merged.id, { title: "Quán triệt NQ", category: "quan_triet", format: "ket_hop", start: "2026-05-04T01:00:00Z", end: "2026-05-04T09:00:00Z", sessions: 2 })).id);
    await addMeeting(ctx, merged.id, { title: "Hội nghị toàn xã", category: "quan_trong", scope: "toan_xa", start: "2026-05-06T01:00:00Z", end: "2026-05-06T04:00:00Z", sessions: 1, opening_min: 25 });
    await addMeeting(ctx, merged.id, { title: "Kỳ họp HĐND", category: "dinh_ky", scope: "toan_xa", start: "2026-06-01T01:00:00Z", end: "2026-06-03T09:00:00Z", sessions: 6 });

    await ctx.handle.db.insertInto("tthc_stats").values([
      { org_id: merged.id, month: "2026-01-01", received: 100, processed_digitally: 95 },
      { org_id: merged.id, month: "2026-02-01", received: 100, processed_digitally: 100 },
    ]).execute();
  });
  afterAll(async () => t.close());

  async function getSheet(query: string, headers: Record<string, string>) {
    const res = await t.app.inject({ method: "GET", url: `/api/indicators?${query}`, headers });
    return { status: res.statusCode, body: res.json() as Sheet };
  }

  it("counts the merged communes' 2025 records as the new commune's previous year, and says so", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const { status, body } = await getSheet("org=C_NEW&period=2026", officer.headers);
    expect(status).toBe(200);
    const d1 = body.indicators.D1!;
    expect(d1.previous).toBe(200);
    expect(d1.current).toBe(152);
    expect(d1.value).toBe(24);
    expect(d1.met).toBe(true);
    expect(d1.target).toBe(15);
    expect(body.notes.join(" ")).toMatch(/C_OLD_A/);
    const d2 = body.indicators.D2!.value as Record<string, { cur: number; prev: number }>;
    expect(d2.QĐ).toMatchObject({ cur: 0, prev: 60 });
    expect(d2.KH).toMatchObject({ cur: 0, prev: 40 });
    expect(d2.TB).toMatchObject({ cur: 3, prev: 0 });
  });

  it("traces D3 breaches to the documents behind them, leaving secret ones out", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const { body } = await getSheet("org=C_NEW&period=2026", officer.headers);
    const d3 = body.indicators.D3!;
    expect(d3.numerator).toBe(147);
    expect(d3.denominator).toBe(150);
    expect(d3.met).toBe(true);
    expect([...(d3.violations as string[])].sort()).toEqual([...undigitizedIds].sort());
  });

  it("computes M1, M2, M3, M4, M5 and T1 from the conference calendar and TTHC statistics", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const { body } = await getSheet("org=C_NEW&period=2026", officer.headers);
    const i = body.indicators;
    expect(i.M1).toMatchObject({ current: 7, previous: 10, value: 30, met: true });
    expect(i.M2).toMatchObject({ numerator: 5, denominator: 7 }); // 4 online + 1 hybrid
    expect(i.M3).toMatchObject({ value: 1, target: 3, met: true });
    expect(i.M4).toMatchObject({ value: 1, met: false, violations: [overlongId] });
    expect((i.M5!.violations as string[]).length).toBe(1);
    expect(i.T1).toMatchObject({ numerator: 195, denominator: 200, value: 97.5, met: false });
  });

  it("gives null, not a number, when there is no previous year", async () => {
    const officer = await buildUser(t.ctx, other.id, "officer");
    const { body } = await getSheet("org=C_OTHER&period=2026", officer.headers);
    expect(body.indicators.D1).toMatchObject({ value: null, met: null, current: 10, previous: 0 });
  });

  it("counts each record once for the province subtree and shows a new record at once", async () => {
    const admin = await buildUser(t.ctx, province.id, "aggregator");
    const before = (await getSheet("org=P1&period=2026&subtree=1", admin.headers)).body.indicators.D1!;
    expect(before).toMatchObject({ current: 162, previous: 200 });
    await addDocs(t.ctx, other.id, "2026-07", 1);
    const after = (await getSheet("org=P1&period=2026&subtree=1", admin.headers)).body.indicators.D1!;
    expect(after.current).toBe(163);
  });

  it("compares a quarter with the same quarter of the previous year", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const { body } = await getSheet("org=C_NEW&period=2026Q1", officer.headers);
    expect(body.indicators.D1).toMatchObject({ current: 152, previous: 100 });
  });

  it("refuses without a session, for another commune, and for a bad period", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    expect((await t.app.inject({ method: "GET", url: "/api/indicators?org=C_NEW&period=2026" })).statusCode).toBe(401);
    expect((await getSheet("org=C_OTHER&period=2026", officer.headers)).status).toBe(403);
    expect((await getSheet("org=P1&period=2026&subtree=1", officer.headers)).status).toBe(403);
    expect((await getSheet("org=C_NEW&period=2026Q5", officer.headers)).status).toBe(400);
    expect((await getSheet("org=NOPE&period=2026", officer.headers)).status).toBe(404);
  });

  it("gives month-by-month series for this year and the previous one", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const res = await t.app.inject({ method: "GET", url: "/api/indicators/monthly?org=C_NEW&year=2026", headers: officer.headers });
    expect(res.statusCode).toBe(200);
    const m = res.json() as { months: string[]; documents: { current: number[]; previous: number[] }; meetings: { current: number[]; previous: number[] }; online: { current: number[] } };
    expect(m.months).toHaveLength(12);
    expect(m.documents.current.slice(0, 4)).toEqual([0, 147, 5, 0]);
    expect(m.documents.previous.slice(2, 5)).toEqual([100, 60, 40]); // the predecessors' 2025, QPPL left out
    expect(m.meetings.current.slice(3, 6)).toEqual([5, 2, 0]); // the regular session in June is exempt
    expect(m.online.current.slice(3, 5)).toEqual([4, 1]);
    expect(m.meetings.previous[2]).toBe(10);
  });

  it("ranks the units in force below a province by breaches", async () => {
    const agg = await buildUser(t.ctx, province.id, "aggregator");
    const res = await t.app.inject({ method: "GET", url: "/api/indicators/children?org=P1&period=2026", headers: agg.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { children: Array<{ org: { code: string }; breaches: number; failed: string[] }> };
    expect(body.children.map((c) => c.org.code)).toEqual(["C_NEW", "C_OTHER"]); // merged-away communes are gone in 2026
    expect(body.children[0]!.failed).toEqual(expect.arrayContaining(["M4", "M5", "T1"]));
    expect(body.children[0]!.breaches).toBeGreaterThan(body.children[1]!.breaches);
    const officer = await buildUser(t.ctx, merged.id, "officer");
    expect((await t.app.inject({ method: "GET", url: "/api/indicators/children?org=P1&period=2026", headers: officer.headers })).statusCode).toBe(403);
  });

  it("gives the remaining quota and a linear year-end projection", async () => {
    const officer = await buildUser(t.ctx, merged.id, "officer");
    const res = await t.app.inject({ method: "GET", url: "/api/quota?org=C_NEW&year=2026", headers: officer.headers });
    expect(res.statusCode).toBe(200);
    const q = res.json() as { method: string; documents: { allowed: number; used: number; remaining: number }; wide: { limit: number; used: number; remaining: number } };
    expect(q.method).toBe("linear_elapsed_days");
    expect(q.documents).toMatchObject({ allowed: 170, used: 152, remaining: 18 });
    expect(q.wide).toMatchObject({ limit: 3, used: 1, remaining: 2 });
  });
});
