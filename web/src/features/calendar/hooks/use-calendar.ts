import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFeed, fetchCalendar, fetchFeeds, revokeFeed, type CalendarQuery } from "../api/calendar.api";

/** The conferences of a range; the last range stays on screen while the next loads. */
export function useCalendar(query: CalendarQuery) {
  return useQuery({
    queryKey: ["calendar", query],
    queryFn: ({ signal }) => fetchCalendar(query, signal),
    placeholderData: keepPreviousData,
  });
}

const FEEDS_KEY = ["calendar", "feeds"] as const;

export function useFeeds() {
  return useQuery({ queryKey: FEEDS_KEY, queryFn: ({ signal }) => fetchFeeds(signal) });
}

export function useCreateFeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createFeed, onSuccess: () => client.invalidateQueries({ queryKey: FEEDS_KEY }) });
}

export function useRevokeFeed() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeFeed, onSuccess: () => client.invalidateQueries({ queryKey: FEEDS_KEY }) });
}
