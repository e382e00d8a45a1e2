// The conference page's API (server/src/meeting-papers, server/src/conclusions, GET /api/meetings/:id);
// types mirror the servers' presenters.
import type { Finding } from "@server/domain/conference-checks.js";
import type { ConclusionStatus, ConclusionSummary } from "@server/conclusions/conclusion-progress.js";
import type { PapersTiming } from "@server/meeting-papers/papers-timing.js";
import { apiFetch, toApiError } from "../../../ui/api-client";
import type { TaskJson } from "../../plans/api/plans.api";

export type { ConclusionStatus, ConclusionSummary, Finding };

/** A conference as GET /api/meetings/:id gives it; planning fields appear as the register adds them. */
export type ConferenceFacts = {
  id: number; orgCode: string; title: string; category: string; scope: string; format: string; start: string; end: string; sessions: number;
  chairs?: string[]; invitedBlocs?: string[]; invitedOrgCodes?: string[]; agenda?: string | null; papersSentAt?: string | null;
  findings?: Finding[];
};

export type Paper = { id: number; title: string; fileName: string | null; contentType: string | null; size: number | null; createdAt: string };
export type PapersSent = PapersTiming & { sentAt: string | null };
export type PapersView = { meetingId: number; agenda: string | null; papers: Paper[]; sent: PapersSent; canEdit: boolean };

export type Conclusion = TaskJson & {
  status: ConclusionStatus; statusLabel: string;
  progress: { occurrences: number; completed: number; overdue: number; nextDue: string | null };
};
export type Notice = { planId: number; number: string; type: string; issuedOn: string; title: string; org: { code: string; name: string } };
export type ConclusionsView = {
  meetingId: number; ended: boolean; end: string; canEdit: boolean; notice: Notice | null; conclusions: Conclusion[]; summary: ConclusionSummary;
};

/** One conclusion as the form sends it. */
export type ConclusionInput = { content: string; lead: string; coordinators: string; due: string; product: string };
export type ConclusionsInput = { number?: string; issuedOn?: string; title?: string; conclusions: ConclusionInput[] };

export const fetchConference = (id: number, signal?: AbortSignal) => apiFetch<ConferenceFacts>(`/api/meetings/${id}`, { signal });
export const fetchPapers = (id: number, signal?: AbortSignal) => apiFetch<PapersView>(`/api/meetings/${id}/papers`, { signal });
export const paperFileUrl = (id: number, paperId: number) => `/api/meetings/${id}/papers/${paperId}/file`;
export const deletePaper = (id: number, paperId: number) => apiFetch<void>(`/api/meetings/${id}/papers/${paperId}`, { method: "DELETE" });
export const markPapersSent = (id: number, sentAt: string | null) =>
  apiFetch<PapersSent>(`/api/meetings/${id}/papers/sent`, { method: "POST", body: sentAt ? { sentAt } : {} });
export const fetchConclusions = (id: number, signal?: AbortSignal) => apiFetch<ConclusionsView>(`/api/meetings/${id}/conclusions`, { signal });
export const recordConclusions = (id: number, body: ConclusionsInput) =>
  apiFetch<ConclusionsView & { createdTaskIds: number[] }>(`/api/meetings/${id}/conclusions`, { method: "POST", body });

/** Uploads a paper (multipart: «file», «title»). */
export async function uploadPaper(id: number, file: File, title: string): Promise<Paper> {
  const form = new FormData();
  if (title.trim() !== "") form.append("title", title.trim());
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/meetings/${id}/papers`, { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw toApiError(0, "");
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);
  return JSON.parse(text) as Paper;
}
