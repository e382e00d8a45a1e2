// A plan document's task table into the plans module (issue "Document intelligence" §1: "for a
// plan, its task table loaded into the plans module"): the task-table import takes any file
// `leloi parse` reads — seed 002 OCR'd as TXT and as a PDF with a text layer, seed 004 as TXT —
// through the same path as a table (fan-out, T2, 6 rõ, audit, all or nothing); the tasks the
// parser could not read come back as warnings, never invented. And "new plan from its document":
// POST /api/plans/draft pre-fills the plan form, upper plan included.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { looseKey } from "../../server/src/domain/texts/fold.js";
import { buildOrg } from "../helpers/test-app.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { pdfWithText } from "../intelligence/pdf-fixture.js";
import {
  auditRows, buildCommune, createPlan, headersOf, importTable, multipart, planFixture, planView, type Commune, type Headers, type OrgRow,
} from "./plans-setup.js";

const SEEDS = join(import.meta.dirname, "..", "fixtures", "seeds");
const SEED_002 = "002_57a8e72d5c205de3.txt";
const SEED_004 = "004_c05ab9e5b4ae4959.txt";
const seed = (name: string): Buffer => readFileSync(join(SEEDS, name));

/** Seed 002 printed to a PDF with a text layer. The fixture's font writes Latin-1 only: the few
 * other characters of the OCR'd text become "?" (quotes, dash, the ligature ﬂ — punctuation to
 * the comparison), except "€", OCR's reading of "ê", written as "e". */
const seed002Pdf = (): Buffer => pdfWithText(seed(SEED_002).toString("utf8").replace(/€/g, "e").split("\n"));

type ExpectedTask = { tt: string; content?: string; lead?: string; coordinators?: string; product?: string; deadline?: string };
/** Seed 002's 17 tasks, written by hand off its OCR'd appendix (fields OCR destroyed left out). */
const EXPECTED_002 = (JSON.parse(readFileSync(join(SEEDS, "expected-metadata.json"), "utf8")) as Record<string, { tasks: ExpectedTask[] }>)[SEED_002]!.tasks;
/** How many of them the parser reads today (test/intelligence/seed-002-tasks.test.ts; raise together). */
const TASKS_READ_002 = 7;

type ImportJson = {
  rows: number; readFrom: "table" | "document" | null; warnings: string[];
  tasks: { created: number; updated: number; unchanged: number }; groups: { created: number };
};

/** The task as imported is the hand-written one, field by field (loosely: OCR'd words). */
function isAsWritten(e: ExpectedTask, a: { content: string; leadText: string; coordinatorsText: string; product: string; deadlineText: string }): boolean {
  const pairs: Array<[string | undefined, string]> = [
    [e.content, a.content], [e.lead, a.leadText], [e.coordinators, a.coordinatorsText], [e.product, a.product], [e.deadline, a.deadlineText],
  ];
  return pairs.every(([x, y]) => x === undefined || looseKey(x) === looseKey(y));
}

