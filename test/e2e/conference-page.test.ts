// The conference page in real headless Chromium (issue 7 §5, §6, §8): an aggregator opens a
// past conference's page, uploads a paper, marks the papers sent, records the conclusion notice
// with two conclusions, sees them as tasks with their "6 rõ" and progress, opens one and reports
// progress on it, and the conference's progress follows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { AGENDA_PDF, buildMeeting } from "../conferences/conference-setup.js";
import { logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

let e2e: E2EServer;
let aggregator: Awaited<ReturnType<typeof buildUser>>;
let meetingId = 0;

beforeAll(async () => {
  e2e = await startE2E(); // today: 15/06/2026
  const ctx = e2e.ctx;
  const province = await buildOrg(ctx, { code: "E2EC_TINH", name: "UBND tỉnh Thử Nghiệm", level: "province" });
  const commune = await buildOrg(ctx, { code: "E2EC_CG", name: "UBND xã Cẩm Giàng", parentId: province.id, level: "commune" });
  await buildOrg(ctx, { code: "E2EC_VP", name: "Văn phòng HĐND và UBND xã", parentId: commune.id, level: "office" });
  await buildOrg(ctx, { code: "E2EC_VHXH", name: "Phòng Văn hóa - Xã hội", parentId: commune.id, level: "office" });
  await buildOrg(ctx, { code: "E2EC_KT", name: "Phòng Kinh tế", parentId: commune.id, level: "office" });
  aggregator = await buildUser(ctx, commune.id, "aggregator");
  meetingId = (await buildMeeting(ctx, commune.id, "2026-06-10 08:00", "2026-06-10 11:30", {
    title: "Hội nghị sơ kết 6 tháng đầu năm 2026", agenda: "1. Khai mạc\n2. Báo cáo sơ kết\n3. Kết luận",
  })).id;
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("the conference page in the browser", () => {
  it("papers, their sending, and conclusions followed as tasks", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, `/hoi-nghi/${meetingId}/chi-tiet`);
    await page.getByRole("heading", { level: 1, name: "Hội nghị sơ kết 6 tháng đầu năm 2026" }).waitFor();
    const facts = page.getByTestId("conference-facts");
    await waitForText(facts, "10/06/2026 08:00 – 10/06/2026 11:30");
    await waitForText(facts, "UBND xã Cẩm Giàng");
    await waitForText(facts, "Chuyên môn, nghiệp vụ");
    await waitForText(facts, "Báo cáo sơ kết");

    // the papers: none sent and the due time has passed
    const papers = page.getByTestId("papers-panel");
    const sent = page.getByTestId("papers-sent");
    expect(await sent.locator(".status").getAttribute("data-status")).toBe("not_sent_late");
    await waitForText(sent, "Chưa gửi — đã quá hạn");
    await papers.getByLabel("Tên tài liệu").fill("Chương trình hội nghị");
    await papers.getByLabel("Tệp tài liệu").setInputFiles({ name: "chuong-trinh.pdf", mimeType: "application/pdf", buffer: AGENDA_PDF() });
    await papers.getByRole("button", { name: "Tải tài liệu lên" }).click();
    await waitForText(page.getByRole("status"), "Đã tải tài liệu lên.");
    const link = papers.getByRole("link", { name: "Tải về: Chương trình hội nghị" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toMatch(new RegExp(`^/api/meetings/${meetingId}/papers/\\d+/file$`));
    await waitForText(papers.getByTestId("paper-list"), "chuong-trinh.pdf");

    // marked sent on 05/06, before the due time (07/06 08:00): on time
    await papers.getByLabel("Ngày gửi").fill("05/06/2026");
    await papers.getByRole("button", { name: "Đánh dấu đã gửi tài liệu" }).click();
    await expect.poll(() => sent.locator(".status").getAttribute("data-status")).toBe("sent_on_time");
    await waitForText(sent, "Gửi đúng hạn");
    await waitForText(sent, "Đã gửi ngày 05/06/2026");

    // the conclusion notice with two conclusions; the second has no product
    const panel = page.getByTestId("conclusions-panel");
    await waitForText(panel, "Chưa ghi nhận thông báo kết luận của hội nghị.");
    await panel.getByLabel("Số, ký hiệu thông báo").fill("45/TB-UBND");
    await panel.getByLabel("Ngày ban hành").fill("12/06/2026");
    await panel.getByLabel("Nội dung kết luận 1").fill("Rà soát, cắt giảm văn bản hành chính của các phòng");
    await panel.getByLabel("Đơn vị chủ trì kết luận 1").selectOption("E2EC_KT");
    await panel.getByLabel("Thời hạn kết luận 1").fill("31/07/2026");
    await panel.getByLabel("Sản phẩm kết luận 1").fill("Báo cáo kết quả rà soát");
    await panel.getByRole("button", { name: "+ Thêm dòng kết luận" }).click();
    await panel.getByLabel("Nội dung kết luận 2").fill("Số hóa hồ sơ lưu trữ năm 2025");
    await panel.getByLabel("Đơn vị chủ trì kết luận 2").selectOption("E2EC_VHXH");
    await panel.getByLabel("Thời hạn kết luận 2").fill("Quý III/2026");
    await panel.getByRole("button", { name: "Lưu kết luận" }).click();
    await waitForText(page.getByRole("status"), "Đã ghi nhận 2 kết luận thành nhiệm vụ; 1 kết luận chưa đạt «6 rõ» — xem cảnh báo.");

    await waitForText(panel.getByTestId("notice"), "Thông báo kết luận số 45/TB-UBND, ngày 12/06/2026");
    const table = panel.getByTestId("conclusion-table");
    const first = table.locator('tr[data-tt="1"]');
    const second = table.locator('tr[data-tt="2"]');
    await waitForText(first, "Phòng Kinh tế");
    await waitForText(first, "Đạt «6 rõ»");
    await waitForText(first, "hạn 31/07/2026");
    await waitForText(second, "Phòng Văn hóa - Xã hội");
    await second.getByTestId("flag-six-product").waitFor();
    await waitForText(second, "hạn 30/09/2026");
    expect(await first.getAttribute("data-status")).toBe("not_started");
    await waitForText(panel.getByTestId("conclusion-summary"), "Đã hoàn thành 0/2 kết luận");
    // the form now adds to the same notice
    await panel.getByRole("heading", { name: "Thêm kết luận" }).waitFor();

    // open the first as a task and report progress on it
    await first.getByRole("link", { name: "Mở nhiệm vụ 1" }).click();
    await page.getByRole("heading", { level: 1, name: "Nhiệm vụ TT 1 — Phòng Kinh tế" }).waitFor();
    await page.getByRole("button", { name: /^Báo cáo tiến độ: Nhiệm vụ TT 1, / }).click();
    await page.getByLabel("Nội dung cập nhật").fill("Đã rà soát 12 văn bản của Phòng Kinh tế");
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await waitForText(page.getByRole("status"), "Đã ghi tiến độ.");

    // back on the conference page, the conclusion is under way
    await page.goBack();
    await expect.poll(() => page.getByTestId("conclusion-table").locator('tr[data-tt="1"]').getAttribute("data-status")).toBe("on_time");
    await waitForText(page.getByTestId("conclusion-table").locator('tr[data-tt="1"]'), "Đang thực hiện, trong hạn");
    const summary = page.getByTestId("conclusion-summary");
    await waitForText(summary, "Đã hoàn thành 0/2 kết luận");
    expect(await summary.locator('[data-key="onTime"] dd').innerText()).toBe("1");
    expect(await summary.locator('[data-key="sixClearIncomplete"] dd').innerText()).toBe("1");
  });
});
