import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { loadDemoProvince, type DemoLoadResult } from "../../server/src/demo/demo.loader.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../server/src/demo/demo-accounts.js";
import { MERGED_COMMUNE } from "../../server/src/demo/demo-province.js";
import { computeSheet } from "../../server/src/indicators/indicator.service.js";
import type { SessionUser } from "../../server/src/auth/policy.js";
import { planDemoReports } from "../../server/src/demo/demo-report-history.js";
import { reportMatrix } from "../../server/src/reports/report-board.service.js";
import { diffReport } from "../../server/src/reports/report.service.js";
import { computeRatings } from "../../server/src/reports/rating.service.js";
import { loadRegime } from "../../server/src/reports/report.regime.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { deleteUnitHistory, frozen, readUnitHistory, replayThroughService } from "./demo-history-replay.js";

const NOW = new Date("2026-11-23T03:00:00Z");
let t: TestApp;
let first: DemoLoadResult;

// The full demo (~230,000 documents) is loaded once for the file; the budget is generous
// because the search column of the documents is computed in SQL for every row written.
beforeAll(async () => {
  t = await startTestApp(NOW);
  first = await loadDemoProvince(t.ctx);
}, 900_000);
afterAll(async () => {
  await t.close();
});

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(t.ctx.handle.db)).rows[0]?.n ?? 0);

