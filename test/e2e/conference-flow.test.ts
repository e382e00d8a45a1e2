// Issue 7 §8, end to end in real headless Chromium: a commune plans its year's conferences and
// issues the plan; schedules one of them on the form, is warned that its chair is already booked
// at that hour (M9) and moves it; the conference is held; its conclusions become tasks; and the
// plan shows the planned conference as held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { buildMeeting } from "../conferences/conference-setup.js";
import { logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

let e2e: E2EServer;
let head: Awaited<ReturnType<typeof buildUser>>;
let communeId = 0;

beforeAll(async () => {
  e2e = await startE2E(new Date("2026-06-15T03:00:00Z")); // 15/06/2026 10:00 local
  const province = await buildOrg(e2e.ctx, { code: "E2EF_TINH", name: "UBND tỉnh Thử Nghiệm", level: "province" });
  const commune = await buildOrg(e2e.ctx, { code: "E2EF_XA", name: "UBND xã Phú Lâm", parentId: province.id, level: "commune" });
  await buildOrg(e2e.ctx, { code: "E2EF_KT", name: "Phòng Kinh tế", parentId: commune.id, level: "office" });
  communeId = commune.id;
  head = await buildUser(e2e.ctx, commune.id, "aggregator");
  // the chair is already booked on 17/06 from 08:30 to 10:00
  const busy = await buildMeeting(e2e.ctx, commune.id, "2026-06-17 08:30", "2026-06-17 10:00", { title: "Họp giao ban Ủy ban nhân dân xã" });
  await e2e.ctx.handle.db.updateTable("meetings").set({ chairs: ["Nguyễn Văn An"] }).where("id", "=", busy.id).execute();
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("a conference from the annual plan to its conclusions", () => {
  it("plan → schedule with a clash warning → hold → conclusions as tasks", async () => {
    const { page } = await e2e.newPage();

    // 1. the annual plan, with the conference to come, issued
    await logIn(page, head.user.username, head.password, "/ke-hoach-hoi-nghi?org=E2EF_XA&year=2026");
    await page.getByRole("button", { name: "Lập kế hoạch năm 2026" }).click();
    const form = page.getByRole("form", { name: "Thêm hội nghị dự kiến" });
    await form.getByLabel("Tên hội nghị").fill("Hội nghị triển khai chuyển đổi số năm 2026");
    await form.getByLabel("Hình thức").selectOption({ label: "Trực tuyến" });
    await form.getByLabel("Tháng dự kiến").selectOption({ label: "Tháng 6" });
    await form.getByRole("button", { name: "Thêm vào kế hoạch" }).click();
    await page.getByTestId("planned-table").locator('tr[data-item="Hội nghị triển khai chuyển đổi số năm 2026"]').waitFor();
    await page.getByRole("button", { name: "Ban hành kế hoạch" }).click();
    const dialog = page.getByRole("dialog", { name: "Ban hành kế hoạch tổ chức hội nghị" });
    await dialog.getByLabel("Số, ký hiệu").fill("12-KH/UBND");
    await dialog.getByLabel("Ngày ban hành").fill("10/02/2026");
    await dialog.getByRole("button", { name: "Ban hành", exact: true }).click();
    await waitForText(page.getByTestId("plan-status"), "Ban hành đúng hạn (hạn 20/02/2026)");

    // 2. scheduled on the form, linked to its planned item; the chair's clash is shown before saving
    await page.goto(`/hoi-nghi/moi`);
    await page.getByLabel("Tên hội nghị").fill("Hội nghị triển khai chuyển đổi số năm 2026");
    await page.getByLabel("Loại hội nghị").selectOption("chuyen_mon");
    await page.getByLabel("Quy mô").selectOption("noi_bo");
    await page.getByLabel("Hình thức").selectOption("truc_tuyen");
    await page.getByLabel("Bắt đầu").fill("17/06/2026 08:00");
    await page.getByLabel("Kết thúc").fill("17/06/2026 11:00");
    const plannedSelect = page.getByLabel("Thuộc kế hoạch hội nghị năm");
    const plannedOption = plannedSelect.locator("option", { hasText: "Hội nghị triển khai chuyển đổi số năm 2026" });
    await plannedOption.waitFor({ state: "attached" });
    await plannedSelect.selectOption((await plannedOption.getAttribute("value")) ?? "");
    await page.getByLabel("Đồng chí chủ trì").fill("Nguyễn Văn An");
    const m9 = page.locator('[data-testid="conference-check"] [data-rule="M9"]');
    await waitForText(m9, 'Trùng thời gian với hội nghị "Họp giao ban Ủy ban nhân dân xã"');
    // moved to the afternoon: the warning goes, and it is saved
    await page.getByLabel("Bắt đầu").fill("17/06/2026 14:00");
    await page.getByLabel("Kết thúc").fill("17/06/2026 16:30");
    await expect.poll(() => m9.count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole("button", { name: "Lưu hội nghị" }).click();
    await page.waitForURL((u) => !u.pathname.endsWith("/moi"));
    const saved = await e2e.ctx.handle.db.selectFrom("meetings").select(["id", "planned_id", "chairs"])
      .where("org_id", "=", communeId).where("title", "=", "Hội nghị triển khai chuyển đổi số năm 2026").executeTakeFirstOrThrow();
    expect(saved.planned_id).not.toBeNull();
    expect(saved.chairs).toEqual(["Nguyễn Văn An"]);

    // 3. held: two days later its conclusions are recorded and become tasks
    const later = new Date("2026-06-19T03:00:00Z");
    e2e.ctx.now = () => later;
    // days later: the session of 15/06 has lapsed, the user signs in again
    const { page: next } = await e2e.newPage();
    await logIn(next, head.user.username, head.password, `/hoi-nghi/${saved.id}/chi-tiet`);
    await next.getByRole("heading", { level: 1, name: "Hội nghị triển khai chuyển đổi số năm 2026" }).waitFor();
    // the form's findings reach the conference page too: papers were never sent ahead
    await next.getByTestId("conference-findings").locator('[data-rule="PAPERS"]').waitFor();
    const panel = next.getByTestId("conclusions-panel");
    await panel.getByLabel("Số, ký hiệu thông báo").fill("30/TB-UBND");
    await panel.getByLabel("Ngày ban hành").fill("18/06/2026");
    await panel.getByLabel("Nội dung kết luận 1").fill("Hoàn thành số hóa hồ sơ thủ tục hành chính của xã");
    await panel.getByLabel("Đơn vị chủ trì kết luận 1").selectOption("E2EF_KT");
    await panel.getByLabel("Thời hạn kết luận 1").fill("30/09/2026");
    await panel.getByLabel("Sản phẩm kết luận 1").fill("Kho hồ sơ số hóa");
    await panel.getByRole("button", { name: "Lưu kết luận" }).click();
    const row = panel.getByTestId("conclusion-table").locator('tr[data-tt="1"]');
    await waitForText(row, "Phòng Kinh tế");
    await waitForText(row, "Đạt «6 rõ»");
    await waitForText(row, "hạn 30/09/2026");
    const task = await e2e.ctx.handle.db.selectFrom("plan_tasks").innerJoin("meetings", "meetings.conclusion_plan_id", "plan_tasks.plan_id")
      .select(["plan_tasks.lead_org_id", "plan_tasks.product"]).where("meetings.id", "=", saved.id).executeTakeFirstOrThrow();
    expect(task.product).toBe("Kho hồ sơ số hóa");

    // 4. the plan now shows its conference as held
    await next.goto(`/ke-hoach-hoi-nghi?org=E2EF_XA&year=2026`);
    const item = next.getByTestId("planned-table").locator('tr[data-item="Hội nghị triển khai chuyển đổi số năm 2026"]');
    await waitForText(item, "Ngày 17/06/2026");
  });
});
