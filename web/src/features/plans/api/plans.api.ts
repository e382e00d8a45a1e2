// The plans API as the web app uses it (server/src/plans/*.routes.ts); the types mirror the
// server's presenters (plan.presenter.ts, task.presenter.ts, task-lists.service.ts).
import { apiFetch, toApiError, type QueryParams } from "../../../ui/api-client";

export type OrgRef = { code: string; name: string };
export type ClearCheck = { ok: boolean; reason?: string; note?: string };
export type SixClear = {
  person: ClearCheck; task: ClearCheck; time: ClearCheck; responsibility: ClearCheck; authority: ClearCheck; product: ClearCheck;
  allClear: boolean;
};
export type ProgressStatus = "chua_thuc_hien" | "dang_thuc_hien" | "hoan_thanh_dung_han" | "hoan_thanh_qua_han" | "qua_han_chua_hoan_thanh";

/** The parsed deadline (server/src/domain/plans/schedule.ts Schedule). */
export type Schedule =
  | { kind: "date"; due: string; period: string; text: string }
  | { kind: "range"; from: string; to: string; due: string; text: string }
  | { kind: "recurring"; cadence: string[]; from: string; until: string | null; text: string }
  | { kind: "event"; event: string; offset: { days: number; workingDays: boolean } | null; text: string }
  | { kind: "ongoing"; from: string | null; due: string | null; text: string }
  | { kind: "unknown"; text: string };

export type PlanTargets = Partial<Record<"D1" | "D3" | "D4" | "M1" | "M2" | "T1" | "P1" | "T3" | "M3Province" | "M3Commune", number>>;

export type PlanJson = {
  id: number; org: OrgRef; number: string; type: string; issuedOn: string; title: string;
  parentPlan: { id: number; number: string; title: string; org: OrgRef } | null;
  targets: PlanTargets | null; horizonYear: number; horizonYearSet: boolean; updatedAt: string;
};
export type PlanSummary = {
  tasks: number; groups: number; allClear: number; shareAllClear: number | null;
  t2Breaches: number; unmatchedLeads: number; unknownDeadlines: number; timeNotClear: number;
};
export type PlanListItem = PlanJson & { relation: "issued" | "assigned"; summary: PlanSummary };

export type TaskFlags = {
  t2: {
    breach: boolean; leadNames: string[]; leads: OrgRef[]; unmatched: string[];
    ambiguous: Array<{ name: string; candidates: Array<OrgRef & { score: number }> }>; notes: string[];
  };
  sixClear: SixClear | null; allClear: boolean | null; deadlineUnderstood: boolean;
  group: { group: string; units: number; excluded: OrgRef[] } | null;
};
export type TaskJson = {
  id: number; planId: number; kind: "task" | "group"; tt: string; content: string; leadText: string; lead: OrgRef | null;
  leadManual: boolean; leadGroup: string | null; coordinatorsText: string; product: string; deadlineText: string;
  schedule: Schedule; reviewCadence: string | null; parentTaskId: number | null; fannedFromTaskId: number | null;
  sourceRow: number | null; event: { on: string; dueOn: string | null } | null; flags: TaskFlags;
};
export type Occurrence = {
  id: number; taskId: number; period: string; due: string; startedOn: string | null; completedOn: string | null;
  status: ProgressStatus; statusLabel: string;
};
export type TaskProgress = { occurrences: number; completed: number; overdue: number; next: Occurrence | null };
export type PlanView = PlanJson & { canEdit: boolean; summary: PlanSummary; tasks: Array<TaskJson & { progress: TaskProgress | null }> };

export type UpdateJson = {
  id: number; occurrenceId: number; at: string; user: string | null; note: string;
  evidenceDocumentId: number | null; evidenceFile: { name: string; contentType: string | null; size: number | null } | null;
};
export type PlanRef = { id: number; number: string; title: string; org: OrgRef };
export type TaskDetail = TaskJson & {
  plan: PlanRef;
  parentTask: { id: number; tt: string; content: string; planId: number; planNumber: string; lead: OrgRef | null } | null;
  fannedTasks: TaskJson[];
  occurrences: Array<Occurrence & { updates: UpdateJson[] }>;
  canEdit: boolean; canReport: boolean;
};
export type UnitTask = TaskJson & { plan: PlanRef; occurrences: Occurrence[] };
export type OpenOccurrence = Occurrence & { daysLate: number; task: { id: number; tt: string; content: string; lead: OrgRef | null }; plan: PlanRef };
export type OverdueBoard = { org: OrgRef; today: string; total: number; byUnit: Array<{ org: OrgRef | null; overdue: number }>; items: OpenOccurrence[] };
export type Notices = { today: string; dueSoon: OpenOccurrence[]; overdue: OpenOccurrence[]; counts: { dueSoon: number; overdue: number } };
export type CoverageUnit = { org: OrgRef; assigned: number; covered: number; uncovered: Array<TaskJson & { plan: PlanRef }> };
export type Coverage = { org: OrgRef; units: CoverageUnit[] };

/** What an import or a rematch did (server/src/plans/task-import.service.ts TaskImportResult). */
export type ImportCounts = { created: number; updated: number; unchanged: number };
export type TaskImportResult = {
  planId: number; fileName: string | null; rows: number;
  /** "document": rows read out of a plan document's text; warnings then name the tasks not read */
  readFrom: "table" | "document" | null;
  warnings: string[]; tasks: ImportCounts; groups: ImportCounts;
  summary: PlanSummary;
  breaches: Array<{ taskId: number; tt: string; sourceRow: number | null; leadNames: string[] }>;
  unmatched: Array<{ name: string; rows: number[]; tts: string[]; candidates: Array<OrgRef & { score: number }> }>;
  unknownDeadlines: Array<{ taskId: number; tt: string; deadlineText: string }>;
};

