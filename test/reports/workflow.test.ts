// The report workflow (issue "Periodic reports" §2, §3) through the HTTP API: filled from the
// registers, quality flags explained before sending, submitted by the unit's head, returned with
// comments anchored to a figure and a section, resubmitted late, accepted and locked, corrected
// as a new version with the old one kept and the difference shown; every step audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, MEETING_HEADER, meetingRows, setClock, type LoggedIn, type Tree } from "./reports-setup.js";

type View = {
  id: number; status: string; stage: string; live: boolean; onTime: boolean | null; acceptedVersion: number | null; latestVersion: number | null;
  deadline: { lastDay: string; text: string }; recipient: { code: string } | null;
  content: { figures: { documents: { byType: Record<string, { current: number; previous: number | null; cut: number | null }>; administrative: { current: number; previous: number } }; conferences: { total: { current: number }; online: number }; tthc: { share: number } }; indicators: Record<string, { value: unknown }>; range: { start: string; end: string } };
  flags: Array<{ key: string; explanation: string | null }>;
  narrative: Record<string, string>;
  rights: Record<string, boolean>;
  versions: Array<{ version: number; onTime: boolean; decision: string | null; submittedBy: string | null }>;
  comments: Array<{ anchor: string; anchorLabel: string; body: string; version: number }>;
  events: Array<{ step: string; version: number | null }>;
};

