// A conference's conclusions (issue 7 §6): after the conference the conclusion notice is a plan
// of type TB linked to it, each conclusion a task with one lead, a due (a date or a phrase) and a
// product, "6 rõ" checked and flagged; refused before the end; appended later to the same notice;
// progress reported on the tasks shows in the conference's summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, headersOf, planView, type Commune, type Headers } from "../plans-api/plans-setup.js";
import { buildMeeting } from "./conference-setup.js";

type Conclusion = {
  id: number; tt: string; content: string; leadText: string; lead: { code: string; name: string } | null; product: string; deadlineText: string;
  schedule: { kind: string; due?: string };
  flags: { t2: { breach: boolean }; sixClear: Record<string, { ok: boolean; reason?: string }> | null; allClear: boolean | null; deadlineUnderstood: boolean };
  status: string; statusLabel: string; progress: { occurrences: number; completed: number; overdue: number; nextDue: string | null };
};
type View = {
  meetingId: number; ended: boolean; canEdit: boolean;
  notice: { planId: number; number: string; type: string; issuedOn: string; title: string; org: { code: string } } | null;
  conclusions: Conclusion[];
  summary: { total: number; done: number; onTime: number; overdue: number; notStarted: number; sixClearIncomplete: number; donePercent: number | null };
  createdTaskIds?: number[];
};

