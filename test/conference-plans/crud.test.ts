// The annual conference plan (M7, issue 7 §1): a unit drafts its plan, adds, edits and deletes
// planned conferences, every write audited; an issued plan is locked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { addItem, auditRows, buildProvince, createDraft, headersOf, viewOf, type Headers, type Province } from "./conference-plans-setup.js";

describe(`conference plans: drafting (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let p: Province;
  let officer: Headers;

  beforeAll(async () => {
    t = await startTestApp(new Date("2027-03-01T03:00:00Z"));
    p = await buildProvince(t);
    officer = await headersOf(t, p.commune.id, "officer");
  });
  afterAll(async () => t.close());

  it("shows no plan yet, with the deadline standing, and lets the officer start one", async () => {
    const none = await viewOf(t, officer, p.commune.code, 2028);
    expect(none).toMatchObject({ plan: null, items: [], canEdit: true, timeliness: { deadline: "2028-01-15", status: "pending", onTime: null, daysLate: 0 } });
    expect(none.progress).toMatchObject({ planned: 0, held: 0, unplannedHeld: 0 });

    const draft = await createDraft(t, officer, p.commune.code, 2028);
    expect(draft.plan).toMatchObject({ orgId: p.commune.id, year: 2028, number: null, issuedOn: null, isIssued: false, deadline: "2028-01-15", status: "pending" });
    const again = await t.app.inject({ method: "POST", url: "/api/conference-plans", headers: officer, payload: { orgCode: p.commune.code, year: 2028 } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ message: "Đơn vị đã có kế hoạch tổ chức hội nghị năm 2028" });
    expect(await auditRows(t, "conference_plans", draft.plan?.id ?? 0)).toHaveLength(1);
  });

  it("adds, edits and deletes planned conferences, ordered by month, each write audited", async () => {
    const planId = (await createDraft(t, officer, p.commune.code, 2029)).plan?.id ?? 0;
    await addItem(t, officer, planId, { title: "Hội nghị tổng kết năm", plannedMonth: 12, category: "quan_trong", expectedSessions: 2, chair: "Chủ tịch UBND xã", invitedBlocs: ["state", "party", "state"] });
    const v = await addItem(t, officer, planId, { title: "Hội nghị quán triệt Nghị quyết", plannedMonth: null, plannedDate: "10/03/2029" });
    expect(v.items.map((i) => [i.title, i.plannedMonth, i.plannedDate])).toEqual([
      ["Hội nghị quán triệt Nghị quyết", null, "2029-03-10"],
      ["Hội nghị tổng kết năm", 12, null],
    ]);
    expect(v.items[1]).toMatchObject({ category: "quan_trong", scope: "noi_bo", format: "truc_tuyen", expectedSessions: 2, chair: "Chủ tịch UBND xã", invitedBlocs: ["state", "party"], heldMeetingIds: [] });
    const itemId = v.items[1]?.id ?? 0;

    const edited = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}/items/${itemId}`, headers: officer, payload: { format: "truc_tiep", plannedMonth: 11 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as typeof v).items.find((i) => i.id === itemId)).toMatchObject({ format: "truc_tiep", plannedMonth: 11, title: "Hội nghị tổng kết năm" });

    const note = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}`, headers: officer, payload: { number: "05-KH/ĐU", note: "Dự thảo" } });
    expect(note.statusCode, note.body).toBe(200);
    expect((note.json() as typeof v).plan).toMatchObject({ number: "05-KH/ĐU", note: "Dự thảo", issuedOn: null });

    const removed = await t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}/items/${itemId}`, headers: officer });
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as typeof v).items.map((i) => i.title)).toEqual(["Hội nghị quán triệt Nghị quyết"]);
    expect((await auditRows(t, "planned_conferences", itemId)).map((r) => r.action)).toEqual(["create", "update", "delete"]);
    expect((await auditRows(t, "conference_plans", planId)).map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("validates a planned conference: a month or a date in the plan's year, known values", async () => {
    const planId = (await createDraft(t, officer, p.commune.code, 2030)).plan?.id ?? 0;
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/items`, headers: officer, payload });
    const base = { title: "Hội nghị", category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen" };
    const noWhen = await post(base);
    expect(noWhen.statusCode).toBe(400);
    expect(noWhen.json().message).toContain("cần tháng hoặc ngày dự kiến");
    const otherYear = await post({ ...base, plannedDate: "2029-12-31" });
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().message).toContain("ngày dự kiến phải thuộc năm 2030");
    expect((await post({ ...base, plannedMonth: 13 })).statusCode).toBe(400);
    expect((await post({ ...base, plannedMonth: 2, format: "video" })).statusCode).toBe(400);
    expect((await post({ ...base, plannedMonth: 2, expectedSessions: 0 })).statusCode).toBe(400);
    expect((await post({ ...base, plannedMonth: 2, invitedBlocs: ["army"] })).statusCode).toBe(400);
    // clearing the month of an item planned by month alone is refused
    const ok = await addItem(t, officer, planId, { plannedMonth: 4 });
    const clear = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}/items/${ok.items[0]?.id}`, headers: officer, payload: { plannedMonth: null } });
    expect(clear.statusCode).toBe(400);
    // an item of another plan is not found through this one
    const otherPlan = (await createDraft(t, officer, p.commune.code, 2031)).plan?.id ?? 0;
    const wrong = await t.app.inject({ method: "PATCH", url: `/api/conference-plans/${otherPlan}/items/${ok.items[0]?.id}`, headers: officer, payload: { title: "X" } });
    expect(wrong.statusCode).toBe(404);
  });

  it("locks an issued plan: no edit, no new item, no delete, no second issue", async () => {
    const planId = (await createDraft(t, officer, p.commune.code, 2027)).plan?.id ?? 0;
    const v = await addItem(t, officer, planId, { plannedMonth: 5 });
    const itemId = v.items[0]?.id ?? 0;
    const issued = await t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/issue`, headers: officer, payload: { number: "02-KH/UBND", issuedOn: "14/01/2027" } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((issued.json() as typeof v).canEdit).toBe(false);

    const attempts = [
      t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}`, headers: officer, payload: { note: "sửa" } }),
      t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/items`, headers: officer, payload: { title: "Thêm", category: "khac", scope: "noi_bo", format: "truc_tuyen", plannedMonth: 6 } }),
      t.app.inject({ method: "PATCH", url: `/api/conference-plans/${planId}/items/${itemId}`, headers: officer, payload: { title: "Sửa" } }),
      t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}/items/${itemId}`, headers: officer }),
      t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}`, headers: officer }),
      t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/issue`, headers: officer, payload: { number: "03-KH/UBND", issuedOn: "20/01/2027" } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toContain("đã ban hành ngày 14/01/2027");
    }
    const after = await viewOf(t, officer, p.commune.code, 2027);
    expect(after.plan).toMatchObject({ number: "02-KH/UBND", issuedOn: "2027-01-14", onTime: true });
    expect(after.items.map((i) => i.title)).toEqual(["Hội nghị quán triệt Nghị quyết"]);
  });

  it("deletes a draft with its planned conferences; a conference holding one becomes unplanned", async () => {
    // an officer of the province writes the plans of the communes below it
    const provinceOfficer = await headersOf(t, p.province.id, "officer");
    const planId = (await createDraft(t, provinceOfficer, p.other.code, 2027)).plan?.id ?? 0;
    const itemId = (await addItem(t, provinceOfficer, planId)).items[0]?.id ?? 0;
    const meeting = await t.ctx.handle.db.insertInto("meetings").values({
      org_id: p.other.id, title: "Hội nghị quán triệt", category: "quan_triet", scope: "noi_bo", format: "truc_tuyen",
      start_at: new Date("2027-02-10T01:00:00Z"), end_at: new Date("2027-02-10T03:00:00Z"), sessions: 1, planned_id: itemId,
    }).returning("id").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "DELETE", url: `/api/conference-plans/${planId}`, headers: provinceOfficer });
    expect(res.statusCode).toBe(204);
    const row = await t.ctx.handle.db.selectFrom("meetings").select("planned_id").where("id", "=", meeting.id).executeTakeFirstOrThrow();
    expect(row.planned_id).toBeNull();
    expect((await viewOf(t, provinceOfficer, p.other.code, 2027)).plan).toBeNull();
    expect((await auditRows(t, "conference_plans", planId)).map((r) => r.action)).toEqual(["create", "delete"]);
  });
});
