import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../../server/src/imports/import.service.js";
import { buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { fixture, multipart, sheetTime, tempDir, writeXlsx } from "./import-files.js";

type Headers = Record<string, string>;

describe(`imports over HTTP (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let officerB: Headers;
  let officerC: Headers;
  let viewerB: Headers;
  let adminTinh: Headers;
  const dir = tempDir();
  const orgId = (code: string) => t.ctx.orgs.byCode(code)?.id ?? -1;
  const upload = (kind: string, fileName: string, content: Buffer | string, headers: Headers = {}) => {
    const body = multipart(fileName, content);
    return t.app.inject({ method: "POST", url: `/api/imports/${kind}`, payload: body.payload, headers: { ...body.headers, ...headers } });
  };
  const numbersOf = async (code: string) =>
    (await t.ctx.handle.db.selectFrom("documents").select("number").where("org_id", "=", orgId(code)).execute()).map((d) => d.number);

  beforeAll(async () => {
    t = await startTestApp();
    await importFile(t.ctx, { kind: "orgs", filePath: fixture("orgs.csv"), user: null });
    officerB = (await buildUser(t.ctx, orgId("XA_B"), "officer")).headers;
    officerC = (await buildUser(t.ctx, orgId("XA_C"), "officer")).headers;
    viewerB = (await buildUser(t.ctx, orgId("XA_B"), "viewer")).headers;
    adminTinh = (await buildUser(t.ctx, orgId("TINH"), "admin")).headers;
  });
  afterAll(async () => t.close());

  const csvB = "org_code,number,type,issued_on,subject\nXA_B,1/QĐ-UBND,QĐ,2026-02-01,Một\nXA_B,2/KH-UBND,KH,2026-02-02,Hai\n";

  it("needs a session (401) for every import route", async () => {
    expect((await upload("documents", "a.csv", csvB)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/imports/1" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/imports/templates/documents.csv" })).statusCode).toBe(401);
  });

  it("imports an upload of the officer's own unit", async () => {
    const res = await upload("documents", "so-van-ban.csv", csvB, officerB);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ jobId: expect.any(Number), rows: 2, inserted: 2, updated: 0, ignoredColumns: [] });
    expect((await numbersOf("XA_B")).sort()).toEqual(["1/QĐ-UBND", "2/KH-UBND"]);
    const again = await upload("documents", "so-van-ban.csv", csvB, officerB);
    expect(again.json()).toMatchObject({ rows: 2, inserted: 0, updated: 0 });
  });

  it("refuses (403) a file with rows of another commune, writing none of its rows", async () => {
    const csv = "org_code,number,type,issued_on,subject\nXA_B,3/QĐ-UBND,QĐ,2026-02-03,Ba\nXA_C,4/QĐ-UBND,QĐ,2026-02-04,Bốn\n";
    const res = await upload("documents", "lan.csv", csv, officerB);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: "FORBIDDEN", details: { row: 2, org: "XA_C" } });
    expect(res.json().message).toMatch(/Dòng 2.*XA_C/);
    expect(await numbersOf("XA_B")).not.toContain("3/QĐ-UBND");
    expect(await numbersOf("XA_C")).toEqual([]);
  });

  it("refuses roles that may not import (403)", async () => {
    expect((await upload("documents", "a.csv", csvB, viewerB)).statusCode).toBe(403);
    const orgs = "code,name,parent_code,level,bloc\nXA_Z,Xã Z,XA_B,office,state\n";
    expect((await upload("orgs", "orgs.csv", orgs, officerB)).statusCode).toBe(403);
    const res = await upload("orgs", "orgs.csv", orgs, adminTinh);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 1 });
  });

  it("answers 422 with every bad row", async () => {
    const res = await upload("documents", "loi.csv", "org_code,number,type,issued_on,subject\nXA_B,5/QĐ,QĐ,2026-02-30,x\nXA_B,6/QĐ,ZZ,2026-02-01,y\n", officerB);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: "IMPORT_INVALID",
      message: expect.stringContaining("2 dòng lỗi"),
      details: { errorCount: 2, errors: [expect.stringMatching(/^row 1: issued_on: /), expect.stringMatching(/^row 2: type: /)] },
    });
    const job = await t.app.inject({ method: "GET", url: `/api/imports/${await lastJobId()}`, headers: officerB });
    expect(job.json()).toMatchObject({ status: "failed", error: { code: "IMPORT_INVALID" }, errorCount: 2, errors: [expect.stringMatching(/^row 1/), expect.stringMatching(/^row 2/)] });
  });

  it("imports an XLSX upload and refuses other extensions", async () => {
    const path = await writeXlsx(join(dir, "hoi-nghi.xlsx"), [
      ["org_code", "title", "category", "scope", "format", "start", "end"],
      ["XA_B", "Giao ban", "dinh_ky", "noi_bo", "truc_tuyen", sheetTime(2026, 3, 9, 14, 0), sheetTime(2026, 3, 9, 16, 0)],
    ]);
    const res = await upload("meetings", "hoi-nghi.xlsx", readFileSync(path), officerB);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, inserted: 1 });
    expect((await upload("meetings", "hoi-nghi.xls", readFileSync(path), officerB)).statusCode).toBe(400);
  });

  const lastJobId = async () => Number((await t.ctx.handle.db.selectFrom("import_jobs").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id);

  it("shows a job to the user who ran it and to an admin above, not to another commune", async () => {
    const jobId = (await upload("tthc", "tthc.csv", "org_code,period,received,processed_digitally\nXA_B,2026-01,10,9\n", officerB)).json().jobId as number;
    const own = await t.app.inject({ method: "GET", url: `/api/imports/${jobId}`, headers: officerB });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: jobId, kind: "tthc", fileName: "tthc.csv", status: "succeeded", rowsDone: 1, inserted: 1, updated: 0, errors: [], error: null });
    expect((await t.app.inject({ method: "GET", url: `/api/imports/${jobId}`, headers: adminTinh })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/imports/${jobId}`, headers: officerC })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/imports/999999", headers: officerB })).statusCode).toBe(404);
  });

  it.each(["orgs", "documents", "meetings", "tthc"])("serves %s templates (CSV and XLSX) that import back cleanly", async (kind) => {
    for (const format of ["csv", "xlsx"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/imports/templates/${kind}.${format}`, headers: adminTinh });
      expect(res.statusCode).toBe(200);
      if (format === "csv") {
        expect(res.headers["content-type"]).toMatch(/^text\/csv/);
        expect(res.body).toMatch(kind === "orgs" ? /^\uFEFF"Mã \[code\]","Tên \[name\]"/ : /^\uFEFF"Mã đơn vị \[org_code\]"/);
      }
      const back = await upload(kind, `mau.${format}`, res.rawPayload, adminTinh);
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ rows: 0, inserted: 0, updated: 0, ignoredColumns: [] });
    }
  });
});