describe(`task-table import from a plan document (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let province: OrgRow;
  let cg: Commune;
  let provinceOfficer: Headers;
  let officer: Headers;

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    province = cg.province;
    // departments of the province, so that "Các sở, ban, ngành tỉnh, địa phương" fans out
    for (const name of ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Tư pháp"]) {
      await buildOrg(t.ctx, { code: `${name.replace(/\W+/gu, "")}_${province.code}`, name, parentId: province.id, level: "department" });
    }
    provinceOfficer = await headersOf(t, province.id, "officer");
    officer = await headersOf(t, cg.commune.id, "officer");
  });
  afterAll(async () => t.close());

  /** Imports seed 002 (as `fileName`) into a new provincial plan and checks it against the hand-written tasks. */
  async function importSeed002(fileName: string, content: Buffer) {
    const planId = await createPlan(t, provinceOfficer, province.code, { number: `498/KH-UBND-${fileName}`, issuedOn: "24/04/2026" });
    const res = await importTable(t, provinceOfficer, planId, fileName, content);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as ImportJson;
    const roots = (await planView(t, provinceOfficer, planId)).tasks.filter((x) => x.fannedFromTaskId === null);
    expect(result.rows).toBe(TASKS_READ_002);
    expect(result.readFrom).toBe("document");
    expect(roots).toHaveLength(TASKS_READ_002);
    for (const r of roots) {
      const e = EXPECTED_002.find((x) => x.tt === r.tt);
      expect(e, `TT ${r.tt} is a task of the document`).toBeDefined();
      expect(isAsWritten(e!, r), `TT ${r.tt} as written: ${JSON.stringify(r)}`).toBe(true);
    }
    // every task not imported is named in the warnings, with its line, for the user to type in
    const notRead = EXPECTED_002.filter((e) => !roots.some((r) => r.tt === e.tt)).map((e) => e.tt);
    expect(notRead).toHaveLength(EXPECTED_002.length - TASKS_READ_002);
    expect(result.warnings).toContain(`Bảng nhiệm vụ trong văn bản nhận dạng OCR không có dấu phân cột: đọc được ${TASKS_READ_002}/${EXPECTED_002.length} nhiệm vụ.`);
    for (const tt of notRead) expect(result.warnings.join("\n")).toMatch(new RegExp(`[:;] ${tt} \\(dòng \\d+`));
    return { planId, result, roots };
  }

  it("seed 002 (OCR'd TXT, no column separators): its readable tasks through the import path, the rest named as warnings", async () => {
    const { planId, result, roots } = await importSeed002("ke-hoach-498.txt", seed(SEED_002));
    // a group lead cell of the OCR'd table fans out to the province's departments and communes
    const row3 = roots.find((r) => r.tt === "3");
    expect(row3?.kind).toBe("group");
    const view = await planView(t, provinceOfficer, planId);
    expect(view.tasks.filter((x) => x.fannedFromTaskId === row3?.id).map((x) => x.lead?.name).sort())
      .toEqual(["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Tư pháp", "UBND xã Cẩm Giàng"]);
    expect(result.tasks.created).toBe(view.summary.tasks);
    // audited as an import read from the document, the tasks not read recorded
    const audit = (await auditRows(t, "plans", planId)).filter((a) => a.action === "import");
    expect(audit).toHaveLength(1);
    const after = (typeof audit[0]!.after === "string" ? JSON.parse(audit[0]!.after) : audit[0]!.after) as { readFrom: string; rows: number; notRead: string[] };
    expect(after).toMatchObject({ readFrom: "document", rows: TASKS_READ_002 });
    expect(after.notRead).toEqual(result.warnings);
    // importing the same document again changes nothing
    const again = (await importTable(t, provinceOfficer, planId, "ke-hoach-498.txt", seed(SEED_002))).json() as ImportJson;
    expect(again.tasks).toEqual({ created: 0, updated: 0, unchanged: result.tasks.created });
  });

  it("seed 002 as a PDF with a text layer: the same tasks and warnings", async () => {
    const { result } = await importSeed002("ke-hoach-498.pdf", seed002Pdf());
    expect(result.warnings.join("\n")).not.toMatch(/Không hỗ trợ định dạng/);
  });

  it("seed 004 (clean) as TXT: its 14 rows as the DOCX/Markdown path gives them", async () => {
    const planId = await createPlan(t, officer, cg.commune.code);
    const res = await importTable(t, officer, planId, SEED_004, seed(SEED_004));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 14, readFrom: "table", warnings: [], tasks: { created: 29 } });
    const expected = JSON.parse(planFixture("seed-004-tasks.expected.json").toString("utf8")) as unknown[];
    const roots = (await planView(t, officer, planId)).tasks.filter((x) => x.fannedFromTaskId === null);
    expect(roots.map((r) => ({ tt: r.tt, content: r.content, lead: r.leadText, coordinators: r.coordinatorsText, product: r.product, deadline: r.deadlineText, sourceRow: r.sourceRow })))
      .toEqual(expected);
  });

  it("a document without a task table, or a scanned PDF: 422 saying why, nothing written", async () => {
    const planId = await createPlan(t, officer, cg.commune.code);
    const letter = await importTable(t, officer, planId, "cong-van.txt", seed("000_0acd55e50ef2e5ac.txt"));
    expect(letter.statusCode).toBe(422);
    expect((letter.json() as { details: { errors: string[] } }).details.errors.join("\n")).toMatch(/Không tìm thấy dòng tiêu đề/);
    const scan = await importTable(t, officer, planId, "ban-quet.pdf", pdfWithText([]));
    expect(scan.statusCode).toBe(422);
    expect((scan.json() as { details: { errors: string[] } }).details.errors.join("\n")).toMatch(/không có lớp văn bản/);
    expect((await planView(t, officer, planId)).tasks).toEqual([]);
  });

  it("403 for another unit's plan, whatever the file", async () => {
    const other = await buildCommune(t);
    const otherOfficer = await headersOf(t, other.commune.id, "officer");
    const planId = await createPlan(t, officer, cg.commune.code);
    for (const [name, content] of [[SEED_004, seed(SEED_004)], ["ke-hoach-498.pdf", pdfWithText(["PHU LUC"])]] as const) {
      expect((await importTable(t, otherOfficer, planId, name, content)).statusCode).toBe(403);
    }
    expect((await planView(t, officer, planId)).tasks).toEqual([]);
  });
});

describe(`new plan from its document (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let officer: Headers;
  let qd534: number;

  const draft = (headers: Headers, fileName: string, content: Buffer) => {
    const body = multipart(fileName, content);
    return t.app.inject({ method: "POST", url: "/api/plans/draft", headers: { ...headers, ...body.headers }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    officer = await headersOf(t, cg.commune.id, "officer");
    // the plans seed 004 cites, issued above the commune: QĐ 534 (which it implements) and KH 181 of another unit
    const provinceOfficer = await headersOf(t, cg.province.id, "officer");
    qd534 = await createPlan(t, provinceOfficer, cg.province.code, { number: "534/QĐ-TTg", type: "QĐ", issuedOn: "31/03/2026", title: "Kế hoạch thực hiện Kết luận 226-KL/TW" });
    await createPlan(t, provinceOfficer, cg.province.code, { number: "2347/QĐ-UBND", type: "QĐ", issuedOn: "17/12/2025", title: "Quyết định của tỉnh" });
  });
  afterAll(async () => t.close());

  it("pre-fills the plan from seed 004: issuer, number, type, date, title, the upper plan it cites; then the same file imports its tasks", async () => {
    const res = await draft(officer, "ke-hoach-153a.txt", seed(SEED_004));
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json() as { draft: Record<string, unknown>; parentPlan: { id: number; number: string } | null; tasks: number };
    const expected = (JSON.parse(readFileSync(join(SEEDS, "expected-metadata.json"), "utf8")) as Record<string, { subject: string }>)[SEED_004]!;
    expect(json.draft).toMatchObject({ orgCode: cg.commune.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13", parentPlanId: qd534 });
    expect(looseKey(String(json.draft.title))).toBe(looseKey(expected.subject));
    expect(json.parentPlan).toMatchObject({ id: qd534, number: "534/QĐ-TTg" });
    expect(json.tasks).toBe(14);
    expect(await auditRows(t, "plans")).toHaveLength(2); // nothing written by the draft

    const created = await t.app.inject({ method: "POST", url: "/api/plans", headers: officer, payload: json.draft });
    expect(created.statusCode, created.body).toBe(201);
    const planId = (created.json() as { id: number; parentPlan: { id: number } }).id;
    expect((created.json() as { parentPlan: { id: number } }).parentPlan.id).toBe(qd534);
    const imported = await importTable(t, officer, planId, "ke-hoach-153a.txt", seed(SEED_004));
    expect(imported.json()).toMatchObject({ rows: 14, tasks: { created: 29 } });
  });

  it("seed 002 as PDF: number and date from the OCR'd text, its readable tasks counted, the rest in the notes", async () => {
    const res = await draft(officer, "498.pdf", seed002Pdf());
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json() as { draft: Record<string, unknown>; parentPlan: unknown; tasks: number; notes: string[] };
    expect(json.draft).toMatchObject({ number: "498/KH-UBND", type: "KH", issuedOn: "2026-04-24", orgCode: null });
    expect(json.tasks).toBe(TASKS_READ_002);
    expect(json.notes.join("\n")).toMatch(/Nhiệm vụ chưa đọc \(cần nhập tay\)/);
  });

  it("401 without a session, 403 for a role that may not write, 400 without a file", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/plans/draft", payload: { bogus: 1 } })).statusCode).toBe(401);
    const viewer = await headersOf(t, cg.commune.id, "viewer");
    expect((await draft(viewer, "ke-hoach-153a.txt", seed(SEED_004))).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: "/api/plans/draft", headers: officer, payload: { file: "x" } })).statusCode).toBe(400);
  });
});
