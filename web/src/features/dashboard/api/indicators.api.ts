// Indicator endpoints (data-contract.md §Indicator sheet; server/src/indicators). The sheet's
// types come from the pure domain module the server computes it with.
import type { D2Value, IndicatorSheet } from "@server/domain/indicators.js";
import { apiFetch } from "../../../ui/api-client";

export type { D2Value, IndicatorSheet };

export type MonthlySeries = {
  org: string;
  year: number;
  subtree: boolean;
  months: string[];
  documents: { current: number[]; previous: number[] };
  meetings: { current: number[]; previous: number[] };
  online: { current: number[]; previous: number[] };
};

export type ChildRow = {
  org: { code: string; name: string; level: string };
  breaches: number;
  failed: string[];
  indicators: Record<string, { value: unknown; target: number | null; met: boolean | null }>;
};

export type QuotaLine = {
  allowed: number | null;
  used: number;
  remaining: number | null;
  projectedYearEnd: number;
  projectedCut: number | null;
  onTrack: boolean | null;
};

export type QuotaView = {
  org: string;
  year: number;
  subtree: boolean;
  elapsedFraction: number;
  method: string;
  documents: QuotaLine;
  meetings: QuotaLine;
  wide: { limit: number | null; used: number; remaining: number | null };
};

/** GET /api/dashboard: every part of the dashboard in one call (server/src/indicators/dashboard.service.ts). */
export type DashboardData = {
  sheet: IndicatorSheet;
  /** the same sheet one year earlier, summarised: the cards' change against last year */
  previous: { period: string; indicators: Record<string, { value: unknown; target: number | null; met: boolean | null }> };
  quota: QuotaView;
  monthly: MonthlySeries;
  children: { org: string; period: string; children: ChildRow[] };
};

type ScopeQuery = { org: string; subtree: boolean };

export const fetchDashboard = (q: ScopeQuery & { period: string }, signal?: AbortSignal) =>
  apiFetch<DashboardData>("/api/dashboard", { query: { org: q.org, period: q.period, subtree: q.subtree }, signal });
