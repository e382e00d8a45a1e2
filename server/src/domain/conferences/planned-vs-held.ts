// Planned vs held through the year (issue 7 §1, rule M7 — KH 63-KH/TU §III.2): a planned
// conference is held when a conference of the register links to it (meetings.planned_id); a
// conference of the unit and year with no link is unplanned — allowed, but marked as such, and
// only once a plan exists (without a plan nothing is "planned" to compare with). Pure.

/** A planned conference: its id and the month it is planned for (1–12). */
export type PlannedSlot = { id: number; month: number };
/** A held conference: its link to a planned one, and its local start month when it falls in the
 * plan's year (null when it was held in another year). */
export type HeldConference = { id: number; plannedId: number | null; month: number | null };

/** One month of the year: conferences planned for it, planned ones held in it, unplanned held in it. */
export type MonthProgress = { month: number; planned: number; held: number; unplanned: number };

export type PlanProgress = {
  /** planned conferences, and how many of them have been held (at least one linked conference) */
  planned: number; held: number;
  unplannedHeld: number; unplannedMeetingIds: number[];
  /** planned id → ids of the conferences holding it, ascending */
  heldBy: Map<number, number[]>;
  months: MonthProgress[];
};

/** The month a planned conference is planned for: its date's month when it has one. */
export function plannedMonthOf(item: { plannedMonth: number | null; plannedDate: string | null }): number | null {
  if (item.plannedDate !== null) return Number(item.plannedDate.slice(5, 7));
  return item.plannedMonth;
}

/**
 * Matches the planned conferences of a plan with the held conferences (those of the unit and
 * year, and any linked to the plan). `hasPlan` false: there is no plan, so nothing is counted
 * as unplanned. Links to ids outside `planned` are ignored (another unit's plan).
 */
export function matchPlannedAndHeld(planned: readonly PlannedSlot[], held: readonly HeldConference[], hasPlan: boolean): PlanProgress {
  const heldBy = new Map<number, number[]>(planned.map((p) => [p.id, []]));
  const months: MonthProgress[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, planned: 0, held: 0, unplanned: 0 }));
  for (const p of planned) {
    const m = months[p.month - 1];
    if (m) m.planned += 1;
  }
  const unplanned: number[] = [];
  for (const h of [...held].sort((a, b) => a.id - b.id)) {
    const own = h.plannedId === null ? undefined : heldBy.get(h.plannedId);
    const m = h.month === null ? undefined : months[h.month - 1];
    if (own) {
      own.push(h.id);
      if (m) m.held += 1;
    } else if (hasPlan && h.plannedId === null && h.month !== null) {
      unplanned.push(h.id);
      if (m) m.unplanned += 1;
    }
  }
  return {
    planned: planned.length,
    held: [...heldBy.values()].filter((ids) => ids.length > 0).length,
    unplannedHeld: unplanned.length,
    unplannedMeetingIds: unplanned,
    heldBy,
    months,
  };
}
