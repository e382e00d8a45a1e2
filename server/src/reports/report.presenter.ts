// Reports as the API shows them: never raw rows. Dates of deadlines stay "YYYY-MM-DD" (the
// web formats them dd/mm/yyyy), instants ISO 8601.
import type { AppContext } from "../context.js";
import type { ReportRow, ReportVersionRow } from "../db/schema.js";
import { figureLabel, flattenFigures } from "../domain/reports/figures.js";
import { NARRATIVE_LABELS, narrativeOf, type Narrative, type NarrativeSection } from "../domain/reports/narrative.js";
import type { QualityFlag } from "../domain/reports/quality.js";
import { REPORT_STATUS_LABELS, type ReportStatus } from "../domain/reports/status.js";
import type { Obligation } from "../domain/reports/schedule.js";
import type { ReportRights } from "./report.access.js";
import type { ReportContent } from "./report.content.js";
import type { CommentWithUser, EventWithUser } from "./report.repository.js";
import { jsonOf } from "./report.repository.js";

export type ReportMeta = { number?: string; place?: string; signerTitle?: string; signerName?: string; recipients?: string[] };

const orgRef = (ctx: AppContext, id: number | null) => {
  const o = id === null ? undefined : ctx.orgs.get(id);
  return o ? { code: o.code, name: o.name } : null;
};

/** What the diff and figure comments compare: the statistical figures and the indicators' numbers. */
export function comparableOf(content: ReportContent): Record<string, unknown> {
  const indicators = Object.fromEntries(Object.entries(content.indicators).map(([id, i]) => {
    const { title: _t, source: _s, ...numbers } = i;
    return [id, numbers];
  }));
  return { ...content.figures, indicators };
}

/** The figure paths a comment may anchor to. */
export function figurePathsOf(content: ReportContent): Set<string> {
  return new Set(Object.keys(flattenFigures(comparableOf(content))));
}

export function anchorLabel(anchor: string): string {
  if (anchor === "report") return "Toàn bộ báo cáo";
  if (anchor.startsWith("section:")) return `Phần «${NARRATIVE_LABELS[anchor.slice(8) as NarrativeSection] ?? anchor.slice(8)}»`;
  const path = anchor.slice(7);
  return `Số liệu «${figureLabel(path) ?? path}»`;
}

export type VersionJson = {
  version: number; submittedAt: string; submittedBy: string | null; onTime: boolean;
  deadline: { lastDay: string; text: string }; recipient: { code: string; name: string } | null;
  decision: "accepted" | "returned" | null; decidedAt: string | null; decidedBy: string | null; note: string | null;
};

export function presentVersion(ctx: AppContext, v: ReportVersionRow, names: Map<number, { username: string; fullName: string }>): VersionJson {
  const who = (id: number | null) => (id === null ? null : (names.get(id)?.fullName ?? null));
  return {
    version: v.version, submittedAt: v.submitted_at.toISOString(), submittedBy: who(v.submitted_by), onTime: v.on_time,
    deadline: { lastDay: v.deadline_last_day, text: v.deadline_text }, recipient: orgRef(ctx, v.recipient_org_id),
    decision: v.decision, decidedAt: v.decided_at?.toISOString() ?? null, decidedBy: who(v.decided_by), note: v.decision_note,
  };
}

export type ReportView = {
  id: number;
  org: { code: string; name: string } | null;
  period: string;
  periodName: string;
  status: ReportStatus;
  statusLabel: string;
  stage: ReportRow["status"];
  recipient: { code: string; name: string } | null;
  via: string | null;
  deadline: { lastDay: string; text: string; dueAt: string } | null;
  firstSubmittedAt: string | null;
  onTime: boolean | null;
  acceptedVersion: number | null;
  latestVersion: number | null;
  /** true: figures computed now from the registers (draft); false: the latest version's frozen figures */
  live: boolean;
  content: ReportContent;
  flags: Array<QualityFlag & { explanation: string | null }>;
  narrative: Narrative;
  meta: ReportMeta;
  rights: ReportRights;
  versions: VersionJson[];
  comments: Array<{ id: number; version: number | null; anchor: string; anchorLabel: string; body: string; at: string; by: string | null }>;
  events: Array<{ step: string; version: number | null; at: string; by: string | null; note: string | null }>;
};

export function presentReport(ctx: AppContext, input: {
  report: ReportRow; obligation: Obligation | null; status: ReportStatus; content: ReportContent; live: boolean;
  flags: QualityFlag[]; explanations: Record<string, string>; narrative: Narrative; meta: ReportMeta; rights: ReportRights;
  versions: ReportVersionRow[]; names: Map<number, { username: string; fullName: string }>; comments: CommentWithUser[]; events: EventWithUser[];
}): ReportView {
  const { report: r, obligation: ob } = input;
  const first = input.versions[0];
  const latest = input.versions[input.versions.length - 1];
  return {
    id: r.id,
    org: orgRef(ctx, r.org_id),
    period: r.period,
    periodName: input.content.periodName,
    status: input.status,
    statusLabel: REPORT_STATUS_LABELS[input.status],
    stage: r.status,
    recipient: orgRef(ctx, r.recipient_org_id),
    via: ob?.schedule.via ?? null,
    deadline: ob ? { lastDay: ob.deadline.lastDay, text: ob.deadline.text, dueAt: ob.deadline.dueAt.toISOString() } : latest ? { lastDay: latest.deadline_last_day, text: latest.deadline_text, dueAt: "" } : null,
    firstSubmittedAt: r.first_submitted_at?.toISOString() ?? null,
    onTime: first ? first.on_time : null,
    acceptedVersion: r.accepted_version,
    latestVersion: latest?.version ?? null,
    live: input.live,
    content: input.content,
    flags: input.flags.map((f) => ({ ...f, explanation: input.explanations[f.key]?.trim() ? input.explanations[f.key] as string : null })),
    narrative: input.narrative,
    meta: input.meta,
    rights: input.rights,
    versions: input.versions.map((v) => presentVersion(ctx, v, input.names)),
    comments: input.comments.map((c) => ({ id: c.id, version: c.version, anchor: c.anchor, anchorLabel: anchorLabel(c.anchor), body: c.body, at: c.at.toISOString(), by: c.full_name })),
    events: input.events.map((e) => ({ step: e.step, version: e.version, at: e.at.toISOString(), by: e.full_name, note: e.note })),
  };
}

/** The stored parts of a report row, parsed. */
export function storedParts(r: ReportRow): { narrative: Narrative; explanations: Record<string, string>; meta: ReportMeta } {
  return { narrative: narrativeOf(jsonOf(r.narrative)), explanations: (jsonOf(r.explanations) ?? {}) as Record<string, string>, meta: (jsonOf(r.meta) ?? {}) as ReportMeta };
}
