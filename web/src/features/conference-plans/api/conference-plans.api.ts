// The annual conference plan API as the web app uses it (server/src/conference-plans/*.routes.ts);
// the types mirror the server's presenter (conference-plan.presenter.ts).
import type { PlanCheckRules, PlanFinding } from "@server/domain/conferences/conference-plan.js";
import { apiFetch } from "../../../ui/api-client";

export type PlanStatus = "on_time" | "late" | "pending" | "overdue";
export type Timeliness = { deadline: string; status: PlanStatus; onTime: boolean | null; daysLate: number; statusText: string };

export type ConferencePlanJson = {
  id: number; orgId: number; orgCode: string; year: number; number: string | null; issuedOn: string | null; note: string;
  isIssued: boolean; deadline: string; onTime: boolean | null; daysLate: number; status: PlanStatus; statusText: string; updatedAt: string;
};

export type Category = "quan_triet" | "chuyen_mon" | "quan_trong" | "dinh_ky" | "khac";
export type Scope = "toan_tinh" | "toan_xa" | "nganh" | "noi_bo";
export type Format = "truc_tiep" | "truc_tuyen" | "ket_hop";
export type BlocCode = "party" | "state" | "front";

export type PlannedConference = {
  id: number; title: string; category: Category; scope: Scope; format: Format;
  plannedMonth: number | null; plannedDate: string | null; expectedSessions: number | null;
  chair: string; invitedBlocs: BlocCode[]; heldMeetingIds: number[];
};

export type FindingJson = PlanFinding & { itemIds: number[] };
export type Counts = {
  planned: number; online: number; onlineShare: number | null; wide: number; wideProvince: number; wideCommune: number;
  lastYearHeld: number | null; allowed: number | null;
};

export type ConferencePlanView = {
  org: { id: number; code: string; name: string; level: string };
  year: number;
  canEdit: boolean;
  timeliness: Timeliness;
  plan: ConferencePlanJson | null;
  items: PlannedConference[];
  check: { findings: FindingJson[]; counts: Counts; rules: PlanCheckRules };
  progress: {
    planned: number; held: number; unplannedHeld: number; unplannedMeetingIds: number[];
    months: Array<{ month: number; planned: number; held: number; unplanned: number }>;
    meetings: Array<{ id: number; title: string; startAt: string; format: Format; plannedId: number | null; isUnplanned: boolean }>;
  };
};

/** The body of a planned conference (POST; PATCH sends the same fields). */
export type PlannedConferenceInput = {
  title: string; category: Category; scope: Scope; format: Format;
  plannedMonth: number | null; plannedDate: string | null; expectedSessions: number | null; chair: string; invitedBlocs: BlocCode[];
};

export function fetchConferencePlan(org: string, year: number, signal?: AbortSignal): Promise<ConferencePlanView> {
  return apiFetch("/api/conference-plans", { query: { org, year }, signal });
}

export function createConferencePlan(body: { orgCode: string; year: number }): Promise<ConferencePlanView> {
  return apiFetch("/api/conference-plans", { method: "POST", body });
}

export function deleteConferencePlan(id: number): Promise<void> {
  return apiFetch(`/api/conference-plans/${id}`, { method: "DELETE" });
}

export function addPlannedConference(planId: number, body: PlannedConferenceInput): Promise<ConferencePlanView> {
  return apiFetch(`/api/conference-plans/${planId}/items`, { method: "POST", body });
}

export function updatePlannedConference(planId: number, itemId: number, body: PlannedConferenceInput): Promise<ConferencePlanView> {
  return apiFetch(`/api/conference-plans/${planId}/items/${itemId}`, { method: "PATCH", body });
}

export function deletePlannedConference(planId: number, itemId: number): Promise<ConferencePlanView> {
  return apiFetch(`/api/conference-plans/${planId}/items/${itemId}`, { method: "DELETE" });
}

export function issueConferencePlan(planId: number, body: { number: string; issuedOn: string; acknowledge: boolean }): Promise<ConferencePlanView> {
  return apiFetch(`/api/conference-plans/${planId}/issue`, { method: "POST", body });
}
