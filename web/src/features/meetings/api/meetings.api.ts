import type { Finding, FindingRecord } from "@server/domain/conference-checks.js";
import { ApiError, apiFetch, type QueryParams } from "../../../ui/api-client";
import type { RegisterPage } from "../../documents/api/documents.api";

export type { Finding, FindingRecord };

/** A unit the host may invite (server/src/meetings/meeting-lookups.service.ts). */
export type InvitableUnit = { code: string; name: string; level: string; bloc: string; withinHostScope: boolean };

/** An upper conference the form may link (M6). */
export type UpperConferenceJson = {
  id: number; orgCode: string; orgName: string; title: string; start: string; format: string; reachedThisLevel: boolean;
};

/** A conference of the register (server/src/meetings/meeting.presenter.ts MeetingJson). */
export type MeetingItem = {
  id: number;
  orgCode: string;
  title: string;
  category: string;
  scope: string;
  format: string;
  start: string;
  end: string;
  sessions: number;
  openingMin: number | null;
  conclusionMin: number | null;
  maxContributionMin: number | null;
  exceptionDecision: string | null;
  communeParticipants: boolean | null;
  plannedId: number | null;
  chairs: string[];
  invitedBlocs: string[];
  invitedOrgCodes: string[];
  invitationReason: string | null;
  relatedMeetingId: number | null;
  relatedDocument: string | null;
  repeatReason: string | null;
  agenda: string | null;
  papersSentAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The body of create, update and check; the server parses every value again. */
export type MeetingInput = {
  orgCode: string;
  title: string;
  category: string;
  scope: string;
  format: string;
  start: string;
  end: string;
  openingMin?: number | string | null | undefined;
  conclusionMin?: number | string | null | undefined;
  maxContributionMin?: number | string | null | undefined;
  exceptionDecision?: string | null | undefined;
  communeParticipants?: boolean | string | null | undefined;
  plannedId?: number | null | undefined;
  chairs?: string[] | undefined;
  invitedBlocs?: string[] | undefined;
  invitedOrgCodes?: string[] | undefined;
  invitationReason?: string | null | undefined;
  relatedMeetingId?: number | null | undefined;
  relatedDocument?: string | null | undefined;
  repeatReason?: string | null | undefined;
  agenda?: string | null | undefined;
  papersSentAt?: string | null | undefined;
};

export type MeetingSaved = MeetingItem & { findings: Finding[] };
export type CheckResult = { findings: Finding[]; sessions: number };

export const fetchMeetings = (query: QueryParams, signal?: AbortSignal) =>
  apiFetch<RegisterPage<MeetingItem>>("/api/meetings", { query, signal });

export const fetchMeeting = (id: number, signal?: AbortSignal) => apiFetch<MeetingItem>(`/api/meetings/${id}`, { signal });

export const createMeeting = (body: MeetingInput) => apiFetch<MeetingSaved>("/api/meetings", { method: "POST", body });

export const updateMeeting = (id: number, body: MeetingInput) => apiFetch<MeetingSaved>(`/api/meetings/${id}`, { method: "PATCH", body });

export const deleteMeeting = (id: number) => apiFetch<void>(`/api/meetings/${id}`, { method: "DELETE" });

/** The dry run (M3–M6, M8, M9, papers ahead): what saving would find, nothing saved. */
export const checkMeeting = (body: MeetingInput & { id?: number }, signal?: AbortSignal) =>
  apiFetch<CheckResult>("/api/meetings/check", { method: "POST", body, signal });

/** The units a conference of `org` may invite (its province; M8 flags those outside its subtree). */
export const fetchInvitableUnits = (org: string, signal?: AbortSignal) =>
  apiFetch<{ items: InvitableUnit[] }>("/api/meetings/invitable-units", { query: { org }, signal });

/** Upper online conferences a conference of `org` may relate to (M6). */
export const fetchUpperConferences = (org: string, signal?: AbortSignal) =>
  apiFetch<{ items: UpperConferenceJson[] }>("/api/meetings/upper", { query: { org }, signal });

/** A planned item of a unit's annual conference plan (GET /api/conference-plans). */
export type PlannedConferenceOption = { id: number; title: string; plannedMonth: number | null; plannedDate: string | null };

/** The planned items of the unit's plan of `year`; null when the plans API is not there (404). */
export async function fetchPlannedConferences(org: string, year: number, signal?: AbortSignal): Promise<PlannedConferenceOption[] | null> {
  try {
    return (await apiFetch<{ items?: PlannedConferenceOption[] }>("/api/conference-plans", { query: { org, year: String(year) }, signal })).items ?? [];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