describe("loadDemoProvince", () => {
  it("loads the province into an empty database, registers included", async () => {
    expect(first.loaded).toBe(true);
    if (!first.loaded) return;
    expect(await count(sql`select count(*)::int as n from documents`)).toBe(first.counts.documents);
    expect(await count(sql`select count(*)::int as n from meetings`)).toBe(first.counts.meetings);
    expect(await count(sql`select count(*)::int as n from tthc_stats`)).toBe(first.counts.tthc);
    expect(await count(sql`select count(*)::int as n from documents where issued_on < '2026-01-01'`)).toBeGreaterThan(100_000);
    expect(await count(sql`select count(*)::int as n from documents where issued_on >= '2026-01-01'`)).toBeGreaterThan(50_000);
    // the monthly rollup the sheet reads was kept in step by the triggers during COPY
    expect(await count(sql`select sum(n)::int as n from document_monthly`)).toBe(first.counts.documents);
    expect(await count(sql`select count(*)::int as n from audit_log where entity = 'demo'`)).toBe(1);
  });

  it("builds the tree: Party bloc, ≥ 10 departments, ≥ 20 communes each with offices", async () => {
    const tq = t.ctx.orgs.byCode("TQ");
    const party = t.ctx.orgs.byCode("TU_TQ");
    expect(tq?.parent_id).toBeNull();
    expect(party).toMatchObject({ level: "province", bloc: "party", parent_id: tq?.id });
    expect(t.ctx.orgs.childrenOf(party?.id ?? 0).length).toBeGreaterThanOrEqual(4);
    const children = t.ctx.orgs.childrenOf(tq?.id ?? 0);
    expect(children.filter((o) => o.level === "department" && o.bloc === "state").length).toBeGreaterThanOrEqual(10);
    expect(children.some((o) => o.bloc === "front")).toBe(true);
    const communes = children.filter((o) => o.level === "commune" && o.valid_to === null);
    expect(communes.length).toBeGreaterThanOrEqual(20);
    for (const c of communes) expect(t.ctx.orgs.childrenOf(c.id).filter((o) => o.level === "office")).toHaveLength(3);
  });

  it("links the merged commune to its three predecessors, whose 2025 documents count as its previous year", async () => {
    const merged = t.ctx.orgs.byCode(MERGED_COMMUNE.code);
    const links = await t.ctx.handle.db.selectFrom("org_predecessors").selectAll().where("org_id", "=", merged?.id ?? 0).execute();
    expect(links).toHaveLength(3);
    expect(links.every((l) => l.kind === "merge")).toBe(true);
    const ids = [merged?.id ?? 0, ...links.map((l) => l.predecessor_id)];
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from documents
       where org_id = any(${ids}) and not legal_normative and issued_on between '2025-01-01' and '2025-12-31'`.execute(t.ctx.handle.db);
    const predecessorsOnly = await count(sql`select count(*)::int as n from documents where org_id = any(${ids.slice(1)})`);
    expect(predecessorsOnly).toBeGreaterThan(1000);
    const sheet = await computeSheet(t.ctx, { orgCode: MERGED_COMMUNE.code, period: "2026", subtree: false });
    expect(sheet.indicators.D1?.previous).toBe(rows[0]?.n);
    expect(sheet.indicators.D1?.met).toBe(true);
  });

  it("creates the demo accounts with argon2id hashes; the aggregator signs in and reads the province sheet", async () => {
    const users = await t.ctx.handle.db.selectFrom("users").select(["username", "password_hash", "role"]).execute();
    for (const a of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.username === a.username);
      expect(u?.role).toBe(a.role);
      expect(u?.password_hash.startsWith("$argon2id$")).toBe(true);
    }
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "snv.tonghop", password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.headers["set-cookie"];
    const sheet = await t.app.inject({ method: "GET", url: "/api/indicators?org=TQ&period=2026&subtree=1", headers: { cookie: String(Array.isArray(cookie) ? cookie[0] : cookie).split(";")[0] ?? "" } });
    expect(sheet.statusCode).toBe(200);
    const body = sheet.json() as { indicators: Record<string, { current?: number; previous?: number }> };
    expect(body.indicators.D1?.previous).toBeGreaterThan(100_000);
    expect(body.indicators.M3).toMatchObject({ value: 2, met: true });
  });

  it("does nothing the second time: no unit, record or account is duplicated", async () => {
    const before = await count(sql`select (select count(*) from documents) + (select count(*) from org_units) + (select count(*) from users) + (select count(*) from meetings) as n`);
    const again = await loadDemoProvince(t.ctx);
    expect(again.loaded).toBe(false);
    expect(await count(sql`select (select count(*) from documents) + (select count(*) from org_units) + (select count(*) from users) + (select count(*) from meetings) as n`)).toBe(before);
  });
});

describe(`the demo's reporting history (${TEST_ENGINE})`, () => {
  const sessionUsers = async (): Promise<Map<number, SessionUser>> => {
    const rows = await t.ctx.handle.db.selectFrom("users").select(["id", "username", "full_name", "role", "org_id"]).execute();
    return new Map(rows.map((u) => [u.id, { id: u.id, username: u.username, fullName: u.full_name, role: u.role, orgId: u.org_id }]));
  };
  const userNamed = async (username: string) => [...(await sessionUsers()).values()].find((u) => u.username === username) as SessionUser;

  it("shows the aggregator mostly accepted, on-time reports, with some late and a few missing", async () => {
    const m = await reportMatrix(t.ctx, await userNamed("snv.tonghop"), { org: "TQ", year: 2026 });
    const c = m.counts;
    const cells = m.rows.flatMap((r) => r.cells);
    const sentLate = cells.filter((x) => ["accepted", "submitted", "returned"].includes(x.status) && x.onTime === false).length;
    expect(c.expected).toBeGreaterThan(150);
    expect(c.accepted / c.expected).toBeGreaterThan(0.8); // most sent reports are accepted
    expect(c.timeliness).toBeGreaterThanOrEqual(75); // ≈ 75–85 % on time
    expect(c.timeliness).toBeLessThanOrEqual(90);
    expect(sentLate / c.expected).toBeGreaterThan(0.04); // some sent a few days late
    expect(sentLate / c.expected).toBeLessThan(0.16);
    expect(c.late / c.expected).toBeGreaterThan(0.02); // a few never sent
    expect(c.late / c.expected).toBeLessThan(0.12);
    // the year report (due 05/12) is being prepared: mostly drafts or not started, a few sent already
    const year = m.periods.find((p) => p.period === "2026")?.counts;
    expect(year?.due).toBeGreaterThan(20);
    const drafts = await count(sql`select count(*)::int as n from reports where period = '2026' and status = 'draft'`);
    expect(drafts).toBeGreaterThan(10);
    const returnedThenAccepted = await count(sql`select count(distinct report_id)::int as n from report_versions where decision = 'returned'`);
    expect(returnedThenAccepted).toBeGreaterThanOrEqual(3);
  });

  it("gives Xã Kiến Thiết its accepted reports and one returned with comments, then accepted as version 2", async () => {
    const kt = t.ctx.orgs.byCode(MERGED_COMMUNE.code)?.id ?? 0;
    const h = await readUnitHistory(t.ctx, kt);
    const byPeriod = new Map(h.reports.map((r) => [r.period, r]));
    for (const p of ["2026Q1", "2026S1", "2026Q3"]) expect(byPeriod.get(p)).toMatchObject({ status: "accepted", accepted_version: 1 });
    const q2 = byPeriod.get("2026Q2");
    expect(q2).toMatchObject({ status: "accepted", accepted_version: 2 });
    const q2Versions = h.versions.filter((v) => v.report_id === q2?.id);
    expect(q2Versions.map((v) => v.decision)).toEqual(["returned", "accepted"]);
    expect(h.comments.filter((c) => c.report_id === q2?.id).length).toBeGreaterThan(0);
    const officer = await userNamed("xa.kienthiet");
    const diff = await diffReport(t.ctx, officer, q2?.id ?? 0, 1, 2);
    expect(JSON.stringify(diff.diff)).toContain("nguyenNhan");
    // sent by the commune's head, first versions on time (the correction came after the deadline), decided by Sở Nội vụ
    const head = await userNamed("xa.kienthiet.lanhdao");
    const reviewer = await userNamed("snv.tonghop");
    expect(h.versions.every((v) => v.submitted_by === head.id && v.decided_by === reviewer.id)).toBe(true);
    expect(h.versions.filter((v) => v.version === 1).every((v) => v.on_time)).toBe(true);
    expect(byPeriod.get("2026")).toMatchObject({ status: "draft", first_submitted_at: null });
    // Sở Y tế: accepted, one late, one returned then accepted
    const syt = await readUnitHistory(t.ctx, t.ctx.orgs.byCode("SYT")?.id ?? 0);
    expect(syt.versions.some((v) => !v.on_time)).toBe(true);
    expect(syt.versions.filter((v) => v.decision === "returned")).toHaveLength(1);
  });

  it("froze in every version of Xã Kiến Thiết exactly what the report service freezes at the same moments", async () => {
    const kt = t.ctx.orgs.byCode(MERGED_COMMUNE.code)?.id ?? 0;
    const before = await readUnitHistory(t.ctx, kt);
    await deleteUnitHistory(t.ctx, kt);
    await replayThroughService(t.ctx, before, await sessionUsers(), MERGED_COMMUNE.code);
    const after = await readUnitHistory(t.ctx, kt);
    expect(after.versions.length).toBeGreaterThanOrEqual(5);
    expect(after.versions.map(frozen)).toEqual(before.versions.map(frozen));
    const rowOf = (r: (typeof before.reports)[number]) => ({ period: r.period, status: r.status, narrative: r.narrative, explanations: r.explanations, meta: r.meta, first: r.first_submitted_at, accepted: r.accepted_version, created: r.created_at });
    expect(after.reports.map(rowOf)).toEqual(before.reports.map(rowOf));
    const stepsOf = (x: typeof before) => x.events.map((e) => [e.step, e.version, e.user_id, e.at.toISOString(), e.note]);
    expect(stepsOf(after)).toEqual(stepsOf(before));
  }, 300_000);

  it("is deterministic: the same seed and day give the same plan, and the rows follow it", async () => {
    const regime = await loadRegime(t.ctx);
    const a = planDemoReports(t.ctx, regime, 226, NOW).plans;
    expect(planDemoReports(t.ctx, regime, 226, NOW).plans).toEqual(a);
    expect(planDemoReports(t.ctx, regime, 227, NOW).plans).not.toEqual(a);
    const { rows } = await sql<{ code: string; period: string; first: Date | null }>`
      select o.code, r.period, r.first_submitted_at as first from reports r join org_units o on o.id = r.org_id`.execute(t.ctx.handle.db);
    const stored = new Map(rows.map((r) => [`${r.code}:${r.period}`, r.first?.toISOString() ?? null]));
    expect(stored.size).toBe(a.length);
    for (const p of a) expect(stored.get(`${p.orgCode}:${p.period}`)).toBe(p.submissions[0]?.submitAt.toISOString() ?? null);
  });

  it("gives R1 between 0 and 100 across the province, and ratings that are not all failing", async () => {
    const sheet = await computeSheet(t.ctx, { orgCode: "TQ", period: "2026", subtree: true });
    const r1 = sheet.indicators.R1 as { value: number };
    expect(r1.value).toBeGreaterThan(50);
    expect(r1.value).toBeLessThan(100);
    const ratings = await computeRatings(t.ctx, await userNamed("snv.tonghop"), { org: "TQ", year: 2026 });
    const failing = ratings.rows.filter((r) => r.rating === "khong_hoan_thanh").length;
    expect(failing).toBeLessThan(ratings.rows.length / 2);
  });

  it("creates the heads' and receiving offices' accounts disabled: nobody signs in with them", async () => {
    const heads = await t.ctx.handle.db.selectFrom("users").select(["username", "disabled"]).where("username", "like", "lanhdao.%").where("username", "!=", "lanhdao.tinh").execute();
    expect(heads.length).toBeGreaterThan(30);
    expect(heads.every((u) => u.disabled)).toBe(true);
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "lanhdao.syt", password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(401);
  });
});

describe("loadDemoProvince under an existing root", () => {
  let u: TestApp;
  beforeAll(async () => {
    // a "today" two weeks into 2025 keeps this second load small
    u = await startTestApp(new Date("2025-01-15T03:00:00Z"));
  });
  afterAll(async () => {
    await u.close();
  });

  it("attaches the province under the bare root the first admin was created at, with registers up to today", async () => {
    const root = await buildOrg(u.ctx, { code: "VN", level: "central", parentId: null });
    const result = await loadDemoProvince(u.ctx, { seed: 3 });
    expect(result.loaded).toBe(true);
    expect(u.ctx.orgs.byCode("TQ")?.parent_id).toBe(root.id);
    // the registers stop at the given "today"
    const { rows } = await sql<{ last: string }>`select max(issued_on)::text as last from documents`.execute(u.ctx.handle.db);
    expect(rows[0]?.last).toMatch(/^2025-01-(0\d|1[0-5])$/);
  });
});
