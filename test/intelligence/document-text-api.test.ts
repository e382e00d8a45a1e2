// Documents carry their text (issue "Document intelligence" §6): upload as a file (TXT, MD, DOCX,
// PDF) or typed text under /api/documents/:id/text, with the parsed metadata offered against the
// register's fields, audited; the same rights as the document (401, 403, viewer reads only);
// "register from file" pre-fills a new document with the issuer matched to a unit.
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TestApp } from "../helpers/test-app.js";
import { pdfWithText } from "./pdf-fixture.js";
import { createDoc, multipart, putText, seedText, type Headers, type TextJson } from "./text-setup.js";

let t: TestApp;
let province: { id: number; code: string };
let commune: { id: number; code: string };
let other: { id: number; code: string };
let officer: Headers;
let viewer: Headers;
let outsider: Headers;

beforeAll(async () => {
  t = await startTestApp();
  province = await buildOrg(t.ctx, { level: "province", name: "Ủy ban nhân dân tỉnh Thái Nguyên" });
  commune = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "Ủy ban nhân dân xã Cẩm Giàng" });
  other = await buildOrg(t.ctx, { parentId: province.id, level: "commune", name: "Ủy ban nhân dân xã Tân Trào" });
  officer = (await buildUser(t.ctx, commune.id, "officer")).headers;
  viewer = (await buildUser(t.ctx, commune.id, "viewer")).headers;
  outsider = (await buildUser(t.ctx, other.id, "officer")).headers;
}, 120_000);

afterAll(async () => t.close());

const auditOf = (id: number) =>
  t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", "document_texts").where("entity_id", "=", String(id)).orderBy("id").execute();

