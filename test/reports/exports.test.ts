// Exports (issue "Periodic reports" §5): the DOCX in the layout of Nghị định 30/2020 (issuer and
// national motto, number, place and date, title, body with tables, Nơi nhận, signature; Times New
// Roman, A4) and the XLSX of the statistical tables, opened and read back.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { account, buildTree, call, DOC_HEADER, documentRows, importCsv, MEETING_HEADER, meetingRows, type LoggedIn, type Tree } from "./reports-setup.js";

const download = async (t: TestApp, url: string, who: LoggedIn) => {
  const res = await t.app.inject({ method: "GET", url, headers: who.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { body: res.rawPayload, disposition: String(res.headers["content-disposition"]), type: String(res.headers["content-type"]) };
};
const docxText = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;
const docxXml = async (buffer: Buffer) => (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string") ?? "";
const explainAndSubmit = async (t: TestApp, who: LoggedIn, id: number, flags: Array<{ key: string }>) => {
  if (flags.length) await call(t, "PATCH", `/api/reports/${id}`, who.headers, { explanations: Object.fromEntries(flags.map((f) => [f.key, "Số liệu đúng"])) });
  const res = await call(t, "POST", `/api/reports/${id}/submit`, who.headers);
  expect(res.statusCode, res.body).toBe(200);
};

describe(`report exports (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let head: LoggedIn, partyHead: LoggedIn, partyDeptHead: LoggedIn, stranger: LoggedIn;
  let id = 0;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-10T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    head = await account(t, tree.x1.id, "aggregator");
    partyHead = await account(t, tree.party.id, "aggregator");
    partyDeptHead = await account(t, tree.partyDept.id, "aggregator");
    stranger = await account(t, tree.x2.id, "officer");
    await importCsv(t, admin.headers, "documents", [
      DOC_HEADER,
      ...documentRows(tree.x1.code, "2026-05-10", 12, "CV"), ...documentRows(tree.x1.code, "2026-05-11", 3, "QĐ"), ...documentRows(tree.x1.code, "2026-05-12", 2, "TB", "0,0,0,1"),
      ...documentRows(tree.x1.code, "2025-05-10", 20, "CV"), ...documentRows(tree.x1.code, "2025-05-11", 3, "QĐ"),
      ...documentRows(tree.partyDept.code, "2026-05-10", 4, "CV"),
    ]);
    await importCsv(t, admin.headers, "meetings", [MEETING_HEADER, ...meetingRows(tree.x1.code, "2026-05-20", 2, "truc_tuyen"), ...meetingRows(tree.x1.code, "2026-05-21", 1, "truc_tiep")]);
    const opened = await call(t, "POST", "/api/reports", head.headers, { org: tree.x1.code, period: "2026Q2" });
    id = opened.json().id;
    await call(t, "PATCH", `/api/reports/${id}`, head.headers, {
      narrative: { ketQua: "Xã đã giảm 40% công văn so với cùng kỳ.\nHội nghị trực tuyến chiếm hai phần ba.", hanChe: "Còn văn bản chưa gửi điện tử.", nguyenNhan: "Đường truyền yếu.", kienNghi: "Đề nghị tỉnh hỗ trợ thiết bị." },
      meta: { number: "45/BC-UBND", signerName: "Nguyễn Văn An", recipients: ["Như trên", "Thường trực Đảng ủy xã", "Lưu: VT"] },
    });
  }, 120_000);
  afterAll(async () => t.close());

  it("a draft exports marked «DỰ THẢO»", async () => {
    const d = await download(t, `/api/reports/${id}/export.docx`, head);
    expect(d.disposition).toContain("-du-thao.docx");
    expect(await docxText(d.body)).toContain("DỰ THẢO");
  });

  it("the DOCX follows Nghị định 30/2020: header, number, place and date, title, body with tables, Nơi nhận, signature", async () => {
    const opened = await call(t, "GET", `/api/reports/${id}`, head.headers);
    await explainAndSubmit(t, head, id, opened.json().flags);
    const d = await download(t, `/api/reports/${id}/export.docx`, head);
    expect(d.type).toContain("wordprocessingml");
    expect(d.disposition).toContain(`bao-cao-${tree.x1.code}-2026Q2-v1.docx`);
    const text = await docxText(d.body);
    const place = tree.province.name.replace(/^Tỉnh /, "");
    const inOrder = [
      tree.province.name.toLocaleUpperCase("vi"), "XÃ KIẾN THIẾT", "Số: 45/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `${place}, ngày 10 tháng 6 năm 2026`,
      "BÁO CÁO", "quý II năm 2026", `Kính gửi: ${tree.province.name}.`,
      "I. KẾT QUẢ THỰC HIỆN", "Xã đã giảm 40% công văn so với cùng kỳ.", "Hội nghị trực tuyến chiếm hai phần ba.",
      "Văn bản ban hành theo loại", "Công văn", "12", "20", "40",
      "Hội nghị, cuộc họp", "Kết quả các chỉ tiêu Kết luận 226-KL/TW",
      "II. HẠN CHẾ VÀ NGUYÊN NHÂN", "Còn văn bản chưa gửi điện tử.", "Đường truyền yếu.",
      "III. KIẾN NGHỊ, ĐỀ XUẤT", "Đề nghị tỉnh hỗ trợ thiết bị.",
      "Nơi nhận:", "- Như trên;", "- Thường trực Đảng ủy xã;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An",
    ];
    let from = 0;
    for (const s of inOrder) {
      const at = text.indexOf(s, from);
      expect(at, `«${s}» after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + s.length;
    }
    expect(text).not.toContain("DỰ THẢO");
    expect(text).toContain("Các chỉ tiêu chưa đạt: D4");
    const xml = await docxXml(d.body);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // margins 20/20/30/15 mm (NĐ 30 Appendix I)
    expect(xml).toMatch(/<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"/);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    // the national motto is bold and underlined
    const motto = /<w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/.exec(xml)?.[1] ?? "";
    expect(motto).toContain("<w:b/>");
    expect(motto).toContain('<w:u w:val="single"/>');
  });

  it("the XLSX holds the statistical tables as numbers", async () => {
    const d = await download(t, `/api/reports/${id}/export.xlsx?version=1`, head);
    expect(d.disposition).toContain("-v1.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Văn bản", "Hội nghị", "Chuyển đổi số", "Nhiệm vụ", "Chỉ tiêu KL 226"]);
    const rowOf = (sheet: string, label: string) => {
      let found: unknown[] = [];
      wb.getWorksheet(sheet)?.eachRow((r) => { if (r.getCell(1).value === label) found = (r.values as unknown[]).slice(1); });
      return found;
    };
    expect(rowOf("Văn bản", "Công văn")).toEqual(["Công văn", 12, 20, 40]);
    expect(rowOf("Văn bản", "Quyết định")).toEqual(["Quyết định", 3, 3, 0]);
    expect(rowOf("Văn bản", "Thông báo")).toEqual(["Thông báo", 2, 0, "—"]);
    expect(rowOf("Hội nghị", "Tổng số hội nghị")).toEqual(["Tổng số hội nghị", 3, 0, "—"]);
    expect(rowOf("Chuyển đổi số", "Văn bản gửi dưới dạng điện tử")).toEqual(["Văn bản gửi dưới dạng điện tử", 15, 88.2]);
    expect(rowOf("Chỉ tiêu KL 226", "D4")).toEqual(["D4", expect.stringContaining("điện tử"), 88.2, 100, "Chưa đạt"]);
    expect(wb.getWorksheet("Văn bản")?.getRow(1).getCell(1).font?.name).toBe("Times New Roman");
  });

  it("a Party committee's combined report carries the Party header and the per-unit table", async () => {
    const dept = await call(t, "POST", "/api/reports", partyDeptHead.headers, { org: tree.partyDept.code, period: "2026Q2" });
    expect(dept.statusCode, dept.body).toBe(201);
    await explainAndSubmit(t, partyDeptHead, dept.json().id, dept.json().flags);
    expect((await call(t, "POST", `/api/reports/${dept.json().id}/accept`, partyHead.headers, {})).statusCode).toBe(200);
    const own = await call(t, "POST", "/api/reports", partyHead.headers, { org: tree.party.code, period: "2026Q2" });
    expect(own.statusCode, own.body).toBe(201);
    const docx = await download(t, `/api/reports/${own.json().id}/export.docx`, partyHead);
    const text = await docxText(docx.body);
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain(`-BC/${tree.party.code}`);
    expect(text).toContain("Tổng hợp theo đơn vị (1/1 báo cáo đã tiếp nhận)");
    expect(text).toMatch(/Ban Tổ chức Tỉnh ủy\s*Đã tiếp nhận\s*4/);
    const xlsx = await download(t, `/api/reports/${own.json().id}/export.xlsx`, partyHead);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Theo đơn vị");
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === "Ban Tổ chức Tỉnh ủy")?.slice(0, 3)).toEqual(["Ban Tổ chức Tỉnh ủy", "Đã tiếp nhận", 4]);
    expect(rows.find((r) => r[0] === "Tổng cộng")?.[2]).toBe(4);
  });

  it("needs a session and the right to read the report", async () => {
    expect((await t.app.inject({ method: "GET", url: `/api/reports/${id}/export.docx` })).statusCode).toBe(401);
    expect((await call(t, "GET", `/api/reports/${id}/export.xlsx`, stranger.headers)).statusCode).toBe(403);
    expect((await call(t, "GET", `/api/reports/${id}/export.docx?version=7`, head.headers)).statusCode).toBe(404);
  });
});
