// Progress (issue "Plans and tasks" §6): updates with a note and evidence (a register document or
// an upload), completion and reopening, statuses derived from dates, each occurrence of a
// recurring task on its own, dues regenerated keeping completed ones, notices, overdue board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, createPlan, headersOf, importTable, multipart, planView, type Commune, type Headers } from "./plans-setup.js";

const HEADER = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn";

type Occ = { id: number; period: string; due: string; status: string; statusLabel: string; startedOn: string | null; completedOn: string | null };
type Detail = { id: number; occurrences: Array<Occ & { updates: Array<{ id: number; note: string; evidenceDocumentId: number | null; evidenceFile: { name: string; size: number } | null }> }> };
type Open = Occ & { daysLate: number; task: { id: number; tt: string; lead: { code: string } | null } };

describe(`progress of occurrences (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let ktOfficer: Headers;
  let vhxhOfficer: Headers;
  let communeOfficer: Headers;
  let communeViewer: Headers;
  let planId: number;
  const task: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    ktOfficer = await headersOf(t, cg.kt.id, "officer");
    vhxhOfficer = await headersOf(t, cg.vhxh.id, "officer");
    communeOfficer = await headersOf(t, cg.commune.id, "aggregator");
    communeViewer = await headersOf(t, cg.commune.id, "viewer");
    planId = await createPlan(t, communeOfficer, cg.commune.code);
    const res = await importTable(t, communeOfficer, planId, "bang.tsv", [
      HEADER,
      "1\tBáo cáo kết quả thực hiện\tPhòng Kinh tế\tKhông\tBáo cáo\tHằng quý, 6 tháng, năm",
      "2\tBan hành quy định\tPhòng Văn hóa - Xã hội\tKhông\tQuy định\tQuý III/2026",
      "3\tViệc có hai chủ trì\tPhòng Kinh tế; Phòng Văn hóa - Xã hội\tKhông\tBáo cáo\tChậm nhất 10/6/2026",
      "4\tTổng kết đợt thi đua\tVăn phòng HĐND và UBND xã\tKhông\tBáo cáo\tChậm nhất 20/6/2026",
      "5\tRà soát thủ tục\tPhòng Kinh tế\tKhông\tDanh mục\tHằng quý",
    ].join("\n"));
    expect(res.statusCode, res.body).toBe(200);
    for (const x of (await planView(t, communeViewer, planId)).tasks) task[x.tt] = x.id;
  });
  afterAll(async () => t.close());

  const detail = async (id: number, headers: Headers = communeViewer): Promise<Detail> => {
    const res = await t.app.inject({ method: "GET", url: `/api/tasks/${id}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const occ = async (tt: string, period: string) => {
    const found = (await detail(task[tt] ?? 0)).occurrences.find((o) => o.period === period);
    if (!found) throw new Error(`no occurrence ${tt} ${period}`);
    return found;
  };
  const post = (url: string, headers: Headers, payload?: Record<string, unknown>) => t.app.inject({ method: "POST", url, headers, payload });

  it("records a note: the occurrence is started today (đang thực hiện), audited", async () => {
    const q2 = await occ("1", "2026Q2");
    expect(q2.status).toBe("chua_thuc_hien");
    const res = await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { note: "Đã tổng hợp số liệu quý II" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { occurrence: Occ; update: { note: string; user: string } };
    expect(body.occurrence).toMatchObject({ status: "dang_thuc_hien", statusLabel: "Đang thực hiện", startedOn: "2026-06-15" });
    expect(body.update.note).toBe("Đã tổng hợp số liệu quý II");
    expect((await auditRows(t, "task_updates")).map((a) => a.action)).toEqual(["create"]);
    // the other occurrences of the recurring task are tracked on their own
    expect((await occ("1", "2026S1")).status).toBe("chua_thuc_hien");
  });

  it("takes a register document of the lead unit's subtree as evidence, not another unit's", async () => {
    const doc = async (orgCode: string, headers: Headers) => {
      const res = await post("/api/documents", headers, { orgCode, number: `${Math.floor(Math.random() * 1e6)}/BC-KT`, type: "BC", issuedOn: "2026-06-10", subject: "Báo cáo quý II" });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const mine = await doc(cg.kt.code, ktOfficer);
    const theirs = await doc(cg.vhxh.code, vhxhOfficer);
    const q2 = await occ("1", "2026Q2");
    const ok = await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { note: "Báo cáo đã ban hành", evidenceDocumentId: mine });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { evidenceDocumentId: theirs });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^evidenceDocumentId: /);
    expect((await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { evidenceDocumentId: 99999999 })).statusCode).toBe(400);
    expect((await occ("1", "2026Q2")).updates.map((u) => u.evidenceDocumentId)).toEqual([null, mine]);
  });

  it("stores an uploaded evidence file (size-limited) and serves it to readers of the plan", async () => {
    const q2 = await occ("1", "2026Q2");
    const body = multipart("biên bản họp.pdf", Buffer.from("%PDF-1.4 minh chung"), { note: "Biên bản họp" });
    const res = await t.app.inject({ method: "POST", url: `/api/occurrences/${q2.id}/updates`, headers: { ...ktOfficer, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
    const update = (res.json() as { update: { id: number; note: string; evidenceFile: { name: string; size: number } } }).update;
    expect(update).toMatchObject({ note: "Biên bản họp", evidenceFile: { name: "biên bản họp.pdf", size: 19 } });
    const file = await t.app.inject({ method: "GET", url: `/api/updates/${update.id}/evidence`, headers: communeViewer });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.toString()).toBe("%PDF-1.4 minh chung");
    expect(file.headers["content-disposition"]).toContain("filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf");
    const big = multipart("lon.bin", Buffer.alloc(5 * 1024 * 1024 + 1), { note: "Quá lớn" });
    const tooBig = await t.app.inject({ method: "POST", url: `/api/occurrences/${q2.id}/updates`, headers: { ...ktOfficer, ...big.headers }, payload: big.payload });
    expect(tooBig.statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `/api/updates/${update.id}/evidence` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/updates/99999999/evidence", headers: communeViewer })).statusCode).toBe(404);
  });

  it("allows progress only with write on the lead unit, and none on a task without one lead", async () => {
    const q2 = await occ("1", "2026Q2");
    expect((await post(`/api/occurrences/${q2.id}/updates`, vhxhOfficer, { note: "x" })).statusCode).toBe(403);
    expect((await post(`/api/occurrences/${q2.id}/updates`, communeViewer, { note: "x" })).statusCode).toBe(403);
    expect((await post(`/api/occurrences/${q2.id}/updates`, communeOfficer, { note: "Xã đôn đốc" })).statusCode).toBe(201);
    expect((await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { note: " " })).statusCode).toBe(400);
    expect((await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { note: "x", extra: 1 })).statusCode).toBe(400);
    expect((await post(`/api/occurrences/${q2.id}/updates`, {}, { note: "x" })).statusCode).toBe(401);
    expect((await post("/api/occurrences/99999999/updates", ktOfficer, { note: "x" })).statusCode).toBe(404);
    const breach = (await detail(task["3"] ?? 0)).occurrences[0];
    const res = await post(`/api/occurrences/${breach?.id}/updates`, ktOfficer, { note: "x" });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/một đơn vị chủ trì duy nhất/);
  });

  it("derives on-time and late completion from the dates; reopening makes it overdue again", async () => {
    const q1 = await occ("1", "2026Q1");
    expect(q1.status).toBe("qua_han_chua_hoan_thanh");
    let res = await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "05/04/2026" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ completedOn: "2026-04-05", status: "hoan_thanh_qua_han", statusLabel: "Hoàn thành quá hạn" });
    res = await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "2026-03-30" });
    expect(res.json()).toMatchObject({ status: "hoan_thanh_dung_han" });
    expect((await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "2026-06-16" })).statusCode).toBe(400);
    expect((await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "hôm qua" })).statusCode).toBe(400);
    expect((await post(`/api/occurrences/${q1.id}/complete`, vhxhOfficer, { completedOn: "2026-03-30" })).statusCode).toBe(403);
    res = await post(`/api/occurrences/${q1.id}/reopen`, ktOfficer);
    expect(res.json()).toMatchObject({ completedOn: null, status: "qua_han_chua_hoan_thanh" });
    expect((await post(`/api/occurrences/${q1.id}/reopen`, ktOfficer)).statusCode).toBe(409);
    expect((await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "2026-03-31" })).statusCode).toBe(200);
    const audit = await auditRows(t, "task_occurrences", q1.id);
    expect(audit.map((a) => a.action)).toEqual(["update", "update", "update", "update"]);
  });

  it("regenerates the dues when the deadline changes, keeping completed occurrences", async () => {
    const q1 = await occ("5", "2026Q1");
    expect((await post(`/api/occurrences/${q1.id}/complete`, ktOfficer, { completedOn: "2026-03-20" })).statusCode).toBe(200);
    const q2 = await occ("5", "2026Q2");
    expect((await post(`/api/occurrences/${q2.id}/updates`, ktOfficer, { note: "Đang rà soát" })).statusCode).toBe(201);
    const res = await t.app.inject({ method: "PATCH", url: `/api/tasks/${task["5"]}`, headers: communeOfficer, payload: { deadlineText: "Năm 2026" } });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.occurrences.map((o) => [o.period, o.status])).toEqual([["2026Q1", "hoan_thanh_dung_han"], ["2026", "chua_thuc_hien"]]);
    expect(d.occurrences[0]?.id).toBe(q1.id);
  });

  it("notices: due in the next 7 days and overdue, for the user's unit subtree", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/notices", headers: communeViewer });
    expect(res.statusCode, res.body).toBe(200);
    const n = res.json() as { today: string; dueSoon: Open[]; overdue: Open[]; counts: { dueSoon: number; overdue: number } };
    expect(n.today).toBe("2026-06-15");
    expect(n.dueSoon.map((o) => [o.task.tt, o.due])).toEqual([["4", "2026-06-20"]]);
    // the T2-breach task (no lead yet) stays visible to its issuer
    expect(n.overdue.map((o) => [o.task.tt, o.period, o.daysLate])).toEqual([["3", "2026-06", 5]]);
    const kt = (await t.app.inject({ method: "GET", url: "/api/notices", headers: ktOfficer })).json() as typeof n;
    expect(kt.dueSoon).toEqual([]);
    expect(kt.overdue).toEqual([]);
    expect((await t.app.inject({ method: "GET", url: "/api/notices" })).statusCode).toBe(401);
  });

  it("the overdue board counts overdue occurrences per lead unit of a subtree", async () => {
    const q3 = await occ("5", "2026");
    expect(q3.status).toBe("chua_thuc_hien");
    const s1 = await occ("1", "2026Q2");
    expect(s1.status).toBe("dang_thuc_hien");
    const res = await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.commune.code}&subtree=1`, headers: communeViewer });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as { total: number; byUnit: Array<{ org: { code: string } | null; overdue: number }>; items: Open[] };
    expect(board.total).toBe(1);
    expect(board.byUnit).toEqual([{ org: null, overdue: 1 }]);
    // after the lead is chosen the overdue occurrence belongs to that unit
    await t.app.inject({ method: "PATCH", url: `/api/tasks/${task["3"]}`, headers: communeOfficer, payload: { leadOrgCode: cg.kt.code } });
    const after = (await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.kt.code}`, headers: ktOfficer })).json() as typeof board;
    expect(after.items.map((o) => [o.task.tt, o.task.lead?.code])).toEqual([["3", cg.kt.code]]);
    const own = (await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.vhxh.code}`, headers: vhxhOfficer })).json() as typeof board;
    expect(own.total).toBe(0);
    expect((await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.commune.code}`, headers: ktOfficer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.commune.code}&subtree=2`, headers: communeViewer })).statusCode).toBe(400);
  });
});
