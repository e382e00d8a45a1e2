// M9 bunching of the units a calendar shows, for the years it shows: each unit's recorded
// conferences, plus the conferences of its annual plan (M7) not held yet — the plan is due by
// mid-January, so early in the year it is what tells whether the year will be bunched.
import type { AppContext } from "../context.js";
import { assessBunching, type BunchingEdge, type BunchingFinding, type BunchingItem } from "../domain/conferences/bunching.js";
import { getSettingsForMany } from "../settings/settings.service.js";
import { countConferenceDays, findPendingPlanned } from "./calendar.repository.js";

/** One unit's year as the calendar shows it. */
export type UnitBunching = {
  orgId: number;
  orgCode: string;
  orgName: string;
  year: number;
  total: number;
  isJudged: boolean;
  /** the fewest conferences a year needs to be judged (settings bunchingMinConferences) */
  minConferences: number;
  edges: BunchingEdge[];
  findings: BunchingFinding[];
};

const lastDayOfMonth = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Bunching of `orgIds` in `years`: every unit with a finding, and always `rootId` (so the page
 * can show the share of the unit it is about even when it is fine).
 */
export async function assessUnitsBunching(
  ctx: AppContext, rootId: number, orgIds: readonly number[], years: readonly number[], utcOffsetMinutes: number,
): Promise<UnitBunching[]> {
  const db = ctx.handle.db;
  const [days, planned, settings] = await Promise.all([
    countConferenceDays(db, orgIds, years, utcOffsetMinutes),
    findPendingPlanned(db, orgIds, years),
    getSettingsForMany(ctx, orgIds),
  ]);
  const items = new Map<number, BunchingItem[]>();
  const push = (orgId: number, item: BunchingItem, times = 1) => {
    const list = items.get(orgId) ?? [];
    for (let i = 0; i < times; i++) list.push(item);
    items.set(orgId, list);
  };
  for (const d of days) push(d.org_id, { firstDay: d.day, lastDay: d.day }, d.n);
  for (const p of planned) {
    if (p.planned_date !== null) push(p.org_id, { firstDay: p.planned_date, lastDay: p.planned_date });
    else if (p.planned_month !== null) push(p.org_id, { firstDay: `${p.year}-${pad2(p.planned_month)}-01`, lastDay: lastDayOfMonth(p.year, p.planned_month) });
  }
  const out: UnitBunching[] = [];
  orgIds.forEach((orgId, i) => {
    const unitItems = items.get(orgId) ?? [];
    if (orgId !== rootId && unitItems.length === 0) return;
    const unitSettings = settings[i];
    const org = ctx.orgs.get(orgId);
    if (!unitSettings || !org) return;
    for (const year of years) {
      const r = assessBunching(year, unitItems, unitSettings.conferencePlanning);
      if (orgId !== rootId && r.findings.length === 0) continue;
      out.push({ orgId, orgCode: org.code, orgName: org.name, year, total: r.total, isJudged: r.isJudged, minConferences: r.minConferences, edges: r.edges, findings: r.findings });
    }
  });
  return out;
}
