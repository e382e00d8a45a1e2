import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from "./helpers/test-db.js";
import { withSearchText } from "./helpers/test-app.js";
import { DOCUMENT_TYPES, d2BucketOf } from "../server/src/domain/document-types.js";

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
    ].map(withSearchText)).execute();
    const count = async () =>
      (await sql<{ month: string; n: number }>`select month, sum(n)::int as n from document_monthly where org_id = ${org.id} group by month order by month`.execute(db)).rows;
    expect(await count()).toEqual([{ month: "2026-01-01", n: 2 }, { month: "2026-02-01", n: 1 }]);
    await db.updateTable("documents").set({ issued_on: "2026-02-15" }).where("number", "=", "2/UBND").execute();
    expect(await count()).toEqual([{ month: "2026-01-01", n: 1 }, { month: "2026-02-01", n: 2 }]);
    await db.deleteFrom("documents").where("type_code", "=", "QĐ").execute();
    expect(await count()).toEqual([{ month: "2026-01-01", n: 1 }, { month: "2026-02-01", n: 1 }]);
  });

  it("keeps the sheet's tally in step, with the D2 buckets of d2BucketOf for every document type", async () => {
    const { db } = t.handle;
    const org = await db.insertInto("org_units").values({ code: "X3", name: "Xã 3", level: "commune", bloc: "state", parent_id: null }).returning("id").executeTakeFirstOrThrow();
    type Doc = { org_id: number; number: string; type_code: string; issued_on: string; digitized?: boolean; sent_electronically?: boolean; legal_normative?: boolean; secret?: boolean };
    const rows: Doc[] = DOCUMENT_TYPES.flatMap((type, i) => [
      { org_id: org.id, number: `${i}/A`, type_code: type.code, issued_on: "2026-03-02", digitized: i % 2 === 0, sent_electronically: i % 3 === 0 },
      { org_id: org.id, number: `${i}/B`, type_code: type.code, issued_on: "2026-03-03", legal_normative: true, secret: i % 4 === 0 },
    ]);
    await db.insertInto("documents").values(rows.map(withSearchText)).execute();
    const tally = () => db.selectFrom("document_tally").selectAll().where("org_id", "=", org.id).where("month", "=", "2026-03-01").executeTakeFirstOrThrow();
    const expected = (docs: Doc[]) => {
      const byBucket: Record<string, number> = { NQ: 0, QĐ: 0, CV: 0, KH: 0, TB: 0, other: 0 };
      for (const d of docs) if (!d.legal_normative) byBucket[d2BucketOf(d.type_code)]! += 1;
      const nonSecret = docs.filter((d) => !d.secret);
      return {
        admin_nq: byBucket.NQ, admin_qd: byBucket["QĐ"], admin_cv: byBucket.CV, admin_kh: byBucket.KH, admin_tb: byBucket.TB, admin_other: byBucket.other,
        non_secret: nonSecret.length,
        digitized: nonSecret.filter((d) => d.digitized).length,
        sent: nonSecret.filter((d) => d.sent_electronically).length,
      };
    };
    expect(await tally()).toMatchObject(expected(rows));
    expect((await tally()).admin_other).toBeGreaterThan(0);

    await db.updateTable("documents").set({ type_code: "CV", digitized: true }).where("org_id", "=", org.id).where("number", "=", "1/A").execute();
    const changed = rows.map((r) => (r.number === "1/A" ? { ...r, type_code: "CV", digitized: true } : r));
    expect(await tally()).toMatchObject(expected(changed));

    await db.deleteFrom("documents").where("org_id", "=", org.id).where("number", "like", "%/B").execute();
    expect(await tally()).toMatchObject(expected(changed.filter((r) => r.number.endsWith("/A"))));
  });

  it("refuses a document of no unit, and deleting a unit that has documents (checked per statement)", async () => {
    const { db } = t.handle;
    const org = await db.insertInto("org_units").values({ code: "X4", name: "Xã 4", level: "commune", bloc: "state", parent_id: null }).returning("id").executeTakeFirstOrThrow();
    const doc = withSearchText({ org_id: org.id, number: "1/X4", type_code: "CV", issued_on: "2026-04-01" });
    await expect(db.insertInto("documents").values([doc, { ...doc, number: "2/X4", org_id: 999_999 }]).execute()).rejects.toThrow(/không có đơn vị/);
    expect(await db.selectFrom("documents").select("id").where("org_id", "=", org.id).execute()).toEqual([]);
    await db.insertInto("documents").values(doc).execute();
    await expect(db.updateTable("documents").set({ org_id: 999_999 }).where("org_id", "=", org.id).execute()).rejects.toThrow(/không có đơn vị/);
    await expect(db.deleteFrom("org_units").where("id", "=", org.id).execute()).rejects.toThrow(/còn văn bản/);
    await db.deleteFrom("documents").where("org_id", "=", org.id).execute();
    await db.deleteFrom("org_units").where("id", "=", org.id).execute();
  });

  it("loads rows through the bulk COPY path and rolls back on error", async () => {
    const { db, bulk } = t.handle;
    const org = await db.insertInto("org_units").values({ code: "X2", name: "Xã 2", level: "commune", bloc: "state", parent_id: null }).returning("id").executeTakeFirstOrThrow();
    await bulk(async (s) => {
      await s.copyCsv("documents", ["org_id", "number", "type_code", "issued_on", "search_text"], `${org.id},10/UBND,CV,2026-03-01,10/ubnd\n${org.id},"11/UBND, ""x""",CV,2026-03-02,11/ubnd\n`);
    });
    await expect(
      bulk(async (s) => {
        await s.copyCsv("documents", ["org_id", "number", "type_code", "issued_on", "search_text"], `${org.id},12/UBND,CV,2026-03-03,12/ubnd\n`);
        await s.query("select 1/0");
      }),
    ).rejects.toThrow();
    const numbers = (await db.selectFrom("documents").select("number").where("org_id", "=", org.id).orderBy("number").execute()).map((r) => r.number);
    expect(numbers).toEqual(["10/UBND", '11/UBND, "x"']);
  });
});
