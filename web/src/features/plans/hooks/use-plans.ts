import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addUpdate, completeOccurrence, createPlan, draftPlan, fetchCoverage, fetchNotices, fetchOverdue, fetchPlan, fetchPlans, fetchTask, fetchUnitTasks,
  importTaskTable, patchTaskLead, patchTaskParent, recordEvent, rematchPlan, reopenOccurrence, saveAlias,
  type PlanInput, type TaskImportResult, type UpdateInput,
} from "../api/plans.api";
import { ApiError } from "../../../ui/api-client";

/** Everything the plans feature shows is read again after a change (lists are small). */
function useInvalidatePlans() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["plans"] });
    void client.invalidateQueries({ queryKey: ["tasks"] });
    void client.invalidateQueries({ queryKey: ["indicators"] });
  };
}

export function usePlanList(org: string, subtree: boolean) {
  return useQuery({ queryKey: ["plans", "list", org, subtree], queryFn: ({ signal }) => fetchPlans({ org, subtree }, signal) });
}

export function usePlan(id: number | null) {
  return useQuery({ queryKey: ["plans", "one", id], queryFn: ({ signal }) => fetchPlan(id as number, signal), enabled: id !== null });
}

export function useDraftPlan() {
  return useMutation({ mutationFn: draftPlan });
}

/** Why a task-table import failed, line by line (422 IMPORT_INVALID lists every bad row). */
export function importProblemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  const rows = Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string") : [];
  return [error.message, ...rows];
}

/** Navigation state of the plan's page after saving: the task-table import made with the document, or why it failed. */
export type PlanSavedState = { flash: string; imported?: TaskImportResult; importProblems?: string[] };

/**
 * A plan filled from its document: the plan is saved, then the same file goes to the task-table
 * import. A failed import leaves the plan saved, with the reasons to show on its page.
 */
export function useCreatePlanFromDocument() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: async ({ plan, file }: { plan: PlanInput; file: File | null }) => {
      const saved = await createPlan(plan);
      if (!file) return { plan: saved, imported: null, importProblems: null };
      try {
        return { plan: saved, imported: await importTaskTable(saved.id, file) as TaskImportResult | null, importProblems: null };
      } catch (e) {
        return { plan: saved, imported: null, importProblems: importProblemsOf(e) };
      }
    },
    onSuccess: invalidate,
  });
}

export function useImportTaskTable(planId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (file: File) => importTaskTable(planId, file), onSuccess: invalidate });
}

export function useRematch(planId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: () => rematchPlan(planId), onSuccess: invalidate });
}

export function useSaveAlias() {
  return useMutation({ mutationFn: saveAlias });
}

export function useCoverage(org: string) {
  return useQuery({ queryKey: ["plans", "coverage", org], queryFn: ({ signal }) => fetchCoverage(org, signal) });
}

export function useTask(id: number | null) {
  return useQuery({ queryKey: ["tasks", "one", id], queryFn: ({ signal }) => fetchTask(id as number, signal), enabled: id !== null });
}

export function useFixLead() {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: ({ taskId, orgCode }: { taskId: number; orgCode: string }) => patchTaskLead(taskId, orgCode), onSuccess: invalidate });
}

export function useLinkParent(taskId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (parentTaskId: number | null) => patchTaskParent(taskId, parentTaskId), onSuccess: invalidate });
}

export function useRecordEvent(taskId: number) {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: (body: { eventOn: string | null; dueOn?: string | null }) => recordEvent(taskId, body), onSuccess: invalidate });
}

export function useUnitTasks(org: string, enabled = true) {
  return useQuery({ queryKey: ["tasks", "unit", org], queryFn: ({ signal }) => fetchUnitTasks(org, signal), enabled });
}

export function useOverdueBoard(org: string, subtree: boolean) {
  return useQuery({ queryKey: ["tasks", "overdue", org, subtree], queryFn: ({ signal }) => fetchOverdue(org, subtree, signal) });
}

export function useNotices() {
  return useQuery({ queryKey: ["tasks", "notices"], queryFn: ({ signal }) => fetchNotices(signal) });
}

/** A progress report: an update (note, evidence) and/or the completion day, in that order. */
export function useReportProgress() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: async ({ occurrenceId, update, completedOn }: { occurrenceId: number; update: UpdateInput | null; completedOn: string | null }) => {
      if (update) await addUpdate(occurrenceId, update);
      if (completedOn) await completeOccurrence(occurrenceId, completedOn);
    },
    onSettled: invalidate,
  });
}

export function useReopen() {
  const invalidate = useInvalidatePlans();
  return useMutation({ mutationFn: reopenOccurrence, onSuccess: invalidate });
}