describe(`report workflow (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let officer: LoggedIn, head: LoggedIn, reviewer: LoggedIn, viewer: LoggedIn, otherCommune: LoggedIn;
  let id = 0;
  const view = async (who: LoggedIn) => (await call(t, "GET", `/api/reports/${id}`, who.headers)).json() as View;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-10T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    officer = await account(t, tree.x1.id, "officer");
    head = await account(t, tree.x1.id, "aggregator");
    reviewer = await account(t, tree.province.id, "aggregator");
    viewer = await account(t, tree.province.id, "viewer");
    otherCommune = await account(t, tree.x2.id, "officer");
    const docs: string[] = [DOC_HEADER];
    const meetings: string[] = [MEETING_HEADER];
    // 2025-01 … 2026-06: 20–24 công văn, 3 quyết định, 1 nghị quyết a month; none in April 2026, a burst in May 2026
    for (let i = 0; i < 18; i += 1) {
      const month = `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      const cv = month === "2026-04" ? 0 : month === "2026-05" ? 80 : 20 + (i % 5);
      if (month !== "2026-04") docs.push(...documentRows(tree.x1.code, `${month}-10`, cv, "CV"), ...documentRows(tree.x1.code, `${month}-11`, 3, "QĐ"), ...documentRows(tree.x1.code, `${month}-12`, 1, "NQ"));
      meetings.push(...meetingRows(tree.x1.code, `${month}-05`, 1, "truc_tiep"), ...meetingRows(tree.x1.code, `${month}-06`, 1, "truc_tuyen"));
    }
    await importCsv(t, admin.headers, "documents", docs);
    await importCsv(t, admin.headers, "meetings", meetings);
    await importCsv(t, admin.headers, "tthc", ["org_code,period,received,processed_digitally", `${tree.x1.code},2026-04,100,90`, `${tree.x1.code},2026-05,100,90`, `${tree.x1.code},2025-05,100,50`]);
  }, 120_000);
  afterAll(async () => t.close());

  it("needs a session and a unit in the user's subtree", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/reports", payload: { org: tree.x1.code, period: "2026Q2" } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/reports/1" })).statusCode).toBe(401);
    expect((await call(t, "POST", "/api/reports", otherCommune.headers, { org: tree.x1.code, period: "2026Q2" })).statusCode).toBe(403);
    expect((await call(t, "POST", "/api/reports", viewer.headers, { org: tree.x1.code, period: "2026Q2" })).statusCode).toBe(403);
  });

  it("describes every reports route in the OpenAPI document", async () => {
    const paths = Object.keys((await t.app.inject({ method: "GET", url: "/api/docs/json" })).json().paths as object);
    for (const p of ["/api/reports", "/api/reports/{id}", "/api/reports/{id}/submit", "/api/reports/{id}/return", "/api/reports/matrix", "/api/reports/notices", "/api/reports/combined", "/api/ratings"]) {
      expect(paths).toContain(p);
    }
  });

  it("refuses a period the unit does not owe, and a bad period", async () => {
    const month = await call(t, "POST", "/api/reports", officer.headers, { org: tree.x1.code, period: "2026-05" });
    expect(month.statusCode).toBe(422);
    expect(month.json().message).toContain("không phải gửi báo cáo tháng 5 năm 2026");
    expect((await call(t, "POST", "/api/reports", officer.headers, { org: tree.x1.code, period: "2026Q5" })).statusCode).toBe(400);
  });

  it("opens the quarter's report already filled from the registers, with its quality flags", async () => {
    const res = await call(t, "POST", "/api/reports", officer.headers, { org: tree.x1.code, period: "2026q2" });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as View;
    id = v.id;
    expect(v).toMatchObject({ status: "due", stage: "draft", live: true, recipient: { code: tree.province.code }, deadline: { lastDay: "2026-06-14", text: "trước ngày 15/06/2026" } });
    // April 0, May 80 + 3 + 1, June (to the 12th) 20 + 3 + 1 (i = 17 → 20 + 2) against Q2 2025 (i = 3, 4, 5)
    expect(v.content.figures.documents.byType.CV).toEqual({ current: 80 + 22, previous: 23 + 24 + 20, cut: -52.2 });
    expect(v.content.figures.documents.byType.QĐ).toEqual({ current: 6, previous: 9, cut: 33.3 });
    expect(v.content.figures.documents.byType.NQ?.current).toBe(2);
    expect(v.content.figures.conferences.total.current).toBe(6);
    expect(v.content.figures.conferences.online).toBe(3);
    expect(v.content.figures.tthc.share).toBe(90);
    // the sheet is the unit's with its office (which owes no report of its own)
    // D1 on administrative documents: (79 − 110) / 79
    expect(v.content.figures.documents.administrative).toEqual({ current: 110, previous: 79, cut: -39.2 });
    expect(v.content.indicators.D1?.value).toBe(-39.2);
    expect(v.flags.map((f) => f.key)).toEqual(["empty-month:2026-04", "outlier:documents:2026-05"]);
    expect(v.rights).toEqual({ read: true, prepare: true, submit: false, review: false, comment: true });
    const again = await call(t, "POST", "/api/reports", head.headers, { org: tree.x1.code, period: "2026Q2" });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
  });

  it("an officer prepares but only the unit's head (or delegate) sends, after explaining every flag", async () => {
    const edit = await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { narrative: { ketQua: "Đã giảm hội họp.", kienNghi: "Đề nghị tập huấn." } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().narrative).toEqual({ ketQua: "Đã giảm hội họp.", hanChe: "", nguyenNhan: "", kienNghi: "Đề nghị tập huấn." });
    expect((await call(t, "POST", `/api/reports/${id}/submit`, officer.headers)).statusCode).toBe(403);
    const refused = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain("Cần giải thích 2 cảnh báo");
    expect(refused.json().details.flags.map((f: { key: string }) => f.key)).toEqual(["empty-month:2026-04", "outlier:documents:2026-05"]);
    await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { explanations: { "empty-month:2026-04": "Tháng 4 chưa nhập sổ do chuyển đổi phần mềm" } });
    expect((await call(t, "POST", `/api/reports/${id}/submit`, head.headers)).statusCode).toBe(422);
    await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { explanations: { "outlier:documents:2026-05": "Văn bản tháng 4 được vào sổ trong tháng 5" } });
    const sent = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: "submitted", stage: "submitted", live: false, onTime: true, latestVersion: 1, versions: [{ version: 1, onTime: true, decision: null }] });
    expect(sent.json().flags.every((f: { explanation: string | null }) => f.explanation !== null)).toBe(true);
  });

  it("freezes the figures at submission: a record added later changes nothing, and the report cannot be edited", async () => {
    const admin = await account(t, tree.province.id, "admin");
    await importCsv(t, admin.headers, "documents", [DOC_HEADER, ...documentRows(tree.x1.code, "2026-06-09", 1, "CV")]);
    expect((await view(officer)).content.figures.documents.byType.CV?.current).toBe(102);
    const edit = await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { narrative: { hanChe: "x" } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain("Báo cáo đã gửi");
  });

  it("the receiving level returns it with comments on a figure and a section; the sender may not decide", async () => {
    expect((await call(t, "POST", `/api/reports/${id}/accept`, officer.headers, {})).statusCode).toBe(403);
    expect((await call(t, "POST", `/api/reports/${id}/accept`, viewer.headers, {})).statusCode).toBe(403);
    expect((await call(t, "POST", `/api/reports/${id}/accept`, head.headers, {})).statusCode).toBe(403);
    const badAnchor = await call(t, "POST", `/api/reports/${id}/return`, reviewer.headers, { reason: "x", comments: [{ anchor: "figure:documents.byType.XX.current", body: "?" }] });
    expect(badAnchor.statusCode).toBe(400);
    expect(badAnchor.json().message).toContain("comments.0.anchor");
    const res = await call(t, "POST", `/api/reports/${id}/return`, reviewer.headers, {
      reason: "Số công văn tháng 5 cần kiểm tra lại",
      comments: [{ anchor: "figure:documents.byType.CV.current", body: "Số công văn tăng bất thường" }, { anchor: "section:hanChe", body: "Chưa nêu hạn chế" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as View;
    expect(v).toMatchObject({ status: "returned", versions: [{ version: 1, decision: "returned" }] });
    expect(v.comments.map((c) => [c.anchor, c.anchorLabel, c.version])).toEqual([
      ["figure:documents.byType.CV.current", "Số liệu «Công văn — kỳ này»", 1],
      ["section:hanChe", "Phần «Hạn chế»", 1],
    ]);
    expect((await call(t, "POST", `/api/reports/${id}/accept`, reviewer.headers, {})).statusCode).toBe(409);
  });

  it("a returned report is edited, re-computed and resubmitted late: the version is late, the report's first submission was on time", async () => {
    setClock(t, "2026-06-16T02:00:00Z");
    for (const who of [officer, head, reviewer, viewer]) await who.relogin();
    const edited = await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { narrative: { hanChe: "Còn chậm số hóa.", ketQua: "Đã giảm hội họp, tăng họp trực tuyến." } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ live: true, status: "returned" });
    expect(edited.json().content.figures.documents.byType.CV.current).toBe(103);
    const sent = await call(t, "POST", `/api/reports/${id}/submit`, head.headers);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: "submitted", onTime: true, versions: [{ version: 1, onTime: true }, { version: 2, onTime: false }] });
  });

  it("shows what changed between versions", async () => {
    const res = await call(t, "GET", `/api/reports/${id}/diff?from=1&to=2`, reviewer.headers);
    expect(res.statusCode).toBe(200);
    const d = res.json().diff as { figures: Array<{ path: string; before: number; after: number }>; sections: Array<{ section: string }> };
    expect(d.figures.find((f) => f.path === "documents.byType.CV.current")).toMatchObject({ before: 102, after: 103 });
    expect(d.sections.map((s) => s.section)).toEqual(["ketQua", "hanChe"]);
  });

  it("accepted reports are locked; a correction makes version 3 and keeps the accepted one until it is accepted", async () => {
    const ok = await call(t, "POST", `/api/reports/${id}/accept`, reviewer.headers, { note: "Đã tiếp nhận" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "accepted", acceptedVersion: 2 });
    expect((await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { narrative: { hanChe: "y" } })).statusCode).toBe(409);
    expect((await call(t, "POST", `/api/reports/${id}/submit`, head.headers)).statusCode).toBe(409);
    expect((await call(t, "POST", `/api/reports/${id}/correct`, viewer.headers, { reason: "x" })).statusCode).toBe(403);
    const corr = await call(t, "POST", `/api/reports/${id}/correct`, officer.headers, { reason: "Bổ sung số liệu hội nghị" });
    expect(corr.statusCode, corr.body).toBe(200);
    expect(corr.json()).toMatchObject({ stage: "draft", status: "accepted", acceptedVersion: 2, live: true });
    await call(t, "PATCH", `/api/reports/${id}`, officer.headers, { narrative: { nguyenNhan: "Do chuyển đổi phần mềm." } });
    expect((await call(t, "POST", `/api/reports/${id}/submit`, head.headers)).statusCode).toBe(200);
    const three = await call(t, "POST", `/api/reports/${id}/accept`, reviewer.headers, {});
    expect(three.json()).toMatchObject({ status: "accepted", acceptedVersion: 3, latestVersion: 3 });
    const v1 = await call(t, "GET", `/api/reports/${id}/versions/1`, viewer.headers);
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, decision: "returned", narrative: { hanChe: "" } });
    expect(v1.json().content.figures.documents.byType.CV.current).toBe(102);
    expect((await call(t, "GET", `/api/reports/${id}/diff?from=2&to=3`, viewer.headers)).json().diff.sections.map((s: { section: string }) => s.section)).toEqual(["nguyenNhan"]);
    expect((await call(t, "GET", `/api/reports/${id}/versions/9`, viewer.headers)).statusCode).toBe(404);
  });

  it("records every step with who and when, in the events and the audit log", async () => {
    const v = await view(viewer);
    expect(v.events.map((e) => e.step)).toEqual(["create", "edit", "edit", "edit", "submit", "return", "edit", "submit", "accept", "correct", "edit", "submit", "accept"]);
    const audit = await t.ctx.handle.db.selectFrom("audit_log").select(["action", "user_id", "after"]).where("entity", "=", "reports").where("entity_id", "=", String(id)).orderBy("id").execute();
    const steps = audit.map((a) => (a.after as { step?: string } | null)?.step ?? a.action);
    expect(steps).toEqual(["create", "update", "update", "update", "submit", "return", "update", "submit", "accept", "correct", "update", "submit", "accept"]);
    expect(audit[4]?.user_id).toBe(head.id);
    expect(audit[5]?.user_id).toBe(reviewer.id);
  });

  it("a unit outside the subtree cannot read the report", async () => {
    await otherCommune.relogin();
    expect((await call(t, "GET", `/api/reports/${id}`, otherCommune.headers)).statusCode).toBe(403);
    expect((await call(t, "GET", "/api/reports/999999", viewer.headers)).statusCode).toBe(404);
  });
});
