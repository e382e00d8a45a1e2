// Task-table import (issue "Plans and tasks" §2–§4) with seed 004's appendix against a commune
// like Cẩm Giàng: fan-out, the T2 breach of row 9, "Thường xuyên" failing rõ thời gian, names to
// map once, idempotent re-import, all or nothing, export in the same layout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import {
  auditRows, buildCommune, createPlan, headersOf, importTable, planFixture, planView, SEED_004, type Commune, type Headers,
} from "./plans-setup.js";

type ImportJson = {
  planId: number; rows: number; warnings: string[];
  tasks: { created: number; updated: number; unchanged: number }; groups: { created: number; updated: number; unchanged: number };
  summary: { tasks: number; groups: number; allClear: number; shareAllClear: number | null; t2Breaches: number; unmatchedLeads: number; timeNotClear: number };
  breaches: Array<{ tt: string; leadNames: string[] }>;
  unmatched: Array<{ name: string; rows: number[]; tts: string[]; candidates: unknown[] }>;
  unknownDeadlines: unknown[];
};

describe(`task-table import (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let officer: Headers;
  let viewer: Headers;
  let planId: number;
  let first: ImportJson;

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    officer = await headersOf(t, cg.commune.id, "officer");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    planId = await createPlan(t, officer, cg.commune.code);
    const res = await importTable(t, officer, planId, "ke-hoach-153a.txt", planFixture(SEED_004));
    expect(res.statusCode, res.body).toBe(200);
    first = res.json() as ImportJson;
  });
  afterAll(async () => t.close());

  it("imports seed 004's 14 rows as 29 tasks: 5 group rows fanned out to the commune's 4 offices", () => {
    expect(first.rows).toBe(14);
    // rows 2, 3, 7, 8, 11 name "Các cơ quan, tổ chức, đơn vị": 5 × 4 fanned tasks + 9 single-lead rows
    expect(first.tasks).toEqual({ created: 29, updated: 0, unchanged: 0 });
    expect(first.groups).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(first.summary.tasks).toBe(29);
  });

  it("keeps every field of the table and gives each fanned task its unit as sole lead", async () => {
    const expected = JSON.parse(planFixture("seed-004-tasks.expected.json").toString("utf8")) as Array<Record<string, string | number>>;
    const view = await planView(t, viewer, planId);
    const roots = view.tasks.filter((x) => x.fannedFromTaskId === null);
    expect(roots.map((r) => ({ tt: r.tt, content: r.content, lead: r.leadText, coordinators: r.coordinatorsText, product: r.product, deadline: r.deadlineText, sourceRow: r.sourceRow })))
      .toEqual(expected);
    const row3 = roots.find((r) => r.tt === "3");
    expect(row3?.kind).toBe("group");
    const fanned = view.tasks.filter((x) => x.fannedFromTaskId === row3?.id);
    expect(fanned.map((x) => x.lead?.code).sort()).toEqual([cg.kt.code, cg.pvhcc.code, cg.vhxh.code, cg.vp.code].sort());
    expect(fanned.every((x) => x.content === row3?.content && x.deadlineText === "Hàng năm, bắt đầu từ 2026" && x.flags.t2.breach === false)).toBe(true);
    expect(roots.find((r) => r.tt === "1")?.lead?.code).toBe(cg.vhxh.code);
    expect(roots.find((r) => r.tt === "10")?.lead?.code).toBe(cg.pvhcc.code);
  });

  it("flags row 9 (two named leads) as the one T2 breach: one task, no lead until fixed", async () => {
    expect(first.breaches.map((b) => b.tt)).toEqual(["9"]);
    const row9 = (await planView(t, viewer, planId)).tasks.find((x) => x.tt === "9");
    expect(row9?.lead).toBeNull();
    expect(row9?.flags.t2.breach).toBe(true);
    expect(row9?.flags.t2.leads.map((l) => l.code)).toEqual([cg.pvhcc.code, cg.vhxh.code]);
    expect(row9?.flags.sixClear?.responsibility?.ok).toBe(false);
    expect(first.summary.t2Breaches).toBe(1);
  });

  it("fails rõ thời gian for every «Thường xuyên» task (rows 2 ×4, 4, 5) and computes the plan's 6-rõ share", async () => {
    const view = await planView(t, viewer, planId);
    const notTimely = view.tasks.filter((x) => x.kind === "task" && x.flags.sixClear?.time?.ok === false);
    expect(notTimely.map((x) => x.tt).sort()).toEqual(["2", "2", "2", "2", "4", "5"]);
    expect(notTimely.every((x) => x.deadlineText === "Thường xuyên" && x.progress?.occurrences === 0)).toBe(true);
    // all clear: rows 3, 7, 8, 11 (×4), 6, 10, 12, 13 — row 1 lacks coordinators, 9 breaches T2, 14 names no known unit
    expect(view.summary).toMatchObject({ tasks: 29, groups: 5, allClear: 20, shareAllClear: 69, t2Breaches: 1, unmatchedLeads: 1, timeNotClear: 6 });
  });

  it("lists the name matched to no unit, maps it once with an alias, and applies it on rematch", async () => {
    expect(first.unmatched).toEqual([{ name: "Trung tâm Dịch vụ tổng hợp", rows: [220], tts: ["14"], candidates: [] }]);
    const alias = await t.app.inject({ method: "POST", url: "/api/plans/aliases", headers: officer, payload: { alias: "Trung tâm Dịch vụ tổng hợp", orgCode: cg.vp.code } });
    expect(alias.statusCode, alias.body).toBe(201);
    expect(alias.json()).toMatchObject({ alias: "Trung tâm Dịch vụ tổng hợp", org: { code: cg.vp.code }, scope: { code: cg.commune.code } });
    const list = await t.app.inject({ method: "GET", url: "/api/plans/aliases", headers: viewer });
    expect((list.json() as { items: Array<{ alias: string }> }).items.map((a) => a.alias)).toEqual(["Trung tâm Dịch vụ tổng hợp"]);

    const res = await t.app.inject({ method: "POST", url: `/api/plans/${planId}/rematch`, headers: officer });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportJson;
    expect(r.unmatched).toEqual([]);
    expect(r.tasks).toMatchObject({ created: 0, updated: 1 });
    expect(r.summary).toMatchObject({ allClear: 21, unmatchedLeads: 0 });
    const row14 = (await planView(t, viewer, planId)).tasks.find((x) => x.tt === "14");
    expect(row14?.lead?.code).toBe(cg.vp.code);
    expect(row14?.flags.allClear).toBe(true);
    expect((await auditRows(t, "org_aliases")).map((a) => a.action)).toEqual(["create"]);
  });

  it("re-importing the same table changes nothing; the import is audited", async () => {
    const res = await importTable(t, officer, planId, "ke-hoach-153a.txt", planFixture(SEED_004));
    expect(res.statusCode, res.body).toBe(200);
    const again = res.json() as ImportJson;
    expect(again.tasks).toEqual({ created: 0, updated: 0, unchanged: 29 });
    expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: 5 });
    const audit = await auditRows(t, "plans", planId);
    expect(audit.map((a) => a.action)).toEqual(["create", "import", "update", "import"]); // the rematch in between
    expect(audit[1]?.org_id).toBe(cg.commune.id);
    expect(JSON.parse(JSON.stringify(audit[3]?.after))).toMatchObject({ fileName: "ke-hoach-153a.txt", rows: 14, tasks: { unchanged: 29 } });
  });

  it("reads the same table from the seed's XLSX and DOCX files", async () => {
    for (const file of ["seed-004-tasks.xlsx", "seed-004-tasks.docx"]) {
      const other = await createPlan(t, officer, cg.commune.code);
      const res = await importTable(t, officer, other, file, planFixture(file));
      expect(res.statusCode, `${file}: ${res.body}`).toBe(200);
      const r = res.json() as ImportJson;
      expect(r.rows, file).toBe(14);
      expect(r.tasks.created, file).toBe(29);
      expect(r.breaches.map((b) => b.tt), file).toEqual(["9"]);
    }
  });

  it("is all or nothing: a row without content stops the import and writes nothing", async () => {
    const before = await t.ctx.handle.db.selectFrom("plan_tasks").select((eb) => eb.fn.countAll<number>().as("n")).where("plan_id", "=", planId).executeTakeFirstOrThrow();
    const tsv = [
      "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn",
      "20\tViệc mới hợp lệ\tPhòng Kinh tế\tKhông\tBáo cáo\tQuý IV/2026",
      "21\t\tPhòng Kinh tế\tKhông\tBáo cáo\tQuý IV/2026",
      "20\tTrùng số TT\tPhòng Kinh tế\tKhông\tBáo cáo\tNăm 2026",
    ].join("\n");
    const res = await importTable(t, officer, planId, "bang.tsv", tsv);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: string; details: { errors: string[] } };
    expect(body.error).toBe("IMPORT_INVALID");
    expect(body.details.errors).toEqual([
      "row 3: Nội dung công việc: không được để trống",
      "row 4: TT: số TT «20» với cùng cơ quan chủ trì đã có ở dòng 2",
    ]);
    const after = await t.ctx.handle.db.selectFrom("plan_tasks").select((eb) => eb.fn.countAll<number>().as("n")).where("plan_id", "=", planId).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const noTable = await importTable(t, officer, planId, "ghi-chu.md", "Không có bảng nào ở đây.");
    expect(noTable.statusCode).toBe(422);
    expect((noTable.json() as { details: { errors: string[] } }).details.errors[0]).toMatch(/Không tìm thấy dòng tiêu đề/);
  });

  it("exports the table to XLSX and DOCX in the same layout: importing the export gives the same tasks", async () => {
    const original = await planView(t, viewer, planId);
    const rootsOf = (v: typeof original) => v.tasks.filter((x) => x.fannedFromTaskId === null)
      .map((x) => [x.tt, x.content, x.coordinatorsText, x.product, x.deadlineText].join("|")).sort();
    for (const format of ["xlsx", "docx"] as const) {
      const res = await t.app.inject({ method: "GET", url: `/api/plans/${planId}/tasks/export.${format}`, headers: viewer });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-disposition"]).toMatch(new RegExp(`attachment; filename=".*\\.${format}"`));
      const copy = await createPlan(t, officer, cg.commune.code);
      const imported = await importTable(t, officer, copy, `export.${format}`, res.rawPayload);
      expect(imported.statusCode, imported.body).toBe(200);
      expect((imported.json() as ImportJson).tasks.created, format).toBe(29);
      expect(rootsOf(await planView(t, viewer, copy)), format).toEqual(rootsOf(original));
      // and back into the plan it came from: nothing new
      const back = await importTable(t, officer, planId, `export.${format}`, res.rawPayload);
      expect((back.json() as ImportJson).tasks.created, format).toBe(0);
    }
  });
});
