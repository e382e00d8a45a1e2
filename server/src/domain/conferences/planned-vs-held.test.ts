import { describe, expect, it } from "vitest";
import { matchPlannedAndHeld, plannedMonthOf } from "./planned-vs-held.js";

describe("plannedMonthOf", () => {
  it.each<[number | null, string | null, number | null]>([[3, null, 3], [null, "2026-07-09", 7], [3, "2026-05-01", 5]])(
    "month %s, date %s → %s", (plannedMonth, plannedDate, month) => {
      expect(plannedMonthOf({ plannedMonth, plannedDate })).toBe(month);
    });
});

describe("matchPlannedAndHeld (M7 planned vs held)", () => {
  const planned = [{ id: 1, month: 2 }, { id: 2, month: 3 }, { id: 3, month: 3 }, { id: 4, month: 11 }];

  it("a planned conference is held when a conference links to it; the rest of the unit's year is unplanned", () => {
    const p = matchPlannedAndHeld(planned, [
      { id: 20, plannedId: 1, month: 2 },
      { id: 21, plannedId: 2, month: 4 }, // held a month later than planned
      { id: 22, plannedId: 2, month: 4 }, // a second session of the same planned one
      { id: 30, plannedId: null, month: 3 },
      { id: 31, plannedId: null, month: 3 },
      { id: 32, plannedId: 99, month: 5 }, // linked to another unit's plan: neither
    ], true);
    expect(p).toMatchObject({ planned: 4, held: 2, unplannedHeld: 2, unplannedMeetingIds: [30, 31] });
    expect(p.heldBy.get(1)).toEqual([20]);
    expect(p.heldBy.get(2)).toEqual([21, 22]);
    expect(p.heldBy.get(3)).toEqual([]);
    expect(p.months.slice(1, 5)).toEqual([
      { month: 2, planned: 1, held: 1, unplanned: 0 },
      { month: 3, planned: 2, held: 0, unplanned: 2 },
      { month: 4, planned: 0, held: 2, unplanned: 0 },
      { month: 5, planned: 0, held: 0, unplanned: 0 },
    ]);
    expect(p.months[10]).toEqual({ month: 11, planned: 1, held: 0, unplanned: 0 });
  });

  it("a conference of another year holding a planned one counts as held, in no month", () => {
    const p = matchPlannedAndHeld(planned, [{ id: 40, plannedId: 4, month: null }], true);
    expect(p.held).toBe(1);
    expect(p.months.reduce((n, m) => n + m.held, 0)).toBe(0);
  });

  it("without a plan nothing is unplanned", () => {
    const p = matchPlannedAndHeld([], [{ id: 50, plannedId: null, month: 1 }], false);
    expect(p).toMatchObject({ planned: 0, held: 0, unplannedHeld: 0, unplannedMeetingIds: [] });
  });
});
