import { useQuery } from "@tanstack/react-query";
import { fetchRatings } from "../api/ratings.api";

/** Scorecards of a year; computed from the records each time (they are not stored). */
export function useRatings(org: string, year: number) {
  return useQuery({ queryKey: ["ratings", org, year], queryFn: ({ signal }) => fetchRatings(org, year, signal), staleTime: 60_000 });
}
