// The plan indicators P1, T2, T3 (issue "Plans and tasks" §8), computed from stored tasks and
// occurrences by computePlanIndicators — the function the indicator sheet will call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../server/src/domain/period.js";
import { computePlanIndicators } from "../../server/src/plans/plan.indicators.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { buildCommune, createPlan, headersOf, importTable, planView, type Commune, type Headers } from "./plans-setup.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";

describe(`plan indicators P1, T2, T3 (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let officer: Headers;
  const task: Record<string, number> = {};
  const occ: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    officer = await headersOf(t, cg.commune.id, "officer");
    const planId = await createPlan(t, officer, cg.commune.code, { issuedOn: "2026-01-10" });
    const res = await importTable(t, officer, planId, "bang.tsv", [
      "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn",
      "1\tBáo cáo quý\tPhòng Kinh tế\tKhông\tBáo cáo\tHằng quý",
      "2\tBan hành kế hoạch\tPhòng Kinh tế\tKhông\tKế hoạch\tChậm nhất 15/5/2026",
      "3\tViệc hai chủ trì\tPhòng Kinh tế; Phòng Văn hóa - Xã hội\tKhông\tBáo cáo\tNăm 2026",
      "4\tTuyên truyền\tPhòng Văn hóa - Xã hội\tKhông\tTin bài\tThường xuyên",
    ].join("\n"));
    expect(res.statusCode, res.body).toBe(200);
    for (const x of (await planView(t, officer, planId)).tasks) task[x.tt] = x.id;
    const occurrences = await t.ctx.handle.db.selectFrom("task_occurrences").select(["id", "task_id", "period"]).execute();
    for (const o of occurrences) occ[`${Object.keys(task).find((k) => task[k] === o.task_id)}:${o.period}`] = o.id;
    const complete = (key: string, completedOn: string) =>
      t.app.inject({ method: "POST", url: `/api/occurrences/${occ[key]}/complete`, headers: officer, payload: { completedOn } });
    expect((await complete("1:2026Q1", "2026-03-30")).statusCode).toBe(200);
    expect((await complete("2:2026-05", "2026-05-20")).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const compute = (orgIds: number[], period: string, today = "2026-06-15") => computePlanIndicators(t.ctx, { orgIds, period: parsePeriod(period), today, targets: KL226_DEFAULTS.targets });

  it("P1 counts occurrences due in P whose outcome is known: on time / (completed + overdue)", async () => {
    const r = await compute([cg.kt.id], "2026");
    // due in 2026 and known on 15/06: 1:Q1 on time, 2 (15/05) late; 1:Q2..Q4 not yet due
    expect(r.P1).toMatchObject({ value: 50, target: 100, met: false, numerator: 1, denominator: 2, violations: [String(occ["2:2026-05"])] });
    expect((await compute([cg.kt.id], "2026Q1")).P1).toMatchObject({ value: 100, met: true, numerator: 1, denominator: 1, violations: [] });
    const later = await compute([cg.kt.id], "2026", "2026-07-05");
    expect(later.P1).toMatchObject({ numerator: 1, denominator: 3 });
    expect(later.P1.violations).toEqual([String(occ["2:2026-05"]), String(occ["1:2026Q2"])]);
    expect((await compute([cg.vhxh.id], "2026")).P1).toMatchObject({ value: null, met: null, denominator: 0 });
  });

  it("T2 counts tasks naming more than one lead, for each named unit", async () => {
    const kt = await compute([cg.kt.id], "2026");
    expect(kt.T2).toMatchObject({ value: 1, target: 0, met: false, violations: [String(task["3"])] });
    expect((await compute([cg.vhxh.id], "2026")).T2.value).toBe(1);
    const both = await compute([cg.commune.id, cg.kt.id, cg.vhxh.id], "2026");
    expect(both.T2.violations).toEqual([String(task["3"])]);
    expect((await compute([cg.vp.id], "2026")).T2).toMatchObject({ value: 0, met: true, violations: [] });
  });

  it("T3 is the share of the units' tasks meeting all six «rõ»", async () => {
    // Phòng Kinh tế: tasks 1, 2 clear; 3 fails rõ trách nhiệm (two leads)
    expect((await compute([cg.kt.id], "2026")).T3).toMatchObject({ value: 66.7, target: 100, met: false, numerator: 2, denominator: 3 });
    // Phòng Văn hóa - Xã hội: 3 (two leads) and 4 («Thường xuyên») both fail
    expect((await compute([cg.vhxh.id], "2026")).T3).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    // a plan issued after the period does not count
    expect((await compute([cg.kt.id], "2025")).T3).toMatchObject({ value: null, met: null, denominator: 0 });
  });

  it("a fixed lead ends the T2 breach and moves the task to its unit", async () => {
    const res = await t.app.inject({ method: "PATCH", url: `/api/tasks/${task["3"]}`, headers: officer, payload: { leadOrgCode: cg.kt.code } });
    expect(res.statusCode, res.body).toBe(200);
    const kt = await compute([cg.kt.id], "2026");
    expect(kt.T2).toMatchObject({ value: 0, met: true });
    expect(kt.T3).toMatchObject({ numerator: 3, denominator: 3, value: 100, met: true });
    expect((await compute([cg.vhxh.id], "2026")).T3).toMatchObject({ numerator: 0, denominator: 1 });
  });
});
