import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addPlannedConference, createConferencePlan, deleteConferencePlan, deletePlannedConference, fetchConferencePlan,
  issueConferencePlan, updatePlannedConference, type ConferencePlanView, type PlannedConferenceInput,
} from "../api/conference-plans.api";

const KEY = "conference-plans";

/** The plan page of a unit and year. */
export function useConferencePlan(org: string, year: number) {
  return useQuery({ queryKey: [KEY, org, year], queryFn: ({ signal }) => fetchConferencePlan(org, year, signal) });
}

/** Every write answers with the new page: it replaces the cached one (and the sheet is re-read). */
function useStoreView(org: string, year: number) {
  const client = useQueryClient();
  return (view: ConferencePlanView | void) => {
    if (view) client.setQueryData([KEY, org, year], view);
    else void client.invalidateQueries({ queryKey: [KEY, org, year] });
    void client.invalidateQueries({ queryKey: ["indicators"] });
  };
}

export function useConferencePlanWrites(org: string, year: number, planId: number | null) {
  const store = useStoreView(org, year);
  const id = planId ?? 0;
  return {
    create: useMutation({ mutationFn: () => createConferencePlan({ orgCode: org, year }), onSuccess: store }),
    remove: useMutation({ mutationFn: () => deleteConferencePlan(id), onSuccess: () => store() }),
    add: useMutation({ mutationFn: (body: PlannedConferenceInput) => addPlannedConference(id, body), onSuccess: store }),
    update: useMutation({ mutationFn: ({ itemId, body }: { itemId: number; body: PlannedConferenceInput }) => updatePlannedConference(id, itemId, body), onSuccess: store }),
    removeItem: useMutation({ mutationFn: (itemId: number) => deletePlannedConference(id, itemId), onSuccess: store }),
    issue: useMutation({ mutationFn: (body: { number: string; issuedOn: string; acknowledge: boolean }) => issueConferencePlan(id, body), onSuccess: store }),
  };
}