describe(`conference conclusions become tasks (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let other: Commune;
  let officer: Headers;
  let viewer: Headers;
  let ktOfficer: Headers;
  let otherOfficer: Headers;
  let held: number; // 10/06/2026, ended
  let ongoing: number; // today 15/06/2026 08:00–17:00 (now 10:00)

  beforeAll(async () => {
    t = await startTestApp(); // now: 15/06/2026 10:00 in Hà Nội
    cg = await buildCommune(t);
    other = await buildCommune(t, cg.province);
    officer = await headersOf(t, cg.commune.id, "officer");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    ktOfficer = await headersOf(t, cg.kt.id, "officer");
    otherOfficer = (await buildUser(t.ctx, other.commune.id, "officer")).headers;
    held = (await buildMeeting(t.ctx, cg.commune.id, "2026-06-10 08:00", "2026-06-10 11:30", { title: "Hội nghị sơ kết 6 tháng đầu năm 2026" })).id;
    ongoing = (await buildMeeting(t.ctx, cg.commune.id, "2026-06-15 08:00", "2026-06-15 17:00")).id;
  }, 60_000);
  afterAll(async () => t.close());

  const post = (meetingId: number, headers: Headers, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: `/api/meetings/${meetingId}/conclusions`, headers, payload });
  const view = async (meetingId: number, headers: Headers = viewer): Promise<View> => {
    const res = await t.app.inject({ method: "GET", url: `/api/meetings/${meetingId}/conclusions`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const byTt = (v: View, tt: string): Conclusion => {
    const c = v.conclusions.find((x) => x.tt === tt);
    if (!c) throw new Error(`no conclusion ${tt}`);
    return c;
  };

  it("answers 401 without a session", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${held}/conclusions` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: `/api/meetings/${held}/conclusions`, payload: {} })).statusCode).toBe(401);
  });

  it("refuses conclusions before the conference has ended, in Vietnamese", async () => {
    const res = await post(ongoing, officer, { number: "44/TB-UBND", issuedOn: "15/06/2026", conclusions: [{ content: "Việc", lead: cg.kt.code, due: "30/06/2026", product: "Báo cáo" }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe("Hội nghị chưa kết thúc (kết thúc lúc 15/06/2026 17:00): chỉ ghi nhận thông báo kết luận sau khi hội nghị kết thúc");
    expect(await view(ongoing)).toMatchObject({ ended: false, notice: null, conclusions: [] });
  });

  it("registers the notice as a TB plan of the unit and each conclusion as a task with one lead, a due and flags", async () => {
    expect(await view(held)).toMatchObject({ ended: true, canEdit: false, notice: null, summary: { total: 0, donePercent: null } });
    const res = await post(held, officer, {
      number: "45/TB-UBND", issuedOn: "12/06/2026",
      conclusions: [
        { content: "Rà soát, cắt giảm văn bản hành chính của các phòng", lead: cg.kt.code, coordinators: "Văn phòng HĐND và UBND xã", due: "2026-07-31", product: "Báo cáo kết quả rà soát" },
        { content: "Số hóa hồ sơ lưu trữ năm 2025", lead: "Phòng Văn hóa - Xã hội", coordinators: "Không", due: "Quý III/2026", product: "" },
        { content: "Tổng hợp ý kiến của đại biểu", lead: "", coordinators: "Không", due: "", product: "Báo cáo tổng hợp" },
        { content: "Chuẩn bị hội nghị tổng kết", lead: "Phòng Kinh tế; Phòng Văn hóa - Xã hội", coordinators: "Không", due: "30/11/2026", product: "Kế hoạch" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as View;
    expect(v.notice).toMatchObject({ number: "45/TB-UBND", type: "TB", issuedOn: "2026-06-12", title: "Kết luận của hội nghị «Hội nghị sơ kết 6 tháng đầu năm 2026»", org: { code: cg.commune.code } });
    expect(v.createdTaskIds).toHaveLength(4);
    expect(v.conclusions.map((c) => c.tt)).toEqual(["1", "2", "3", "4"]);

    // 1: a unit code, an ISO date → one lead, due 31/07/2026, all six clear
    expect(byTt(v, "1")).toMatchObject({ lead: { code: cg.kt.code }, deadlineText: "31/07/2026", schedule: { kind: "date", due: "2026-07-31" }, flags: { allClear: true }, status: "not_started", progress: { occurrences: 1, nextDue: "2026-07-31" } });
    // 2: a unit name matched like an import, a deadline phrase → due 30/09/2026; no product: flagged
    const second = byTt(v, "2");
    expect(second).toMatchObject({ lead: { code: cg.vhxh.code }, schedule: { kind: "date", due: "2026-09-30" }, flags: { allClear: false } });
    expect(second.flags.sixClear?.product).toEqual({ ok: false, reason: "Chưa nêu sản phẩm, kết quả" });
    // 3: no lead and no due: accepted, flagged, nothing to track
    const third = byTt(v, "3");
    expect(third).toMatchObject({ lead: null, flags: { allClear: false, deadlineUnderstood: false }, progress: { occurrences: 0 } });
    expect(third.flags.sixClear?.person?.ok).toBe(false);
    expect(third.flags.sixClear?.time).toEqual({ ok: false, reason: "Chưa ghi thời hạn" });
    // 4: two leads: T2 breach
    expect(byTt(v, "4")).toMatchObject({ lead: null, flags: { t2: { breach: true }, allClear: false } });
    expect(v.summary).toEqual({ total: 4, done: 0, onTime: 0, overdue: 0, notStarted: 4, sixClearIncomplete: 3, donePercent: 0 });

    // linked, and a plan of the plans module like any other: its view, flags and audit
    const planId = v.notice?.planId ?? 0;
    const row = await t.ctx.handle.db.selectFrom("meetings").select("conclusion_plan_id").where("id", "=", held).executeTakeFirstOrThrow();
    expect(row.conclusion_plan_id).toBe(planId);
    const plan = await planView(t, viewer, planId);
    expect(plan.summary).toMatchObject({ tasks: 4, allClear: 1, t2Breaches: 1 });
    expect((await auditRows(t, "plans", planId)).map((a) => a.action)).toEqual(["create"]);
    expect((await auditRows(t, "plan_tasks")).length).toBe(4);
    expect((await auditRows(t, "meetings", held)).at(-1)?.after).toEqual({ conclusionPlanId: planId });
  });

  it("appends later conclusions to the same notice; another number is a conflict", async () => {
    const before = await view(held);
    const res = await post(held, officer, { conclusions: [{ content: "Báo cáo tình hình thực hiện kết luận", lead: cg.vp.code, coordinators: "Không", due: "14/06/2026", product: "Báo cáo" }] });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as View;
    expect(v.notice?.planId).toBe(before.notice?.planId);
    expect(v.conclusions.map((c) => c.tt)).toEqual(["1", "2", "3", "4", "5"]);
    // due yesterday and not done: overdue
    expect(byTt(v, "5")).toMatchObject({ lead: { code: cg.vp.code }, status: "overdue", statusLabel: "Quá hạn", progress: { overdue: 1 } });
    const conflict = await post(held, officer, { number: "46/TB-UBND", issuedOn: "12/06/2026", conclusions: [{ content: "Việc khác" }] });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().message).toMatch(/đã có thông báo kết luận số 45\/TB-UBND/);
    expect((await view(held)).conclusions).toHaveLength(5);
  });

  it("checks the notice's number, date and the lead unit's scope", async () => {
    const another = (await buildMeeting(t.ctx, cg.commune.id, "2026-06-11 08:00", "2026-06-11 11:00")).id;
    const missing = await post(another, officer, { conclusions: [{ content: "Việc" }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe("number: cần số ký hiệu của thông báo kết luận, ví dụ 45/TB-UBND; issuedOn: cần ngày ban hành thông báo kết luận");
    const early = await post(another, officer, { number: "47/TB-UBND", issuedOn: "10/06/2026", conclusions: [{ content: "Việc" }] });
    expect(early.json().message).toBe("issuedOn: không được trước ngày hội nghị (11/06/2026)");
    const outside = await post(another, officer, { number: "47/TB-UBND", issuedOn: "11/06/2026", conclusions: [{ content: "Việc", lead: other.kt.code }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toBe("conclusions.0.lead: đơn vị chủ trì phải thuộc phạm vi của đơn vị chủ trì hội nghị");
    expect((await post(another, officer, { number: "47/TB-UBND", issuedOn: "11/06/2026", conclusions: [] })).statusCode).toBe(400);
    // the same number on the same day is another document of the unit: 409, nothing written
    const dup = await post(another, officer, { number: "45/TB-UBND", issuedOn: "12/06/2026", conclusions: [{ content: "Việc" }] });
    expect(dup.statusCode).toBe(409);
    expect(await view(another)).toMatchObject({ notice: null, conclusions: [] });
  });

  it("lets only writers of the host unit record conclusions; other units cannot read them", async () => {
    const body = { conclusions: [{ content: "Việc", lead: cg.kt.code }] };
    expect((await post(held, viewer, body)).statusCode).toBe(403);
    expect((await post(held, ktOfficer, body)).statusCode).toBe(403); // an office below the host
    expect((await post(held, otherOfficer, body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${held}/conclusions`, headers: otherOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/meetings/99999999/conclusions", headers: officer })).statusCode).toBe(404);
    expect((await view(held, officer)).canEdit).toBe(true);
  });

  it("follows progress reported on the tasks: started, then done", async () => {
    const first = byTt(await view(held), "1");
    const task = await t.app.inject({ method: "GET", url: `/api/tasks/${first.id}`, headers: ktOfficer });
    const occurrence = (task.json() as { occurrences: Array<{ id: number }> }).occurrences[0];
    const update = await t.app.inject({ method: "POST", url: `/api/occurrences/${occurrence?.id}/updates`, headers: ktOfficer, payload: { note: "Đã rà soát 12 văn bản" } });
    expect(update.statusCode, update.body).toBe(201);
    let v = await view(held);
    expect(byTt(v, "1")).toMatchObject({ status: "on_time", statusLabel: "Đang thực hiện, trong hạn" });
    expect(v.summary).toMatchObject({ total: 5, done: 0, onTime: 1, overdue: 1, notStarted: 3 });
    const done = await t.app.inject({ method: "POST", url: `/api/occurrences/${occurrence?.id}/complete`, headers: ktOfficer, payload: { completedOn: "15/06/2026" } });
    expect(done.statusCode, done.body).toBe(200);
    v = await view(held);
    expect(byTt(v, "1")).toMatchObject({ status: "done", progress: { completed: 1, nextDue: null } });
    expect(v.summary).toEqual({ total: 5, done: 1, onTime: 0, overdue: 1, notStarted: 3, sixClearIncomplete: 3, donePercent: 20 });
  });
});
