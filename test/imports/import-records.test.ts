import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { AppError } from "../../server/src/errors.js";
import { getImportJob, importFile } from "../../server/src/imports/import.service.js";
import { FLUSH_ROWS } from "../../server/src/imports/record-import.service.js";
import type { ImportJobView } from "../../server/src/imports/import.presenter.js";
import { buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { fixture, sheetTime, tempDir, writeCsv, writeXlsx } from "./import-files.js";

/** The IMPORT_INVALID error of an import expected to fail. */
async function importErrors(promise: Promise<unknown>): Promise<{ errors: string[]; errorCount: number }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("IMPORT_INVALID");
  return (error as AppError).details as { errors: string[]; errorCount: number };
}

// every case twice: the rows read and validated in the import's thread (small files) and in a
// worker thread (large files and the CLI's streams) must give the same result
describe.each(["inline", "worker"] as const)(`imports of documents, meetings and TTHC (${TEST_ENGINE}, rows read %s)`, (reader) => {
  let t: TestApp;
  const dir = tempDir();
  const orgId = (code: string) => t.ctx.orgs.byCode(code)?.id ?? -1;
  const documentsOf = (code: string) =>
    t.ctx.handle.db.selectFrom("documents").selectAll().where("org_id", "=", orgId(code)).orderBy("number").execute();
  const rollup = async () =>
    (await t.ctx.handle.db.selectFrom("document_monthly").selectAll().where("n", ">", 0).execute())
      .map((r) => `${r.org_id}:${r.month}:${r.type_code}:${r.legal_normative}:${r.secret}:${r.digitized}:${r.sent_electronically}:${r.n}`)
      .sort();

  /** Rollup rows that differ from a count of the documents themselves (none when exact). */
  const rollupsDrift = async () => {
    const { rows } = await sql<{ drift: string }>`
      with counted as (
        select org_id, date_trunc('month', issued_on)::date as month, type_code, legal_normative, secret, digitized, sent_electronically, count(*) as n
          from documents group by 1, 2, 3, 4, 5, 6, 7),
      tally as (
        select org_id, month, sum(n) filter (where not legal_normative and type_code = 'TB') as admin_tb,
               sum(n) filter (where not secret) as non_secret, sum(n) filter (where not secret and digitized) as digitized,
               sum(n) filter (where not secret and sent_electronically) as sent
          from counted group by 1, 2)
      select 'monthly ' || org_id || ' ' || month as drift from counted c
        full join (select * from document_monthly where n > 0) m using (org_id, month, type_code, legal_normative, secret, digitized, sent_electronically)
       where c.n is distinct from m.n
      union all
      select 'tally ' || org_id || ' ' || month from tally c join document_tally t using (org_id, month)
       where (coalesce(c.admin_tb, 0), coalesce(c.non_secret, 0), coalesce(c.digitized, 0), coalesce(c.sent, 0)) is distinct from (t.admin_tb, t.non_secret, t.digitized, t.sent)`.execute(t.ctx.handle.db);
    return rows.map((r) => r.drift);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await importFile(t.ctx, { kind: "orgs", filePath: fixture("orgs.csv"), user: null });
  });
  afterAll(async () => t.close());

  describe("documents", () => {
    it("imports a CSV with every boolean and date form of the contract", async () => {
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: fixture("documents.csv"), user: null });
      expect(result).toMatchObject({ rows: 5, inserted: 5, updated: 0, ignoredColumns: [] });
      const docs = await documentsOf("SNV");
      const byNumber = new Map(docs.map((d) => [d.number, d]));
      expect(byNumber.get("01/QĐ-SNV")).toMatchObject({
        type_code: "QĐ", issued_on: "2026-01-05", subject: 'Quyết định về việc A, B và "C"', signer: "Nguyễn Văn A",
        legal_normative: false, secret: false, sent_electronically: true, digitized: true, import_id: result.jobId,
      });
      // "Công văn" → CV; DD/MM/YYYY; true/false; an empty signer is null
      expect(byNumber.get("426/SNV-VP")).toMatchObject({ type_code: "CV", issued_on: "2026-01-06", legal_normative: false, sent_electronically: true, signer: null });
      // có/không
      expect(byNumber.get("15/KH-SNV")).toMatchObject({ type_code: "KH", legal_normative: false, secret: false, sent_electronically: true, digitized: true });
      // "x" is true, empty takes the default 0; a lower-case code is recognised
      expect(byNumber.get("16/TB-SNV")).toMatchObject({ type_code: "TB", issued_on: "2026-02-10", legal_normative: false, secret: true, sent_electronically: false, digitized: true });
      expect((await documentsOf("XA_B"))[0]).toMatchObject({ number: "01/BC-UBND", legal_normative: true, digitized: false });

      const job = await t.ctx.handle.db.selectFrom("import_jobs").selectAll().where("id", "=", result.jobId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ kind: "documents", status: "succeeded", rows_done: 5, inserted: 5, updated: 0, user_id: null, file_name: "documents.csv" });
      const audit = await t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "documents").where("entity_id", "=", String(result.jobId)).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.action).toBe("import");
      expect(audit[0]?.after).toEqual({ file: "documents.csv", inserted: 5, updated: 0, rows: 5 });
    });

    it("re-importing the same file changes nothing; a changed row is updated", async () => {
      const before = await rollup();
      const again = await importFile(t.ctx, { reader, kind: "documents", filePath: fixture("documents.csv"), user: null });
      expect(again).toMatchObject({ rows: 5, inserted: 0, updated: 0 });
      expect(await documentsOf("SNV")).toHaveLength(4);
      expect(await rollup()).toEqual(before);

      const changed = readFileSync(fixture("documents.csv"), "utf8").replace("Kế hoạch thực hiện,không,không,có,có", "Kế hoạch thực hiện (sửa),không,không,có,không");
      const path = join(dir, "documents-changed.csv");
      writeCsv(path, [changed.trimEnd()]);
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: path, user: null });
      expect(result).toMatchObject({ rows: 5, inserted: 0, updated: 1 });
      const kh = (await documentsOf("SNV")).find((d) => d.number === "15/KH-SNV");
      expect(kh).toMatchObject({ subject: "Kế hoạch thực hiện (sửa)", digitized: false, import_id: result.jobId });
      // the rollup moved the document from "digitised" to "not digitised", counts unchanged in total
      const total = (rows: string[]) => rows.reduce((sum, r) => sum + Number(r.split(":").at(-1)), 0);
      expect(total(await rollup())).toBe(total(before));
      expect(await rollup()).not.toEqual(before);
    });

    it("reads Vietnamese headers in any case, a ';' delimiter and a BOM, ignoring unknown columns", async () => {
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: fixture("documents-vi.csv"), user: null });
      expect(result).toMatchObject({ rows: 2, inserted: 2, updated: 0, ignoredColumns: ["STT"] });
      const docs = await documentsOf("XA_B");
      expect(docs.find((d) => d.number === "12/QĐ-UBND")).toMatchObject({ type_code: "QĐ", issued_on: "2026-01-15", legal_normative: true, secret: false, signer: "Lê Văn C" });
    });

    it("imports an XLSX with date, boolean and number cells", async () => {
      const path = await writeXlsx(join(dir, "documents.xlsx"), [
        ["Mã đơn vị", "Số ký hiệu", "Loại", "Ngày ban hành", "Trích yếu", "QPPL", "Mật", "Gửi điện tử", "Số hóa", "Người ký"],
        ["XA_C", "5/QĐ-UBND", "QĐ", sheetTime(2026, 5, 4), "Ô ngày kiểu Date", false, 0, true, 1, "A"],
        ["XA_C", 6, "Kế hoạch", "04/05/2026", "Số ký hiệu là số", "có", "không", "x", null, null],
        [],
        ["XA_C", "7/TB-UBND", "TB", "2026-05-06", "Sau một dòng trống", 1, 0, 1, 1, "B"],
      ]);
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: path, user: null });
      expect(result).toMatchObject({ rows: 3, inserted: 3, updated: 0 });
      const docs = new Map((await documentsOf("XA_C")).map((d) => [d.number, d]));
      expect(docs.get("5/QĐ-UBND")).toMatchObject({ issued_on: "2026-05-04", legal_normative: false, secret: false, sent_electronically: true, digitized: true });
      expect(docs.get("6")).toMatchObject({ type_code: "KH", issued_on: "2026-05-04", legal_normative: true, sent_electronically: true, digitized: false, signer: null });
      expect(docs.get("7/TB-UBND")).toMatchObject({ issued_on: "2026-05-06" });
      expect((await importFile(t.ctx, { reader, kind: "documents", filePath: path, user: null })).inserted).toBe(0);
    });

    it("lists every bad row with row, column and reason, and writes nothing", async () => {
      const docsBefore = await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      const rollupBefore = await rollup();
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: fixture("documents-bad.csv"), user: null }));
      expect(details).toEqual({
        errorCount: 5,
        errors: [
          'row 2: org_code: không tìm thấy đơn vị có mã "KHONG_CO"',
          "row 3: issued_on: ngày không tồn tại; không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)",
          expect.stringMatching(/^row 4: type: không phải loại văn bản hợp lệ/),
          expect.stringMatching(/^row 5: legal_normative: không phải giá trị có\/không hợp lệ/),
          "row 6: number: trống; cần số ký hiệu",
        ],
      });
      // the valid first row was not written either, and the rollup did not move
      expect((await documentsOf("SNV")).map((d) => d.number)).not.toContain("90/QĐ-SNV");
      expect(await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).toEqual(docsBefore);
      expect(await rollup()).toEqual(rollupBefore);
      const job = await t.ctx.handle.db.selectFrom("import_jobs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: "failed", inserted: 0, rows_done: 6 });
      expect(job.errors).toMatchObject({ error: "IMPORT_INVALID", errorCount: 5 });
    });

    it("refuses keys repeated inside one file", async () => {
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: fixture("documents-dup.csv"), user: null }));
      expect(details).toEqual({ errorCount: 1, errors: ["row 3: number: trùng với dòng 1"] });
      expect((await documentsOf("SNV")).map((d) => d.number)).not.toContain("70/QĐ-SNV");
    });

    it("writes a file larger than one chunk, and refuses it whole for a key repeated chunks apart", async () => {
      const rows = FLUSH_ROWS + 50;
      const line = (i: number) => `SNV,${i}/CHUNK,CV,2026-03-${String((i % 28) + 1).padStart(2, "0")},Công văn số ${i},0,0,1,1`;
      const header = "org_code,number,type,issued_on,subject,legal_normative,secret,sent_electronically,digitized";
      const lines = Array.from({ length: rows }, (_, i) => line(i));
      const docsBefore = await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      const rollupBefore = await rollup();

      // data row 2 is repeated a chunk later, and a row of the second chunk within that chunk
      const duplicated = writeCsv(join(dir, "chunks-dup.csv"), [header, ...lines, line(1), line(rows - 10)]);
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: duplicated, user: null }));
      expect(details.errors).toEqual([`row ${rows + 1}: number: trùng với dòng 2`, `row ${rows + 2}: number: trùng với dòng ${rows - 9}`]);
      expect(await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).toEqual(docsBefore);
      expect(await rollup()).toEqual(rollupBefore);
      // a repeat that only the second chunk's key lookup meets (the first chunk's keys were not
      // kept: the file is read again up to the second chunk for them)
      const lookedUp = writeCsv(join(dir, "chunks-dup-2.csv"), [header, ...lines, line(7)]);
      expect((await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: lookedUp, user: null }))).errors).toEqual([`row ${rows + 1}: number: trùng với dòng 8`]);
      expect(await rollup()).toEqual(rollupBefore);

      const clean = writeCsv(join(dir, "chunks.csv"), [header, ...lines]);
      expect(await importFile(t.ctx, { reader, kind: "documents", filePath: clean, user: null })).toMatchObject({ rows, inserted: rows, updated: 0 });
      // the search text the application folded in Node
      const stored = await t.ctx.handle.db.selectFrom("documents").select("search_text").where("number", "=", "12345/CHUNK").executeTakeFirstOrThrow();
      expect(stored.search_text).toBe("12345/chunk cong van so 12345");
      expect(await importFile(t.ctx, { reader, kind: "documents", filePath: clean, user: null })).toMatchObject({ rows, inserted: 0, updated: 0 });
    });

    it("reads an XLSX a second time, up to its second chunk, for the first row of a key repeated there", async () => {
      const rows = Array.from({ length: FLUSH_ROWS + 5 }, (_, i) => ["XA_B", `${i}/XLSX`, "CV", `2026-07-${String((i % 28) + 1).padStart(2, "0")}`, `Công văn ${i}`]);
      rows.push(rows[2] ?? []); // data row 3, again in the second chunk
      const path = await writeXlsx(join(dir, "chunks-dup.xlsx"), [["org_code", "number", "type", "issued_on", "subject"], ...rows]);
      const before = await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      expect(await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: path, user: null }))).toEqual({ errorCount: 1, errors: [`row ${FLUSH_ROWS + 6}: number: trùng với dòng 3`] });
      expect(await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).toEqual(before);
    });

    it("updates the rows of a file that exist already and COPYs the rest, in every chunk, keeping the rollups exact", async () => {
      const header = "org_code,number,type,issued_on,subject,legal_normative,secret,sent_electronically,digitized";
      const line = (i: number, subject = `Thông báo ${i}`) => `XA_B,${i}/PART,TB,2026-0${(i % 9) + 1}-0${(i % 7) + 1},${subject},0,${i % 5 === 0 ? 1 : 0},${i % 2},${i % 3 === 0 ? 1 : 0}`;
      // every 7th row of a file spanning two chunks is there already; two of those change
      const first = Array.from({ length: FLUSH_ROWS + 100 }, (_, i) => i).filter((i) => i % 7 === 0);
      await importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "part-1.csv"), [header, ...first.map((i) => line(i))]), user: null });
      const late = FLUSH_ROWS + 99 - ((FLUSH_ROWS + 99) % 7); // an existing row of the second chunk
      const all = Array.from({ length: FLUSH_ROWS + 100 }, (_, i) => (i === 14 || i === late ? line(i, "Thông báo (sửa)") : line(i)));
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "part-2.csv"), [header, ...all]), user: null });
      expect(result).toMatchObject({ rows: FLUSH_ROWS + 100, inserted: FLUSH_ROWS + 100 - first.length, updated: 2 });
      const stored = await t.ctx.handle.db.selectFrom("documents").select(["number", "subject", "import_id"]).where("number", "like", "%/PART").execute();
      expect(stored).toHaveLength(FLUSH_ROWS + 100);
      expect(stored.filter((d) => d.subject === "Thông báo (sửa)").map((d) => d.number).sort()).toEqual(["14/PART", `${late}/PART`]);
      // the unchanged existing rows keep the first import's id; the rest carry this one's
      expect(stored.filter((d) => d.import_id === result.jobId)).toHaveLength(FLUSH_ROWS + 100 - first.length + 2);
      expect(await rollupsDrift()).toEqual([]);
      expect(await importFile(t.ctx, { reader, kind: "documents", filePath: join(dir, "part-2.csv"), user: null })).toMatchObject({ inserted: 0, updated: 0 });
    });

    it("undoes a COPY stopped deep in a chunk by a key already there, then writes the chunk through the key lookup", async () => {
      const header = "org_code,number,type,issued_on,subject,digitized";
      const line = (i: number, subject = `Công văn ${i}`) => `XA_C,${i}/DEEP,CV,2026-06-0${(i % 9) + 1},${subject},${i % 2}`;
      const deep = 15_000; // the COPY of the second file has written rows 0 … deep − 1 when it meets this key
      await importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "deep-1.csv"), [header, line(deep)]), user: null });
      const rows = Array.from({ length: FLUSH_ROWS }, (_, i) => (i === deep ? line(i, "Công văn (sửa)") : line(i)));
      const result = await importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "deep-2.csv"), [header, ...rows]), user: null });
      expect(result).toMatchObject({ rows: FLUSH_ROWS, inserted: FLUSH_ROWS - 1, updated: 1 });
      const stored = await t.ctx.handle.db.selectFrom("documents").select(["number", "subject"]).where("number", "like", "%/DEEP").execute();
      expect(stored).toHaveLength(FLUSH_ROWS);
      expect(stored.find((d) => d.number === `${deep}/DEEP`)?.subject).toBe("Công văn (sửa)");
      // the rows of the undone COPY were counted once, by the COPY that stayed
      expect(await rollupsDrift()).toEqual([]);
    });

    it("rolls back every chunk COPYed before a bad row of the last chunk", async () => {
      const header = "org_code,number,type,issued_on,subject";
      const lines = Array.from({ length: FLUSH_ROWS + 30 }, (_, i) => `SNV,${i}/LATE,CV,2026-04-0${(i % 9) + 1},Công văn ${i}`);
      lines.push("SNV,BAD/LATE,CV,2026-02-30,Ngày không có");
      const docsBefore = await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      const tallyBefore = await t.ctx.handle.db.selectFrom("document_tally").selectAll().orderBy("org_id").orderBy("month").execute();
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "late-bad.csv"), [header, ...lines]), user: null }));
      expect(details.errorCount).toBe(1);
      expect(details.errors).toEqual([expect.stringMatching(new RegExp(`^row ${FLUSH_ROWS + 31}: issued_on: `))]);
      expect(await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).toEqual(docsBefore);
      expect(await t.ctx.handle.db.selectFrom("document_tally").selectAll().orderBy("org_id").orderBy("month").execute()).toEqual(tallyBefore);
    });

    it("refuses the whole file at the first row of a unit outside the user's subtree", async () => {
      const officer = (await buildUser(t.ctx, orgId("XA_B"))).user;
      const before = await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      const lines = ["org_code,number,type,issued_on,subject"];
      for (let i = 1; i <= 30; i++) lines.push(`${i === 23 ? "SNV" : "XA_B"},${i}/FORBID,CV,2026-03-0${(i % 9) + 1},Văn bản ${i}`);
      const error = await importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "forbidden.csv"), lines), user: officer }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "FORBIDDEN", details: { row: 23, org: "SNV" } });
      expect((error as AppError).message).toMatch(/^Dòng 23: không có quyền nhập dữ liệu cho đơn vị "SNV"/);
      expect(await t.ctx.handle.db.selectFrom("documents").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).toEqual(before);
    });

    it("reports a header without a required column", async () => {
      const path = writeCsv(join(dir, "no-date.csv"), ["org_code,number,type,subject", "SNV,1/QĐ,QĐ,x"]);
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: path, user: null }));
      expect(details.errors).toEqual([expect.stringMatching(/^header: issued_on: thiếu cột bắt buộc/)]);
    });

    it("refuses a CSV not in UTF-8 and a file that is no XLSX", async () => {
      const ansi = join(dir, "ansi.csv");
      // "Công văn" as Excel's plain CSV would save it in the Vietnamese Windows code page
      writeFileSync(ansi, Buffer.concat([Buffer.from("org_code,number,type,issued_on,subject\nSNV,1/X,C"), Buffer.from([0xf4]), Buffer.from("ng v\u0103n,2026-01-01,x\n", "latin1")]));
      expect((await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: ansi, user: null }))).errors).toEqual([expect.stringMatching(/^file: tệp CSV không ở mã UTF-8/)]);
      const fake = writeCsv(join(dir, "fake.xlsx"), ["org_code,number"]);
      expect((await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: fake, user: null }))).errors).toEqual(["file: không phải tệp XLSX hợp lệ (Excel 2007 trở lên)"]);
    });

    it("keeps the first 1,000 messages and counts every bad row", async () => {
      const lines = ["org_code,number,type,issued_on,subject"];
      for (let i = 1; i <= 1500; i++) lines.push(`SNV,${i}/QĐ-X,QĐ,2026-13-01,x`);
      const details = await importErrors(importFile(t.ctx, { reader, kind: "documents", filePath: writeCsv(join(dir, "many-bad.csv"), lines), user: null }));
      expect(details.errorCount).toBe(1500);
      expect(details.errors).toHaveLength(1000);
      expect(details.errors[999]).toMatch(/^row 1000: issued_on:/);
    });

    it("streams a file larger than one COPY batch, reporting progress", async () => {
      const lines = ["org_code,number,type,issued_on,subject,digitized"];
      for (let i = 1; i <= 25_000; i++) lines.push(`XA_MOI,${i}/CV-BIG,CV,2026-0${(i % 9) + 1}-15,Văn bản ${i},${i % 2}`);
      const progress: number[] = [];
      const admin = (await buildUser(t.ctx, orgId("TINH"), "admin")).user;
      let jobId = 0;
      let polled: Promise<ImportJobView> | undefined;
      const result = await importFile(t.ctx, {
        reader,
        kind: "documents", filePath: writeCsv(join(dir, "big.csv"), lines), user: null,
        onJob: (id) => (jobId = id),
        onProgress: (n) => {
          progress.push(n);
          // what a poller sees meanwhile (on PGlite the transaction holds the only connection)
          polled ??= getImportJob(t.ctx, admin, jobId);
        },
      });
      expect(result).toMatchObject({ rows: 25_000, inserted: 25_000, updated: 0, jobId });
      expect(await polled).toMatchObject({ id: jobId, status: "running", phase: "reading", rowsDone: progress[0] });
      expect(await getImportJob(t.ctx, admin, jobId)).toMatchObject({ status: "succeeded", phase: null, rowsDone: 25_000, inserted: 25_000 });
      expect(progress.at(-1)).toBe(25_000);
      expect(progress.length).toBeGreaterThan(1);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      const counted = await t.ctx.handle.db.selectFrom("document_monthly").select(sql<number>`sum(n)`.as("n")).where("org_id", "=", orgId("XA_MOI")).executeTakeFirstOrThrow();
      expect(Number(counted.n)).toBe(25_000);
    });
  });

  describe("meetings", () => {
    it("imports a CSV, computing sessions in local time", async () => {
      const result = await importFile(t.ctx, { reader, kind: "meetings", filePath: fixture("meetings.csv"), user: null });
      expect(result).toMatchObject({ rows: 3, inserted: 3, updated: 0 });
      const rows = await t.ctx.handle.db.selectFrom("meetings").selectAll().orderBy("start_at").execute();
      expect(rows.map((m) => [m.title, new Date(m.start_at).toISOString(), m.sessions])).toEqual([
        ["Hội nghị quán triệt Nghị quyết", "2026-03-02T01:00:00.000Z", 1],
        ["Hội nghị chuyên môn", "2026-03-02T06:30:00.000Z", 2],
        ["Hội nghị toàn tỉnh", "2026-04-01T01:00:00.000Z", 4],
      ]);
      expect(rows[0]).toMatchObject({ category: "quan_triet", format: "truc_tuyen", opening_min: 10, conclusion_min: 30, max_contribution_min: null, commune_participants: null, exception_decision: null });
      expect(rows[1]).toMatchObject({ category: "chuyen_mon", format: "ket_hop", commune_participants: true });
      expect(rows[2]).toMatchObject({ scope: "toan_tinh", exception_decision: "123/QĐ-TU", max_contribution_min: 12, commune_participants: true });
      expect((await importFile(t.ctx, { reader, kind: "meetings", filePath: fixture("meetings.csv"), user: null })).inserted).toBe(0);
    });

    it("imports an XLSX with date-time cells, using the settings of the unit's jurisdiction", async () => {
      // XA_C's jurisdiction splits the day at 10:00: 08:00–11:00 touches two sessions there
      await t.ctx.handle.db.insertInto("jurisdiction_settings").values({ org_id: orgId("XA_C"), settings: JSON.stringify({ sessionConvention: { noonMinutes: 600 } }) }).execute();
      const path = await writeXlsx(join(dir, "meetings.xlsx"), [
        ["org_code", "Tên hội nghị", "Loại", "Quy mô", "Hình thức", "Bắt đầu", "Kết thúc", "Có cấp xã dự"],
        ["XA_C", "Họp chuyên môn", "chuyen_mon", "noi_bo", "truc_tiep", sheetTime(2026, 6, 1, 8, 0), sheetTime(2026, 6, 1, 11, 0), false],
        ["XA_B", "Họp chuyên môn", "chuyen_mon", "noi_bo", "truc_tiep", sheetTime(2026, 6, 1, 8, 0), sheetTime(2026, 6, 1, 11, 0), "không"],
      ]);
      const result = await importFile(t.ctx, { reader, kind: "meetings", filePath: path, user: null });
      expect(result).toMatchObject({ rows: 2, inserted: 2 });
      const rows = await t.ctx.handle.db.selectFrom("meetings").selectAll().where("title", "=", "Họp chuyên môn").orderBy("org_id").execute();
      const byOrg = new Map(rows.map((m) => [m.org_id, m]));
      expect(byOrg.get(orgId("XA_C"))).toMatchObject({ sessions: 2, commune_participants: false });
      expect(byOrg.get(orgId("XA_B"))).toMatchObject({ sessions: 1 });
      expect(new Date(byOrg.get(orgId("XA_B"))?.start_at ?? 0).toISOString()).toBe("2026-06-01T01:00:00.000Z");
    });

    it("lists bad meeting rows", async () => {
      const details = await importErrors(importFile(t.ctx, { reader, kind: "meetings", filePath: fixture("meetings-bad.csv"), user: null }));
      expect(details.errors).toEqual([
        "row 1: end: phải sau thời điểm bắt đầu",
        expect.stringMatching(/^row 2: start: thiếu giờ/),
        expect.stringMatching(/^row 3: category: "hoi_thao" không hợp lệ/),
      ]);
    });
  });

  describe("tthc", () => {
    it("imports monthly statistics and updates a changed month", async () => {
      expect(await importFile(t.ctx, { reader, kind: "tthc", filePath: fixture("tthc.csv"), user: null })).toMatchObject({ rows: 3, inserted: 3, updated: 0 });
      const path = writeCsv(join(dir, "tthc2.csv"), ["Mã đơn vị,Tháng,Tổng hồ sơ,Xử lý trên môi trường số", "SNV,2026-01,100,100", "SNV,02/2026,120,120"]);
      expect(await importFile(t.ctx, { reader, kind: "tthc", filePath: path, user: null })).toMatchObject({ rows: 2, inserted: 0, updated: 1 });
      const rows = await t.ctx.handle.db.selectFrom("tthc_stats").selectAll().where("org_id", "=", orgId("SNV")).orderBy("month").execute();
      expect(rows.map((r) => [r.month, r.received, r.processed_digitally])).toEqual([["2026-01-01", 100, 100], ["2026-02-01", 120, 120]]);
    });

    it("lists bad TTHC rows and repeated months", async () => {
      expect((await importErrors(importFile(t.ctx, { reader, kind: "tthc", filePath: fixture("tthc-bad.csv"), user: null }))).errors).toEqual([
        "row 1: period: không phải tháng hợp lệ (dạng 2026-05)",
        "row 2: processed_digitally: lớn hơn tổng hồ sơ (11 > 10)",
        expect.stringMatching(/^row 3: received: không phải số nguyên không âm/),
      ]);
      const path = writeCsv(join(dir, "tthc-dup.csv"), ["org_code,period,received,processed_digitally", "XA_B,2026-03,1,1", "XA_B,2026-03,2,2"]);
      expect((await importErrors(importFile(t.ctx, { reader, kind: "tthc", filePath: path, user: null }))).errors).toEqual(["row 2: period: trùng với dòng 1"]);
    });
  });
});
