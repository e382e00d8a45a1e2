// POST /api/imports/:kind?async=1: 202 as soon as the job exists, then GET /api/imports/:id
// shows the phase, rows and progress until the import has succeeded or failed.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, READ_IN_WORKER_BYTES } from "../../server/src/imports/import.service.js";
import { buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { fixture, multipart } from "./import-files.js";

type Headers = Record<string, string>;
type JobView = {
  id: number; status: "running" | "succeeded" | "failed"; phase: string | null; progress: number | null;
  rowsDone: number; inserted: number; updated: number; error: { code: string; message: string } | null;
  errors: string[]; errorCount: number; ignoredColumns: string[];
};

const HEADER = "org_code,number,type,issued_on,subject";

/** `n` valid document rows of one unit, numbered from `from`, with `extra` after each subject. */
function documentRows(org: string, n: number, from = 1, extra = ""): string {
  const lines = [HEADER];
  for (let i = from; i < from + n; i += 1) lines.push(`${org},${i}/TB-UBND,TB,2026-03-${String((i % 28) + 1).padStart(2, "0")},Thông báo số ${i} về việc triển khai nhiệm vụ${extra}`);
  return `${lines.join("\n")}\n`;
}

describe(`imports over HTTP in the background (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let officerB: Headers;
  let officerC: Headers;
  let viewerB: Headers;
  const orgId = (code: string) => t.ctx.orgs.byCode(code)?.id ?? -1;

  const upload = (kind: string, fileName: string, content: Buffer | string, headers: Headers = {}, query = "?async=1") => {
    const body = multipart(fileName, content);
    return t.app.inject({ method: "POST", url: `/api/imports/${kind}${query}`, payload: body.payload, headers: { ...body.headers, ...headers } });
  };
  const getJob = (id: number, headers: Headers) => t.app.inject({ method: "GET", url: `/api/imports/${id}`, headers });
  const countOf = async (code: string) =>
    Number((await t.ctx.handle.db.selectFrom("documents").select((e) => e.fn.countAll<number>().as("n")).where("org_id", "=", orgId(code)).executeTakeFirstOrThrow()).n);

  /** Polls the job every 50 ms until it is no longer running; every answer goes to `seen`. */
  async function pollToEnd(id: number, headers: Headers, seen: JobView[] = []): Promise<JobView> {
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const res = await getJob(id, headers);
      expect(res.statusCode).toBe(200);
      const job = res.json<JobView>();
      seen.push(job);
      if (job.status !== "running") return job;
      await sleep(50);
    }
    throw new Error(`import ${id} still running after 4 minutes`);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await importFile(t.ctx, { kind: "orgs", filePath: fixture("orgs.csv"), user: null });
    officerB = (await buildUser(t.ctx, orgId("XA_B"), "officer")).headers;
    officerC = (await buildUser(t.ctx, orgId("XA_C"), "officer")).headers;
    viewerB = (await buildUser(t.ctx, orgId("XA_B"), "viewer")).headers;
  });
  afterAll(async () => t?.close());

  it("answers 202 with the job (and its Location), then the job succeeds with its counts", async () => {
    const csv = `${HEADER},STT\nXA_B,1/QĐ-UBND,QĐ,2026-02-01,Một,1\nXA_B,2/KH-UBND,KH,2026-02-02,Hai,2\n`;
    const res = await upload("documents", "so-van-ban.csv", csv, officerB);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: number }>();
    expect(jobId).toEqual(expect.any(Number));
    expect(res.headers.location).toBe(`/api/imports/${jobId}`);
    const job = await pollToEnd(jobId, officerB);
    expect(job).toMatchObject({ id: jobId, status: "succeeded", phase: null, progress: 1, rowsDone: 2, inserted: 2, updated: 0, error: null, errors: [], errorCount: 0 });
    expect(job.ignoredColumns).toEqual(["STT"]);
    expect(await countOf("XA_B")).toBe(2);
    // the same file again: nothing new, nothing changed
    const again = await pollToEnd((await upload("documents", "so-van-ban.csv", csv, officerB)).json<{ jobId: number }>().jobId, officerB);
    expect(again).toMatchObject({ status: "succeeded", rowsDone: 2, inserted: 0, updated: 0 });
  });

  it("fails a file with bad rows: the job lists row, column and reason, and nothing is written", async () => {
    const before = await countOf("XA_B");
    const csv = `${HEADER}\nXA_B,5/QĐ,QĐ,2026-02-30,x\nXA_B,6/QĐ,ZZ,2026-02-01,y\nXA_B,7/QĐ,QĐ,2026-02-03,z\n`;
    const res = await upload("documents", "loi.csv", csv, officerB);
    expect(res.statusCode).toBe(202);
    const job = await pollToEnd(res.json<{ jobId: number }>().jobId, officerB);
    expect(job).toMatchObject({ status: "failed", progress: null, inserted: 0, updated: 0, error: { code: "IMPORT_INVALID" }, errorCount: 2 });
    expect(job.error?.message).toContain("2 dòng lỗi");
    expect(job.errors).toEqual([expect.stringMatching(/^row 1: issued_on: /), expect.stringMatching(/^row 2: type: /)]);
    expect(await countOf("XA_B")).toBe(before);
  });

  it("fails a file with a row of another commune (FORBIDDEN in the job), writing none of it", async () => {
    const before = await countOf("XA_B");
    const res = await upload("documents", "lan.csv", `${HEADER}\nXA_B,8/QĐ,QĐ,2026-02-03,Tám\nXA_C,9/QĐ,QĐ,2026-02-04,Chín\n`, officerB);
    expect(res.statusCode).toBe(202);
    const job = await pollToEnd(res.json<{ jobId: number }>().jobId, officerB);
    expect(job).toMatchObject({ status: "failed", error: { code: "FORBIDDEN" } });
    expect(job.error?.message).toMatch(/Dòng 2.*XA_C/);
    expect(await countOf("XA_B")).toBe(before);
    expect(await countOf("XA_C")).toBe(0);
  });

  it("answers at once, without a job, what fails before the job exists: no session, no right, bad extension", async () => {
    const csv = documentRows("XA_B", 1, 100);
    const jobsBefore = (await t.ctx.handle.db.selectFrom("import_jobs").select("id").execute()).length;
    expect((await upload("documents", "a.csv", csv)).statusCode).toBe(401);
    expect((await upload("documents", "a.csv", csv, viewerB)).statusCode).toBe(403);
    expect((await upload("orgs", "a.csv", "code,name,parent_code,level,bloc\nXA_Z,Xã Z,XA_B,office,state\n", officerB)).statusCode).toBe(403);
    const xls = await upload("documents", "a.xls", csv, officerB);
    expect(xls.statusCode).toBe(400);
    expect(xls.json().message).toMatch(/\.csv hoặc \.xlsx/);
    expect((await upload("documents", "a.csv", csv, officerB, "?async=maybe")).statusCode).toBe(400);
    expect((await t.ctx.handle.db.selectFrom("import_jobs").select("id").execute()).length).toBe(jobsBefore);
  });

  it("shows the job to its officer only: another commune's officer gets 403", async () => {
    const res = await upload("documents", "b.csv", documentRows("XA_B", 3, 200), officerB);
    const { jobId } = res.json<{ jobId: number }>();
    const job = await pollToEnd(jobId, officerB);
    expect(job.status).toBe("succeeded");
    const other = await getJob(jobId, officerC);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe("FORBIDDEN");
  });

  it("answers polls while a 60,000-row import runs in its reading thread, with its phase, rows and progress", async () => {
    const before = await countOf("XA_B");
    // long subjects: a file big enough to be read in a worker thread, while PGlite's engine runs on this one
    const body = documentRows("XA_B", 60_000, 10_000, " cải cách hành chính, chuyển đổi số và thực hiện Kết luận 226-KL/TW");
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(READ_IN_WORKER_BYTES);
    const res = await upload("documents", "lon.csv", body, officerB);
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: number }>();
    // while it runs, another commune's officer is refused from memory too
    expect((await getJob(jobId, officerC)).statusCode).toBe(403);
    const seen: JobView[] = [];
    const job = await pollToEnd(jobId, officerB, seen);
    const running = seen.filter((j) => j.status === "running");
    // on PGlite the import holds the only connection: these answers came from memory, mid-import
    expect(running.length).toBeGreaterThan(0);
    const midway = running.filter((j) => j.progress !== null && j.progress > 0 && j.progress < 1 && j.rowsDone > 0 && j.rowsDone < 60_000);
    expect(midway.length).toBeGreaterThan(0);
    for (const j of running) {
      expect(["reading", "writing", "checking"]).toContain(j.phase);
      expect(j.progress).not.toBeNull();
      expect(j.progress).toBeLessThan(1);
    }
    // rows and progress never go back
    for (let i = 1; i < running.length; i += 1) {
      expect(running[i]?.rowsDone).toBeGreaterThanOrEqual(running[i - 1]?.rowsDone ?? 0);
      expect(running[i]?.progress ?? 0).toBeGreaterThanOrEqual(running[i - 1]?.progress ?? 0);
    }
    expect(job).toMatchObject({ status: "succeeded", progress: 1, rowsDone: 60_000, inserted: 60_000 });
    expect(await countOf("XA_B")).toBe(before + 60_000);
  }, 300_000);

  it("without async=1 still answers only when the import is done (200 with the result)", async () => {
    const res = await upload("documents", "c.csv", documentRows("XA_B", 2, 300), officerB, "");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ jobId: expect.any(Number), rows: 2, inserted: 2, updated: 0, ignoredColumns: [] });
  });
});
