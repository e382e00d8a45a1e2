// Tasks (issue "Plans and tasks" §4–§5): edits recompute T2 and "6 rõ"; re-import keeps app edits
// the file did not change; the cascade from a provincial plan to a commune's own plan; "my unit's
// tasks"; coverage of upper tasks no lower task concretises.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, createPlan, headersOf, importTable, planView, type Commune, type Headers, type TaskView } from "./plans-setup.js";

const HEADER = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn";
const tsv = (...rows: string[][]) => [HEADER, ...rows.map((r) => r.join("\t"))].join("\n");

type Detail = TaskView & {
  plan: { id: number }; occurrences: Array<{ id: number; period: string; due: string; status: string; completedOn: string | null }>;
  fannedTasks: TaskView[]; parentTask: { id: number } | null; canEdit: boolean; canReport: boolean;
};

describe(`tasks, cascade and coverage (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let other: Commune;
  let provincial: Headers;
  let officer: Headers;
  let viewer: Headers;
  let officeOfficer: Headers;
  let otherOfficer: Headers;
  let provPlan: number;
  let communePlan: number;

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    other = await buildCommune(t, cg.province);
    provincial = await headersOf(t, cg.province.id, "aggregator");
    officer = await headersOf(t, cg.commune.id, "officer");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    officeOfficer = await headersOf(t, cg.kt.id, "officer");
    otherOfficer = await headersOf(t, other.commune.id, "officer");
    provPlan = await createPlan(t, provincial, cg.province.code, { number: "498/KH-UBND", issuedOn: "2026-04-10" });
    const res = await importTable(t, provincial, provPlan, "tinh.tsv", tsv(
      ["1", "Xây dựng kế hoạch triển khai của địa phương", "Các sở, ban, ngành tỉnh, địa phương", "Sở Nội vụ", "Kế hoạch", "Chậm nhất 15/5/2026"],
      ["2", "Báo cáo kết quả thực hiện", cg.commune.code, "Không", "Báo cáo", "Hằng quý, 6 tháng, năm"],
    ));
    expect(res.statusCode, res.body).toBe(200);
    communePlan = await createPlan(t, officer, cg.commune.code, { number: "153a/KH-UBND" });
    const imported = await importTable(t, officer, communePlan, "xa.tsv", tsv(
      ["1", "Ban hành quy định chuyển đổi số", "Phòng Kinh tế; Phòng Văn hóa - Xã hội", "Các cơ quan, tổ chức, đơn vị", "Quy định", "Năm 2026"],
      ["2", "Rà soát quy chế làm việc", "Văn phòng HĐND và UBND xã", "Các cơ quan, tổ chức, đơn vị", "Quy chế", "Thường xuyên"],
      ["3", "Cắt giảm văn bản hành chính", "Các cơ quan, tổ chức, đơn vị", "Văn phòng HĐND và UBND xã", "Báo cáo", "Năm 2026"],
    ));
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(async () => t.close());

  const taskOf = async (planId: number, pick: (x: TaskView) => boolean) => {
    const found = (await planView(t, viewer, planId)).tasks.find(pick);
    if (!found) throw new Error("task not found");
    return found;
  };
  const patch = (headers: Headers, id: number, payload: Record<string, unknown>) => t.app.inject({ method: "PATCH", url: `/api/tasks/${id}`, headers, payload });

  it("fixes a T2 breach by choosing the lead; flags are recomputed and the edit audited", async () => {
    const row1 = await taskOf(communePlan, (x) => x.tt === "1");
    expect(row1.flags.t2.breach).toBe(true);
    expect((await patch(officer, row1.id, { leadOrgCode: cg.province.code })).statusCode).toBe(400); // outside the issuer's subtree
    const res = await patch(officer, row1.id, { leadOrgCode: cg.kt.code });
    expect(res.statusCode, res.body).toBe(200);
    const fixed = res.json() as Detail;
    expect(fixed).toMatchObject({ lead: { code: cg.kt.code }, leadManual: true, flags: { t2: { breach: false }, allClear: true } });
    expect((await planView(t, viewer, communePlan)).summary.t2Breaches).toBe(0);
    const audit = await auditRows(t, "plan_tasks", row1.id);
    expect(audit.map((a) => a.action)).toEqual(["update"]);
    // re-importing the original table keeps the chosen lead
    const again = await importTable(t, officer, communePlan, "xa.tsv", tsv(
      ["1", "Ban hành quy định chuyển đổi số", "Phòng Kinh tế; Phòng Văn hóa - Xã hội", "Các cơ quan, tổ chức, đơn vị", "Quy định", "Năm 2026"],
    ));
    expect((again.json() as { tasks: { created: number; unchanged: number } }).tasks).toMatchObject({ created: 0, unchanged: 1 });
    expect((await taskOf(communePlan, (x) => x.tt === "1")).lead?.code).toBe(cg.kt.code);
  });

  it("recomputes rõ thời gian when the deadline or a review cadence is set, and regenerates dues", async () => {
    const row2 = await taskOf(communePlan, (x) => x.tt === "2");
    expect(row2.flags.sixClear?.time?.ok).toBe(false);
    let res = await patch(officer, row2.id, { reviewCadence: "quarter" });
    expect(res.statusCode, res.body).toBe(200);
    let d = res.json() as Detail;
    expect(d.flags.sixClear?.time?.ok).toBe(true);
    expect(d.occurrences.map((o) => o.period)).toEqual(["2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3", "2027Q4"]);
    res = await patch(officer, row2.id, { deadlineText: "Quý IV/2026", reviewCadence: null });
    d = res.json() as Detail;
    expect(d.schedule).toMatchObject({ kind: "date", due: "2026-12-31" });
    expect(d.occurrences.map((o) => [o.period, o.due])).toEqual([["2026Q4", "2026-12-31"]]);
    expect(d.flags.allClear).toBe(true);
  });

  it("keeps an edit made in the app across a re-import of the same file, and takes what the file changed", async () => {
    const row3 = (await planView(t, viewer, communePlan)).tasks.find((x) => x.tt === "3" && x.fannedFromTaskId !== null && x.lead?.code === cg.kt.code);
    if (!row3) throw new Error("fanned task missing");
    expect((await patch(officer, row3.id, { product: "Báo cáo riêng của Phòng Kinh tế" })).statusCode).toBe(200);
    const file = (product: string) => tsv(["3", "Cắt giảm văn bản hành chính", "Các cơ quan, tổ chức, đơn vị", "Văn phòng HĐND và UBND xã", product, "Năm 2026"]);
    await importTable(t, officer, communePlan, "xa.tsv", file("Báo cáo"));
    expect((await taskOf(communePlan, (x) => x.id === row3.id)).product).toBe("Báo cáo riêng của Phòng Kinh tế");
    await importTable(t, officer, communePlan, "xa.tsv", file("Báo cáo kết quả cắt giảm"));
    expect((await taskOf(communePlan, (x) => x.id === row3.id)).product).toBe("Báo cáo kết quả cắt giảm");
  });

  it("deletes a fanned task for good: a rematch does not bring it back", async () => {
    const view = await planView(t, viewer, communePlan);
    const group = view.tasks.find((x) => x.tt === "3" && x.kind === "group");
    const pvhcc = view.tasks.find((x) => x.fannedFromTaskId === group?.id && x.lead?.code === cg.pvhcc.code);
    if (!pvhcc) throw new Error("fanned task missing");
    expect((await patch(officer, pvhcc.id, { leadOrgCode: cg.kt.code })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "DELETE", url: `/api/tasks/${pvhcc.id}`, headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/tasks/${pvhcc.id}`, headers: officer })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "POST", url: `/api/plans/${communePlan}/rematch`, headers: officer })).statusCode).toBe(200);
    const after = await planView(t, viewer, communePlan);
    expect(after.tasks.filter((x) => x.fannedFromTaskId === group?.id).map((x) => x.lead?.code).sort()).toEqual([cg.kt.code, cg.vhxh.code, cg.vp.code].sort());
    expect((await auditRows(t, "plan_tasks", pvhcc.id)).map((a) => a.action)).toEqual(["delete"]);
  });

  it("fans group rows out to a unit created since, on rematch", async () => {
    const office = await buildOrg(t.ctx, { name: "Trung tâm Dịch vụ tổng hợp", parentId: cg.commune.id, level: "office" });
    const res = await t.app.inject({ method: "POST", url: `/api/plans/${communePlan}/rematch`, headers: officer });
    expect((res.json() as { tasks: { created: number } }).tasks.created).toBe(1);
    const view = await planView(t, viewer, communePlan);
    const group = view.tasks.find((x) => x.tt === "3" && x.kind === "group");
    expect(view.tasks.filter((x) => x.fannedFromTaskId === group?.id).map((x) => x.lead?.code)).toContain(office.code);
  });

  it("fans a provincial group row out to each commune, and lists a commune's own tasks with their statuses", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.commune.code}`, headers: viewer });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { today: string; items: Array<{ tt: string; plan: { id: number }; occurrences: Array<{ status: string }> }> };
    expect(list.today).toBe("2026-06-15");
    expect(list.items.map((x) => [x.plan.id, x.tt])).toEqual([[provPlan, "1"], [provPlan, "2"]]);
    expect(list.items[0]?.occurrences.map((o) => o.status)).toEqual(["qua_han_chua_hoan_thanh"]);
    const overdue = await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.commune.code}&status=qua_han_chua_hoan_thanh`, headers: viewer });
    expect((overdue.json() as typeof list).items.map((x) => x.tt)).toEqual(["1", "2"]); // row 2's 2026Q1 report is overdue too
    const soon = await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.commune.code}&dueWithin=20`, headers: viewer });
    expect((soon.json() as typeof list).items.map((x) => x.tt)).toEqual(["2"]); // Q2 and S1 due 30/06
    const offices = await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.kt.code}`, headers: officeOfficer });
    expect((offices.json() as typeof list).items.map((x) => x.plan.id).every((id) => id === communePlan)).toBe(true);
    expect((await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.commune.code}`, headers: officeOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/tasks?org=${cg.commune.code}&status=xong`, headers: viewer })).statusCode).toBe(400);
  });

  it("links a commune task to the upper task it concretises, and checks the link", async () => {
    const prov = await planView(t, provincial, provPlan);
    const mine = prov.tasks.find((x) => x.tt === "1" && x.lead?.code === cg.commune.code);
    const theirs = prov.tasks.find((x) => x.tt === "1" && x.lead?.code === other.commune.code);
    if (!mine || !theirs) throw new Error("fanned tasks missing");
    const add = (parentTaskId: number) => t.app.inject({
      method: "POST", url: `/api/plans/${communePlan}/tasks`, headers: officer,
      payload: { tt: "4", content: "Ban hành kế hoạch của xã", leadOrgCode: cg.vp.code, coordinatorsText: "Không", product: "Kế hoạch", deadlineText: "Chậm nhất 15/5/2026", parentTaskId },
    });
    const wrong = await add(theirs.id);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/^parentTaskId: /);
    const own = await taskOf(communePlan, (x) => x.tt === "2");
    expect((await add(own.id)).statusCode).toBe(400); // a task of the same plan
    const res = await add(mine.id);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Detail;
    expect(created).toMatchObject({ parentTask: { id: mine.id }, lead: { code: cg.vp.code }, leadManual: true, canEdit: true });
    expect((await add(mine.id)).statusCode).toBe(409); // same TT and lead
    expect((await auditRows(t, "plan_tasks", created.id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("lists per unit the upper tasks its own plans never concretise", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/plans/coverage?org=${cg.province.code}`, headers: provincial });
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json() as { units: Array<{ org: { code: string }; assigned: number; covered: number; uncovered: Array<{ tt: string; plan: { id: number } }> }> };
    const mine = cov.units.find((u) => u.org.code === cg.commune.code);
    expect(mine).toMatchObject({ assigned: 2, covered: 1 });
    expect(mine?.uncovered.map((x) => [x.plan.id, x.tt])).toEqual([[provPlan, "2"]]);
    expect(cov.units.find((u) => u.org.code === other.commune.code)).toMatchObject({ assigned: 1, covered: 0 });
    // the commune's offices: their tasks come from the commune's plan, none concretised below
    expect(cov.units.find((u) => u.org.code === cg.kt.code)?.covered).toBe(0);
    const commune = await t.app.inject({ method: "GET", url: `/api/plans/coverage?org=${cg.commune.code}`, headers: viewer });
    expect((commune.json() as typeof cov).units.map((u) => u.org.code)).not.toContain(other.commune.code);
    expect((await t.app.inject({ method: "GET", url: `/api/plans/coverage?org=${cg.province.code}`, headers: viewer })).statusCode).toBe(403);
  });

  it("shows one task with its occurrences, and who may edit or report", async () => {
    const prov = await planView(t, provincial, provPlan);
    const row2 = prov.tasks.find((x) => x.tt === "2");
    const res = await t.app.inject({ method: "GET", url: `/api/tasks/${row2?.id}`, headers: officer });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d).toMatchObject({ canEdit: false, canReport: true, plan: { id: provPlan } });
    // "Hằng quý, 6 tháng, năm" to the end of next year: 4 + 2 + 1 per year
    expect(d.occurrences).toHaveLength(14);
    expect(d.occurrences.slice(0, 3).map((o) => [o.period, o.due, o.status])).toEqual([
      ["2026Q1", "2026-03-31", "qua_han_chua_hoan_thanh"], ["2026Q2", "2026-06-30", "chua_thuc_hien"], ["2026S1", "2026-06-30", "chua_thuc_hien"],
    ]);
    // the other commune leads a task of the provincial plan, so it reads the plan; a stranger does not
    expect((await t.app.inject({ method: "GET", url: `/api/tasks/${row2?.id}`, headers: otherOfficer })).statusCode).toBe(200);
    const stranger = await headersOf(t, (await buildCommune(t)).commune.id, "admin");
    expect((await t.app.inject({ method: "GET", url: `/api/tasks/${row2?.id}`, headers: stranger })).statusCode).toBe(403);
    expect((await patch(officer, row2?.id ?? 0, { product: "X" })).statusCode).toBe(403);
    expect((await patch(provincial, row2?.id ?? 0, {})).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/tasks/999999", headers: officer })).statusCode).toBe(404);
  });
});
