// Who may do what (issue "Plans and tasks" §8): 401 without a session on every route of the
// feature, and the 403 / 400 / success paths of the routes the other files do not cover.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, createPlan, headersOf, importTable, multipart, planView, type Commune, type Headers } from "./plans-setup.js";

const TABLE = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn\n1\tViệc\tPhòng Kinh tế\tKhông\tBáo cáo\tQuý IV/2026\n2\tViệc khác\tBan Tuyên giáo\tKhông\tBáo cáo\tNăm 2026\n";

describe(`plans access (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let other: Commune;
  let officer: Headers;
  let viewer: Headers;
  let ktOfficer: Headers;
  let otherOfficer: Headers;
  let planId: number;
  let taskId: number;
  let occurrenceId: number;
  let updateId: number;

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    other = await buildCommune(t);
    officer = await headersOf(t, cg.commune.id, "officer");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    ktOfficer = await headersOf(t, cg.kt.id, "officer");
    otherOfficer = await headersOf(t, other.commune.id, "officer");
    planId = await createPlan(t, officer, cg.commune.code);
    expect((await importTable(t, officer, planId, "bang.tsv", TABLE)).statusCode).toBe(200);
    const view = await planView(t, viewer, planId);
    taskId = view.tasks[0]?.id ?? 0;
    occurrenceId = view.tasks[0]?.progress?.next?.id ?? 0;
    const body = multipart("a.txt", "minh chứng", { note: "tệp" });
    const up = await t.app.inject({ method: "POST", url: `/api/occurrences/${occurrenceId}/updates`, headers: { ...ktOfficer, ...body.headers }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(201);
    updateId = (up.json() as { update: { id: number } }).update.id;
  });
  afterAll(async () => t.close());

  it("answers 401 without a session on every route, before validating anything", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/plans"], ["POST", "/api/plans"], ["POST", "/api/plans/draft"], ["GET", "/api/plans/coverage"], ["GET", "/api/plans/aliases"],
      ["POST", "/api/plans/aliases"], ["DELETE", "/api/plans/aliases/1"], ["GET", `/api/plans/${planId}`], ["PATCH", `/api/plans/${planId}`],
      ["DELETE", `/api/plans/${planId}`], ["POST", `/api/plans/${planId}/tasks`], ["POST", `/api/plans/${planId}/tasks/import`],
      ["GET", `/api/plans/${planId}/tasks/export.xlsx`], ["GET", `/api/plans/${planId}/tasks/export.docx`], ["POST", `/api/plans/${planId}/rematch`],
      ["GET", "/api/tasks"], ["GET", "/api/tasks/overdue"], ["GET", `/api/tasks/${taskId}`], ["PATCH", `/api/tasks/${taskId}`], ["DELETE", `/api/tasks/${taskId}`],
      ["POST", `/api/occurrences/${occurrenceId}/updates`], ["POST", `/api/occurrences/${occurrenceId}/complete`], ["POST", `/api/occurrences/${occurrenceId}/reopen`],
      ["GET", `/api/updates/${updateId}/evidence`], ["GET", "/api/notices"], ["GET", "/api/plans/abc"],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as "GET", url, payload: method === "POST" || method === "PATCH" ? { bogus: 1 } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("documents every route in the OpenAPI description", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining([
      "/api/plans", "/api/plans/draft", "/api/plans/{id}", "/api/plans/{id}/tasks/import", "/api/plans/{id}/tasks/export.xlsx", "/api/plans/aliases",
      "/api/plans/coverage", "/api/tasks", "/api/tasks/overdue", "/api/occurrences/{id}/updates", "/api/notices",
    ]));
  });

  it("import, rematch and adding tasks need write on the issuer; export and evidence need read", async () => {
    for (const headers of [viewer, ktOfficer, otherOfficer]) {
      expect((await importTable(t, headers, planId, "bang.tsv", TABLE)).statusCode).toBe(403);
      expect((await t.app.inject({ method: "POST", url: `/api/plans/${planId}/rematch`, headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks`, headers, payload: { content: "Việc", leadOrgCode: cg.kt.code } })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${planId}/tasks/export.xlsx`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/${planId}/tasks/export.docx`, headers: ktOfficer })).statusCode).toBe(200); // a lead unit reads the plan
    expect((await t.app.inject({ method: "GET", url: `/api/updates/${updateId}/evidence`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: `/api/occurrences/${occurrenceId}/reopen`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await importTable(t, officer, 999999, "a.tsv", TABLE)).statusCode).toBe(404);
  });

  it("answers 400 to an import without a file and to a task without a lead", async () => {
    const noFile = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks/import`, headers: officer, payload: { file: "x" } });
    expect(noFile.statusCode).toBe(400);
    const unsupported = await importTable(t, officer, planId, "bang.odt", "PK");
    expect(unsupported.statusCode).toBe(422);
    expect((unsupported.json() as { details: { errors: string[] } }).details.errors[0]).toMatch(/Không hỗ trợ định dạng/);
    const brokenPdf = await importTable(t, officer, planId, "bang.pdf", "%PDF");
    expect(brokenPdf.statusCode).toBe(422);
    expect((brokenPdf.json() as { details: { errors: string[] } }).details.errors[0]).toMatch(/^Không đọc được «bang\.pdf»/);
    const noLead = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks`, headers: officer, payload: { content: "Việc" } });
    expect(noLead.statusCode).toBe(400);
    const bothLeads = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks`, headers: officer, payload: { content: "Việc", leadText: "Phòng Kinh tế", leadOrgCode: cg.kt.code } });
    expect(bothLeads.statusCode).toBe(400);
    const cell = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks`, headers: officer, payload: { tt: "9", content: "Việc chung", leadText: "Các cơ quan, tổ chức, đơn vị", product: "Báo cáo", deadlineText: "Năm 2026" } });
    expect(cell.statusCode, cell.body).toBe(201);
    expect((cell.json() as { kind: string; fannedTasks: unknown[] })).toMatchObject({ kind: "group" });
    expect((cell.json() as { fannedTasks: unknown[] }).fannedTasks).toHaveLength(4);
  });

  it("aliases: write on the scope, a unit within it, 400 on bad input, and deletion", async () => {
    const body = { alias: "Ban Tuyên giáo", orgCode: cg.vhxh.code };
    expect((await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: viewer, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: otherOfficer, payload: { ...body, scopeCode: cg.commune.code } })).statusCode).toBe(403);
    const outside = await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { ...body, orgCode: other.kt.code } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/^orgCode: /);
    expect((await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { alias: "" , orgCode: cg.kt.code } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { alias: "---", orgCode: cg.kt.code } })).statusCode).toBe(400);
    const first = await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { ...body, orgCode: cg.kt.code } });
    expect(first.statusCode).toBe(201);
    // mapping the same name again (any spelling) replaces the unit
    const again = await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { ...body, alias: "BAN TUYÊN GIÁO" } });
    expect(again.json()).toMatchObject({ id: (first.json() as { id: number }).id, org: { code: cg.vhxh.code } });
    const rematch = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/rematch`, headers: officer });
    expect((rematch.json() as { unmatched: unknown[] }).unmatched).toEqual([]);
    const id = (first.json() as { id: number }).id;
    expect((await t.app.inject({ method: "DELETE", url: `/api/plans/aliases/${id}`, headers: ktOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/plans/aliases/${id}`, headers: officer })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "DELETE", url: `/api/plans/aliases/${id}`, headers: officer })).statusCode).toBe(404);
    expect((await auditRows(t, "org_aliases", id)).map((a) => a.action)).toEqual(["create", "update", "delete"]);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/aliases?org=${other.commune.code}`, headers: officer })).statusCode).toBe(403);
    // the chosen unit stays with the task after the alias is gone, until the next rematch
    const rematched = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/rematch`, headers: officer });
    expect((rematched.json() as { unmatched: Array<{ name: string }> }).unmatched.map((u) => u.name)).toEqual(["Ban Tuyên giáo"]);
  });
});
