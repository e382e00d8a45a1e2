// Event-bound deadlines (issue "Plans and tasks" §3): "Sau khi Thủ tướng CP ban hành Chỉ thị" has
// no date until the issuer records the day of the event; then the task has one due — the day plus
// the offset the text names, or the due given with it — and is tracked, noticed and reported on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, buildCommune, createPlan, headersOf, importTable, planView, type Commune, type Headers } from "./plans-setup.js";

const TABLE = [
  "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm, kết quả\tThời hạn",
  "1\tXây dựng kế hoạch triển khai Chỉ thị\tPhòng Kinh tế\tCác phòng\tKế hoạch\tSau khi Thủ tướng CP ban hành Chỉ thị",
  "2\tTổ chức quán triệt Kế hoạch\tPhòng Văn hóa - Xã hội\tCác phòng\tHội nghị\tTrong vòng 30 ngày kể từ khi Kế hoạch được ban hành",
  "3\tRà soát quy chế theo kết luận\tCác cơ quan, tổ chức, đơn vị\tVăn phòng\tQuy chế\tTrong 10 ngày làm việc sau khi có kết luận",
  "4\tBáo cáo kết quả\tPhòng Kinh tế\tVăn phòng\tBáo cáo\tQuý IV/2026",
].join("\n");

type Occ = { id: number; period: string; due: string; status: string; completedOn: string | null; updates: unknown[] };
type Detail = { id: number; tt: string; kind: string; event: { on: string; dueOn: string | null } | null; occurrences: Occ[]; fannedTasks: Array<{ id: number; event: unknown }> };

