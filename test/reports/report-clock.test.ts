// One clock for a report's history (issue "Periodic reports" §3): every time the workflow writes —
// the report's creation and last change, each event, each comment, a version's submission and
// decision — is the app's clock (ctx.now()), never the database's now(), so that the history and
// the timeliness judged from the submission time agree. The clock is set to days far from the
// machine's, which a database default would betray.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, setClock, type LoggedIn, type Tree } from "./reports-setup.js";

// 10/06 10:00, 12/06 09:00, 14/06 23:30 (Hà Nội; the deadline is "before 15/06"), 16/06 08:00, 18/06 14:00
const T = {
  open: "2026-06-10T03:00:00.000Z", edit: "2026-06-12T02:00:00.000Z", submit: "2026-06-14T16:30:00.000Z",
  ret: "2026-06-16T01:00:00.000Z", resubmit: "2026-06-17T01:00:00.000Z", accept: "2026-06-18T07:00:00.000Z",
} as const;

describe(`report history on the app's clock (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let head: LoggedIn, reviewer: LoggedIn;
  let id = 0;
  const at = async (iso: string) => {
    setClock(t, iso);
    for (const u of [head, reviewer]) await u.relogin();
  };

  beforeAll(async () => {
    t = await startTestApp(new Date(T.open));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    head = await account(t, tree.x1.id, "aggregator");
    reviewer = await account(t, tree.province.id, "aggregator");
    await importCsv(t, admin.headers, "documents", [DOC_HEADER, ...documentRows(tree.x1.code, "2026-05-10", 5, "CV"), ...documentRows(tree.x1.code, "2025-05-10", 5, "CV")]);
  }, 120_000);
  afterAll(async () => t.close());

  it("records every step at the time the app's clock gave, and judges timeliness on it", async () => {
    const opened = await call(t, "POST", "/api/reports", head.headers, { org: tree.x1.code, period: "2026Q2" });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id as number;
    const explanations = Object.fromEntries((opened.json().flags as Array<{ key: string }>).map((f) => [f.key, "Số liệu đúng"]));
    await at(T.edit);
    expect((await call(t, "PATCH", `/api/reports/${id}`, head.headers, { narrative: { ketQua: "Đã giảm văn bản." }, explanations })).statusCode).toBe(200);
    await at(T.submit);
    const sent = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(sent.statusCode, sent.body).toBe(200);
    // 23:30 on the last day, local time: on time
    expect(sent.json()).toMatchObject({ onTime: true, firstSubmittedAt: T.submit });
    await at(T.ret);
    expect((await call(t, "POST", `/api/reports/${id}/return`, reviewer.headers, { reason: "Bổ sung hạn chế", comments: [{ anchor: "section:hanChe", body: "Chưa nêu hạn chế" }] })).statusCode).toBe(200);
    await at(T.resubmit);
    const again = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(again.json().versions.map((v: { onTime: boolean }) => v.onTime)).toEqual([true, false]);
    await at(T.accept);
    const done = await call(t, "POST", `/api/reports/${id}/accept`, reviewer.headers, {});
    expect(done.statusCode, done.body).toBe(200);

    const events = done.json().events as Array<{ step: string; at: string }>;
    expect(events.map((e) => [e.step, e.at])).toEqual([
      ["create", T.open], ["edit", T.edit], ["submit", T.submit], ["return", T.ret], ["submit", T.resubmit], ["accept", T.accept],
    ]);
    expect(done.json().comments.map((c: { at: string }) => c.at)).toEqual([T.ret]);

    const db = t.ctx.handle.db;
    const report = await db.selectFrom("reports").select(["created_at", "updated_at", "first_submitted_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect([report.created_at.toISOString(), report.updated_at.toISOString(), report.first_submitted_at?.toISOString()]).toEqual([T.open, T.accept, T.submit]);
    const versions = await db.selectFrom("report_versions").select(["version", "submitted_at", "decided_at", "on_time"]).where("report_id", "=", id).orderBy("version").execute();
    expect(versions.map((v) => [v.version, v.submitted_at.toISOString(), v.decided_at?.toISOString(), v.on_time])).toEqual([
      [1, T.submit, T.ret, true], [2, T.resubmit, T.accept, false],
    ]);
    const stored = await db.selectFrom("report_events").select(["step", "at"]).where("report_id", "=", id).orderBy("id").execute();
    expect(stored.map((e) => e.at.toISOString())).toEqual(events.map((e) => e.at));
  });

  it("a correction and a comment are on the same clock", async () => {
    await at("2026-07-02T03:00:00.000Z");
    expect((await call(t, "POST", `/api/reports/${id}/correct`, head.headers, { reason: "Bổ sung số liệu" })).statusCode).toBe(200);
    await at("2026-07-03T03:00:00.000Z");
    const c = await call(t, "POST", `/api/reports/${id}/comments`, reviewer.headers, { anchor: "report", body: "Đã xem" });
    expect(c.statusCode, c.body).toBe(201);
    const v = c.json() as { events: Array<{ step: string; at: string }>; comments: Array<{ body: string; at: string }> };
    expect(v.events.slice(-2).map((e) => [e.step, e.at])).toEqual([["correct", "2026-07-02T03:00:00.000Z"], ["comment", "2026-07-03T03:00:00.000Z"]]);
    expect(v.comments.find((x) => x.body === "Đã xem")?.at).toBe("2026-07-03T03:00:00.000Z");
  });
});
