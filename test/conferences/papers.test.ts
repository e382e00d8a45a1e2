// A conference's papers (issue 7 §5): upload, list, download and delete with the host unit's
// access rules, type and size checks, and "sent to delegates" with the "papers late" verdict of
// the setting papersDaysAhead (3 days by default).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { auditRows, multipart, type Headers } from "../plans-api/plans-setup.js";
import { AGENDA_PDF, buildMeeting, REPORT_DOCX } from "./conference-setup.js";

type Paper = { id: number; title: string; fileName: string; contentType: string; size: number; createdAt: string };
type Sent = { sentAt: string | null; status: string; isLate: boolean; dueBy: string; daysAhead: number; daysBeforeStart: number | null; finding: { rule: string; message: string } | null };
type Papers = { meetingId: number; agenda: string | null; papers: Paper[]; sent: Sent; canEdit: boolean };

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe(`conference papers (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let communeA: { id: number; code: string };
  let officerA: Headers;
  let viewerA: Headers;
  let officeOfficer: Headers;
  let officerB: Headers;
  let provinceAggregator: Headers;
  let upcoming: number; // starts 20/06/2026 08:00 (today is 15/06): papers due by 17/06 08:00

  beforeAll(async () => {
    t = await startTestApp(); // now: 15/06/2026 10:00 in Hà Nội
    const province = await buildOrg(t.ctx, { level: "province" });
    communeA = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
    const communeB = await buildOrg(t.ctx, { parentId: province.id, level: "commune" });
    const office = await buildOrg(t.ctx, { parentId: communeA.id, level: "office" });
    officerA = (await buildUser(t.ctx, communeA.id, "officer")).headers;
    viewerA = (await buildUser(t.ctx, communeA.id, "viewer")).headers;
    officeOfficer = (await buildUser(t.ctx, office.id, "officer")).headers;
    officerB = (await buildUser(t.ctx, communeB.id, "officer")).headers;
    provinceAggregator = (await buildUser(t.ctx, province.id, "aggregator")).headers;
    upcoming = (await buildMeeting(t.ctx, communeA.id, "2026-06-20 08:00", "2026-06-20 11:00")).id;
  }, 60_000);
  afterAll(async () => t.close());

  const upload = (meetingId: number, headers: Headers, fileName: string, content: Buffer, fields: Record<string, string> = {}) => {
    const body = multipart(fileName, content, fields);
    return t.app.inject({ method: "POST", url: `/api/meetings/${meetingId}/papers`, headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const list = async (meetingId: number, headers: Headers = viewerA): Promise<Papers> => {
    const res = await t.app.inject({ method: "GET", url: `/api/meetings/${meetingId}/papers`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Papers;
  };
  const markSent = (meetingId: number, headers: Headers, payload?: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url: `/api/meetings/${meetingId}/papers/sent`, headers, ...(payload ? { payload } : {}) });

  it("answers 401 without a session on every route", async () => {
    for (const [method, url] of [
      ["GET", `/api/meetings/${upcoming}/papers`], ["POST", `/api/meetings/${upcoming}/papers`], ["GET", `/api/meetings/${upcoming}/papers/1/file`],
      ["DELETE", `/api/meetings/${upcoming}/papers/1`], ["POST", `/api/meetings/${upcoming}/papers/sent`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("uploads a real DOCX and PDF and downloads the same bytes with the right type and a safe name", async () => {
    const docx = REPORT_DOCX();
    const res = await upload(upcoming, officerA, "Báo cáo sơ kết (6 tháng).docx", docx, { title: "Báo cáo sơ kết 6 tháng đầu năm" });
    expect(res.statusCode, res.body).toBe(201);
    const paper = res.json() as Paper;
    expect(paper).toMatchObject({ title: "Báo cáo sơ kết 6 tháng đầu năm", fileName: "Báo cáo sơ kết (6 tháng).docx", contentType: DOCX, size: docx.length });

    const pdf = AGENDA_PDF();
    const res2 = await upload(upcoming, provinceAggregator, "chuong-trinh-hoi-nghi.pdf", pdf);
    expect(res2.statusCode, res2.body).toBe(201);
    expect(res2.json()).toMatchObject({ title: "chuong-trinh-hoi-nghi", contentType: "application/pdf", size: pdf.length });

    const view = await list(upcoming);
    expect(view.papers.map((p) => p.title)).toEqual(["Báo cáo sơ kết 6 tháng đầu năm", "chuong-trinh-hoi-nghi"]);
    expect(view.canEdit).toBe(false); // a viewer

    const file = await t.app.inject({ method: "GET", url: `/api/meetings/${upcoming}/papers/${paper.id}/file`, headers: viewerA });
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, docx)).toBe(0);
    expect(file.headers["content-type"]).toBe(DOCX);
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    const disposition = String(file.headers["content-disposition"]);
    // an ASCII fallback, and the UTF-8 name with every character outside RFC 5987's attr-chars encoded
    expect(disposition).toBe("attachment; filename=\"bao-cao-so-ket-6-thang-.docx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20s%C6%A1%20k%E1%BA%BFt%20%286%20th%C3%A1ng%29.docx");

    const pdfFile = await t.app.inject({ method: "GET", url: `/api/meetings/${upcoming}/papers/${(res2.json() as Paper).id}/file`, headers: officerA });
    expect(pdfFile.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(pdfFile.rawPayload, pdf)).toBe(0);
    const audits = await auditRows(t, "meeting_papers");
    expect(audits.map((a) => a.action)).toEqual(["create", "create"]);
  });

  it("refuses a file over 10 MB, of another type, or whose bytes do not match its name", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(upcoming, officerA, "lon.pdf", big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().message).toMatch(/vượt quá dung lượng cho phép \(10 MB\)/);
    const exe = await upload(upcoming, officerA, "chuong-trinh.exe", Buffer.from("MZ\x90\x00"));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toMatch(/^file: chỉ nhận tệp \.pdf, \.docx, \.xlsx/);
    const renamed = await upload(upcoming, officerA, "tai-lieu.pdf", REPORT_DOCX());
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toBe("file: nội dung tệp không phải định dạng .pdf như tên tệp");
    const noFile = await t.app.inject({ method: "POST", url: `/api/meetings/${upcoming}/papers`, headers: officerA, payload: { title: "x" } });
    expect(noFile.statusCode).toBe(400);
    expect((await list(upcoming)).papers).toHaveLength(2);
  });

  it("lets only writers of the host unit's subtree change papers; other units see nothing", async () => {
    const [first] = (await list(upcoming)).papers;
    expect((await upload(upcoming, viewerA, "a.pdf", AGENDA_PDF())).statusCode).toBe(403);
    expect((await upload(upcoming, officerB, "a.pdf", AGENDA_PDF())).statusCode).toBe(403);
    expect((await upload(upcoming, officeOfficer, "a.pdf", AGENDA_PDF())).statusCode).toBe(403); // an office below the host
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${upcoming}/papers`, headers: officerB })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${upcoming}/papers/${first?.id}/file`, headers: officerB })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/meetings/${upcoming}/papers/${first?.id}`, headers: viewerA })).statusCode).toBe(403);
    expect((await markSent(upcoming, viewerA)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/meetings/99999999/papers", headers: officerA })).statusCode).toBe(404);
    // a paper is reached only through its own conference
    const other = (await buildMeeting(t.ctx, communeA.id, "2026-06-22 08:00", "2026-06-22 11:00")).id;
    expect((await t.app.inject({ method: "GET", url: `/api/meetings/${other}/papers/${first?.id}/file`, headers: officerA })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "DELETE", url: `/api/meetings/${other}/papers/${first?.id}`, headers: officerA })).statusCode).toBe(404);
  });

  it("deletes a paper, audited", async () => {
    const extra = await upload(upcoming, officerA, "so-lieu.pdf", AGENDA_PDF(), { title: "Số liệu" });
    const id = (extra.json() as Paper).id;
    const res = await t.app.inject({ method: "DELETE", url: `/api/meetings/${upcoming}/papers/${id}`, headers: officerA });
    expect(res.statusCode).toBe(204);
    expect((await list(upcoming)).papers.map((p) => p.id)).not.toContain(id);
    const audit = (await auditRows(t, "meeting_papers", id)).map((a) => a.action);
    expect(audit).toEqual(["create", "delete"]);
  });

  it("marks the papers sent now, 4 days ahead: on time; the verdict is on the papers view", async () => {
    expect((await list(upcoming)).sent).toMatchObject({ sentAt: null, status: "not_sent", isLate: false, dueBy: "2026-06-17T01:00:00.000Z", daysAhead: 3 });
    const res = await markSent(upcoming, officerA);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sentAt: "2026-06-15T03:00:00.000Z", status: "sent_on_time", isLate: false, daysBeforeStart: 4, finding: null });
    const row = await t.ctx.handle.db.selectFrom("meetings").select("papers_sent_at").where("id", "=", upcoming).executeTakeFirstOrThrow();
    expect(row.papers_sent_at?.toISOString()).toBe("2026-06-15T03:00:00.000Z");
    expect((await list(upcoming)).sent.status).toBe("sent_on_time");
    const audit = (await auditRows(t, "meetings", upcoming)).at(-1);
    expect(audit?.action).toBe("update");
    expect(audit?.after).toMatchObject({ papersSentAt: "2026-06-15T03:00:00.000Z", papers: 2 });
  });

  it("flags papers sent later than the setting allows, and papers not sent when the deadline has passed", async () => {
    const tomorrow = (await buildMeeting(t.ctx, communeA.id, "2026-06-16 08:00", "2026-06-16 11:00", { agenda: "1. Khai mạc\n2. Báo cáo sơ kết" })).id;
    const notSent = (await list(tomorrow)).sent;
    expect(notSent).toMatchObject({ status: "not_sent_late", isLate: true, dueBy: "2026-06-13T01:00:00.000Z", finding: { rule: "PAPERS" } });
    expect(notSent.finding?.message).toMatch(/^Chưa gửi chương trình, tài liệu cho đại biểu; hạn gửi là 13\/06\/2026 08:00/);
    const res = await markSent(tomorrow, officerA, { sentAt: "14/06/2026 16:30" });
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json() as Sent;
    expect(sent).toMatchObject({ sentAt: "2026-06-14T09:30:00.000Z", status: "sent_late", isLate: true, daysBeforeStart: 1, finding: { rule: "PAPERS" } });
    expect(sent.finding?.message).toMatch(/14\/06\/2026 16:30, muộn hơn hạn 13\/06\/2026 08:00/);
    // the setting decides: with 1 day ahead the same sending is in time
    await t.ctx.handle.db.insertInto("jurisdiction_settings").values({ org_id: communeA.id, settings: JSON.stringify({ conferencePlanning: { papersDaysAhead: 1 } }) }).execute();
    expect((await list(tomorrow)).sent).toMatchObject({ status: "sent_on_time", isLate: false, dueBy: "2026-06-15T01:00:00.000Z", finding: null });
    await t.ctx.handle.db.deleteFrom("jurisdiction_settings").where("org_id", "=", communeA.id).execute();
    // a date alone is the start of that day
    const res2 = await markSent(tomorrow, officerA, { sentAt: "2026-06-12" });
    expect(res2.json()).toMatchObject({ sentAt: "2026-06-11T17:00:00.000Z", status: "sent_on_time" });
  });

  it("refuses a future sending, a bad date, and a conference with nothing to send", async () => {
    const future = await markSent(upcoming, officerA, { sentAt: "16/06/2026 08:00" });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe("sentAt: không được sau thời điểm hiện tại (15/06/2026 10:00)");
    expect((await markSent(upcoming, officerA, { sentAt: "hôm qua" })).statusCode).toBe(400);
    expect((await markSent(upcoming, officerA, { sentAt: "14/06/2026", extra: 1 })).statusCode).toBe(400);
    const empty = (await buildMeeting(t.ctx, communeA.id, "2026-06-25 08:00", "2026-06-25 11:00")).id;
    const res = await markSent(empty, officerA);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/^Chưa có chương trình hay tài liệu nào/);
    expect((await list(empty)).sent.status).toBe("not_sent");
  });
});
