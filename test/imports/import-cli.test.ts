import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../../server/src/db/database.js";
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db.js";
import { runCli } from "../helpers/run-cli.js";
import { fixture } from "./import-files.js";

// each run starts a process that compiles the CLI and opens the database: seconds, not millis
const CLI_TIMEOUT = 180_000;

describe(`leloi import (${TEST_ENGINE})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ onDisk: true });
    // PGlite allows one process per data folder: the CLI opens it, we look afterwards
    if (TEST_ENGINE === "pglite") await t.handle.close();
  });
  afterAll(async () => t.drop());

  /** Runs `check` on the database the CLI wrote to. */
  async function inspect<T>(check: (handle: DbHandle) => Promise<T>): Promise<T> {
    if (TEST_ENGINE === "postgres") return check(t.handle);
    const handle = await openDatabase({ dataDir: t.env.LELOI_DATA_DIR, migrate: false });
    try {
      return await check(handle);
    } finally {
      await handle.close();
    }
  }
  const documentNumbers = () => inspect(async (h) => (await h.db.selectFrom("documents").select("number").orderBy("number").execute()).map((d) => d.number));

  it("imports org units and documents, printing a Vietnamese summary", async () => {
    const orgs = await runCli(["import", "orgs", fixture("orgs.csv")], t.env);
    expect(orgs).toMatchObject({ code: 0, stdout: "Đã nhập 7 dòng (mới 7, cập nhật 0)\n" });
    const docs = await runCli(["import", "documents", fixture("documents.csv")], t.env);
    expect(docs).toMatchObject({ code: 0, stdout: "Đã nhập 5 dòng (mới 5, cập nhật 0)\n", stderr: "" });
    expect(await documentNumbers()).toHaveLength(5);
  }, CLI_TIMEOUT);

  it("does not duplicate anything on a second import", async () => {
    const again = await runCli(["import", "documents", fixture("documents.csv")], t.env);
    expect(again).toMatchObject({ code: 0, stdout: "Đã nhập 5 dòng (mới 0, cập nhật 0, không đổi 5)\n" });
    expect(await documentNumbers()).toHaveLength(5);
  }, CLI_TIMEOUT);

  it("lists every bad row, exits 1 and writes nothing", async () => {
    const bad = await runCli(["import", "documents", fixture("documents-bad.csv")], t.env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    const lines = bad.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("row "))).toEqual([
      'row 2: org_code: không tìm thấy đơn vị có mã "KHONG_CO"',
      "row 3: issued_on: ngày không tồn tại; không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)",
      expect.stringMatching(/^row 4: type: /),
      expect.stringMatching(/^row 5: legal_normative: /),
      "row 6: number: trống; cần số ký hiệu",
    ]);
    expect(lines.at(-1)).toBe("Tệp có 5 dòng lỗi; không dòng nào được ghi");
    expect(await documentNumbers()).not.toContain("90/QĐ-SNV");
  }, CLI_TIMEOUT);

  it("reports a missing file or an unknown kind", async () => {
    const missing = await runCli(["import", "documents", "/khong/co/tep.csv"], t.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/);
    const unknown = await runCli(["import", "vanban", fixture("documents.csv")], t.env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/vanban/);
  }, CLI_TIMEOUT);
});
