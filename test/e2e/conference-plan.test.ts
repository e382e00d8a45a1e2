// The annual conference plan in real headless Chromium (issue 7 §1, rule M7): an officer opens
// /ke-hoach-hoi-nghi, starts the 2026 plan, adds planned conferences until the online share falls
// below 60 % and sees the M2 warning of the live check, fixes the list and issues the plan by
// 20/02/2026; the page then shows it on time and locked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

let e2e: E2EServer;
let officer: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  e2e = await startE2E();
  const province = await buildOrg(e2e.ctx, { code: "E2EK_TINH", name: "UBND tỉnh Thử Nghiệm", level: "province" });
  const commune = await buildOrg(e2e.ctx, { code: "E2EK_XA", name: "UBND xã Kiến Thiết", parentId: province.id, level: "commune" });
  officer = await buildUser(e2e.ctx, commune.id, "officer");
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("annual conference plan in the browser", () => {
  it("drafts the plan, sees the online-share warning live, fixes it and issues the plan on time", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, officer.user.username, officer.password, "/ke-hoach-hoi-nghi?org=E2EK_XA&year=2026");
    await page.getByRole("heading", { level: 1, name: "Kế hoạch tổ chức hội nghị năm 2026" }).waitFor();
    await waitForText(page.getByTestId("plan-status"), "Hạn ban hành: 20/02/2026");
    await waitForText(page.getByTestId("plan-status"), "Chưa ban hành, đã quá hạn 20/02/2026 115 ngày");
    await page.getByRole("button", { name: "Lập kế hoạch năm 2026" }).click();
    await waitForText(page.getByTestId("plan-status"), "Dự thảo — chưa ban hành");

    const form = page.getByRole("form", { name: "Thêm hội nghị dự kiến" });
    const row = (title: string) => page.getByTestId("planned-table").locator(`tr[data-item="${title}"]`);
    const add = async (title: string, format: string, month: string) => {
      await form.getByLabel("Tên hội nghị").fill(title);
      await form.getByLabel("Hình thức").selectOption({ label: format });
      await form.getByLabel("Tháng dự kiến").selectOption({ label: month });
      await form.getByRole("button", { name: "Thêm vào kế hoạch" }).click();
      await row(title).waitFor();
    };
    const check = page.getByTestId("plan-check");
    await add("Hội nghị quán triệt Nghị quyết Đại hội", "Trực tuyến", "Tháng 3");
    await add("Hội nghị sơ kết 6 tháng", "Trực tuyến", "Tháng 7");
    await add("Hội nghị tổng kết năm", "Trực tiếp", "Tháng 12");
    await waitForText(check, "Trực tuyến (kể cả kết hợp): 2/3 = 66,7%");
    await waitForText(check, "Kế hoạch đạt các chỉ tiêu M1, M2, M3, M4.");

    // a fourth in person: 2 of 4 online, below 60 % — the live check warns while it is typed
    await form.getByLabel("Tên hội nghị").fill("Hội nghị đối thoại với Nhân dân");
    await form.getByLabel("Hình thức").selectOption({ label: "Trực tiếp" });
    await waitForText(check.locator('[data-rule="M2"].finding'), "Hội nghị trực tuyến chỉ chiếm 50% (2/4)");
    await form.getByLabel("Tháng dự kiến").selectOption({ label: "Tháng 9" });
    await form.getByRole("button", { name: "Thêm vào kế hoạch" }).click();
    await row("Hội nghị đối thoại với Nhân dân").waitFor();
    // the in-person rows carry the breach of the list they are in
    await waitForText(row("Hội nghị đối thoại với Nhân dân"), "Vi phạm: M2");
    await waitForText(check.locator('[data-rule="M2"].finding'), "cần ít nhất 60%");
    await waitForText(check, "Quy định: Hội nghị trực tuyến chiếm ít nhất 60%");
    await waitForText(check, "Căn cứ: KL 226 §2.2");

    // fix it: the dialogue goes online (hybrid counts as online)
    await page.getByRole("button", { name: "Sửa «Hội nghị đối thoại với Nhân dân»" }).click();
    const edit = page.getByRole("form", { name: "Sửa «Hội nghị đối thoại với Nhân dân»" });
    await edit.getByLabel("Hình thức").selectOption({ label: "Kết hợp" });
    await edit.getByRole("button", { name: "Lưu" }).click();
    await waitForText(check, "Trực tuyến (kể cả kết hợp): 3/4 = 75%");
    await waitForText(check, "Kế hoạch đạt các chỉ tiêu M1, M2, M3, M4.");
    expect(await check.locator(".finding").count()).toBe(0);

    // issue it on the deadline
    await page.getByRole("button", { name: "Ban hành kế hoạch" }).click();
    const dialog = page.getByRole("dialog", { name: "Ban hành kế hoạch tổ chức hội nghị" });
    await dialog.getByLabel("Số, ký hiệu").fill("05-KH/UBND");
    await dialog.getByLabel("Ngày ban hành").fill("20/02/2026");
    await dialog.getByRole("button", { name: "Ban hành", exact: true }).click();
    await waitForText(page.getByTestId("plan-status"), "Đã ban hành: số 05-KH/UBND ngày 20/02/2026");
    await waitForText(page.getByTestId("plan-status"), "Ban hành đúng hạn (hạn 20/02/2026)");
    await waitForText(page.getByTestId("plan-status"), "Kế hoạch đã ban hành nên không sửa được");
    expect(await page.getByRole("form", { name: "Thêm hội nghị dự kiến" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Sửa «/ }).count()).toBe(0);

    const stored = await e2e.ctx.handle.db.selectFrom("conference_plans").selectAll().where("number", "=", "05-KH/UBND").executeTakeFirstOrThrow();
    expect(stored.issued_on).toBe("2026-02-20");
  });
});
