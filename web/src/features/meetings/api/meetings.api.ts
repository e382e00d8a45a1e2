import type { Finding } from "@server/domain/conference-checks.js";
import { apiFetch, type QueryParams } from "../../../ui/api-client";
import type { RegisterPage } from "../../documents/api/documents.api";

export type { Finding };

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
};

export type MeetingSaved = MeetingItem & { findings: Finding[] };
export type CheckResult = { findings: Finding[]; sessions: number };

export const fetchMeetings = (query: QueryParams, signal?: AbortSignal) =>
  apiFetch<RegisterPage<MeetingItem>>("/api/meetings", { query, signal });

export const fetchMeeting = (id: number, signal?: AbortSignal) => apiFetch<MeetingItem>(`/api/meetings/${id}`, { signal });

export const createMeeting = (body: MeetingInput) => apiFetch<MeetingSaved>("/api/meetings", { method: "POST", body });

export const updateMeeting = (id: number, body: MeetingInput) => apiFetch<MeetingSaved>(`/api/meetings/${id}`, { method: "PATCH", body });

export const deleteMeeting = (id: number) => apiFetch<void>(`/api/meetings/${id}`, { method: "DELETE" });

/** The M3/M4/M5 dry run: what saving would find, nothing saved. */
export const checkMeeting = (body: MeetingInput & { id?: number }, signal?: AbortSignal) =>
  apiFetch<CheckResult>("/api/meetings/check", { method: "POST", body, signal });
