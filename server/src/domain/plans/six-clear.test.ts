import { describe, expect, it } from "vitest";
import { checkSixClear, shareAllClear } from "./six-clear.js";
import type { SixClearResult, SixClearTask } from "./six-clear.js";
import { parseDeadline } from "./deadline.js";

const ctx = { issuerSubtreeIds: new Set([1, 2, 3, 4]) };
function buildTask(o: Partial<SixClearTask> = {}): SixClearTask {
  return {
    leadOrgIds: [3],
    content: "Thực hiện cắt giảm tối thiểu 15% số lượng văn bản hành chính",
    schedule: parseDeadline("Hàng năm, bắt đầu từ 2026", { planYear: 2026 }),
    coordinatorsText: "Văn phòng HĐND và UBND xã",
    product: "Số lượng văn bản hành chính giảm ít nhất 15% mỗi năm",
    ...o,
  };
}
const dl = (text: string) => parseDeadline(text, { planYear: 2026 });
type Key = Exclude<keyof SixClearResult, "allClear">;

describe("checkSixClear (T3)", () => {
  it("a complete task is clear on all six", () => {
    const r = checkSixClear(buildTask(), ctx);
    expect(r.allClear).toBe(true);
    expect(Object.values(r).filter((c) => typeof c === "object" && !c.ok)).toEqual([]);
  });

  it.each<[string, Partial<SixClearTask>, Key, string]>([
    ["no lead at all", { leadOrgIds: [] }, "person", "Chưa có đơn vị hoặc người chủ trì"],
    ["empty content", { content: "  " }, "task", "Nội dung công việc trống"],
    ["a heading, not a task", { content: "II. CẢI CÁCH HÀNH CHÍNH" }, "task", "Nội dung chỉ là tiêu đề mục, chưa nêu việc cụ thể"],
    ["Thường xuyên alone", { schedule: dl("Thường xuyên") }, "time", "«Thường xuyên» chưa có mốc thời gian hoặc kỳ rà soát"],
    ["unknown deadline", { schedule: dl("11UOme X") }, "time", "Không hiểu thời hạn «11UOme X»"],
    ["no deadline", { schedule: dl("") }, "time", "Chưa ghi thời hạn"],
    ["two leads (seed 004 row 9)", { leadOrgIds: [4, 3] }, "responsibility", "Có 2 đơn vị chủ trì — vi phạm nguyên tắc «một việc một đầu mối»"],
    ["coordinators left empty", { coordinatorsText: "" }, "responsibility", "Chưa ghi cơ quan phối hợp (ghi «Không» nếu không có)"],
    ["lead outside the issuer's subtree", { leadOrgIds: [99] }, "authority", "Đơn vị chủ trì không thuộc phạm vi quản lý của cơ quan ban hành"],
    ["a person lead, no unit", { leadOrgIds: [], leadPersonName: "Nguyễn Văn A" }, "authority", "Chủ trì chưa gắn với đơn vị nào trong phạm vi của cơ quan ban hành"],
    ["no product", { product: "" }, "product", "Chưa nêu sản phẩm, kết quả"],
    ["a dash for product", { product: "—" }, "product", "Chưa nêu sản phẩm, kết quả"],
  ])("%s → %s fails", (_name, o, key, reason) => {
    const r = checkSixClear(buildTask(o), ctx);
    expect(r[key]).toEqual({ ok: false, reason });
    expect(r.allClear).toBe(false);
  });

  it.each<[string, Partial<SixClearTask>, Key]>([
    ["Thường xuyên with a review cadence", { schedule: dl("Thường xuyên"), reviewCadence: "Rà soát hằng quý" }, "time"],
    ["2026 và thường xuyên names a due", { schedule: dl("2026 và thường xuyên") }, "time"],
    ["a date", { schedule: dl("Chậm nhất 15/5/2026") }, "time"],
    ["a range", { schedule: dl("2026-2027") }, "time"],
    ["event-bound passes with a note", { schedule: dl("Sau khi Thủ tướng CP ban hành Chỉ thị") }, "time"],
    ["coordinators explicitly none", { coordinatorsText: "Không" }, "responsibility"],
    ["a person as sole lead", { leadOrgIds: [], leadPersonName: "Nguyễn Văn A" }, "person"],
  ])("%s → %s passes", (_name, o, key) => {
    expect(checkSixClear(buildTask(o), ctx)[key].ok).toBe(true);
  });

  it("an event-bound due says what it waits for", () => {
    expect(checkSixClear(buildTask({ schedule: dl("Sau khi Thủ tướng CP ban hành Chỉ thị") }), ctx).time.note)
      .toBe("Thời hạn phụ thuộc sự kiện «Thủ tướng CP ban hành Chỉ thị»; cần ghi nhận ngày xảy ra sự kiện");
  });
});

describe("shareAllClear", () => {
  it.each<[boolean[], number | null]>([
    [[], null],
    [[true, true], 100],
    [[true, false, false], 33.3],
    [[false, true, true], 66.7],
  ])("%j → %s", (flags, want) => {
    expect(shareAllClear(flags.map((allClear) => ({ allClear })))).toBe(want);
  });
});
