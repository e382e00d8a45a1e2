import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { loadDemoProvince, type DemoLoadResult } from "../../server/src/demo/demo.loader.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../server/src/demo/demo-accounts.js";
import { MERGED_COMMUNE } from "../../server/src/demo/demo-province.js";
import { computeSheet } from "../../server/src/indicators/indicator.service.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";

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
