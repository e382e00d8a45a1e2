// Periodic reports in real headless Chromium (issue "Periodic reports and ratings" §8): a
// commune's officer finds the quarter's report filled from the registers, explains the quality
// flag and writes the assessment; the commune's head sends it; the province returns it with a
// comment on a figure; it is corrected and sent again; the province accepts it; the DOCX is
// downloaded and opened. Also the aggregator's matrix and notices, the combined report and the
// ratings, and the README pictures (report page, the DOCX's first page, the matrix).
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewDocument } from "../../server/src/db/schema.js";
import { countSessions } from "../../server/src/domain/sessions.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import { buildOrg, buildUser, withSearchText } from "../helpers/test-app.js";
import { showDocxFirstPage } from "./docx-render.js";
import { LAPTOP, logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

const SCREENSHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const pad = (n: number) => String(n).padStart(2, "0");

type Account = Awaited<ReturnType<typeof buildUser>>;
let e2e: E2EServer;
let officer: Account, head: Account, reviewer: Account;
let reportPath = "";

/** Documents of a unit in a month: `cv` công văn, `qd` quyết định, `tb` thông báo. */
function documents(orgId: number, month: string, cv: number, qd: number, tb = 0): NewDocument[] {
  const types = [...Array<string>(cv).fill("CV"), ...Array<string>(qd).fill("QĐ"), ...Array<string>(tb).fill("TB")];
  return types.map((type, i) => withSearchText({
    org_id: orgId, number: `${i + 1}/${type === "CV" ? "UBND-VP" : type}-${month}`, type_code: type,
    issued_on: `${month}-${pad(1 + (i % 9))}`, subject: `Văn bản tháng ${month} số ${i + 1}`,
    digitized: i % 6 !== 0, sent_electronically: i % 4 !== 0,
  }));
}

/** One conference in person and one online on the 5th and 6th of a month. */
function conferences(orgId: number, month: string) {
  return (["truc_tiep", "truc_tuyen"] as const).map((format, k) => {
    const start = new Date(`${month}-${pad(5 + k)}T08:00:00+07:00`);
    const end = new Date(`${month}-${pad(5 + k)}T11:00:00+07:00`);
    return {
      org_id: orgId, title: `Hội nghị chuyên môn tháng ${month} số ${k + 1}`, category: "chuyen_mon" as const, scope: "noi_bo" as const, format,
      start_at: start, end_at: end, sessions: countSessions(start, end, KL226_DEFAULTS.sessionConvention),
      opening_min: null, conclusion_min: null, max_contribution_min: null, exception_decision: null, commune_participants: null,
    };
  });
}

beforeAll(async () => {
  // 10/06/2026 10:00 in Hà Nội: the second quarter's report is due before 15/06/2026
  e2e = await startE2E(new Date("2026-06-10T03:00:00Z"));
  const ctx = e2e.ctx;
  const province = await buildOrg(ctx, { code: "E2ER_TINH", name: "Tỉnh Thử Nghiệm", level: "province" });
  const hoaAn = await buildOrg(ctx, { code: "E2ER_HOA_AN", name: "Xã Hòa An", parentId: province.id, level: "commune" });
  const tanPhu = await buildOrg(ctx, { code: "E2ER_TAN_PHU", name: "Xã Tân Phú", parentId: province.id, level: "commune" });
  officer = await buildUser(ctx, hoaAn.id, "officer");
  head = await buildUser(ctx, hoaAn.id, "aggregator");
  reviewer = await buildUser(ctx, province.id, "aggregator");
  for (const [a, name] of [[officer, "Triệu Văn Long"], [head, "Hoàng Văn Thái"], [reviewer, "Hoàng Thị Thu Hà"]] as const) {
    await ctx.handle.db.updateTable("users").set({ full_name: name }).where("id", "=", a.user.id).execute();
  }

  // Xã Hòa An: 2025-01 … 2026-03 a steady 12–14 documents a month; none in April 2026 (the flag
  // to explain); May 9 CV + 2 QĐ + 1 TB; June (to the 9th) 4 CV + 1 QĐ. Two conferences a month.
  const docs: NewDocument[] = [];
  const meetings = [];
  for (let i = 0; i < 15; i += 1) {
    const month = `${2025 + Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
    docs.push(...documents(hoaAn.id, month, 10 + (i % 3), 2), ...documents(tanPhu.id, month, 8, 1));
  }
  docs.push(...documents(hoaAn.id, "2026-05", 9, 2, 1), ...documents(hoaAn.id, "2026-06", 4, 1));
  for (let i = 0; i < 18; i += 1) meetings.push(...conferences(hoaAn.id, `${2025 + Math.floor(i / 12)}-${pad((i % 12) + 1)}`));
  await ctx.handle.db.insertInto("documents").values(docs).execute();
  await ctx.handle.db.insertInto("meetings").values(meetings).execute();
  await ctx.handle.db.insertInto("tthc_stats").values([
    { org_id: hoaAn.id, month: "2025-04-01", received: 40, processed_digitally: 30 },
    { org_id: hoaAn.id, month: "2025-05-01", received: 40, processed_digitally: 32 },
    { org_id: hoaAn.id, month: "2026-04-01", received: 50, processed_digitally: 45 },
    { org_id: hoaAn.id, month: "2026-05-01", received: 60, processed_digitally: 57 },
  ]).execute();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

/** The row of a figure table and the comment threads under it. */
const figureRow = (page: Page, base: string) => page.locator(`tr[data-figure="${base}"]`);
const workflow = (page: Page) => page.getByTestId("workflow");
const textbox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

describe("periodic reports in the browser", () => {
  it("the officer opens the quarter's report filled from the registers, explains the flag and writes the assessment", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, officer.user.username, officer.password, "/bao-cao?year=2026");
    await page.getByRole("heading", { level: 1, name: "Báo cáo định kỳ" }).waitFor();
    const q2 = page.getByTestId("report-schedule").locator('tr[data-period="2026Q2"]');
    await waitForText(q2, "Đến hạn");
    await waitForText(q2, "trước ngày 15/06/2026");
    await waitForText(q2, "hạn cuối 14/06/2026");
    await waitForText(q2, "01/04/2026 — 30/06/2026");
    await waitForText(q2, "Tỉnh Thử Nghiệm");
    expect(await page.getByTestId("report-schedule").locator('tr[data-period="2026Q1"]').getAttribute("data-status")).toBe("late");
    // reminders: 4 days left for Q2 (the 7-day stage), Q1 late
    await waitForText(page.getByTestId("report-notices"), "Còn 4 ngày đến hạn gửi báo cáo quý II năm 2026");
    await waitForText(page.getByTestId("report-notices"), "Báo cáo quý I năm 2026 đã quá hạn");

    await page.getByRole("button", { name: "Soạn báo cáo: Quý II năm 2026" }).click();
    await page.waitForURL(/\/bao-cao\/\d+$/);
    reportPath = new URL(page.url()).pathname;
    await waitForText(page.getByTestId("report-title"), "Báo cáo Quý II năm 2026 — Xã Hòa An");
    await waitForText(page.getByTestId("figures-state"), "Số liệu tính trực tiếp từ sổ");
    // công văn: May 9 + June 4 now, 10 + 11 + 12 in Q2 2025; quyết định 3 vs 6; TTHC 102/110
    const cv = figureRow(page, "documents.byType.CV");
    expect(await cv.locator("td.num").allInnerTexts()).toEqual(["13", "33", "Giảm 60,6%"]);
    expect(await figureRow(page, "documents.byType.QĐ").locator("td.num").allInnerTexts()).toEqual(["3", "6", "Giảm 50%"]);
    expect(await figureRow(page, "conferences.total").locator("td.num").first().innerText()).toBe("6");
    expect(await figureRow(page, "conferences.online").locator("td.num").first().innerText()).toBe("3");
    expect(await figureRow(page, "tthc.share").locator("td.num").innerText()).toBe("92,7%");
    await page.getByTestId("indicator-table").locator('tr[data-figure="indicators.D1"]').waitFor();

    // April has no documents: the one flag, which blocks sending until explained
    const flags = page.getByTestId("quality-flag");
    expect(await flags.evaluateAll((els) => els.map((e) => e.getAttribute("data-flag")))).toEqual(["empty-month:2026-04"]);
    await waitForText(flags.first(), "Tháng 04/2026 không có văn bản hành chính nào được ban hành");
    // an officer prepares; the head sends
    await page.getByTestId("submit-not-allowed").waitFor();
    expect(await workflow(page).getByRole("button", { name: "Gửi báo cáo" }).count()).toBe(0);

    await page.getByLabel("Giải trình").fill("Tháng 4 chuyển đổi phần mềm quản lý văn bản, văn bản được vào sổ từ tháng 5.");
    await textbox(page, "Kết quả thực hiện").fill("Xã đã giảm 60% công văn so với cùng kỳ.\nMột nửa số hội nghị tổ chức trực tuyến.");
    await textbox(page, "Kiến nghị, đề xuất").fill("Đề nghị tỉnh hỗ trợ thiết bị họp trực tuyến.");
    await waitForText(workflow(page), "Có thay đổi chưa lưu.");
    await workflow(page).getByRole("button", { name: "Lưu bản nháp" }).click();
    await waitForText(workflow(page).getByRole("status"), "Đã lưu bản nháp.");
    expect(await flags.first().getAttribute("data-explained")).toBe("true");
    await waitForText(page.getByTestId("report-events"), "Sửa nội dung");
  });

  it("the commune's head sends it: the figures are frozen in version 1, on time", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, head.user.username, head.password, "/bao-cao?year=2026");
    await page.getByRole("link", { name: "Mở báo cáo: Quý II năm 2026" }).click();
    await page.waitForURL((url) => url.pathname === reportPath);
    expect(await textbox(page, "Kết quả thực hiện").inputValue()).toContain("Xã đã giảm 60% công văn");
    const send = workflow(page).getByRole("button", { name: "Gửi báo cáo" });
    await send.focus();
    await page.keyboard.press("Enter");
    await waitForText(workflow(page).getByRole("status"), "Đã gửi báo cáo lên cấp trên.");
    await waitForText(page.getByTestId("workflow-stage"), "Đã gửi, chờ cấp nhận báo cáo tiếp nhận");
    await waitForText(page.getByTestId("figures-state"), "Số liệu đã chốt ở phiên bản 1");
    const v1 = page.getByTestId("report-versions").locator('tr[data-version="1"]');
    await waitForText(v1, "Gửi đúng hạn");
    await waitForText(v1, "Hoàng Văn Thái");
    await waitForText(v1, "Chờ tiếp nhận");
    // locked while it waits: no text boxes
    expect(await textbox(page, "Kết quả thực hiện").count()).toBe(0);
  });

  it("the province sees it in the matrix and returns it with a comment on the công văn figure", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, reviewer.user.username, reviewer.password, "/bao-cao/theo-doi?year=2026");
    await page.getByRole("heading", { level: 1, name: "Theo dõi báo cáo của các đơn vị" }).waitFor();
    const matrix = page.getByTestId("report-matrix");
    const cell = (unit: string, period: string) => matrix.locator(`tr[data-unit="${unit}"] td[data-period="${period}"]`);
    expect(await cell("E2ER_HOA_AN", "2026Q2").getAttribute("data-status")).toBe("submitted");
    expect(await cell("E2ER_TAN_PHU", "2026Q2").getAttribute("data-status")).toBe("due");
    expect(await cell("E2ER_TAN_PHU", "2026Q1").getAttribute("data-status")).toBe("late");
    expect(await cell("E2ER_TAN_PHU", "2026Q3").getAttribute("data-status")).toBe("not_due");
    await waitForText(cell("E2ER_TAN_PHU", "2026Q1"), "Quá hạn chưa gửi");
    // 7 reports a year each (4 quarters, 2 halves, the year); Q1 of both communes is past due
    // unsent, Q2 of Hòa An sent: 1 received of 3 expected, 1 on time
    const counts = page.getByTestId("matrix-counts");
    await waitForText(counts, "Tỷ lệ đầy đủ");
    expect(await counts.locator("dd").allInnerTexts()).toEqual(["14", "3", "1", "1", "33,3%", "33,3%"]);
    await waitForText(page.getByTestId("report-notices"), "Xã Hòa An đã gửi báo cáo quý II năm 2026, chờ tiếp nhận.");
    await waitForText(page.getByTestId("report-notices"), "Xã Tân Phú chậm gửi báo cáo quý I năm 2026");
    await page.mouse.move(1, 767);
    await page.screenshot({ path: `${SCREENSHOTS}report-matrix.png` });

    await cell("E2ER_HOA_AN", "2026Q2").getByRole("link").click();
    await page.waitForURL((url) => url.pathname === reportPath);
    await page.getByRole("heading", { level: 3, name: "Tiếp nhận hoặc trả lại" }).waitFor();
    // a comment on the figure, composed where the figure is
    await figureRow(page, "documents.byType.CV").getByRole("button", { name: "Góp ý: Công văn" }).click();
    await textbox(page, "Nội dung góp ý về «Công văn»").fill("Số công văn tháng 6 chưa đủ: đề nghị rà soát sổ đến ngày 14/6.");
    await page.getByRole("button", { name: "Thêm vào góp ý khi trả lại" }).click();
    await waitForText(page.getByTestId("comment-draft"), "Sẽ gửi kèm khi trả lại");
    await waitForText(page.getByTestId("return-drafts"), "Gửi kèm 1 góp ý");
    await workflow(page).getByRole("button", { name: "Trả lại báo cáo" }).click();
    await waitForText(workflow(page), "Cần nêu lý do trả lại.");
    await page.getByLabel("Lý do trả lại").fill("Đề nghị bổ sung phần hạn chế và rà soát số công văn.");
    await workflow(page).getByRole("button", { name: "Trả lại báo cáo" }).click();
    await waitForText(workflow(page).getByRole("status"), "Đã trả lại báo cáo cho đơn vị.");
    const thread = page.locator('[data-testid="comment-thread"][data-anchor="figure:documents.byType.CV.current"]');
    await waitForText(thread.getByTestId("comment"), "Số công văn tháng 6 chưa đủ");
    await waitForText(thread.getByTestId("comment"), "Hoàng Thị Thu Hà");
    await waitForText(page.getByTestId("report-versions").locator('tr[data-version="1"]'), "Bị trả lại");
  });

  it("the unit sees the comment where it belongs, corrects and resubmits; the diff shows what changed", async () => {
    const { page: officerPage } = await e2e.newPage();
    await logIn(officerPage, officer.user.username, officer.password, "/bao-cao?year=2026");
    await waitForText(officerPage.getByTestId("report-notices"), "bị cấp trên trả lại: cần sửa và gửi lại");
    await officerPage.getByTestId("report-notices").getByRole("link", { name: "Mở" }).first().click();
    await officerPage.waitForURL((url) => url.pathname === reportPath);
    await waitForText(officerPage.getByTestId("workflow-stage"), "Báo cáo bị trả lại");
    await waitForText(figureRow(officerPage, "documents.byType.CV").locator("xpath=following-sibling::tr[1]"), "Số công văn tháng 6 chưa đủ");
    await waitForText(officerPage.getByTestId("report-events"), "Đề nghị bổ sung phần hạn chế");
    await textbox(officerPage, "Hạn chế").fill("Việc vào sổ văn bản tháng 4 còn chậm do chuyển đổi phần mềm.");
    await workflow(officerPage).getByRole("button", { name: "Lưu bản nháp" }).click();
    await waitForText(workflow(officerPage).getByRole("status"), "Đã lưu bản nháp.");

    const { page } = await e2e.newPage();
    await logIn(page, head.user.username, head.password, reportPath);
    await workflow(page).getByRole("button", { name: "Gửi báo cáo" }).click();
    await waitForText(workflow(page).getByRole("status"), "Đã gửi báo cáo lên cấp trên.");
    await page.getByTestId("report-versions").locator('tr[data-version="2"]').waitFor();
    await page.getByLabel("Từ phiên bản").selectOption("1");
    await page.getByLabel("Đến", { exact: true }).selectOption("2");
    await page.getByRole("button", { name: "So sánh" }).click();
    const diff = page.getByTestId("report-diff");
    await waitForText(diff.locator('tr[data-section="hanChe"]'), "Việc vào sổ văn bản tháng 4 còn chậm");
    expect(await diff.locator("tr[data-section]").evaluateAll((els) => els.map((e) => e.getAttribute("data-section")))).toEqual(["hanChe"]);
  });

  it("the province accepts version 2: the report is locked, and the DOCX downloads with the unit's name", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, reviewer.user.username, reviewer.password, reportPath);
    await page.getByLabel("Ý kiến khi tiếp nhận (không bắt buộc)").fill("Đã tiếp nhận, số liệu khớp sổ.");
    await workflow(page).getByRole("button", { name: "Tiếp nhận báo cáo" }).click();
    await waitForText(workflow(page).getByRole("status"), "Đã tiếp nhận báo cáo.");
    await waitForText(page.getByTestId("workflow-stage"), "Đã được tiếp nhận và khóa");
    const v2 = page.getByTestId("report-versions").locator('tr[data-version="2"]');
    expect(await v2.getAttribute("data-decision")).toBe("accepted");
    await waitForText(v2, "Đã tiếp nhận, số liệu khớp sổ.");
    expect(await page.getByRole("button", { name: "Tiếp nhận báo cáo" }).count()).toBe(0);
    expect(await textbox(page, "Hạn chế").count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải báo cáo (DOCX)" }).click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-E2ER_HOA_AN-2026Q2-v2.docx");
    const docx = readFileSync(await download.path());
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(docx);
    expect(zip.file("word/document.xml")).not.toBeNull();
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(text).toContain("XÃ HÒA AN");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Kính gửi: Tỉnh Thử Nghiệm.");
    expect(text).toContain("Việc vào sổ văn bản tháng 4 còn chậm");
    expect(text).not.toContain("DỰ THẢO");

    // the README's pictures: the report page, and the DOCX's first page as Word lays it out
    await page.mouse.move(1, 767);
    await page.screenshot({ path: `${SCREENSHOTS}report-page.png` });
    const { page: sheet } = await e2e.newPage({ width: 794, height: 1123 });
    const size = await showDocxFirstPage(sheet, docx);
    await waitForText(sheet.locator("#sheet"), "Độc lập - Tự do - Hạnh phúc");
    await sheet.screenshot({ path: `${SCREENSHOTS}report-docx.png`, clip: { x: 0, y: 0, width: size.width, height: size.height } });
  });

  it("the combined report of the province lists the accepted report unit by unit", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, reviewer.user.username, reviewer.password, "/bao-cao/tong-hop?period=2026Q2");
    await page.getByRole("heading", { level: 1, name: "Báo cáo tổng hợp" }).waitFor();
    const table = page.getByTestId("breakdown-table");
    await waitForText(table, "Tổng cộng");
    const hoaAn = table.locator('tr[data-unit="E2ER_HOA_AN"]');
    await waitForText(hoaAn, "Đã tiếp nhận");
    // administrative documents accepted from Xã Hòa An: 9 + 2 + 1 + 4 + 1 = 17, against 39 in Q2 2025
    expect((await hoaAn.locator("td.num").allInnerTexts()).slice(0, 3)).toEqual(["17", "39", "Giảm 56,4%"]);
    await waitForText(table.locator('tr[data-unit="E2ER_TAN_PHU"]'), "Đến hạn");
    await page.getByRole("heading", { level: 2, name: "Tổng hợp theo đơn vị (1/2 báo cáo đã tiếp nhận)" }).waitFor();
    await waitForText(page.getByTestId("combined-export"), "không phải gửi báo cáo kỳ này lên cấp trên");
    // the combined report's own DOCX and XLSX: the totals and the per-unit table
    const [docx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải báo cáo tổng hợp (DOCX)" }).click()]);
    expect(docx.suggestedFilename()).toBe("bao-cao-tong-hop-E2ER_TINH-2026Q2.docx");
    const text = (await mammoth.extractRawText({ buffer: readFileSync(await docx.path()) })).value;
    expect(text).toContain("Tổng hợp kết quả thực hiện Kết luận số 226-KL/TW");
    expect(text).toMatch(/Xã Hòa An\s*Đã tiếp nhận\s*17\s*39/);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải biểu tổng hợp (XLSX)" }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const units: unknown[][] = [];
    book.getWorksheet("Theo đơn vị")?.eachRow((r) => units.push((r.values as unknown[]).slice(1)));
    expect(units.find((r) => r[0] === "Xã Hòa An")?.slice(0, 4)).toEqual(["Xã Hòa An", "Đã tiếp nhận", 17, 39]);
  });

  it("the ratings rank the communes with the Quy định 366 level, the records behind each point, and export XLSX", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, reviewer.user.username, reviewer.password, "/xep-loai?year=2026");
    await page.getByRole("heading", { level: 1, name: "Xếp loại thực hiện nhiệm vụ năm" }).waitFor();
    const group = page.locator('[data-testid="rating-group"][data-level="commune"]');
    await waitForText(group, "Cấp xã (2 đơn vị)");
    const hoaAn = group.locator('tr[data-unit="E2ER_HOA_AN"]');
    await hoaAn.waitFor();
    expect(await hoaAn.getAttribute("data-rating")).not.toBe("none");
    await waitForText(hoaAn, "nhiệm vụ");
    await hoaAn.getByRole("button", { name: "Xem: Chi tiết điểm của Xã Hòa An" }).click();
    const card = page.locator("#scorecard-E2ER_HOA_AN");
    await waitForText(card, "Báo cáo gửi đúng hạn (R1)");
    await waitForText(card, "Chỉ tiêu KL 226 đạt");
    // Tân Phú's late Q1 report is a record behind its R1 points
    await group.locator('tr[data-unit="E2ER_TAN_PHU"]').getByRole("button", { name: /^Xem:/ }).click();
    const late = page.locator("#scorecard-E2ER_TAN_PHU").getByRole("link", { name: "Báo cáo Quý I/2026" });
    expect(await late.getAttribute("href")).toBe("/bao-cao?org=E2ER_TAN_PHU&year=2026");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải bảng xếp loại (XLSX)" }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(String(c.value)); })));
    expect(cells).toContain("Xã Hòa An");
    expect(cells).toContain("Xã Tân Phú");
  });

  it("reads on a phone and at 1366×768: no page-wide horizontal scrolling", async () => {
    for (const viewport of [{ width: 390, height: 844 }, LAPTOP]) {
      const { page } = await e2e.newPage(viewport);
      await logIn(page, reviewer.user.username, reviewer.password, reportPath);
      await page.getByTestId("indicator-table").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.goto("/bao-cao/theo-doi?year=2026");
      await page.getByTestId("report-matrix").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
  });
});
