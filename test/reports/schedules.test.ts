// Reporting schedules as settings (issue "Periodic reports" §1, §9): the regimes of seeds 000,
// 001 and 002 set through the settings API and as the demo loads them, and the Decree 09/2019
// data cut-off applied to the registers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dongThap498, thaiNguyen426, tuyenQuang63 } from "../../server/src/domain/reports/presets.js";
import { demoReportingOverrides, insertDemoReporting } from "../../server/src/demo/demo-reporting.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, MEETING_HEADER, type LoggedIn, type Tree } from "./reports-setup.js";

type Item = { period: string; lastDay: string; recipient: string; line: string; status: string; range: { start: string; end: string } };
const scheduleOf = async (t: TestApp, who: LoggedIn, code: string) => {
  const res = await call(t, "GET", `/api/reports/schedule?org=${code}&year=2026`, who.headers);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Item[] }).items;
};
const brief = (items: Item[]) => items.map((i) => [i.period, i.lastDay, i.recipient]);

describe(`reporting schedules (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let a: Tree, b: Tree;
  let adminA: LoggedIn, adminB: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-05-20T03:00:00Z"));
    a = await buildTree(t);
    b = await buildTree(t);
    adminA = await account(t, a.province.id, "admin");
    adminB = await account(t, b.province.id, "admin");
  });
  afterAll(async () => t.close());

  it("needs a session; another province's unit is forbidden", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/reports/schedule?org=${a.syt.code}&year=2026` })).statusCode).toBe(401);
    expect((await call(t, "GET", `/api/reports/schedule?org=${a.syt.code}&year=2026`, adminB.headers)).statusCode).toBe(403);
  });

  it("seed 000 (Thái Nguyên): departments and communes → Sở Nội vụ before the 15th, Sở Nội vụ → Province before the 20th", async () => {
    const put = await call(t, "PUT", `/api/settings?org=${a.province.code}`, adminA.headers, { reporting: { schedules: thaiNguyen426({ homeAffairs: a.snv.code }) } });
    expect(put.statusCode, put.body).toBe(200);
    const syt = await scheduleOf(t, adminA, a.syt.code);
    expect(brief(syt)).toEqual([
      ["2026Q1", "2026-03-14", a.snv.code], ["2026Q2", "2026-06-14", a.snv.code], ["2026S1", "2026-06-14", a.snv.code],
      ["2026Q3", "2026-09-14", a.snv.code], ["2026Q4", "2026-12-14", a.snv.code], ["2026S2", "2026-12-14", a.snv.code], ["2026", "2026-12-14", a.snv.code],
    ]);
    // on 20/05: Q1 is late, Q2 and S1 (25 days left) not yet due — "due" opens 15 days before
    expect(syt.map((i) => i.status).slice(0, 3)).toEqual(["late", "not_due", "not_due"]);
    expect(brief(await scheduleOf(t, adminA, a.x1.code))[1]).toEqual(["2026Q2", "2026-06-14", a.snv.code]);
    expect(brief(await scheduleOf(t, adminA, a.snv.code)).map(([p, d]) => [p, d])).toEqual([
      ["2026Q1", "2026-03-19"], ["2026Q2", "2026-06-19"], ["2026S1", "2026-06-19"], ["2026Q3", "2026-09-19"], ["2026Q4", "2026-12-19"], ["2026S2", "2026-12-19"], ["2026", "2026-12-19"],
    ]);
    expect(await scheduleOf(t, adminA, a.x1Office.code)).toEqual([]);
  });

  it("seed 001 (Tuyên Quang Party): a Party body → the Tỉnh ủy each quarter before the 20th; the Tỉnh ủy's list replaces the province's", async () => {
    const put = await call(t, "PUT", `/api/settings?org=${a.party.code}`, adminA.headers, { reporting: { schedules: tuyenQuang63() } });
    expect(put.statusCode, put.body).toBe(200);
    expect(brief(await scheduleOf(t, adminA, a.partyDept.code))).toEqual([
      ["2026Q1", "2026-03-19", a.party.code], ["2026Q2", "2026-06-19", a.party.code], ["2026Q3", "2026-09-19", a.party.code], ["2026Q4", "2026-12-19", a.party.code],
    ]);
    // the province's departments keep seed 000's regime
    expect((await scheduleOf(t, adminA, a.syt.code)).length).toBe(7);
  });

  it("seed 002 (Đồng Tháp): six months before 05/6, year before 05/12; Sở Nội vụ before 10/6 and 10/12", async () => {
    const put = await call(t, "PUT", `/api/settings?org=${b.province.code}`, adminB.headers, { reporting: { schedules: dongThap498({ homeAffairs: b.snv.code }) } });
    expect(put.statusCode, put.body).toBe(200);
    expect(brief(await scheduleOf(t, adminB, b.x2.code))).toEqual([["2026S1", "2026-06-04", b.snv.code], ["2026", "2026-12-04", b.snv.code]]);
    expect(brief(await scheduleOf(t, adminB, b.snv.code))).toEqual([["2026S1", "2026-06-09", b.province.code], ["2026", "2026-12-09", b.province.code]]);
  });

  it("refuses a malformed schedule with a message naming the field", async () => {
    const res = await call(t, "PUT", `/api/settings?org=${b.province.code}`, adminB.headers, {
      reporting: { schedules: [{ id: "x", periods: ["half"], reporters: {}, recipient: { kind: "parent" }, deadline: { kind: "before_fixed_date", dates: [{ slot: "S1", date: "31/6" }] } }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("reporting.schedules.0.deadline.dates.0.date");
  });
});

describe(`the demo's reporting regimes: seeds 000, 001, 002 (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-05-20T03:00:00Z"));
    // the demo's codes (demo-province.ts), in a database of their own
    const tq = await buildOrg(t.ctx, { code: "TQ", name: "Tỉnh Tuyên Quang", level: "province" });
    const ids = new Map<string, number>([["TQ", tq.id]]);
    for (const [code, name, level, parent, bloc] of [
      ["SNV", "Sở Nội vụ", "department", "TQ", "state"], ["SYT", "Sở Y tế", "department", "TQ", "state"], ["X_TAN_TRAO", "Xã Tân Trào", "commune", "TQ", "state"],
      ["TU_TQ", "Tỉnh ủy Tuyên Quang", "province", "TQ", "party"], ["BTC_TU", "Ban Tổ chức Tỉnh ủy", "department", "TU_TQ", "party"],
      ["MTTQ_TQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang", "department", "TQ", "front"],
    ] as const) {
      ids.set(code, (await buildOrg(t.ctx, { code, name, level, parentId: ids.get(parent) ?? null, bloc })).id);
    }
    const written = await t.ctx.handle.bulk((s) => insertDemoReporting(s, t.ctx.handle.db, ids));
    expect(written).toBe(demoReportingOverrides().length);
    admin = await account(t, tq.id, "admin");
  });
  afterAll(async () => t.close());

  it("a department: quarters to Sở Nội vụ before the 15th (000), six months and year before 05/6 and 05/12 (002)", async () => {
    expect(brief(await scheduleOf(t, admin, "SYT"))).toEqual([
      ["2026Q1", "2026-03-14", "SNV"], ["2026S1", "2026-06-04", "SNV"], ["2026Q2", "2026-06-14", "SNV"], ["2026Q3", "2026-09-14", "SNV"],
      ["2026", "2026-12-04", "SNV"], ["2026Q4", "2026-12-14", "SNV"],
    ]);
    expect((await scheduleOf(t, admin, "X_TAN_TRAO")).map((i) => i.line)).toEqual(["so-xa-snv-quy", "so-xa-6t-nam", "so-xa-snv-quy", "so-xa-snv-quy", "so-xa-6t-nam", "so-xa-snv-quy"]);
  });

  it("Sở Nội vụ: quarters to the Province before the 20th (000), six months and year before 10/6 and 10/12 (002)", async () => {
    expect(brief(await scheduleOf(t, admin, "SNV"))).toEqual([
      ["2026Q1", "2026-03-19", "TQ"], ["2026S1", "2026-06-09", "TQ"], ["2026Q2", "2026-06-19", "TQ"], ["2026Q3", "2026-09-19", "TQ"],
      ["2026", "2026-12-09", "TQ"], ["2026Q4", "2026-12-19", "TQ"],
    ]);
  });

  it("a Party body: quarters to the Tỉnh ủy before the 20th (001); the Front reports under none of these lines", async () => {
    expect(brief(await scheduleOf(t, admin, "BTC_TU"))).toEqual([["2026Q1", "2026-03-19", "TU_TQ"], ["2026Q2", "2026-06-19", "TU_TQ"], ["2026Q3", "2026-09-19", "TU_TQ"], ["2026Q4", "2026-12-19", "TU_TQ"]]);
    expect(await scheduleOf(t, admin, "MTTQ_TQ")).toEqual([]);
    expect(await scheduleOf(t, admin, "TQ")).toEqual([]);
  });
});

describe(`Decree 09/2019 data cut-off on the registers (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let head: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-16T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    head = await account(t, tree.x2.id, "aggregator");
    expect((await call(t, "PUT", `/api/settings?org=${tree.province.code}`, admin.headers, { reporting: { cutoff: "decree09" } })).statusCode).toBe(200);
    const code = tree.x2.code;
    await importCsv(t, admin.headers, "documents", [
      DOC_HEADER,
      ...documentRows(code, "2026-03-14", 1), ...documentRows(code, "2026-03-15", 2), ...documentRows(code, "2026-04-20", 4),
      ...documentRows(code, "2026-06-14", 8), ...documentRows(code, "2026-06-15", 16),
      ...documentRows(code, "2025-03-14", 100), ...documentRows(code, "2025-03-15", 32), ...documentRows(code, "2025-06-15", 64),
    ]);
    await importCsv(t, admin.headers, "meetings", [
      MEETING_HEADER,
      `${code},Hội nghị sát giờ chốt,chuyen_mon,noi_bo,truc_tuyen,14/06/2026 22:00,14/06/2026 23:30`,
      `${code},Hội nghị sau giờ chốt,chuyen_mon,noi_bo,truc_tiep,15/06/2026 00:10,15/06/2026 02:00`,
      `${code},Hội nghị đầu kỳ,chuyen_mon,noi_bo,truc_tiep,15/03/2026 07:30,15/03/2026 11:00`,
    ]);
    await importCsv(t, admin.headers, "tthc", ["org_code,period,received,processed_digitally", `${code},2026-03,10,10`, `${code},2026-06,20,5`]);
  }, 120_000);
  afterAll(async () => t.close());

  it("a quarter's data runs from the 15th of the month before it to the 14th of its last month", async () => {
    const res = await call(t, "POST", "/api/reports", head.headers, { org: tree.x2.code, period: "2026Q2" });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json().content;
    expect(c.range).toEqual({ start: "2026-03-15", end: "2026-06-15", convention: "decree09" });
    // 15/03 (2) + 20/04 (4) + 14/06 (8), not 14/03 nor 15/06; last year [15/03/2025, 15/06/2025): 32
    expect(c.figures.documents.total).toEqual({ current: 14, previous: 32, cut: 56.3 });
    // conferences by local start time: 15/03 07:30 and 14/06 22:00 count, 15/06 00:10 does not
    expect(c.figures.conferences.total.current).toBe(2);
    expect(c.figures.conferences.online).toBe(1);
    // TTHC months count in the range holding their last day: March in, June out
    expect(c.figures.tthc).toMatchObject({ received: 10, processedDigitally: 10 });
    // the indicator sheet stays on the calendar quarter: 4 + 8 + 16
    expect(c.indicators.D1.current).toBe(28);
    expect(c.notes.join(" ")).toContain("Nghị định 09/2019");
  });

  it("a year runs from 15/12 of the previous year to 14/12", async () => {
    const res = await call(t, "POST", "/api/reports", head.headers, { org: tree.x2.code, period: "2026" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().content.range).toEqual({ start: "2025-12-15", end: "2026-12-15", convention: "decree09" });
    expect(res.json().content.figures.documents.total.current).toBe(31);
  });
});
