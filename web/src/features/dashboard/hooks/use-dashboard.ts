import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchDashboard } from "../api/indicators.api";

/** Everything the dashboard shows for a unit and period in one request: the sheet, last year's
 * values, the monthly series, the quota and the subordinate units (issue 3 §7: ≤ 1 s). */
export function useDashboard(scope: { org: string; subtree: boolean; period: string }) {
  return useQuery({
    queryKey: ["indicators", "dashboard", scope.org, scope.period, scope.subtree],
    queryFn: ({ signal }) => fetchDashboard(scope, signal),
    placeholderData: keepPreviousData,
  });
}
