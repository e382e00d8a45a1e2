import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchChildren, fetchMonthly, fetchQuota, fetchSheet } from "../api/indicators.api";

type Scope = { org: string; subtree: boolean };

/** The indicator sheet of a unit and period. */
export function useSheet(scope: Scope & { period: string }) {
  return useQuery({
    queryKey: ["indicators", "sheet", scope.org, scope.period, scope.subtree],
    queryFn: ({ signal }) => fetchSheet(scope, signal),
    placeholderData: keepPreviousData,
  });
}

/** Month-by-month documents and conferences, this year against the previous one. */
export function useMonthly(scope: Scope & { year: number }) {
  return useQuery({
    queryKey: ["indicators", "monthly", scope.org, scope.year, scope.subtree],
    queryFn: ({ signal }) => fetchMonthly(scope, signal),
    placeholderData: keepPreviousData,
  });
}

/** Subordinate units, most breaches first. */
export function useChildren(scope: { org: string; period: string }, enabled = true) {
  return useQuery({
    queryKey: ["indicators", "children", scope.org, scope.period],
    queryFn: ({ signal }) => fetchChildren(scope, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The year's remaining quota and year-end projection. */
export function useQuota(scope: Scope & { year: number }) {
  return useQuery({
    queryKey: ["indicators", "quota", scope.org, scope.year, scope.subtree],
    queryFn: ({ signal }) => fetchQuota(scope, signal),
    placeholderData: keepPreviousData,
  });
}
