import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from "./helpers/test-db.js";

describe(`database (${TEST_ENGINE})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => t.drop());

  it("keeps the monthly document rollup in step with inserts, updates and deletes", async () => {
    const { db } = t.handle;
    const org = await db.insertInto("org_units").values({ code: "X1", name: "Xã 1", level: "commune", bloc: "state", parent_id: null }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("documents").values([
      { org_id: org.id, number: "1/UBND", type_code: "CV", issued_on: "2026-01-05", digitized: true },
      { org_id: org.id, number: "2/UBND", type_code: "CV", issued_on: "2026-01-20", digitized: false },
      { org_id: org.id, number: "3/QĐ-UBND", type_code: "QĐ", issued_on: "2026-02-01" },
    ]).execute();
    const count = async () =>
      (await sql<{ month: string; n: number }>`select month, sum(n)::int as n from document_monthly where org_id = ${org.id} group by month order by month`.execute(db)).rows;
    expect(await count()).toEqual([{ month: "2026-01-01", n: 2 }, { month: "2026-02-01", n: 1 }]);
    await db.updateTable("documents").set({ issued_on: "2026-02-15" }).where("number", "=", "2/UBND").execute();
    expect(await count()).toEqual([{ month: "2026-01-01", n: 1 }, { month: "2026-02-01", n: 2 }]);
    await db.deleteFrom("documents").where("type_code", "=", "QĐ").execute();
    expect(await count()).toEqual([{ month: "2026-01-01", n: 1 }, { month: "2026-02-01", n: 1 }]);
  });

  it("loads rows through the bulk COPY path and rolls back on error", async () => {
    const { db, bulk } = t.handle;
    const org = await db.insertInto("org_units").values({ code: "X2", name: "Xã 2", level: "commune", bloc: "state", parent_id: null }).returning("id").executeTakeFirstOrThrow();
    await bulk(async (s) => {
      await s.copyCsv("documents", ["org_id", "number", "type_code", "issued_on"], `${org.id},10/UBND,CV,2026-03-01\n${org.id},"11/UBND, ""x""",CV,2026-03-02\n`);
    });
    await expect(
      bulk(async (s) => {
        await s.copyCsv("documents", ["org_id", "number", "type_code", "issued_on"], `${org.id},12/UBND,CV,2026-03-03\n`);
        await s.query("select 1/0");
      }),
    ).rejects.toThrow();
    const numbers = (await db.selectFrom("documents").select("number").where("org_id", "=", org.id).orderBy("number").execute()).map((r) => r.number);
    expect(numbers).toEqual(["10/UBND", '11/UBND, "x"']);
  });
});
