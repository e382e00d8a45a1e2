import { useQuery } from "@tanstack/react-query";
import { fetchInvitableUnits, fetchPlannedConferences, fetchUpperConferences } from "../api/meetings.api";

/** The units a conference of `org` may invite (M8). */
export function useInvitableUnits(org: string | null) {
  return useQuery({
    queryKey: ["meetings", "invitable-units", org],
    queryFn: ({ signal }) => fetchInvitableUnits(org as string, signal),
    enabled: org !== null && org !== "",
    staleTime: 5 * 60_000,
  });
}

/** Upper online conferences a conference of `org` may relate to (M6). */
export function useUpperConferences(org: string | null) {
  return useQuery({
    queryKey: ["meetings", "upper", org],
    queryFn: ({ signal }) => fetchUpperConferences(org as string, signal),
    enabled: org !== null && org !== "",
    staleTime: 60_000,
  });
}

/** The planned items of the unit's annual conference plan (null data: no plans API). */
export function usePlannedConferences(org: string | null, year: number | null) {
  return useQuery({
    queryKey: ["conference-plans", "items", org, year],
    queryFn: ({ signal }) => fetchPlannedConferences(org as string, year as number, signal),
    enabled: org !== null && org !== "" && year !== null,
    staleTime: 60_000,
    retry: false,
  });
}
