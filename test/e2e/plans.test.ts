// Plans and tasks in real headless Chromium (issue "Plans and tasks" §9): an aggregator creates a
// plan, uploads seed 004's task table and sees the fan-out, the T2 breach and the "6 rõ" failures,
// maps the one unmatched unit name; a department officer sees the tasks in "Việc của đơn vị tôi"
// and records progress, and the statuses change; the aggregator's overdue board follows.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

const SEED_004 = readFileSync(new URL("../fixtures/plans/seed-004-kh-153a-cam-giang.txt", import.meta.url));
/** Seed 002 (Đồng Tháp plan 498/KH-UBND), OCR'd: its task table has no column separators. */
const SEED_002 = readFileSync(new URL("../fixtures/seeds/002_57a8e72d5c205de3.txt", import.meta.url));

/** A second plan: a task of Phòng Kinh tế already past its due (10/06, today is 15/06/2026), and
 * one whose deadline waits for an event. */
const LATE_TABLE = [
  "| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm, kết quả | Thời hạn |",
  "|---|---|---|---|---|---|",
  "| 1 | Báo cáo rà soát thủ tục hành chính cấp xã | Phòng Kinh tế | Văn phòng HĐND và UBND xã | Báo cáo | Chậm nhất 10/6/2026 |",
  "| 2 | Xây dựng kế hoạch triển khai Chỉ thị | Phòng Kinh tế | Văn phòng HĐND và UBND xã | Kế hoạch | Sau khi Thủ tướng CP ban hành Chỉ thị |",
].join("\n");

let e2e: E2EServer;
let aggregator: Awaited<ReturnType<typeof buildUser>>;
let ktOfficer: Awaited<ReturnType<typeof buildUser>>;
let planUrl = "";

