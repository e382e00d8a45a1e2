// Planned vs held through the year (a planned conference is held when a conference links to it;
// the unit's other conferences of the year are unplanned) and the M7 indicator for the sheet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeConferencePlanIndicators } from "../../server/src/conference-plans/conference-plan.indicators.js";
import { parsePeriod } from "../../server/src/domain/period.js";
import { KL226_DEFAULTS, resolveSettings } from "../../server/src/domain/settings.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { addItem, buildMeeting, buildProvince, createDraft, headersOf, viewOf, type Headers, type Province } from "./conference-plans-setup.js";

describe(`conference plans: planned vs held, M7 (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let p: Province;
  let officer: Headers;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-15T03:00:00Z"));
    p = await buildProvince(t);
    officer = await headersOf(t, p.commune.id, "officer");
  });
  afterAll(async () => t.close());

  it("without a plan, the year's conferences are listed but none is unplanned", async () => {
    await buildMeeting(t.ctx, p.other.id, "2026-02-03 08:00");
    const v = await viewOf(t, await headersOf(t, p.other.id, "viewer"), p.other.code, 2026);
    expect(v.progress).toMatchObject({ planned: 0, held: 0, unplannedHeld: 0, unplannedMeetingIds: [] });
    expect(v.progress.meetings).toHaveLength(1);
  });

  it("matches held conferences with planned ones, month by month", async () => {
    const planId = (await createDraft(t, officer, p.commune.code, 2026)).plan?.id ?? 0;
    await addItem(t, officer, planId, { title: "Quán triệt Nghị quyết", plannedMonth: 3 });
    await addItem(t, officer, planId, { title: "Sơ kết 6 tháng", plannedMonth: 6 });
    const v0 = await addItem(t, officer, planId, { title: "Tổng kết năm", plannedDate: "2026-12-20", plannedMonth: null });
    const [q, s, tk] = v0.items;
    const heldMarch = await buildMeeting(t.ctx, p.commune.id, "2026-04-02 08:00", { planned_id: q?.id ?? null }); // held a month late
    const heldJune = await buildMeeting(t.ctx, p.commune.id, "2026-06-10 08:00", { planned_id: s?.id ?? null });
    const unplanned = await buildMeeting(t.ctx, p.commune.id, "2026-05-05 08:00");
    await buildMeeting(t.ctx, p.commune.id, "2025-05-05 08:00"); // last year: not in this year's progress
    await buildMeeting(t.ctx, p.office.id, "2026-05-06 08:00"); // an office below: its own plan, not the commune's

    const v = await viewOf(t, officer, p.commune.code, 2026);
    expect(v.items.map((i) => [i.title, i.heldMeetingIds])).toEqual([
      ["Quán triệt Nghị quyết", [heldMarch]], ["Sơ kết 6 tháng", [heldJune]], ["Tổng kết năm", []],
    ]);
    expect(tk?.plannedDate).toBe("2026-12-20");
    expect(v.progress).toMatchObject({ planned: 3, held: 2, unplannedHeld: 1, unplannedMeetingIds: [unplanned] });
    expect(v.progress.months.filter((m) => m.planned + m.held + m.unplanned > 0)).toEqual([
      { month: 3, planned: 1, held: 0, unplanned: 0 },
      { month: 4, planned: 0, held: 1, unplanned: 0 },
      { month: 5, planned: 0, held: 0, unplanned: 1 },
      { month: 6, planned: 1, held: 1, unplanned: 0 },
      { month: 12, planned: 1, held: 0, unplanned: 0 },
    ]);
    expect(v.progress.meetings.map((m) => [m.id, m.isUnplanned])).toEqual([[heldMarch, false], [unplanned, true], [heldJune, false]]);
  });

  it("M7 of one unit: 1 on time, 0 late with the days late, 0 and pending before the deadline", async () => {
    const today = "2026-06-15";
    const settings = KL226_DEFAULTS;
    const onTime = await buildOrg(t.ctx, { parentId: p.province.id, level: "commune" });
    const late = await buildOrg(t.ctx, { parentId: p.province.id, level: "commune" });
    const db = t.ctx.handle.db;
    await db.insertInto("conference_plans").values([
      { org_id: onTime.id, year: 2026, number: "1-KH", issued_on: "2026-02-20" },
      { org_id: late.id, year: 2026, number: "2-KH", issued_on: "2026-03-02" },
    ]).execute();

    const m7 = async (orgIds: number[], day = today, periodId = "2026") =>
      (await computeConferencePlanIndicators(t.ctx, { orgIds, period: parsePeriod(periodId), today: day, settings })).M7;
    expect(await m7([onTime.id])).toMatchObject({ value: 1, target: 1, met: true, violations: [], violationCount: 0, daysLate: 0, deadline: "2026-02-20", title: expect.stringContaining("kế hoạch tổ chức hội nghị"), source: "KH 63-KH/TU §III.2" });
    expect(await m7([late.id])).toMatchObject({ value: 0, target: 1, met: false, violations: [String(late.id)], daysLate: 10 });
    // the commune's 2026 plan is still a draft: late so far
    expect(await m7([p.commune.id])).toMatchObject({ value: 0, met: false, daysLate: 115 });
    // before the deadline a unit without a plan is pending, not a violation
    expect(await m7([p.other.id], "2026-02-01")).toMatchObject({ value: 0, met: null, violations: [], pending: 1, daysLate: 0 });
    // a quarter of 2026 is judged on 2026's plan
    expect(await m7([onTime.id], today, "2026Q3")).toMatchObject({ value: 1, year: 2026 });
    // 2025 came before KL 226 asked for a plan: nothing to judge, whatever the unit did
    expect(await m7([late.id], today, "2025")).toMatchObject({ value: null, target: null, met: null, violations: [], required: false });
    // a jurisdiction that asked for plans earlier judges 2025 too (15/01/2025: the commune had none)
    const earlier = resolveSettings([{ conferencePlanning: { planRequiredFrom: 2025 } }]);
    expect((await computeConferencePlanIndicators(t.ctx, { orgIds: [late.id], period: parsePeriod("2025"), today, settings: earlier })).M7)
      .toMatchObject({ value: 0, met: false, deadline: "2025-01-15" });
  });

  it("M7 of a subtree: units of level province, department or commune are expected; offices are not", async () => {
    const ids = t.ctx.orgs.subtreeIds(p.province.id);
    const r = (await computeConferencePlanIndicators(t.ctx, { orgIds: ids, period: parsePeriod("2026"), today: "2026-06-15", settings: KL226_DEFAULTS })).M7;
    // province, commune, other, and the two communes of the test above; the office is not expected
    expect(r).toMatchObject({ expected: 5, target: 5, value: 1, onTime: 1, met: false, violationCount: 4 });
    expect(r.violations).not.toContain(String(p.office.id));
    expect(r.violations).toEqual(expect.arrayContaining([String(p.province.id), String(p.commune.id), String(p.other.id)]));
    expect(r).not.toHaveProperty("daysLate");
  });
});
