// The conference calendar in real headless Chromium (issue 7 §2, §8): a province aggregator
// opens /lich-hoi-nghi, sees two communes' conferences with the same chair marked as a clash and
// what they clash with, the bunching banner of a commune that crowds January, switches to the
// week view, and creates, reads and revokes an iCalendar feed URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser } from "../helpers/test-app.js";
import { buildConference } from "../calendar/calendar-setup.js";
import { logIn, startE2E, waitForText, type E2EServer } from "./harness.js";

let e2e: E2EServer;
let aggregator: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  // Tuesday 10/03/2026, 10:00 in Hà Nội
  e2e = await startE2E(new Date("2026-03-10T03:00:00Z"));
  const ctx = e2e.ctx;
  const t = { ctx };
  const province = await buildOrg(ctx, { code: "E2EC_TINH", name: "UBND tỉnh Thử Nghiệm", level: "province" });
  const an = await buildOrg(ctx, { code: "E2EC_AN", name: "UBND xã An Bình", parentId: province.id, level: "commune" });
  const binh = await buildOrg(ctx, { code: "E2EC_BINH", name: "UBND xã Bình Minh", parentId: province.id, level: "commune" });
  aggregator = await buildUser(ctx, province.id, "aggregator");
  await buildConference(t, { orgId: an.id, start: "2026-03-04T08:00", end: "2026-03-04T11:00", chairs: ["Nguyễn Văn An"], title: "Hội nghị triển khai chuyển đổi số xã An Bình", format: "truc_tiep" });
  await buildConference(t, { orgId: binh.id, start: "2026-03-04T09:00", end: "2026-03-04T10:30", chairs: ["Đ/c Nguyễn Văn An"], title: "Hội nghị sơ kết quý I xã Bình Minh", format: "truc_tuyen" });
  await buildConference(t, { orgId: binh.id, start: "2026-03-12T14:00", end: "2026-03-12T16:00", chairs: ["Trần Thị Bình"], title: "Họp giao ban tháng 3", format: "ket_hop" });
  // Bình Minh crowds the first two weeks of 2026: 3 of its 6 conferences
  for (const day of ["05", "07", "09"]) await buildConference(t, { orgId: binh.id, start: `2026-01-${day}T08:00`, end: `2026-01-${day}T10:00` });
  await buildConference(t, { orgId: binh.id, start: "2026-05-05T08:00", end: "2026-05-05T10:00" });
}, 360_000);

afterAll(async () => {
  await e2e?.close();
});

describe("conference calendar in the browser", () => {
  it("shows the month with a clash warning on two conferences sharing a chair, then the week view", async () => {
    const { page } = await e2e.newPage();
    // the browser's own clock says what "today" is: the URL fixes the day shown
    await logIn(page, aggregator.user.username, aggregator.password, "/lich-hoi-nghi?date=2026-03-10");
    await page.getByRole("heading", { level: 1, name: "Lịch hội nghị" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Tháng Ba năm 2026" }).waitFor();

    // both conferences of 04/03 carry the warning; the third does not
    const toggles = page.getByRole("button", { name: /^Trùng lịch: xem 1 hội nghị trùng với/ });
    await toggles.first().waitFor();
    expect(await toggles.count()).toBe(2);
    const day = page.locator('[data-day="2026-03-04"]');
    expect(await day.locator(".cal-chip.is-clash").count()).toBe(2);
    expect(await page.locator('[data-day="2026-03-12"] .cal-chip.is-clash').count()).toBe(0);

    // the pop-over names the other conference and the shared chair; Escape closes it
    const anToggle = page.getByRole("button", { name: "Trùng lịch: xem 1 hội nghị trùng với “Hội nghị triển khai chuyển đổi số xã An Bình”" });
    await anToggle.click();
    const popover = page.getByRole("region", { name: "Trùng lịch với 1 hội nghị" });
    await waitForText(popover, "Hội nghị sơ kết quý I xã Bình Minh");
    await waitForText(popover, "cùng người chủ trì: Nguyễn Văn An");
    await page.keyboard.press("Escape");
    await popover.waitFor({ state: "detached" });
    expect(await anToggle.getAttribute("aria-expanded")).toBe("false");

    // the list of clashes and the bunching banner of the year
    await page.getByRole("heading", { level: 2, name: "Hội nghị trùng lịch" }).waitFor();
    await waitForText(page.locator(".cal-bunching"), "UBND xã Bình Minh");
    await waitForText(page.locator(".cal-bunching"), "3/6 hội nghị của năm 2026 (50 %) dồn vào 2 tuần đầu năm (01/01–14/01)");
    await page.screenshot({ path: "/tmp/leloi-calendar-month.png", fullPage: false });

    // week view: this week, then the week of the clash, with the chairs shown
    await page.getByRole("button", { name: "Tuần", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Tuần 09/03 – 15/03/2026" }).waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("week");
    await page.getByRole("button", { name: "‹ Tuần trước" }).click();
    await page.getByRole("heading", { level: 2, name: "Tuần 02/03 – 08/03/2026" }).waitFor();
    await waitForText(page.locator('[data-day="2026-03-04"]'), "Chủ trì: Đ/c Nguyễn Văn An");
    expect(await page.locator('[data-day="2026-03-04"] .cal-chip.is-clash').count()).toBe(2);
    await page.screenshot({ path: "/tmp/leloi-calendar-week.png", fullPage: false });

    // a chip leads to the conference's page
    await page.getByRole("link", { name: /Hội nghị sơ kết quý I xã Bình Minh/ }).first().click();
    await page.waitForURL(/\/hoi-nghi\/\d+/);
  });

  it("creates a feed URL a calendar client reads, and revokes it", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, aggregator.user.username, aggregator.password, "/lich-hoi-nghi");
    await page.getByRole("button", { name: "Tạo đường dẫn lịch của UBND tỉnh Thử Nghiệm" }).click();
    const input = page.getByRole("textbox", { name: "Đường dẫn lịch" });
    await input.waitFor();
    const url = await input.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const ics = await page.request.get(url);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");

    await page.getByRole("button", { name: "Thu hồi" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Thu hồi" }).click();
    await page.getByText("Chưa có đường dẫn lịch nào.").waitFor();
    expect((await page.request.get(url)).status()).toBe(404);
  });

  it("reads on a phone: the busy days as a list, the warning still there", async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, aggregator.user.username, aggregator.password, "/lich-hoi-nghi?date=2026-03-04");
    await page.getByRole("heading", { level: 2, name: "Tháng Ba năm 2026" }).waitFor();
    await page.getByRole("button", { name: /^Trùng lịch: xem 1 hội nghị trùng với/ }).first().waitFor();
    // empty days are hidden; the page does not scroll sideways
    expect(await page.locator('[data-day="2026-03-05"]').isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "/tmp/leloi-calendar-phone.png", fullPage: false });
  });
});