beforeAll(async () => {
  e2e = await startE2E();
  const ctx = e2e.ctx;
  const province = await buildOrg(ctx, { code: "E2EP_TINH", name: "UBND tỉnh Thử Nghiệm", level: "province" });
  const commune = await buildOrg(ctx, { code: "E2EP_CG", name: "UBND xã Cẩm Giàng", parentId: province.id, level: "commune" });
  await buildOrg(ctx, { code: "E2EP_VP", name: "Văn phòng HĐND và UBND xã", parentId: commune.id, level: "office" });
  await buildOrg(ctx, { code: "E2EP_VHXH", name: "Phòng Văn hóa - Xã hội", parentId: commune.id, level: "office" });
  const kt = await buildOrg(ctx, { code: "E2EP_KT", name: "Phòng Kinh tế", parentId: commune.id, level: "office" });
  await buildOrg(ctx, { code: "E2EP_PVHCC", name: "Trung tâm Phục vụ hành chính công", parentId: commune.id, level: "office" });
  aggregator = await buildUser(ctx, commune.id, "aggregator");
  ktOfficer = await buildUser(ctx, kt.id, "officer");

  // the second plan goes in through the API: the browser flow below is the seed's table
  const created = await e2e.app.inject({
    method: "POST", url: "/api/plans", headers: aggregator.headers,
    payload: { orgCode: "E2EP_CG", number: "190/KH-UBND", type: "KH", issuedOn: "20/05/2026", title: "Rà soát thủ tục hành chính năm 2026" },
  });
  expect(created.statusCode, created.body).toBe(201);
  const boundary = "----e2e-plans";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bang.md"\r\nContent-Type: text/markdown\r\n\r\n`),
    Buffer.from(LATE_TABLE), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const imported = await e2e.app.inject({
    method: "POST", url: `/api/plans/${(created.json() as { id: number }).id}/tasks/import`,
    headers: { ...aggregator.headers, "content-type": `multipart/form-data; boundary=${boundary}` }, payload: body,
  });
  expect(imported.statusCode, imported.body).toBe(200);
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("plans and tasks in the browser", () => {
  it("an aggregator creates a plan with a tighter target and imports seed 004: fan-out, T2, 6 rõ, name mapping", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/ke-hoach");
    await page.getByRole("heading", { level: 1, name: "Kế hoạch, nhiệm vụ" }).waitFor();
    await page.getByRole("link", { name: "+ Thêm kế hoạch" }).click();

    await page.getByLabel("Số, ký hiệu").fill("153a/KH-UBND");
    await page.getByLabel("Ngày ban hành").fill("13/05/2026");
    await page.getByLabel("Trích yếu").fill("Triển khai thực hiện Quyết định số 534/QĐ-TTg của Thủ tướng Chính phủ");
    await page.getByLabel("D3 — Văn bản được số hóa").fill("100");
    await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await page.getByRole("heading", { level: 1, name: "KH số 153a/KH-UBND" }).waitFor();
    planUrl = new URL(page.url()).pathname;
    await waitForText(page.getByTestId("plan-targets"), "D3 — Văn bản được số hóa: 100%");

    // upload the appendix with the keyboard-reachable file field
    await page.getByLabel("Tệp bảng nhiệm vụ").setInputFiles({ name: "ke-hoach-153a.txt", mimeType: "text/plain", buffer: SEED_004 });
    await page.getByRole("button", { name: "Tải lên và đối chiếu" }).click();
    await waitForText(page.getByTestId("task-import-result"), "Đã đọc 14 dòng: 29 nhiệm vụ mới, 0 cập nhật, 0 không đổi.");
    await waitForText(page.getByTestId("task-import-result"), "5 dòng giao cho nhóm đơn vị đã được phân cho từng đơn vị.");

    // "Các cơ quan, tổ chức, đơn vị" fans out: one task per office, each its own lead
    const table = page.getByTestId("task-table");
    await expect.poll(() => table.locator('tr[data-kind="fanned"]').count()).toBe(20);
    const row3 = table.locator('tr[data-tt="3"]');
    expect((await row3.locator("td.lead strong").allInnerTexts()).sort()).toEqual(
      ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã"],
    );
    await waitForText(table.locator('tr[data-tt="3"][data-kind="group"]'), "phân thành 4 nhiệm vụ");
    // row 9 names two leads: a T2 breach, named; «Thường xuyên» fails rõ thời gian
    await waitForText(table.locator('tr[data-tt="9"] [data-testid="flag-t2"]'), "Vi phạm «một việc một đầu mối»: 2 đơn vị chủ trì");
    await table.locator('tr[data-tt="4"] [data-testid="flag-six-time"]').filter({ hasText: "Rõ thời gian:" }).waitFor();
    await waitForText(page.getByTestId("plan-summary"), "Vi phạm một việc một đầu mối");

    // the one name matched to no unit: map it once, then match again
    const unmatched = page.getByTestId("unmatched-name");
    await waitForText(unmatched, "«Trung tâm Dịch vụ tổng hợp»");
    await page.getByLabel("Đơn vị ứng với «Trung tâm Dịch vụ tổng hợp»").selectOption("E2EP_VP");
    await unmatched.getByRole("button", { name: "Ghi nhớ" }).click();
    await waitForText(unmatched, "Đã ghi nhớ");
    await page.getByRole("button", { name: "Đối chiếu lại" }).click();
    await waitForText(page.getByTestId("task-import-result"), "Đã đối chiếu lại: 1 nhiệm vụ thay đổi.");
    await page.getByTestId("unmatched-names").waitFor({ state: "detached" });
    await waitForText(table.locator('tr[data-tt="14"] td.lead'), "Văn phòng HĐND và UBND xã");

    // the export links are there, in both formats
    expect(await page.getByRole("link", { name: "Tải bảng nhiệm vụ (XLSX)" }).getAttribute("href")).toMatch(/\/tasks\/export\.xlsx$/);
    expect(await page.getByRole("link", { name: "Tải bảng nhiệm vụ (DOCX)" }).getAttribute("href")).toMatch(/\/tasks\/export\.docx$/);

    // and the plan is in the list with its share of tasks meeting all six "rõ"
    await page.getByRole("link", { name: "Kế hoạch", exact: true }).click();
    const listRow = page.getByTestId("plan-table").locator("tr").filter({ hasText: "153a/KH-UBND" });
    await waitForText(listRow, "72,4% (21/29)");
  });

  it("the aggregator's overdue board puts the unit with most overdue occurrences first; coverage lists what is not concretised", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/qua-han");
    await page.getByRole("heading", { level: 1, name: "Theo dõi nhiệm vụ quá hạn" }).waitFor();
    await waitForText(page.getByTestId("overdue-total"), "3 kỳ quá hạn tính đến ngày 15/06/2026");
    const units = page.getByTestId("overdue-unit");
    expect(await units.evaluateAll((els) => els.map((e) => e.getAttribute("data-unit")))).toEqual(["E2EP_VHXH", "E2EP_KT"]);
    await waitForText(units.first(), "2 kỳ quá hạn");
    await waitForText(units.first(), "quá 31 ngày"); // row 1 of seed 004, «Chậm nhất 15/5/2026»

    // coverage: no office has a plan of its own yet, so none of the commune's tasks is concretised
    await page.getByRole("link", { name: "Kế hoạch", exact: true }).click();
    await page.getByRole("link", { name: "Nhiệm vụ cấp trên chưa được cụ thể hóa" }).click();
    await page.getByRole("heading", { level: 1, name: "Nhiệm vụ cấp trên chưa được cụ thể hóa" }).waitFor();
    const kt = page.locator('[data-testid="coverage-unit"][data-unit="E2EP_KT"]');
    await waitForText(kt, "Đã cụ thể hóa 0/7 nhiệm vụ được giao");
    expect(await kt.locator("tbody tr").count()).toBe(7);
  });

  it("the issuer records the day of the event an event-bound deadline waits for, and the task gets its due", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/ke-hoach");
    await page.getByRole("link", { name: "190/KH-UBND" }).click();
    const row = page.getByTestId("task-table").locator('tr[data-tt="2"]');
    await waitForText(row.getByTestId("flag-event"), "Chờ sự kiện: chưa ghi ngày xảy ra");
    await row.getByRole("link", { name: "Ghi ngày sự kiện" }).click();
    await waitForText(page.locator("#su-kien"), "Thời hạn phụ thuộc sự kiện: «Thủ tướng CP ban hành Chỉ thị».");
    await page.getByLabel("Ngày xảy ra sự kiện").fill("01/06/2026");
    await page.getByLabel("Hạn hoàn thành").fill("30/06/2026");
    await page.getByRole("button", { name: "Ghi ngày sự kiện" }).click();
    await waitForText(page.getByRole("status"), "Đã ghi ngày sự kiện.");
    const occurrence = page.locator('[data-occurrence="event"]');
    await waitForText(occurrence, "Sau sự kiện");
    await waitForText(occurrence, "hạn 30/06/2026");
    expect(await occurrence.getAttribute("data-status")).toBe("chua_thuc_hien");
  });

  it("a department officer sees the notices and the unit's tasks, records progress, and the statuses change", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, ktOfficer.user.username, ktOfficer.password, "/viec-cua-toi");
    await page.getByRole("heading", { level: 1, name: "Việc của đơn vị tôi" }).waitFor();
    await waitForText(page.getByTestId("notices"), "1 kỳ quá hạn chưa hoàn thành");
    await waitForText(page.getByTestId("notices"), "quá 5 ngày");

    // the fanned task of row 3 arrived in Phòng Kinh tế's own list; report progress with the keyboard
    const task3 = page.getByTestId("unit-task").filter({ hasText: "TT 3." });
    const year2026 = task3.locator('[data-occurrence="2026"]');
    expect(await year2026.getAttribute("data-status")).toBe("chua_thuc_hien");
    const report = page.getByRole("button", { name: "Báo cáo tiến độ: Nhiệm vụ TT 3 — 153a/KH-UBND, Năm 2026" });
    await report.focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Nội dung cập nhật").focus();
    await page.keyboard.type("Đã rà soát văn bản của phòng, dự thảo báo cáo cắt giảm 15%");
    await page.getByRole("button", { name: "Gửi báo cáo" }).focus();
    await page.keyboard.press("Enter");
    await waitForText(page.getByRole("status"), "Đã ghi tiến độ.");
    await expect.poll(() => year2026.getAttribute("data-status")).toBe("dang_thuc_hien");
    await waitForText(year2026, "Đang thực hiện");

    // the late task: completed on 12/06, after its due of 10/06 → «Hoàn thành quá hạn»
    const late = page.getByTestId("unit-task").filter({ hasText: "Báo cáo rà soát thủ tục hành chính cấp xã" });
    await waitForText(late, "Quá hạn chưa hoàn thành");
    await late.getByRole("button", { name: /^Báo cáo tiến độ/ }).click();
    await late.getByLabel("Đã hoàn thành kỳ này").check();
    await late.getByLabel("Ngày hoàn thành").fill("12/06/2026");
    await late.getByRole("button", { name: "Gửi báo cáo" }).click();
    await waitForText(late, "Hoàn thành quá hạn");
    await waitForText(late, "hoàn thành 12/06/2026");
    await waitForText(page.getByTestId("notices"), "Không có việc quá hạn hay sắp đến hạn.");
    // an officer has no overdue board in the menu
    expect(await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Theo dõi quá hạn" }).count()).toBe(0);
  });

  it("the overdue board follows: Phòng Kinh tế is off it once its task is completed", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/qua-han");
    await waitForText(page.getByTestId("overdue-total"), "2 kỳ quá hạn tính đến ngày 15/06/2026");
    expect(await page.getByTestId("overdue-unit").evaluateAll((els) => els.map((e) => e.getAttribute("data-unit")))).toEqual(["E2EP_VHXH"]);
  });

  it("the office links its own plan's task to the commune's task it concretises, and coverage counts it", async () => {
    // Phòng Kinh tế's own plan, through the API
    const created = await e2e.app.inject({
      method: "POST", url: "/api/plans", headers: ktOfficer.headers,
      payload: { orgCode: "E2EP_KT", number: "05/KH-PKT", type: "KH", issuedOn: "01/06/2026", title: "Cắt giảm văn bản của Phòng Kinh tế" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const planId = (created.json() as { id: number }).id;
    const task = await e2e.app.inject({
      method: "POST", url: `/api/plans/${planId}/tasks`, headers: ktOfficer.headers,
      payload: { tt: "1", content: "Rà soát, cắt giảm văn bản hành chính của phòng", leadOrgCode: "E2EP_KT", coordinatorsText: "Không", product: "Báo cáo", deadlineText: "Quý III/2026" },
    });
    expect(task.statusCode, task.body).toBe(201);

    const { page } = await e2e.newPage();
    await logIn(page, ktOfficer.user.username, ktOfficer.password, `/nhiem-vu/${(task.json() as { id: number }).id}`);
    const select = page.getByLabel("Nhiệm vụ cấp trên", { exact: true });
    const option = await select.locator("option").filter({ hasText: "153a/KH-UBND · TT 3:" }).getAttribute("value");
    await select.selectOption(option ?? "");
    await page.getByRole("button", { name: "Lưu liên kết" }).click();
    await waitForText(page.getByRole("status"), "Đã lưu liên kết với nhiệm vụ cấp trên.");
    await waitForText(page.locator("section.panel").first(), "Cụ thể hóa nhiệm vụ cấp trên: 153a/KH-UBND, TT 3");

    await page.goto("/bao-phu?org=E2EP_KT");
    const kt = page.locator('[data-testid="coverage-unit"][data-unit="E2EP_KT"]');
    await waitForText(kt, "Đã cụ thể hóa 1/7 nhiệm vụ được giao");
    expect(await kt.locator("tbody tr").count()).toBe(6);
  });

  it("reads on a phone: the unit's tasks fit the screen width, the plan table scrolls inside its frame", async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, ktOfficer.user.username, ktOfficer.password, "/viec-cua-toi");
    await page.getByTestId("unit-task").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(planUrl);
    await page.getByTestId("task-table").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it("a new plan filled from its OCR'd document: the form prefilled, the readable tasks imported on saving, the others listed", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/ke-hoach/moi");
    await page.getByLabel("Văn bản kế hoạch").setInputFiles({ name: "ke-hoach-498.txt", mimeType: "text/plain", buffer: SEED_002 });
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    await waitForText(page.getByTestId("plan-from-document-result"), "Bảng phân công nhiệm vụ: đọc được 7 nhiệm vụ, sẽ được nhập khi lưu kế hoạch.");
    expect(await page.getByLabel("Số, ký hiệu").inputValue()).toBe("498/KH-UBND");
    expect(await page.getByLabel("Ngày ban hành").inputValue()).toBe("24/04/2026");
    expect(await page.getByLabel("Trích yếu").inputValue()).toMatch(/^Trién khai thuc hién Quyet dinh/);
    await page.getByRole("button", { name: "Lưu kế hoạch và nhập bảng nhiệm vụ" }).click();
    await page.getByRole("heading", { level: 1, name: "KH số 498/KH-UBND" }).waitFor();
    await waitForText(page.getByTestId("task-import-result"), "Đã đọc 7 dòng:");
    await waitForText(page.getByTestId("task-import-not-read"), "Nhiệm vụ chưa đọc (cần nhập tay): 1 (dòng 332");
    await expect.poll(() => page.getByTestId("task-table").locator('tr[data-tt="7"]').count()).toBe(1);
  });
});
