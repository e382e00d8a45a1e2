// The periodic-reports API as the web app uses it (server/src/reports/report.routes.ts); the
// types mirror the server's presenters (report.presenter.ts, report-board.service.ts) and reuse
// the pure domain types they are built from.
import type { DataRange } from "@server/domain/reports/cutoff.js";
import type { VersionDiff } from "@server/domain/reports/diff.js";
import type { ReportFigures } from "@server/domain/reports/figures.js";
import type { Narrative, NarrativeSection } from "@server/domain/reports/narrative.js";
import type { QualityFlag } from "@server/domain/reports/quality.js";
import type { ReportStatus } from "@server/domain/reports/status.js";
import { apiFetch } from "../../../ui/api-client";

export type { DataRange, Narrative, NarrativeSection, ReportFigures, ReportStatus, VersionDiff };
export type OrgRef = { code: string; name: string };
export type PeriodKindId = "month" | "quarter" | "half" | "year";

/** An indicator of the sheet as frozen in a report (ids lists replaced by their counts). */
export type ReportIndicator = { value: unknown; target: number | null; met: boolean | null; title?: string; source?: string; [k: string]: unknown };

export type BreakdownRow = { code: string; name: string; status: ReportStatus; version: number | null; onTime: boolean | null; figures: ReportFigures | null };
export type Breakdown = { units: BreakdownRow[]; own: ReportFigures; combined: ReportFigures; expected: number; accepted: number };

export type ReportContent = {
  org: { code: string; name: string; level: string; bloc: string };
  period: string;
  periodName: string;
  range: DataRange;
  previousRange: DataRange;
  scope: { orgCodes: string[]; sheetSubtree: boolean };
  figures: ReportFigures;
  indicators: Record<string, ReportIndicator>;
  breaches: Array<{ id: string; title: string; source: string; value: unknown; target: number | null; count: number | null }>;
  notes: string[];
  breakdown: Breakdown | null;
  computedAt: string;
};

export type ReportMeta = { number?: string; place?: string; signerTitle?: string; signerName?: string; recipients?: string[] };
export type ReportRights = { read: boolean; prepare: boolean; submit: boolean; review: boolean; comment: boolean };
export type ReportFlag = QualityFlag & { explanation: string | null };

export type VersionJson = {
  version: number; submittedAt: string; submittedBy: string | null; onTime: boolean;
  deadline: { lastDay: string; text: string }; recipient: OrgRef | null;
  decision: "accepted" | "returned" | null; decidedAt: string | null; decidedBy: string | null; note: string | null;
};
export type ReportComment = { id: number; version: number | null; anchor: string; anchorLabel: string; body: string; at: string; by: string | null };
export type ReportEvent = { step: string; version: number | null; at: string; by: string | null; note: string | null };

export type ReportView = {
  id: number;
  org: OrgRef | null;
  period: string;
  periodName: string;
  status: ReportStatus;
  statusLabel: string;
  stage: "draft" | "submitted" | "accepted" | "returned";
  recipient: OrgRef | null;
  via: string | null;
  deadline: { lastDay: string; text: string; dueAt: string } | null;
  firstSubmittedAt: string | null;
  onTime: boolean | null;
  acceptedVersion: number | null;
  latestVersion: number | null;
  live: boolean;
  content: ReportContent;
  flags: ReportFlag[];
  narrative: Narrative;
  meta: ReportMeta;
  rights: ReportRights;
  versions: VersionJson[];
  comments: ReportComment[];
  events: ReportEvent[];
};

export type ReportPatch = { narrative?: Partial<Narrative>; explanations?: Record<string, string>; meta?: ReportMeta };
export type CommentInput = { anchor: string; body: string };

/** A cell of the matrix and a line of a unit's schedule. */
export type ReportCell = {
  period: string; status: ReportStatus; statusLabel: string; lastDay: string; deadline: string;
  onTime: boolean | null; reportId: number | null; recipient: string | null;
};
export type ScheduleItem = ReportCell & {
  periodName: string; line: string; source: string | null; via: string | null; range: DataRange; recipientName: string | null;
};
export type Schedule = { org: string; year: number; cutoff: "calendar" | "decree09"; today: string; items: ScheduleItem[] };

export type CellCounts = {
  owed: number; expected: number; received: number; onTime: number;
  notDue: number; due: number; late: number; submitted: number; accepted: number; returned: number;
  completeness: number | null; timeliness: number | null;
};
export type Matrix = {
  org: string; year: number;
  periods: Array<{ period: string; name: string; counts: CellCounts }>;
  rows: Array<{ org: { code: string; name: string; level: string }; cells: ReportCell[]; counts: CellCounts }>;
  counts: CellCounts;
};

export type ReportNotice = {
  kind: "upcoming" | "due_today" | "late" | "returned" | "escalation" | "awaiting_review";
  severity: "info" | "warning" | "danger";
  org: OrgRef; period: string; periodName: string; lastDay: string; reportId: number | null; message: string;
};

export type Combined = {
  org: ReportContent["org"]; period: string; periodName: string; range: DataRange;
  own: ReportFigures; breakdown: Breakdown | null; computedAt: string;
};

export type VersionDiffAnswer = { from: number; to: number | "draft"; diff: VersionDiff };

const one = (id: number) => `/api/reports/${id}`;

export const fetchReport = (id: number, signal?: AbortSignal) => apiFetch<ReportView>(one(id), { signal });
export const openReport = (body: { org: string; period: string }) => apiFetch<ReportView>("/api/reports", { method: "POST", body });
export const patchReport = (id: number, body: ReportPatch) => apiFetch<ReportView>(one(id), { method: "PATCH", body });
export const submitReport = (id: number) => apiFetch<ReportView>(`${one(id)}/submit`, { method: "POST" });
export const acceptReport = (id: number, note: string) => apiFetch<ReportView>(`${one(id)}/accept`, { method: "POST", body: note ? { note } : {} });
export const returnReport = (id: number, body: { reason: string; comments: CommentInput[] }) =>
  apiFetch<ReportView>(`${one(id)}/return`, { method: "POST", body });
export const correctReport = (id: number, reason: string) => apiFetch<ReportView>(`${one(id)}/correct`, { method: "POST", body: { reason } });
export const addComment = (id: number, body: CommentInput) => apiFetch<ReportView>(`${one(id)}/comments`, { method: "POST", body });
export const fetchDiff = (id: number, from: number, to: number | "draft", signal?: AbortSignal) =>
  apiFetch<VersionDiffAnswer>(`${one(id)}/diff`, { query: { from, to }, signal });
export const exportUrl = (id: number, format: "docx" | "xlsx", version?: number) =>
  `${one(id)}/export.${format}${version === undefined ? "" : `?version=${version}`}`;

export const fetchSchedule = (org: string, year: number, signal?: AbortSignal) => apiFetch<Schedule>("/api/reports/schedule", { query: { org, year }, signal });
export const fetchMatrix = (q: { org: string; year: number; kind?: PeriodKindId | undefined }, signal?: AbortSignal) =>
  apiFetch<Matrix>("/api/reports/matrix", { query: q, signal });
export const fetchReportNotices = (org: string, signal?: AbortSignal) =>
  apiFetch<{ org: string; notices: ReportNotice[] }>("/api/reports/notices", { query: { org }, signal });
export const combinedExportUrl = (org: string, period: string, format: "docx" | "xlsx") =>
  `/api/reports/combined/export.${format}?${new URLSearchParams({ org, period }).toString()}`;
export const fetchCombined = (org: string, period: string, signal?: AbortSignal) =>
  apiFetch<Combined>("/api/reports/combined", { query: { org, period }, signal });