describe(`event-bound deadlines (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let cg: Commune;
  let issuer: Headers;
  let viewer: Headers;
  let ktOfficer: Headers;
  let otherIssuer: Headers;
  let planId: number;
  const task: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cg = await buildCommune(t);
    issuer = await headersOf(t, cg.commune.id, "aggregator");
    viewer = await headersOf(t, cg.commune.id, "viewer");
    ktOfficer = await headersOf(t, cg.kt.id, "officer");
    otherIssuer = await headersOf(t, (await buildCommune(t)).commune.id, "aggregator");
    planId = await createPlan(t, issuer, cg.commune.code);
    const res = await importTable(t, issuer, planId, "bang.tsv", TABLE);
    expect(res.statusCode, res.body).toBe(200);
    for (const x of (await planView(t, viewer, planId)).tasks) if (x.fannedFromTaskId === null) task[x.tt] = x.id;
  });
  afterAll(async () => t.close());

  const put = (id: number, headers: Headers, payload: Record<string, unknown>) =>
    t.app.inject({ method: "PUT", url: `/api/tasks/${id}/event`, headers, payload });
  const detail = async (id: number): Promise<Detail> => {
    const res = await t.app.inject({ method: "GET", url: `/api/tasks/${id}`, headers: viewer });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const id = (tt: string) => task[tt] ?? 0;

  it("has no due before the event is recorded", async () => {
    const d = await detail(id("1"));
    expect(d.event).toBeNull();
    expect(d.occurrences).toEqual([]);
  });

  it("is for the plan's issuer only: 401, 403 for the lead unit and other units, 404", async () => {
    const body = { eventOn: "01/06/2026", dueOn: "31/08/2026" };
    expect((await put(id("1"), {}, body)).statusCode).toBe(401);
    expect((await put(id("1"), ktOfficer, body)).statusCode).toBe(403);
    expect((await put(id("1"), viewer, body)).statusCode).toBe(403);
    expect((await put(id("1"), otherIssuer, body)).statusCode).toBe(403);
    expect((await put(99999999, issuer, body)).statusCode).toBe(404);
    expect((await detail(id("1"))).event).toBeNull();
  });

  it("refuses what does not fit, naming the field", async () => {
    const msg = async (tt: string, payload: Record<string, unknown>) => {
      const res = await put(id(tt), issuer, payload);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json() as { message: string }).message;
    };
    expect(await msg("1", { eventOn: "01/06/2026" })).toMatch(/^dueOn: .*cần nhập hạn hoàn thành/);
    expect(await msg("1", { eventOn: "16/06/2026", dueOn: "30/06/2026" })).toMatch(/^eventOn: ngày xảy ra sự kiện không được sau hôm nay \(15\/06\/2026\)/);
    expect(await msg("1", { eventOn: "01/06/2026", dueOn: "31/05/2026" })).toMatch(/^dueOn: hạn hoàn thành không được trước ngày xảy ra sự kiện/);
    expect(await msg("1", { eventOn: "31/02/2026", dueOn: "30/06/2026" })).toMatch(/^eventOn: /);
    expect(await msg("1", { eventOn: "01/06/2026", dueOn: "30/06/2026", extra: 1 })).toMatch(/"extra"/);
    expect(await msg("2", { eventOn: "01/06/2026", dueOn: "30/06/2026" })).toMatch(/^dueOn: hạn được tính từ ngày sự kiện \(30 ngày\)/);
    expect(await msg("4", { eventOn: "01/06/2026" })).toMatch(/^eventOn: thời hạn «Quý IV\/2026» không phụ thuộc sự kiện nào/);
  });

  it("records the day and the given due: one occurrence, tracked and audited", async () => {
    const res = await put(id("1"), issuer, { eventOn: "01/06/2026", dueOn: "10/06/2026" });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.event).toEqual({ on: "2026-06-01", dueOn: "2026-06-10" });
    expect(d.occurrences.map((o) => [o.period, o.due, o.status])).toEqual([["event", "2026-06-10", "qua_han_chua_hoan_thanh"]]);
    // the lead unit now sees it overdue on its board and in its list
    const board = (await t.app.inject({ method: "GET", url: `/api/tasks/overdue?org=${cg.kt.code}`, headers: ktOfficer })).json() as { items: Array<{ task: { id: number }; due: string }> };
    expect(board.items.map((o) => [o.task.id, o.due])).toEqual([[id("1"), "2026-06-10"]]);
    const audit = await auditRows(t, "plan_tasks", id("1"));
    expect(audit.map((a) => a.action)).toEqual(["update"]);
    expect(JSON.parse(JSON.stringify(audit[0]?.after))).toMatchObject({ eventOn: "2026-06-01", eventDueOn: "2026-06-10" });
  });

  it("computes the due from the offset the deadline names; a corrected day moves the open occurrence, updates kept", async () => {
    let res = await put(id("2"), issuer, { eventOn: "2026-06-01" });
    expect(res.statusCode, res.body).toBe(200);
    const first = (res.json() as Detail).occurrences;
    expect(first.map((o) => [o.period, o.due, o.status])).toEqual([["event", "2026-07-01", "chua_thuc_hien"]]);
    const occId = first[0]?.id ?? 0;
    const vhxhOfficer = await headersOf(t, cg.vhxh.id, "officer");
    const up = await t.app.inject({ method: "POST", url: `/api/occurrences/${occId}/updates`, headers: vhxhOfficer, payload: { note: "Đã chuẩn bị tài liệu" } });
    expect(up.statusCode, up.body).toBe(201);
    res = await put(id("2"), issuer, { eventOn: "2026-06-10" });
    const moved = (res.json() as Detail).occurrences;
    expect(moved.map((o) => [o.id, o.due, o.status, o.updates.length])).toEqual([[occId, "2026-07-10", "dang_thuc_hien", 1]]);
  });

  it("passes a group row's event day to every fanned task, counting working days", async () => {
    const res = await put(id("3"), issuer, { eventOn: "15/06/2026" });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    expect(d.kind).toBe("group");
    expect(d.fannedTasks).toHaveLength(4);
    for (const f of d.fannedTasks) {
      const fd = await detail(f.id);
      expect(fd.event).toEqual({ on: "2026-06-15", dueOn: null });
      // Monday 15/06 + 10 working days = Monday 29/06
      expect(fd.occurrences.map((o) => [o.period, o.due])).toEqual([["event", "2026-06-29"]]);
    }
  });

  it("keeps the event occurrences through a re-import of the same table", async () => {
    const res = await importTable(t, issuer, planId, "bang.tsv", TABLE);
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(id("1"))).occurrences.map((o) => o.due)).toEqual(["2026-06-10"]);
    expect((await detail(id("2"))).occurrences.map((o) => o.due)).toEqual(["2026-07-10"]);
  });

  it("clearing the day removes an open occurrence but keeps a completed one with its due", async () => {
    const ktOcc = (await detail(id("1"))).occurrences[0];
    const done = await t.app.inject({ method: "POST", url: `/api/occurrences/${ktOcc?.id}/complete`, headers: ktOfficer, payload: { completedOn: "2026-06-09" } });
    expect(done.statusCode, done.body).toBe(200);
    let res = await put(id("1"), issuer, { eventOn: null });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).event).toBeNull();
    expect((res.json() as Detail).occurrences.map((o) => [o.due, o.status])).toEqual([["2026-06-10", "hoan_thanh_dung_han"]]);
    res = await put(id("2"), issuer, { eventOn: null });
    expect((res.json() as Detail).occurrences).toEqual([]);
    expect((await put(id("2"), issuer, { eventOn: null, dueOn: "2026-07-01" })).statusCode).toBe(400);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/tasks/{id}/event"] ?? {})).toContain("put");
  });
});