/** A plan the new plan may implement, as the form lists it. */
export type ParentOption = Pick<PlanListItem, "id" | "number" | "issuedOn"> & { org: OrgRef };

/** POST /api/plans/draft (server/src/plans/plan-draft.service.ts PlanDraftJson): the plan form as the document fills it. */
export type PlanDraftResult = {
  draft: { orgCode: string | null; number: string | null; type: string | null; issuedOn: string | null; title: string | null; parentPlanId: number | null };
  unitCandidates: Array<{ code: string; name: string; score: number }>;
  parentPlan: (ParentOption & { title: string }) | null;
  tasks: number;
  notes: string[];
};

/** What the plan form sends (POST /api/plans). */
export type PlanInput = {
  orgCode: string; number: string; type: string; issuedOn: string; title: string;
  parentPlanId?: number | null | undefined; targets?: PlanTargets | null | undefined; horizonYear?: number | null | undefined;
};

export const fetchPlans = (query: QueryParams, signal?: AbortSignal) => apiFetch<{ items: PlanListItem[] }>("/api/plans", { query, signal });
export const fetchPlan = (id: number, signal?: AbortSignal) => apiFetch<PlanView>(`/api/plans/${id}`, { signal });
export const createPlan = (body: PlanInput) => apiFetch<PlanView>("/api/plans", { method: "POST", body });
export const rematchPlan = (id: number) => apiFetch<TaskImportResult>(`/api/plans/${id}/rematch`, { method: "POST" });
export const saveAlias = (body: { alias: string; orgCode: string; scopeCode: string }) =>
  apiFetch<{ id: number }>("/api/plans/aliases", { method: "POST", body });
export const exportUrl = (id: number, format: "xlsx" | "docx") => `/api/plans/${id}/tasks/export.${format}`;
export const fetchCoverage = (org: string, signal?: AbortSignal) => apiFetch<Coverage>("/api/plans/coverage", { query: { org }, signal });

export const fetchTask = (id: number, signal?: AbortSignal) => apiFetch<TaskDetail>(`/api/tasks/${id}`, { signal });
export const patchTaskLead = (id: number, leadOrgCode: string) => apiFetch<TaskDetail>(`/api/tasks/${id}`, { method: "PATCH", body: { leadOrgCode } });
export const patchTaskParent = (id: number, parentTaskId: number | null) => apiFetch<TaskDetail>(`/api/tasks/${id}`, { method: "PATCH", body: { parentTaskId } });
export const recordEvent = (id: number, body: { eventOn: string | null; dueOn?: string | null }) =>
  apiFetch<TaskDetail>(`/api/tasks/${id}/event`, { method: "PUT", body });
export const fetchUnitTasks = (org: string, signal?: AbortSignal) =>
  apiFetch<{ org: OrgRef; today: string; items: UnitTask[] }>("/api/tasks", { query: { org }, signal });
export const fetchOverdue = (org: string, subtree: boolean, signal?: AbortSignal) =>
  apiFetch<OverdueBoard>("/api/tasks/overdue", { query: { org, subtree }, signal });
export const fetchNotices = (signal?: AbortSignal) => apiFetch<Notices>("/api/notices", { signal });

export const completeOccurrence = (id: number, completedOn: string) =>
  apiFetch<Occurrence>(`/api/occurrences/${id}/complete`, { method: "POST", body: { completedOn } });
export const reopenOccurrence = (id: number) => apiFetch<Occurrence>(`/api/occurrences/${id}/reopen`, { method: "POST" });
export const evidenceUrl = (updateId: number) => `/api/updates/${updateId}/evidence`;

/** Sends a multipart form and returns its JSON (fetch does not set the boundary if we do not). */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw toApiError(0, "");
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);
  return JSON.parse(text) as T;
}

/** Reads a plan document (TXT, Markdown, DOCX, PDF) into a draft of the plan form; writes nothing. */
export function draftPlan(file: File): Promise<PlanDraftResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return postForm("/api/plans/draft", form);
}

/** Uploads a task table (XLSX, DOCX, Markdown, TSV) or a plan document (TXT, PDF…) into a plan. */
export function importTaskTable(planId: number, file: File): Promise<TaskImportResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  return postForm(`/api/plans/${planId}/tasks/import`, form);
}

/** A progress update: a note and at most one piece of evidence (a register document or a file). */
export type UpdateInput = { note: string; evidenceDocumentId?: number | undefined; file?: File | undefined };

export function addUpdate(occurrenceId: number, input: UpdateInput): Promise<{ occurrence: Occurrence; update: UpdateJson }> {
  const path = `/api/occurrences/${occurrenceId}/updates`;
  if (!input.file) {
    const body: { note: string; evidenceDocumentId?: number } = { note: input.note };
    if (input.evidenceDocumentId !== undefined) body.evidenceDocumentId = input.evidenceDocumentId;
    return apiFetch(path, { method: "POST", body });
  }
  const form = new FormData();
  form.append("note", input.note);
  form.append("file", input.file, input.file.name);
  return postForm(path, form);
}
