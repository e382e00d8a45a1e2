import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acceptReport, addComment, correctReport, fetchCombined, fetchDiff, fetchMatrix, fetchReport, fetchReportNotices, fetchSchedule,
  openReport, patchReport, returnReport, submitReport, type CommentInput, type PeriodKindId, type ReportPatch, type ReportView,
} from "../api/reports.api";

const KEY = "reports";

/** A change to one report: its answer is the new view; lists, the matrix and notices are read again. */
function useReportChange<V>(id: number, call: (vars: V) => Promise<ReportView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      client.setQueryData([KEY, "one", id], view);
      void client.invalidateQueries({ queryKey: [KEY], predicate: (q) => q.queryKey[1] !== "one" });
      void client.invalidateQueries({ queryKey: ["ratings"] });
    },
  });
}

export function useReport(id: number | null) {
  return useQuery({ queryKey: [KEY, "one", id], queryFn: ({ signal }) => fetchReport(id as number, signal), enabled: id !== null });
}

export function usePatchReport(id: number) {
  return useReportChange(id, (patch: ReportPatch) => patchReport(id, patch));
}

/** Sends the report, saving unsaved edits first (the server freezes what is stored). */
export function useSubmitReport(id: number) {
  return useReportChange(id, async (pending: ReportPatch | null) => {
    if (pending) await patchReport(id, pending);
    return submitReport(id);
  });
}

export function useAcceptReport(id: number) {
  return useReportChange(id, (note: string) => acceptReport(id, note));
}

export function useReturnReport(id: number) {
  return useReportChange(id, (body: { reason: string; comments: CommentInput[] }) => returnReport(id, body));
}

export function useCorrectReport(id: number) {
  return useReportChange(id, (reason: string) => correctReport(id, reason));
}

export function useAddComment(id: number) {
  return useReportChange(id, (c: CommentInput) => addComment(id, c));
}

/** The differences between two versions (or a version and the draft), once asked for. */
export function useReportDiff(id: number, pair: { from: number; to: number | "draft" } | null) {
  return useQuery({
    queryKey: [KEY, "diff", id, pair?.from, pair?.to],
    queryFn: ({ signal }) => fetchDiff(id, pair?.from ?? 1, pair?.to ?? "draft", signal),
    enabled: pair !== null,
  });
}

/** Opens (creates when absent) a unit's report for a period. */
export function useOpenReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: openReport,
    onSuccess: (view) => {
      client.setQueryData([KEY, "one", view.id], view);
      void client.invalidateQueries({ queryKey: [KEY], predicate: (q) => q.queryKey[1] !== "one" });
    },
  });
}

export function useSchedule(org: string, year: number) {
  return useQuery({ queryKey: [KEY, "schedule", org, year], queryFn: ({ signal }) => fetchSchedule(org, year, signal) });
}

export function useMatrix(org: string, year: number, kind: PeriodKindId | undefined) {
  return useQuery({ queryKey: [KEY, "matrix", org, year, kind], queryFn: ({ signal }) => fetchMatrix({ org, year, kind }, signal) });
}

export function useReportNotices(org: string) {
  return useQuery({ queryKey: [KEY, "notices", org], queryFn: ({ signal }) => fetchReportNotices(org, signal) });
}

export function useCombined(org: string, period: string) {
  return useQuery({ queryKey: [KEY, "combined", org, period], queryFn: ({ signal }) => fetchCombined(org, period, signal) });
}
