// GET /api/dashboard — everything the dashboard shows in one request (issue 3 §7: the page in
// ≤ 1 s on the demo province). The five separate calls it replaces worked out the same sheets
// several times (the quota's year sheet is the sheet itself for a year; the children's sheets
// and the unit's were summed apart) and looked the settings and the tree up each time; here the
// unit's sheet and its children's are summed in ONE batch, and the year sheet is reused.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { parsePeriod, shiftPeriodYears } from "../domain/period.js";
import type { IndicatorSheet } from "../domain/indicators.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import { getSettingsForMany } from "../settings/settings.service.js";
import {
  childrenInForce,
  computeSheets,
  monthlySeriesOf,
  quotaOf,
  rankChildren,
  resolveOrg,
  summariseIndicators,
  type ChildrenRanking,
  type IndicatorSummary,
  type MonthlySeries,
  type QuotaView,
} from "./indicator.service.js";

export type DashboardRequest = { orgCode: string; period: string; subtree: boolean; user?: SessionUser | null };

/** Each part is what its own endpoint returns for the same unit, period and scope. */
export type Dashboard = {
  /** = GET /api/indicators?org&period&subtree */
  sheet: IndicatorSheet;
  /** the same sheet one year earlier, summarised (the cards' change against last year) */
  previous: { period: string; indicators: Record<string, IndicatorSummary> };
  /** = GET /api/quota?org&year=<the period's year>&subtree */
  quota: QuotaView;
  /** = GET /api/indicators/monthly?org&year=<the period's year>&subtree */
  monthly: MonthlySeries;
  /** = GET /api/indicators/children?org&period (each child with its whole subtree) */
  children: ChildrenRanking;
};

export async function computeDashboard(ctx: AppContext, req: DashboardRequest): Promise<Dashboard> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const period = parsePeriod(req.period);
  const year = parsePeriod(String(period.year));
  const children = childrenInForce(ctx, org, period);
  const settings = await getSettingsForMany(ctx, [org.id, ...children.map((c) => c.id)]);
  const own = settings[0] as JurisdictionSettings;
  const ownOnly = (withBreachLists: boolean) => [{ org, subtree: req.subtree, withBreachLists }];

  const [[sheet, ...childSheets], [previous], yearSheets, monthly] = await Promise.all([
    computeSheets(ctx, [...ownOnly(true), ...children.map((child) => ({ org: child, subtree: true }))], period, settings),
    computeSheets(ctx, ownOnly(false), shiftPeriodYears(period, -1), [own]),
    period.kind === "year" ? null : computeSheets(ctx, ownOnly(false), year, [own]),
    monthlySeriesOf(ctx, org, period.year, req.subtree, own),
  ]);
  const theSheet = sheet as IndicatorSheet;
  const yearSheet = yearSheets ? (yearSheets[0] as IndicatorSheet) : theSheet;
  return {
    sheet: theSheet,
    previous: { period: (previous as IndicatorSheet).period, indicators: summariseIndicators(previous as IndicatorSheet) },
    quota: quotaOf(ctx, org, period.year, req.subtree, yearSheet, own),
    monthly,
    children: rankChildren(org, period, children, childSheets),
  };
}
