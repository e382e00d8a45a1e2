// A large import in real headless Chromium (issue 3 §5): the upload bar, then the server's
// progress (phase, rows, %) polled while the import runs, then the result, and the dashboard's
// digitisation indicator (D3) moves. The whole flow is driven from the keyboard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardValue, logIn, startE2E, waitForText, type E2EServer } from "./harness.js";
import { CODES, seedProvince } from "./seed.js";

let e2e: E2EServer;
let accounts: Awaited<ReturnType<typeof seedProvince>>;

beforeAll(async () => {
  e2e = await startE2E();
  accounts = await seedProvince(e2e.ctx);
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

/** Documents of Xã Hòa Bình in 2026 (10 seeded, all digitised) + this file's 59,990 of which
 * 14,990 digitised: D3 = 15,000 / 60,000 = 25 %. */
const ROWS = 59_990;
const DIGITISED = 14_990;

function largeDocumentsCsv(): string {
  const lines = ["org_code,number,type,issued_on,subject,legal_normative,secret,sent_electronically,digitized,signer"];
  for (let i = 0; i < ROWS; i += 1) {
    const day = String((i % 28) + 1).padStart(2, "0");
    lines.push(`${CODES.hoaBinh},${i + 1}/UBND-LON,CV,${day}/03/2026,Văn bản nhập hàng loạt số ${i + 1},0,0,1,${i < DIGITISED ? 1 : 0},Nguyễn Văn A`);
  }
  return `${lines.join("\n")}\n`;
}

describe("import page with progress", () => {
  it("uploads a large file, shows the processing phase, rows and %, then the result, and D3 changes", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, accounts.officer.user.username, accounts.officer.password, "/?period=2026");
    await expect.poll(() => cardValue(page, "D3")).toBe("100%");

    await page.getByRole("link", { name: "Nhập dữ liệu" }).click();
    await page.getByLabel("Sổ văn bản").check();
    await page.getByLabel("Tệp dữ liệu").setInputFiles({ name: "van-ban-lon.csv", mimeType: "text/csv", buffer: Buffer.from(largeDocumentsCsv(), "utf8") });
    await page.getByRole("button", { name: "Tải lên và nhập" }).focus();
    await page.keyboard.press("Enter");

    // a poll answered mid-import: its phase in Vietnamese, the rows done and a bar below 100 %,
    // and the form's button at that same moment (the import may end right after)
    const midway = await page.waitForFunction(() => {
      const bar = document.querySelector('[data-testid="import-processing"] [role="progressbar"]');
      const now = Number(bar?.getAttribute("aria-valuenow") ?? "NaN");
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Tải lên và nhập");
      return now > 0 && now < 100 ? { now, text: bar?.getAttribute("aria-valuetext") ?? "", buttonDisabled: button?.disabled ?? null } : null;
    }, undefined, { polling: 50, timeout: 120_000 });
    const seen = (await midway.jsonValue()) as { now: number; text: string; buttonDisabled: boolean | null };
    expect(seen.text).toMatch(/^Đang (đọc và kiểm tra|ghi|kiểm tra trùng lặp)… [\d.]+ dòng · [\d,]+%$/);
    expect(seen.text).toContain(`${seen.now}%`);
    // the form stays disabled while the import runs
    expect(seen.buttonDisabled).toBe(true);

    const success = page.getByTestId("import-success");
    await success.waitFor({ timeout: 180_000 });
    await waitForText(success, "59.990 dòng: thêm mới 59.990, cập nhật 0.");
    expect(await page.getByTestId("import-processing").count()).toBe(0);
    // the result takes the focus, and the form is usable again
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("import-success");
    expect(await page.getByRole("button", { name: "Tải lên và nhập" }).isEnabled()).toBe(true);

    await page.getByRole("link", { name: "Tổng quan" }).click();
    await page.getByLabel("Loại kỳ").selectOption("year");
    await expect.poll(() => cardValue(page, "D3"), { timeout: 20_000 }).toBe("25%");
  }, 300_000);
});
