import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/src/app.js";
import type { AppContext } from "../../server/src/context.js";
import { OrgDirectory } from "../../server/src/orgs/org.directory.js";
import { buildOrg, buildUser, withSearchText } from "../helpers/test-app.js";
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db.js";
import { runCli } from "../helpers/run-cli.js";

describe(`leloi indicators (${TEST_ENGINE})`, () => {
  let t: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await openTestDatabase({ onDisk: true });
    // the real clock, as the CLI's: what depends on today (M7's days late, P1) must agree
    ctx = { handle: t.handle, orgs: new OrgDirectory(t.handle.db), now: () => new Date() };
    const org = await buildOrg(ctx, { code: "SNV_CLI", level: "department" });
    const docs = (year: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ org_id: org.id, number: `${i}/SNV-${year}`, type_code: i % 3 ? "CV" : "QĐ", issued_on: `${year}-0${(i % 9) + 1}-10`, digitized: i % 7 !== 0 }));
    await t.handle.db.insertInto("documents").values([...docs(2025, 40), ...docs(2026, 33)].map(withSearchText)).execute();
  });
  afterAll(async () => t.drop());

  // PGlite allows one process per data folder: close ours before the CLI opens it
  let released = false;
  async function releaseForCli() {
    if (TEST_ENGINE !== "pglite" || released) return;
    await t.handle.close();
    released = true;
  }

  it("prints the same JSON as GET /api/indicators", async () => {
    const app = await buildApp(ctx);
    const officer = await buildUser(ctx, (ctx.orgs.byCode("SNV_CLI") ?? { id: 0 }).id, "officer");
    const api = (await app.inject({ method: "GET", url: "/api/indicators?org=SNV_CLI&period=2026&subtree=1", headers: officer.headers })).json();
    await app.close();
    await releaseForCli();
    const cli = await runCli(["indicators", "--org", "SNV_CLI", "--period", "2026", "--subtree", "--json"], t.env);
    expect(cli.stderr).toBe("");
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(api);
    expect(api.indicators.D1).toMatchObject({ current: 33, previous: 40 });
  });

  it("exits non-zero with a clear message for an unknown unit", async () => {
    await releaseForCli();
    const cli = await runCli(["indicators", "--org", "KHONG_CO", "--period", "2026", "--json"], t.env);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/KHONG_CO/);
  });
});
