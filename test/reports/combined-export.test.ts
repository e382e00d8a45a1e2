// The combined report's own exports (issue "Periodic reports" §4, §5): the province's totals of its
// own records and of the accepted commune reports, with the per-unit breakdown, as a DOCX in the
// layout of Nghị định 30/2020 and an XLSX of the statistical tables — opened and read back.
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

/** Rows of a sheet as arrays of cell values (first column first). */
function rowsOf(wb: ExcelJS.Workbook, sheet: string): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe(`combined report exports (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let tree: Tree;
  let provHead: LoggedIn, x1Head: LoggedIn, x2Officer: LoggedIn;
  const url = (format: "docx" | "xlsx", org?: string) => `/api/reports/combined/export.${format}?period=2026Q2${org ? `&org=${org}` : ""}`;

  beforeAll(async () => {
    t = await startTestApp(new Date("2026-06-10T03:00:00Z"));
    tree = await buildTree(t);
    const admin = await account(t, tree.province.id, "admin");
    provHead = await account(t, tree.province.id, "aggregator");
    x1Head = await account(t, tree.x1.id, "aggregator");
    x2Officer = await account(t, tree.x2.id, "officer");
    await importCsv(t, admin.headers, "documents", [
      DOC_HEADER,
      // Xã Kiến Thiết: 12 CV + 3 QĐ this quarter against 20 CV + 3 QĐ a year before
      ...documentRows(tree.x1.code, "2026-05-10", 12, "CV"), ...documentRows(tree.x1.code, "2026-05-11", 3, "QĐ"),
      ...documentRows(tree.x1.code, "2025-05-10", 20, "CV"), ...documentRows(tree.x1.code, "2025-05-11", 3, "QĐ"),
      // the province's own: 5 CV this quarter, 6 a year before; Xã Tân Trào's 7 are not in any accepted report
      ...documentRows(tree.province.code, "2026-04-20", 5, "CV"), ...documentRows(tree.province.code, "2025-04-20", 6, "CV"),
      ...documentRows(tree.x2.code, "2026-05-10", 7, "CV"),
    ]);
    await importCsv(t, admin.headers, "meetings", [MEETING_HEADER, ...meetingRows(tree.x1.code, "2026-05-20", 2, "truc_tuyen"), ...meetingRows(tree.province.code, "2026-05-21", 1, "truc_tiep")]);
    const opened = await call(t, "POST", "/api/reports", x1Head.headers, { org: tree.x1.code, period: "2026Q2" });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, flags } = opened.json() as { id: number; flags: Array<{ key: string }> };
    if (flags.length) await call(t, "PATCH", `/api/reports/${id}`, x1Head.headers, { explanations: Object.fromEntries(flags.map((f) => [f.key, "Số liệu đúng"])) });
    expect((await call(t, "POST", `/api/reports/${id}/submit`, x1Head.headers)).statusCode).toBe(200);
    expect((await call(t, "POST", `/api/reports/${id}/accept`, provHead.headers, {})).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => t.close());

  it("needs a session and a unit in the user's subtree", async () => {
    expect((await t.app.inject({ method: "GET", url: url("docx", tree.province.code) })).statusCode).toBe(401);
    expect((await call(t, "GET", url("xlsx", tree.province.code), x2Officer.headers)).statusCode).toBe(403);
    expect((await call(t, "GET", "/api/reports/combined/export.docx?period=2026Q9", provHead.headers)).statusCode).toBe(400);
    const paths = Object.keys((await t.app.inject({ method: "GET", url: "/api/docs/json" })).json().paths as object);
    expect(paths).toEqual(expect.arrayContaining(["/api/reports/combined/export.docx", "/api/reports/combined/export.xlsx"]));
  });

  it("the DOCX: NĐ 30 header, title of a combined report, the totals, the per-unit table, Nơi nhận and signature; Times New Roman, A4", async () => {
    const d = await download(t, url("docx", tree.province.code), provHead);
    expect(d.type).toContain("wordprocessingml");
    expect(d.disposition).toContain(`bao-cao-tong-hop-${tree.province.code}-2026Q2.docx`);
    const text = (await mammoth.extractRawText({ buffer: d.body })).value;
    const place = tree.province.name.replace(/^Tỉnh /, "");
    const inOrder = [
      tree.province.name.toLocaleUpperCase("vi"), "Số:", "/BC-", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      `${place}, ngày 10 tháng 6 năm 2026`, "BÁO CÁO", "Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW", `quý II năm 2026 của ${tree.province.name} và các đơn vị báo cáo`,
      "I. KẾT QUẢ THỰC HIỆN",
      // the totals: 12 + 5 CV this quarter, 20 + 6 a year before → cut 34,6 %; Tân Trào's 7 not counted
      "Văn bản ban hành theo loại (tổng hợp: số liệu của đơn vị và các báo cáo đã tiếp nhận)", "Công văn", "17", "26", "34,6",
      "Hội nghị, cuộc họp (không tính kỳ họp định kỳ) (tổng hợp", "Tổng số hội nghị", "3",
      "Tổng hợp theo đơn vị (1/", "Xã Kiến Thiết", "Đã tiếp nhận", "15", "23", "34,8",
      "Xã Tân Trào", "Đơn vị tổng hợp (số liệu của đơn vị)", "5", "6", "Tổng cộng", "20", "29",
      "Kết quả các chỉ tiêu Kết luận 226-KL/TW", "II. HẠN CHẾ VÀ NGUYÊN NHÂN", "III. KIẾN NGHỊ, ĐỀ XUẤT",
      "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH",
    ];
    let from = 0;
    for (const s of inOrder) {
      const at = text.indexOf(s, from);
      expect(at, `«${s}» after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + s.length;
    }
    expect(text).not.toContain("DỰ THẢO");
    const xml = (await (await JSZip.loadAsync(d.body)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect([...new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))]).toEqual(["Times New Roman"]);
  });

  it("the XLSX: the totals' tables as numbers and the per-unit breakdown sheet", async () => {
    const d = await download(t, url("xlsx", tree.province.code), provHead);
    expect(d.disposition).toContain(`bao-cao-tong-hop-${tree.province.code}-2026Q2.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Văn bản", "Hội nghị", "Chuyển đổi số", "Nhiệm vụ", "Theo đơn vị", "Chỉ tiêu KL 226"]);
    const docs = rowsOf(wb, "Văn bản");
    expect(docs[1]?.[0]).toBe(`Báo cáo tổng hợp quý II năm 2026`);
    expect(docs.find((r) => r[0] === "Công văn")).toEqual(["Công văn", 17, 26, 34.6]);
    expect(docs.find((r) => r[0] === "Quyết định")).toEqual(["Quyết định", 3, 3, 0]);
    const units = rowsOf(wb, "Theo đơn vị");
    expect(units.find((r) => r[0] === "Xã Kiến Thiết")?.slice(0, 5)).toEqual(["Xã Kiến Thiết", "Đã tiếp nhận", 15, 23, 34.8]);
    expect(units.find((r) => r[0] === "Xã Tân Trào")?.slice(0, 3)).toEqual(["Xã Tân Trào", "Chưa gửi", "—"]);
    expect(units.find((r) => r[0] === "Tổng cộng")?.slice(2, 4)).toEqual([20, 29]);
    expect(wb.getWorksheet("Theo đơn vị")?.getRow(1).getCell(1).font?.name).toBe("Times New Roman");
  });

  it("a unit that owes no report upward (the province) gets the placeholders for its assessment and no «Kính gửi»", async () => {
    expect((await call(t, "POST", "/api/reports", provHead.headers, { org: tree.province.code, period: "2026Q2" })).statusCode).toBe(422);
    const text = (await mammoth.extractRawText({ buffer: (await download(t, url("docx"), provHead)).body })).value;
    expect(text).toContain("(Chưa có nội dung)");
    expect(text).not.toContain("Kính gửi");
  });

  it("a Party committee's combined report: Party header, and the text of its own report of the period", async () => {
    const admin = await account(t, tree.province.id, "admin");
    const partyHead = await account(t, tree.party.id, "aggregator");
    const deptHead = await account(t, tree.partyDept.id, "aggregator");
    await importCsv(t, admin.headers, "documents", [DOC_HEADER, ...documentRows(tree.partyDept.code, "2026-05-10", 4, "CV")]);
    const dept = await call(t, "POST", "/api/reports", deptHead.headers, { org: tree.partyDept.code, period: "2026Q2" });
    const { id: deptId, flags } = dept.json() as { id: number; flags: Array<{ key: string }> };
    if (flags.length) await call(t, "PATCH", `/api/reports/${deptId}`, deptHead.headers, { explanations: Object.fromEntries(flags.map((f) => [f.key, "Số liệu đúng"])) });
    expect((await call(t, "POST", `/api/reports/${deptId}/submit`, deptHead.headers)).statusCode).toBe(200);
    expect((await call(t, "POST", `/api/reports/${deptId}/accept`, partyHead.headers, {})).statusCode).toBe(200);
    const own = await call(t, "POST", "/api/reports", partyHead.headers, { org: tree.party.code, period: "2026Q2" });
    expect(own.statusCode, own.body).toBe(201);
    const patched = await call(t, "PATCH", `/api/reports/${own.json().id as number}`, partyHead.headers, {
      narrative: { ketQua: "Các ban giảm một phần ba công văn.", kienNghi: "Đề nghị Trung ương hướng dẫn." },
      meta: { number: "77-BC/TU", signerName: "Lê Văn Tỉnh", recipients: ["Văn phòng Trung ương Đảng", "Lưu: VT"] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: (await download(t, url("docx", tree.party.code), partyHead)).body })).value;
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    for (const s of ["Số: 77-BC/TU", "Các ban giảm một phần ba công văn.", "Đề nghị Trung ương hướng dẫn.", "- Văn phòng Trung ương Đảng;", "Lê Văn Tỉnh"]) expect(text).toContain(s);
    expect(text).toMatch(/Ban Tổ chức Tỉnh ủy\s*Đã tiếp nhận\s*4/);
  });
});
