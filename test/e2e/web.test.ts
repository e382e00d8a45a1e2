// The critical flows of the web app in real headless Chromium (issue 3 §8): sign in, switch
// unit and period, import a file and see an indicator move, the M4 warning before saving,
// and the refusal of another commune's page. Also writes the README screenshots.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardValue, logIn, startE2E, waitForText, type E2EServer } from "./harness.js";
import { CODES, notDigitizedCsv, seedProvince } from "./seed.js";

const SCREENSHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

let e2e: E2EServer;
let accounts: Awaited<ReturnType<typeof seedProvince>>;

beforeAll(async () => {
  e2e = await startE2E();
  accounts = await seedProvince(e2e.ctx);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("web app", () => {
  it("signs in and shows the province dashboard with every indicator", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.admin.user.username, accounts.admin.password, "/?period=2026");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Tổng quan thực hiện KL 226");
    await waitForText(page.getByTestId("dashboard-scope"), "Tỉnh Thử Nghiệm · Năm 2026");
    for (const id of ["D1", "D3", "D4", "M1", "M2", "M4", "M5", "T1"]) {
      await page.locator(`[data-indicator="${id}"] [data-testid="indicator-value"]`).waitFor();
    }
    // the whole-day quán triệt of Xã Tân Lập is the province's one M4 breach, with its records a click away
    expect(await cardValue(page, "M4")).toBe("1");
    await page.locator('[data-indicator="M4"]').getByRole("link", { name: "Xem 1 hội nghị vi phạm" }).waitFor();
    // subordinate units, most breaches first
    await page.getByRole("button", { name: "Xã Tân Lập" }).waitFor();
    await page.locator("canvas").first().waitFor();
    await page.mouse.move(1, 767); // no tooltip in the picture
    await page.waitForTimeout(300); // let ECharts finish its first paint
    await page.screenshot({ path: `${SCREENSHOTS}dashboard.png` });
  });

  it("switches unit (searching without diacritics) and period, and the cards change", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.admin.user.username, accounts.admin.password, "/?period=2026");
    await page.locator('[data-indicator="D1"] [data-testid="indicator-value"]').waitFor();
    const provinceD1 = await cardValue(page, "D1");

    const picker = page.getByRole("combobox", { name: "Đơn vị", exact: true });
    await picker.click();
    await picker.fill("hoa binh");
    await page.getByRole("option", { name: /Xã Hòa Bình/ }).waitFor();
    await picker.press("Enter");
    await expect.poll(() => cardValue(page, "D1")).toBe("Giảm 50%");
    expect(provinceD1).not.toBe("Giảm 50%");
    expect(new URL(page.url()).searchParams.get("org")).toBe(CODES.hoaBinh);
    await waitForText(page.getByRole("navigation", { name: "Đường dẫn đơn vị" }), "Tỉnh Thử Nghiệm");

    await page.getByLabel("Loại kỳ").selectOption("quarter");
    await expect.poll(() => cardValue(page, "D1")).toBe("Giảm 40%");
    expect(new URL(page.url()).searchParams.get("period")).toBe("2026Q1");
    await waitForText(page.getByTestId("dashboard-scope"), "Xã Hòa Bình · Quý I/2026");
  });

  it("imports a CSV file and the digitisation indicator (D3) changes on the dashboard", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.officer.user.username, accounts.officer.password, "/?period=2026");
    await expect.poll(() => cardValue(page, "D3")).toBe("100%");

    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByLabel("Sổ văn bản").check();
    // a file with a bad row writes nothing and lists the row
    await page.getByLabel("Tệp dữ liệu").setInputFiles({
      name: "loi.csv", mimeType: "text/csv",
      buffer: Buffer.from(notDigitizedCsv().replace("02/03/2026", "31/02/2026"), "utf8"),
    });
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    await waitForText(page.getByTestId("import-errors"), "không dòng nào được ghi");
    await page.getByTestId("import-errors").getByRole("cell", { name: "issued_on" }).waitFor();

    await page.getByLabel("Tệp dữ liệu").setInputFiles({ name: "van-ban.csv", mimeType: "text/csv", buffer: Buffer.from(notDigitizedCsv(), "utf8") });
    await page.getByRole("button", { name: "Tải lên và nhập" }).click();
    await waitForText(page.getByTestId("import-success"), "10 dòng: thêm mới 10");

    await page.getByRole("link", { name: "Tổng quan" }).click();
    await page.getByLabel("Loại kỳ").selectOption("year");
    await expect.poll(() => cardValue(page, "D3")).toBe("50%");
  });

  it("shows the M4 warning with its rule and source on a too-long quán triệt conference before saving", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.officer.user.username, accounts.officer.password, "/hoi-nghi/moi");
    await page.getByLabel("Tên hội nghị").fill("Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ xã");
    await page.getByLabel("Loại hội nghị").selectOption("quan_triet");
    await page.getByLabel("Quy mô").selectOption("toan_xa");
    await page.getByLabel("Hình thức").selectOption("truc_tiep");
    await page.getByLabel("Bắt đầu").fill("10/03/2026 08:00");
    await page.getByLabel("Kết thúc").fill("10/03/2026 17:00");
    await page.getByLabel("Phát biểu khai mạc").fill("15");

    const m4 = page.locator('[data-testid="conference-check"] [data-rule="M4"]');
    await waitForText(m4, "Hội nghị quán triệt không quá 1/2 ngày");
    await waitForText(m4, "Căn cứ: KL 226 §2.2");
    await waitForText(page.locator('[data-testid="conference-check"] [data-rule="M5"]'), "Phát biểu khai mạc không quá 10 phút");
    // nothing has been saved: the warning came from the dry run
    const saved = await e2e.ctx.handle.db.selectFrom("meetings").select("id").where("org_id", "=", accounts.orgs.hoaBinh.id).execute();
    expect(saved).toHaveLength(0);
    await page.screenshot({ path: `${SCREENSHOTS}conference-form.png` });
  });

  it("refuses another commune's page with a clear message", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.officer.user.username, accounts.officer.password, `/?org=${CODES.tanLap}&period=2026`);
    await page.getByRole("heading", { name: "Không có quyền truy cập đơn vị này" }).waitFor();
    await page.goto(`/van-ban?org=${CODES.tanLap}`);
    await page.getByRole("heading", { name: "Không có quyền truy cập đơn vị này" }).waitFor();
  });
});
