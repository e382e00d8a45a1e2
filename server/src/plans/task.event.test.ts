import { describe, expect, it } from "vitest";
import { parseDeadline } from "../domain/plans/deadline.js";
import { addWorkingDays, EVENT_PERIOD, eventDueOf, eventOccurrences } from "./task.event.js";

const dl = (text: string) => parseDeadline(text, { planYear: 2026 });

describe("addWorkingDays — Monday to Friday", () => {
  it.each<[string, number, string]>([
    ["2026-06-15", 0, "2026-06-15"], // Monday, nothing to add
    ["2026-06-15", 4, "2026-06-19"], // Monday + 4 → Friday
    ["2026-06-15", 5, "2026-06-22"], // Monday + 5 → next Monday (the weekend skipped)
    ["2026-06-19", 1, "2026-06-22"], // Friday + 1 → Monday
    ["2026-06-20", 1, "2026-06-22"], // Saturday + 1 → Monday
    ["2026-06-15", 10, "2026-06-29"],
    ["2026-12-30", 3, "2027-01-04"], // across the year end
  ])("%s + %i working days = %s", (from, days, want) => {
    expect(addWorkingDays(from, days)).toBe(want);
  });
});

describe("eventDueOf — the due an event day gives", () => {
  it.each<[string, string, string | null, string]>([
    ["Trong vòng 30 ngày kể từ khi Kế hoạch được ban hành", "2026-06-01", null, "2026-07-01"],
    ["Trong 10 ngày làm việc sau khi có kết luận", "2026-06-15", null, "2026-06-29"],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", "2026-06-01", "2026-08-31", "2026-08-31"],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", "2026-06-01", "2026-06-01", "2026-06-01"],
  ])("%s, event %s, due given %s → %s", (text, eventOn, dueOn, want) => {
    expect(eventDueOf(dl(text), eventOn, dueOn)).toEqual({ due: want });
  });

  it.each<[string, string, string | null, "eventOn" | "dueOn", RegExp]>([
    ["Quý IV/2026", "2026-06-01", null, "eventOn", /không phụ thuộc sự kiện/],
    ["Thường xuyên", "2026-06-01", "2026-07-01", "eventOn", /không phụ thuộc sự kiện/],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", "2026-06-01", null, "dueOn", /cần nhập hạn hoàn thành/],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", "2026-06-01", "2026-05-31", "dueOn", /không được trước ngày xảy ra sự kiện/],
    ["Trong vòng 30 ngày kể từ khi Kế hoạch được ban hành", "2026-06-01", "2026-09-01", "dueOn", /không nhập hạn hoàn thành/],
  ])("%s, event %s, due %s is refused on %s", (text, eventOn, dueOn, field, reason) => {
    const r = eventDueOf(dl(text), eventOn, dueOn);
    expect("problem" in r && r.problem.field).toBe(field);
    expect("problem" in r && r.problem.reason).toMatch(reason);
  });
});

describe("eventOccurrences — one due once the event is recorded", () => {
  it("none before the event day is recorded", () => {
    expect(eventOccurrences(dl("Sau khi Thủ tướng CP ban hành Chỉ thị"), { eventOn: null, eventDueOn: null })).toEqual([]);
  });
  it("one occurrence of period «event» at the computed or given due", () => {
    expect(eventOccurrences(dl("Trong vòng 30 ngày kể từ khi Kế hoạch được ban hành"), { eventOn: "2026-06-01", eventDueOn: null }))
      .toEqual([{ period: EVENT_PERIOD, due: "2026-07-01" }]);
    expect(eventOccurrences(dl("Sau khi Thủ tướng CP ban hành Chỉ thị"), { eventOn: "2026-06-01", eventDueOn: "2026-09-30" }))
      .toEqual([{ period: EVENT_PERIOD, due: "2026-09-30" }]);
  });
  it("none when the deadline is no longer event-bound, or names no offset and no due was given", () => {
    expect(eventOccurrences(dl("Quý IV/2026"), { eventOn: "2026-06-01", eventDueOn: null })).toEqual([]);
    expect(eventOccurrences(dl("Sau khi Thủ tướng CP ban hành Chỉ thị"), { eventOn: "2026-06-01", eventDueOn: null })).toEqual([]);
  });
  it("an offset in the new text wins over a due given for the old one", () => {
    expect(eventOccurrences(dl("Trong 10 ngày làm việc sau khi có kết luận"), { eventOn: "2026-06-15", eventDueOn: "2026-12-31" }))
      .toEqual([{ period: EVENT_PERIOD, due: "2026-06-29" }]);
  });
});
