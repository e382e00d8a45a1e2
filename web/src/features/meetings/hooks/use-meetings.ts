import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryParams } from "../../../ui/api-client";
import {
  checkMeeting, createMeeting, deleteMeeting, fetchMeeting, fetchMeetings, updateMeeting, type MeetingInput,
} from "../api/meetings.api";

/** A page of the conference register; the previous page stays while the next loads. */
export function useMeetingList(query: QueryParams) {
  return useQuery({
    queryKey: ["meetings", "list", query],
    queryFn: ({ signal }) => fetchMeetings(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: ["meetings", "one", id],
    queryFn: ({ signal }) => fetchMeeting(id as number, signal),
    enabled: id !== null,
  });
}

/** The preventive check of a draft (null = nothing checkable yet); the last answer stays
 * on screen while the next is computed, so the warning does not flicker as the user types. */
export function useConferenceCheck(draft: (MeetingInput & { id?: number }) | null) {
  return useQuery({
    queryKey: ["meetings", "check", draft],
    queryFn: ({ signal }) => checkMeeting(draft as MeetingInput, signal),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}

export function useSaveMeeting(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => (id === null ? createMeeting(body) : updateMeeting(id, body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["meetings"] });
      void client.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
}

export function useDeleteMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteMeeting,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["meetings"] });
      void client.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
}
