// Document intelligence in real headless Chromium (issue "Document intelligence" §6–§7): a commune
// officer registers a plan from its file (the form filled from it, the file kept as its text),
// sees the share copied from the province's plan and KL 226 over the threshold, opens the
// side-by-side view with the passages and their source, and what the plan implements; the
// register shows the share column and filters "copied > threshold"; full-text search finds it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { logIn, startE2E, waitForText, type E2EServer } from "../e2e/harness.js";
import { kl226Text, seedText } from "./text-setup.js";

let e2e: E2EServer;
let officer: Awaited<ReturnType<typeof buildUser>>;

async function apiDoc(headers: Record<string, string>, body: Record<string, unknown>, text: string): Promise<number> {
  const created = await e2e.app.inject({ method: "POST", url: "/api/documents", headers, payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: number }).id;
  const put = await e2e.app.inject({ method: "PUT", url: `/api/documents/${id}/text`, headers, payload: { text, format: "text" } });
  expect(put.statusCode, put.body).toBe(200);
  return id;
}

beforeAll(async () => {
  e2e = await startE2E();
  const ctx = e2e.ctx;
  const vn = await buildOrg(ctx, { code: "E2ET_VN", name: "Việt Nam", level: "central" });
  await buildOrg(ctx, { code: "E2ET_BBT", name: "Ban Bí thư", parentId: vn.id, level: "central", bloc: "party" });
  const province = await buildOrg(ctx, { code: "E2ET_TINH", name: "UBND tỉnh Thử Nghiệm", parentId: vn.id, level: "province" });
  const commune = await buildOrg(ctx, { code: "E2ET_CG", name: "UBND xã Cẩm Giàng", parentId: province.id, level: "commune" });
  const admin = await buildUser(ctx, vn.id, "admin");
  officer = await buildUser(ctx, commune.id, "officer");
  await apiDoc(admin.headers, { orgCode: "E2ET_BBT", number: "226-KL/TW", type: "KL", issuedOn: "2025-12-11", subject: "Chấn chỉnh lề lối làm việc" }, kl226Text());
  await apiDoc(admin.headers, { orgCode: "E2ET_TINH", number: "498/KH-UBND", type: "KH", issuedOn: "2026-04-24", subject: "Kế hoạch thực hiện Quyết định 534/QĐ-TTg" }, seedText("002"));
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("document texts in the browser", () => {
  it("registers a plan from its file, shows the copied share, the side-by-side view and the citations", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, officer.user.username, officer.password, "/van-ban/moi");
    await page.getByRole("heading", { level: 1, name: "Thêm văn bản" }).waitFor();
    await page.getByTestId("fill-from-file").getByLabel("Tệp văn bản").setInputFiles({ name: "153a.md", mimeType: "text/markdown", buffer: Buffer.from(seedText("004")) });
    await page.getByRole("button", { name: "Đọc tệp" }).click();
    await waitForText(page.getByTestId("fill-from-file"), "Đã điền từ «153a.md»");
    expect(await page.getByLabel("Số ký hiệu").inputValue()).toBe("153a/KH-UBND");
    expect(await page.getByLabel("Ngày ban hành").inputValue()).toBe("13/05/2026");
    expect(await page.getByLabel("Đơn vị ban hành").inputValue()).toBe("E2ET_CG");
    await page.getByRole("button", { name: "Lưu văn bản" }).click();

    // the new document's page: its text checked against the province's plan and KL 226
    await page.getByRole("heading", { level: 1, name: "Văn bản 153a/KH-UBND" }).waitFor();
    const summary = page.getByTestId("copy-summary");
    await waitForText(summary, "Vượt ngưỡng 30%");
    await waitForText(summary, "so với 2 văn bản của cấp trên và trung ương");
    await waitForText(page.getByTestId("implements"), "Kết luận 226-KL/TW ngày 11/12/2025");
    await waitForText(page.getByTestId("implements"), "534/QĐ-TTg");

    await page.getByRole("link", { name: "Đối chiếu song song" }).click();
    await page.getByRole("heading", { level: 1, name: "Đối chiếu văn bản 153a/KH-UBND" }).waitFor();
    const marks = page.getByTestId("compare-document").locator("mark");
    expect(await marks.count()).toBeGreaterThan(5);
    await waitForText(page.getByTestId("compare-source-title"), "498/KH-UBND");
    expect(await page.getByTestId("compare-source").locator("mark.is-active").count()).toBe(1);
    // choosing another passage shows its source
    const last = marks.last();
    await last.click();
    expect(await last.getAttribute("aria-pressed")).toBe("true");
  });

  it("shows the share in the register, filters copied > threshold, and finds the text without diacritics", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, officer.user.username, officer.password, "/van-ban");
    await page.getByRole("heading", { level: 1, name: "Sổ văn bản" }).waitFor();
    const row = page.locator("tr").filter({ hasText: "153a/KH-UBND" });
    await row.getByTestId("copied-share").locator(".badge").waitFor();
    await page.getByLabel("Sao chép văn bản cấp trên").selectOption("1");
    await page.waitForURL(/copiedOver=1/);
    await waitForText(page.locator("table"), "153a/KH-UBND");

    await page.getByRole("link", { name: "Tìm toàn văn" }).click();
    await page.getByRole("heading", { level: 1, name: "Tìm trong nội dung văn bản" }).waitFor();
    await page.getByLabel("Từ khóa").fill("chan chinh le loi lam viec");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    const results = page.getByTestId("search-results");
    await waitForText(results, "153a/KH-UBND");
    expect(await results.locator("mark").count()).toBeGreaterThan(0);
  });
});