describe("document text API", () => {
  it("answers 401 without a session on every route", async () => {
    const routes = [
      ["GET", "/api/documents/1/text"], ["PUT", "/api/documents/1/text"], ["DELETE", "/api/documents/1/text"],
      ["POST", "/api/documents/1/text/check"], ["GET", "/api/documents/1/copy"], ["GET", "/api/documents/1/citations"],
      ["POST", "/api/documents/parse"], ["GET", "/api/documents/search?q=ke+hoach"],
    ] as const;
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method, url, payload: method === "PUT" || method === "POST" ? { text: "x" } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("registers a seed's text from a file: metadata read, register fields offered where they differ, audited", async () => {
    const id = await createDoc(t, officer, { orgCode: commune.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13", subject: "Kế hoạch" });
    const res = await putText(t, officer, id, seedText("004"), "004.md");
    expect(res).toMatchObject({ documentId: id, fileName: "004.md", format: "markdown" });
    expect(res.charCount).toBe(seedText("004").length);
    expect(res.metadata.number).toBe("153a/KH-UBND");
    expect(res.metadata.references.map((r) => r.number)).toEqual(expect.arrayContaining(["534/QĐ-TTg", "226-KL/TW", "181/KH-UBND"]));
    expect(res.metadata).toMatchObject({ restoredText: null, restorations: 0 });
    // number, type and date agree with the register: not offered; the subject and signer are
    expect(res.offered).not.toHaveProperty("number");
    expect(res.offered).not.toHaveProperty("type");
    expect(res.offered).not.toHaveProperty("issuedOn");
    expect(res.offered?.subject).toMatch(/^Triển khai thực hiện Quyết định số 534\/QĐ-TTg/);
    expect(res.offered?.signer).toBeTruthy();
    expect(res.copyCheck).toMatchObject({ copiedShare: 0, passageCount: 0, sourcesCompared: 0, thresholdPercent: 30, overThreshold: false });

    const got = await t.app.inject({ method: "GET", url: `/api/documents/${id}/text`, headers: viewer });
    expect(got.statusCode).toBe(200);
    expect((got.json() as TextJson).text).toBe(seedText("004"));
    const doc = await t.app.inject({ method: "GET", url: `/api/documents/${id}`, headers: viewer });
    expect(doc.json()).toMatchObject({ hasText: true, copiedShare: 0 });

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", org_id: commune.id, before: null });

    // replacing the text is an update, audited with what it replaced
    const again = await putText(t, officer, id, seedText("004").replace("Cẩm Giàng, ngày 13", "Cẩm Giàng, ngày 14"));
    expect(again.offered?.issuedOn).toBe("2026-05-14");
    const audit2 = await auditOf(id);
    expect(audit2.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("an OCR'd text also carries its restored text in the metadata; the text itself is stored as uploaded", async () => {
    const id = await createDoc(t, officer, { orgCode: commune.code, number: "426/UBND-NC", type: "CV", issuedOn: "2026-01-14" });
    const res = await putText(t, officer, id, seedText("000"), "000.txt");
    expect(res.text).toBe(seedText("000"));
    const meta = res.metadata as unknown as { restoredText: string | null; restorations: number; number: string };
    expect(meta.number).toBe("426/UBND-NC");
    expect(meta.restorations).toBeGreaterThan(100);
    expect(meta.restoredText).toContain("Kết luận số 226-KL/TW ngày 11/12/2025");
    const got = (await t.app.inject({ method: "GET", url: `/api/documents/${id}/text`, headers: viewer })).json() as TextJson;
    expect((got.metadata as unknown as { restoredText: string }).restoredText).toBe(meta.restoredText);
  });

  it("reads DOCX and PDF files and typed text; refuses an unknown format, an empty text and a scan without text layer", async () => {
    const id = await createDoc(t, officer, { orgCode: commune.code, number: "20/KH-UBND", type: "KH", issuedOn: "2026-05-20" });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG"), new Paragraph("Số: 20/KH-UBND"), new Paragraph("Cẩm Giàng, ngày 20 tháng 5 năm 2026"), new Paragraph("KẾ HOẠCH"), new Paragraph("Chuyển đổi số trong công tác văn thư")] }] }));
    const fromDocx = await putText(t, officer, id, docx, "ke-hoach.docx");
    expect(fromDocx.format).toBe("docx");
    expect(fromDocx.text).toContain("Chuyển đổi số trong công tác văn thư");
    expect(fromDocx.metadata.number).toBe("20/KH-UBND");

    const pdf = pdfWithText(["UY BAN NHAN DAN XA CAM GIANG", "So: 20/KH-UBND", "KE HOACH", "Chuyen doi so trong cong tac van thu"]);
    const fromPdf = await putText(t, officer, id, pdf, "ke-hoach.pdf");
    expect(fromPdf.format).toBe("pdf");
    expect(fromPdf.text).toContain("Chuyen doi so trong cong tac van thu");

    const typed = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: officer, payload: { text: "Kế hoạch chuyển đổi số", format: "text" } });
    expect(typed.statusCode, typed.body).toBe(200);
    expect((typed.json() as TextJson).fileName).toBeNull();

    for (const [name, content, reason] of [
      ["a.xlsx", "x", /Không hỗ trợ định dạng/],
      ["a.txt", "   \n ", /không có nội dung chữ/],
      ["scan.pdf", pdfWithText([]), /không có lớp văn bản/],
    ] as const) {
      const body = multipart(name, content);
      const res = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: { ...officer, ...body.headers }, payload: body.payload });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().message).toMatch(reason);
    }
    const bad = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: officer, payload: { text: "", format: "html" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/text: không được để trống; format: chỉ nhận text hoặc markdown/);
  });

  it("applies the document's rights: a viewer reads but does not write, another commune neither", async () => {
    const id = await createDoc(t, officer, { orgCode: commune.code, number: "21/KH-UBND", type: "KH", issuedOn: "2026-05-21" });
    const body = multipart("a.txt", "Kế hoạch thử");
    const byViewer = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: { ...viewer, ...body.headers }, payload: body.payload });
    expect(byViewer.statusCode).toBe(403);
    const byOutsider = await t.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers: { ...outsider, ...body.headers }, payload: body.payload });
    expect(byOutsider.statusCode).toBe(403);
    await putText(t, officer, id, "Kế hoạch thử nghiệm chuyển đổi số");
    for (const [method, url] of [["GET", `/api/documents/${id}/text`], ["GET", `/api/documents/${id}/copy`], ["GET", `/api/documents/${id}/citations`], ["DELETE", `/api/documents/${id}/text`], ["POST", `/api/documents/${id}/text/check`]] as const) {
      expect((await t.app.inject({ method, url, headers: outsider })).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await t.app.inject({ method: "DELETE", url: `/api/documents/${id}/text`, headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${id}/copy`, headers: viewer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/documents/999999/text", headers: officer })).statusCode).toBe(404);

    const del = await t.app.inject({ method: "DELETE", url: `/api/documents/${id}/text`, headers: officer });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${id}/text`, headers: officer })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/documents/${id}`, headers: officer })).json()).toMatchObject({ hasText: false, copiedShare: null });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["create", "delete"]);
    const rows = await t.ctx.handle.db.selectFrom("document_copy_checks").select("document_id").where("document_id", "=", id).execute();
    expect(rows).toHaveLength(0);
  });

  it("pre-fills a new document from a file, the issuer matched to a unit the user may write for", async () => {
    const body = multipart("004.md", seedText("004"));
    const res = await t.app.inject({ method: "POST", url: "/api/documents/parse", headers: { ...officer, ...body.headers }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json() as { draft: Record<string, string | null>; unitCandidates: unknown[]; parsed: { tasks: unknown[] } };
    expect(draft.draft).toMatchObject({ orgCode: commune.code, number: "153a/KH-UBND", type: "KH", issuedOn: "2026-05-13" });
    expect(draft.draft.subject).toMatch(/^Triển khai thực hiện Quyết định số 534\/QĐ-TTg/);
    expect(draft.draft.signer).toBeTruthy();
    expect(draft.parsed.tasks.length).toBe(14);

    // the province's letter 000: its issuer is a unit above the officer's: not offered to him
    const p = multipart("000.txt", seedText("000"));
    const fromAbove = await t.app.inject({ method: "POST", url: "/api/documents/parse", headers: { ...officer, ...p.headers }, payload: p.payload });
    expect(fromAbove.statusCode).toBe(200);
    expect((fromAbove.json() as { draft: { orgCode: string | null; number: string } }).draft).toMatchObject({ orgCode: null, number: "426/UBND-NC" });

    const byViewer = await t.app.inject({ method: "POST", url: "/api/documents/parse", headers: { ...viewer, ...body.headers }, payload: body.payload });
    expect(byViewer.statusCode).toBe(403);
  });
});
