// The target check of a plan (M1 −10 % vs last year's held conferences, M2 ≥ 60 % online, M3
// quota, M4 durations) and issuing it by the deadline (M7: 20/02/2026 for 2026, 15/01 after).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import {
  addItem, auditRows, buildMeeting, buildProvince, createDraft, headersOf, viewOf, type Headers, type PlanViewJson, type Province,
} from "./conference-plans-setup.js";

describe(`conference plans: target check and issue (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let p: Province;
  let officer: Headers;
  const issue = (planId: number, payload: Record<string, unknown>, headers = officer) =>
    t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/issue`, headers, payload });

  beforeAll(async () => {
    t = await startTestApp(new Date("2027-03-01T03:00:00Z"));
    p = await buildProvince(t);
    officer = await headersOf(t, p.commune.id, "officer");
    // 2025: the commune held 5 conferences; 01/01/2026 00:30 local time is 2026 (UTC still says 2025)
    for (const day of ["2025-02-03 08:00", "2025-05-04 08:00", "2025-07-05 08:00", "2025-09-06 08:00", "2025-12-31 14:00"]) await buildMeeting(t.ctx, p.commune.id, day);
    await buildMeeting(t.ctx, p.commune.id, "2026-01-01 00:30");
    // another unit's conferences do not count
    await buildMeeting(t.ctx, p.other.id, "2025-03-03 08:00");
  });
  afterAll(async () => t.close());

  it("checks the planned list against last year's held conferences and the year's targets", async () => {
    const planId = (await createDraft(t, officer, p.commune.code, 2026)).plan?.id ?? 0;
    let v: PlanViewJson = await viewOf(t, officer, p.commune.code, 2026);
    expect(v.check.counts).toMatchObject({ planned: 0, lastYearHeld: 5, allowed: 4 });
    expect(v.check.findings).toEqual([]);
    expect(v.check.rules.targets).toMatchObject({ M1: 10, M2: 60, M3Province: 2, M3Commune: 3 });

    for (let i = 0; i < 3; i++) v = await addItem(t, officer, planId, { title: `Hội nghị trực tuyến ${i + 1}`, plannedMonth: 3 + i });
    v = await addItem(t, officer, planId, { title: "Hội nghị trực tiếp 1", format: "truc_tiep", plannedMonth: 7 });
    expect(v.check.findings).toEqual([]);
    expect(v.check.counts).toMatchObject({ planned: 4, online: 3, onlineShare: 75, allowed: 4 });

    // a fifth: one over the −10 % and 3/5 online is still 60 %
    v = await addItem(t, officer, planId, { title: "Hội nghị trực tiếp 2", format: "truc_tiep", plannedMonth: 8 });
    expect(v.check.findings.map((f) => f.rule)).toEqual(["M1"]);
    expect(v.check.findings[0]).toMatchObject({
      severity: "error", limit: 4, actual: 5, source: "KL 226 §2.2",
      message: "Kế hoạch có 5 hội nghị, nhiều hơn mức tối đa 4 (năm 2025 đã tổ chức 5, phải giảm ít nhất 10%) — KL 226 §2.2",
    });
    // 4 toàn xã, one 1-day quán triệt, and 3/6 online
    v = await addItem(t, officer, planId, { title: "Hội nghị quán triệt cả ngày", format: "truc_tiep", scope: "toan_xa", expectedSessions: 2, plannedMonth: 9 });
    for (const item of v.items.filter((i) => i.format === "truc_tuyen")) {
      const res = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}/items/${item.id}`, headers: officer, payload: { scope: "toan_xa" } });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json() as PlanViewJson;
    }
    expect(v.check.findings.map((f) => f.rule)).toEqual(["M1", "M2", "M3", "M4"]);
    const [, m2, m3, m4] = v.check.findings;
    expect(m2).toMatchObject({ limit: 60, actual: 50, message: "Hội nghị trực tuyến chỉ chiếm 50% (3/6) (tính cả hội nghị kết hợp); cần ít nhất 60% — KL 226 §2.2" });
    expect(m2?.itemIds.sort()).toEqual(v.items.filter((i) => i.format === "truc_tiep").map((i) => i.id).sort());
    expect(m3).toMatchObject({ limit: 3, actual: 4 });
    expect(m4).toMatchObject({ severity: "warning", limit: 1, actual: 2, itemIds: [v.items.find((i) => i.expectedSessions === 2)?.id] });
    expect(m4?.message).toContain("«Hội nghị quán triệt cả ngày»: Hội nghị quán triệt không quá 1/2 ngày (1 buổi); kế hoạch dự kiến 2 buổi");
  });

  it("refuses to issue a plan missing a target unless the issuer acknowledges it; a late issue is late", async () => {
    const v = await viewOf(t, officer, p.commune.code, 2026);
    const planId = v.plan?.id ?? 0;
    const refused = await issue(planId, { number: "12-KH/UBND", issuedOn: "01/03/2026" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: "RULE_VIOLATION", message: "Kế hoạch chưa đạt chỉ tiêu năm 2026 (M1, M2, M3); xem lại hoặc xác nhận vẫn ban hành" });
    expect((refused.json() as { details: { findings: Array<{ rule: string }> } }).details.findings.map((f) => f.rule)).toEqual(["M1", "M2", "M3", "M4"]);
    expect((await viewOf(t, officer, p.commune.code, 2026)).plan?.issuedOn).toBeNull();

    const future = await issue(planId, { number: "12-KH/UBND", issuedOn: "02/03/2027", acknowledge: true });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain("không được sau hôm nay (01/03/2027)");

    const issued = await issue(planId, { number: "12-KH/UBND", issuedOn: "01/03/2026", acknowledge: true });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((issued.json() as PlanViewJson).plan).toMatchObject({
      number: "12-KH/UBND", issuedOn: "2026-03-01", isIssued: true, deadline: "2026-02-20", onTime: false, daysLate: 9, status: "late",
      statusText: "Ban hành chậm 9 ngày so với hạn 20/02/2026",
    });
    const audit = await auditRows(t, "conference_plans", planId);
    expect(audit.at(-1)?.after).toMatchObject({ issued: true, issuedOn: "2026-03-01", items: 6, acknowledged: ["M1", "M2", "M3", "M4"] });
  });

  it("issues on time for 2026 by 20/02/2026", async () => {
    const planId = (await createDraft(t, officer, p.office.code, 2026)).plan?.id ?? 0;
    await addItem(t, officer, planId);
    const res = await issue(planId, { number: "01-KH/VP", issuedOn: "2026-02-20" });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanViewJson).plan).toMatchObject({ onTime: true, daysLate: 0, status: "on_time", deadline: "2026-02-20" });
  });

  it("2027: due 15/01/2027; a warning alone (M4) does not stop the issue", async () => {
    // the office held nothing in 2026: M1 cannot be computed, only M4 speaks
    const planId = (await createDraft(t, officer, p.office.code, 2027)).plan?.id ?? 0;
    const v = await addItem(t, officer, planId, { category: "chuyen_mon", expectedSessions: 3, plannedDate: "2027-04-10", plannedMonth: null });
    expect(v.check.findings.map((f) => [f.rule, f.severity])).toEqual([["M4", "warning"]]);
    const late = await issue(planId, { number: "02-KH/VP", issuedOn: "16/01/2027" });
    expect(late.statusCode, late.body).toBe(200);
    expect((late.json() as PlanViewJson).plan).toMatchObject({ deadline: "2027-01-15", onTime: false, daysLate: 1, status: "late" });
  });

  it("2027 on time on 15/01/2027, and a 2027 plan issued the December before", async () => {
    const onTheDay = (await createDraft(t, officer, p.commune.code, 2027)).plan?.id ?? 0;
    const res = await issue(onTheDay, { number: "03-KH/UBND", issuedOn: "15/01/2027" });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PlanViewJson).plan).toMatchObject({ onTime: true, daysLate: 0 });

    const provinceOfficer = await headersOf(t, p.province.id, "officer");
    const early = (await createDraft(t, provinceOfficer, p.province.code, 2027)).plan?.id ?? 0;
    const before = await issue(early, { number: "50-KH/UBND", issuedOn: "2026-12-20" }, provinceOfficer);
    expect(before.statusCode, before.body).toBe(200);
    expect((before.json() as PlanViewJson).plan).toMatchObject({ onTime: true, status: "on_time" });
    const tooEarly = (await createDraft(t, provinceOfficer, p.province.code, 2028)).plan?.id ?? 0;
    expect((await issue(tooEarly, { number: "1", issuedOn: "2026-12-31" }, provinceOfficer)).statusCode).toBe(400);
  });

  it("a missing plan is overdue so far", async () => {
    const v = await viewOf(t, await headersOf(t, p.province.id, "viewer"), p.other.code, 2027);
    expect(v.plan).toBeNull();
    expect(v.timeliness).toMatchObject({ deadline: "2027-01-15", status: "overdue", onTime: false, daysLate: 45, statusText: "Chưa ban hành, đã quá hạn 15/01/2027 45 ngày" });
  });

  it("the deadline follows the province's settings", async () => {
    const admin = await headersOf(t, p.province.id, "admin");
    const put = await t.app.inject({ method: "PUT", url: `/api/settings?org=${p.province.code}`, headers: admin, payload: { conferencePlanning: { planDeadline: "01-31" } } });
    expect(put.statusCode, put.body).toBe(200);
    const v = await viewOf(t, admin, p.other.code, 2027);
    expect(v.timeliness).toMatchObject({ deadline: "2027-01-31", daysLate: 29 });
    expect((await viewOf(t, admin, p.other.code, 2026)).timeliness.deadline).toBe("2026-02-20");
  });
});
