// The aggregator's side (issue "Periodic reports" §4, §7): the units × periods status matrix with
// completeness and timeliness, reminders and escalations, the combined report with its per-unit
// breakdown, and indicator R1 — under seed 000's regime (units → Sở Nội vụ → Province).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePeriod } from "../../server/src/domain/period.js";
import { thaiNguyen426 } from "../../server/src/domain/reports/presets.js";
import { computeReportIndicators } from "../../server/src/reports/report.indicators.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, setClock, type LoggedIn, type Tree } from "./reports-setup.js";

type Notice = { kind: string; severity: string; org: { code: string }; period: string; message: string };

describe(`reports: matrix, reminders, combined report, R1 (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let snvAgg: LoggedIn, provAgg: LoggedIn, sytHead: LoggedIn, x1Head: LoggedIn, x2Head: LoggedIn;
  const users = () => [snvAgg, provAgg, sytHead, x1Head, x2Head];
  const at = async (iso: string) => {
    setClock(t, iso);
    for (const u of users()) await u.relogin();
  };
  /** Opens a unit's report, explains every flag, submits it; returns its id. */
  const send = async (head: LoggedIn, code: string, period: string): Promise<number> => {
    const opened = await call(t, "POST", "/api/reports", head.headers, { org: code, period });
    expect([200, 201], opened.body).toContain(opened.statusCode);
    const { id, flags } = opened.json() as { id: number; flags: Array<{ key: string }> };
    const explanations = Object.fromEntries(flags.map((f) => [f.key, "Đã kiểm tra, số liệu đúng"]));
    expect((await call(t, "PATCH", `/api/reports/${id}`, head.headers, { explanations, narrative: { ketQua: `Kết quả ${code}` } })).statusCode).toBe(200);
    const sent = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(sent.statusCode, sent.body).toBe(200);
    return id;
  };
  const notices = async (who: LoggedIn, code: string) => {
    const res = await call(t, "GET", `/api/reports/notices?org=${code}`, who.headers);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { notices: Notice[] }).notices;
  };

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-07T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    const quarterly = thaiNguyen426({ homeAffairs: tree.snv.code }).map((s) => ({ ...s, periods: ["quarter" as const] }));
    expect((await call(t, "PUT", `/api/settings?org=${tree.province.code}`, admin.headers, { reporting: { schedules: quarterly } })).statusCode).toBe(200);
    await importCsv(t, admin.headers, "documents", [
      DOC_HEADER,
      ...documentRows(tree.x1.code, "2026-04-10", 10), ...documentRows(tree.x1.code, "2025-04-10", 20),
      ...documentRows(tree.syt.code, "2026-05-10", 5, "QĐ"), ...documentRows(tree.syt.code, "2025-05-10", 5, "QĐ"),
      ...documentRows(tree.snv.code, "2026-04-02", 3, "KH"),
    ]);
    snvAgg = await account(t, tree.snv.id, "aggregator");
    provAgg = await account(t, tree.province.id, "aggregator");
    sytHead = await account(t, tree.syt.id, "aggregator");
    x1Head = await account(t, tree.x1.id, "aggregator");
    x2Head = await account(t, tree.x2.id, "aggregator");
  }, 120_000);
  afterAll(async () => t.close());

  it("reminds a unit 7 and 3 days before its deadline and on the day", async () => {
    const q2 = (list: Notice[]) => list.filter((n) => n.period === "2026Q2").map((n) => [n.kind, n.severity, n.message]);
    expect(q2(await notices(x2Head, tree.x2.code))).toEqual([["upcoming", "info", "Còn 7 ngày đến hạn gửi báo cáo quý II năm 2026 (trước ngày 15/06/2026)."]]);
    await at("2026-06-11T03:00:00Z");
    expect(q2(await notices(x2Head, tree.x2.code))).toEqual([["upcoming", "warning", "Còn 3 ngày đến hạn gửi báo cáo quý II năm 2026 (trước ngày 15/06/2026)."]]);
    await at("2026-06-14T03:00:00Z");
    expect(q2(await notices(x2Head, tree.x2.code))).toEqual([["due_today", "danger", "Hôm nay (14/06/2026) là hạn cuối gửi báo cáo quý II năm 2026."]]);
    // the first quarter's report, never sent, is late since March
    expect((await notices(x2Head, tree.x2.code)).find((n) => n.period === "2026Q1")).toMatchObject({ kind: "late", severity: "danger" });
  });

  it("an accepted report on time, a late one, a missing one", async () => {
    await at("2026-06-10T03:00:00Z");
    const x1Report = await send(x1Head, tree.x1.code, "2026Q2");
    const accepted = await call(t, "POST", `/api/reports/${x1Report}/accept`, snvAgg.headers, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    await at("2026-06-16T03:00:00Z");
    await send(sytHead, tree.syt.code, "2026Q2");
  });

  it("escalates a late unit to its recipient (Sở Nội vụ) and its parent (the Province); the recipient sees reports awaiting it", async () => {
    const own = (await notices(x2Head, tree.x2.code)).find((n) => n.period === "2026Q2");
    expect(own).toMatchObject({ kind: "late", message: "Báo cáo quý II năm 2026 đã quá hạn 2 ngày (hạn trước ngày 15/06/2026)." });
    const all = (await notices(snvAgg, tree.snv.code)).filter((n) => n.period === "2026Q2");
    // its own quarterly report to the Province is due on 19/06
    expect(all.find((n) => n.org.code === tree.snv.code)).toMatchObject({ kind: "upcoming", severity: "warning" });
    const snv = all.filter((n) => n.org.code !== tree.snv.code);
    expect(snv.map((n) => [n.kind, n.org.code])).toEqual([["escalation", tree.x2.code], ["awaiting_review", tree.syt.code]]);
    expect(snv[0]?.message).toBe("Xã Tân Trào chậm gửi báo cáo quý II năm 2026 2 ngày (hạn trước ngày 15/06/2026).");
    const province = (await notices(provAgg, tree.province.code)).filter((n) => n.period === "2026Q2" && n.kind === "escalation");
    expect(province.map((n) => n.org.code)).toEqual([tree.x2.code]);
    expect((await call(t, "GET", `/api/reports/notices?org=${tree.province.code}`, x1Head.headers)).statusCode).toBe(403);
  });

  it("shows units × periods with statuses and completeness / timeliness counts", async () => {
    const res = await call(t, "GET", `/api/reports/matrix?org=${tree.province.code}&year=2026&kind=quarter`, provAgg.headers);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as { periods: Array<{ period: string; counts: Record<string, unknown> }>; rows: Array<{ org: { code: string }; cells: Array<{ period: string; status: string; onTime: boolean | null }> }> };
    expect(m.periods.map((p) => p.period)).toEqual(["2026Q1", "2026Q2", "2026Q3", "2026Q4"]);
    const q2 = Object.fromEntries(m.rows.map((r) => [r.org.code, r.cells.find((c) => c.period === "2026Q2")]));
    expect(q2[tree.snv.code]).toMatchObject({ status: "due", onTime: null });
    expect(q2[tree.syt.code]).toMatchObject({ status: "submitted", onTime: false });
    expect(q2[tree.x1.code]).toMatchObject({ status: "accepted", onTime: true });
    expect(q2[tree.x2.code]).toMatchObject({ status: "late", onTime: false });
    expect(m.rows.map((r) => r.org.code)).not.toContain(tree.x1Office.code);
    expect(m.periods.find((p) => p.period === "2026Q2")?.counts).toMatchObject({ owed: 4, expected: 3, received: 2, onTime: 1, late: 1, accepted: 1, submitted: 1, due: 1, completeness: 66.7, timeliness: 33.3 });
    expect(m.periods.find((p) => p.period === "2026Q1")?.counts).toMatchObject({ owed: 4, expected: 4, received: 0, late: 4, completeness: 0 });
    const toSnv = await call(t, "GET", `/api/reports/matrix?org=${tree.province.code}&year=2026&kind=quarter&to=${tree.snv.code}`, provAgg.headers);
    expect((toSnv.json() as { rows: Array<{ org: { code: string } }> }).rows.map((r) => r.org.code).sort()).toEqual([tree.syt.code, tree.x1.code, tree.x2.code].sort());
    expect((await call(t, "GET", `/api/reports/matrix?org=${tree.province.code}&year=2026`, x1Head.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/reports/matrix?year=2026` })).statusCode).toBe(401);
  });

  it("combines Sở Nội vụ's own figures with the accepted reports addressed to it, unit by unit", async () => {
    const res = await call(t, "GET", `/api/reports/combined?org=${tree.snv.code}&period=2026Q2`, snvAgg.headers);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { own: { documents: { total: { current: number } } }; breakdown: { units: Array<{ code: string; status: string; figures: { documents: { total: { current: number } } } | null }>; combined: { documents: { total: { current: number; previous: number } } }; expected: number; accepted: number } };
    expect(c.own.documents.total.current).toBe(3);
    expect(c.breakdown.units.map((u) => [u.code, u.status, u.figures?.documents.total.current ?? null])).toEqual([
      [tree.syt.code, "submitted", null], [tree.x1.code, "accepted", 10], [tree.x2.code, "late", null],
    ]);
    expect(c.breakdown).toMatchObject({ expected: 3, accepted: 1 });
    expect(c.breakdown.combined.documents.total).toMatchObject({ current: 13, previous: 20 });
    // Sở Nội vụ's own report carries the breakdown
    const own = await call(t, "POST", "/api/reports", snvAgg.headers, { org: tree.snv.code, period: "2026Q2" });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().content.breakdown.accepted).toBe(1);
    expect((await call(t, "GET", `/api/reports/combined?org=${tree.snv.code}&period=2026Q2`, x2Head.headers)).statusCode).toBe(403);
  });

  it("the receiving Sở Nội vụ reads a commune's report outside its subtree; a commune cannot read another's", async () => {
    const x1Id = (await call(t, "POST", "/api/reports", x1Head.headers, { org: tree.x1.code, period: "2026Q2" })).json().id as number;
    const seen = await call(t, "GET", `/api/reports/${x1Id}`, snvAgg.headers);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().rights).toMatchObject({ read: true, prepare: false, review: true });
    expect((await call(t, "GET", `/api/reports/${x1Id}`, x2Head.headers)).statusCode).toBe(403);
  });

  it("R1: share of reports due in P sent on time, judged by the first submission", async () => {
    const ids = [tree.snv.id, tree.syt.id, tree.x1.id, tree.x2.id];
    const q2 = await computeReportIndicators(t.ctx, { orgIds: ids, period: parsePeriod("2026Q2"), today: "2026-06-16" });
    // due in Q2: the units' reports (14/06) — Sở Nội vụ's (19/06) is not yet known
    expect(q2.R1).toMatchObject({ value: 33.3, target: 100, met: false, numerator: 1, denominator: 3, violations: [`${tree.syt.code}:2026Q2`, `${tree.x2.code}:2026Q2`].sort() });
    expect((await computeReportIndicators(t.ctx, { orgIds: ids, period: parsePeriod("2026Q2"), today: "2026-06-20" })).R1.denominator).toBe(4);
    expect((await computeReportIndicators(t.ctx, { orgIds: ids, period: parsePeriod("2026Q1"), today: "2026-06-16" })).R1).toMatchObject({ value: 0, numerator: 0, denominator: 4 });
    expect((await computeReportIndicators(t.ctx, { orgIds: [tree.x1.id], period: parsePeriod("2026Q2"), today: "2026-06-16", target: 90 })).R1).toMatchObject({ value: 100, target: 90, met: true });
    expect((await computeReportIndicators(t.ctx, { orgIds: [tree.x1Office.id], period: parsePeriod("2026"), today: "2026-06-16" })).R1).toMatchObject({ value: null, met: null, denominator: 0 });
  });
});
