// The planning side of a conference (issue 7): its chair(s), invitations, the upper conference
// or guiding document it relates to, the annual-plan item it holds, its agenda and when the
// papers were sent. Reads the request's values into ids (validated against the host unit) and
// runs the M6, M8, M9 and papers-ahead checks — warnings only, never a refusal.
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import type { MeetingRow } from "../db/schema.js";
import type { Finding } from "../domain/conference-checks.js";
import { checkClashes } from "../domain/conferences/clash-findings.js";
import { checkInvitations, type Bloc } from "../domain/conferences/invitations.js";
import { checkPapers } from "../domain/conferences/papers.js";
import { checkRepeats, type UpperConference } from "../domain/conferences/repeats.js";
import { parseDateTime } from "../domain/normalize.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import type { OrgRow } from "../orgs/org.types.js";
import { invalidFields, type FieldIssue } from "../registers/register-errors.js";
import type { MeetingDraft } from "./meeting-checks.service.js";
import { findPeer, findPlannedConferenceOwner, listOnlineConferencesOf, listOverlappingConferences, type PlanningPeer } from "./meeting-planning.repository.js";
import type { TMeetingPatch } from "./meeting.schema.js";

/** The planning fields of a conference, with units as ids. */
export type MeetingPlanning = {
  plannedId: number | null; chairs: string[]; invitedBlocs: Bloc[]; invitedOrgIds: number[];
  invitationReason: string | null; relatedMeetingId: number | null; relatedDocument: string | null;
  repeatReason: string | null; agenda: string | null; papersSentAt: Date | null;
};

/** The planning fields a request may send (create, check or PATCH; absent = unchanged). */
export type PlanningRequest = Pick<
  TMeetingPatch,
  "plannedId" | "chairs" | "invitedBlocs" | "invitedOrgCodes" | "invitationReason" | "relatedMeetingId" | "relatedDocument" | "repeatReason" | "agenda" | "papersSentAt"
>;

export const NO_PLANNING: MeetingPlanning = {
  plannedId: null, chairs: [], invitedBlocs: [], invitedOrgIds: [], invitationReason: null, relatedMeetingId: null,
  relatedDocument: null, repeatReason: null, agenda: null, papersSentAt: null,
};

/** The planning fields of a stored conference. */
export function planningFromRow(row: MeetingRow): MeetingPlanning {
  return {
    plannedId: row.planned_id, chairs: row.chairs, invitedBlocs: row.invited_blocs as Bloc[], invitedOrgIds: row.invited_org_ids,
    invitationReason: row.invitation_reason, relatedMeetingId: row.related_meeting_id === null ? null : Number(row.related_meeting_id),
    relatedDocument: row.related_document, repeatReason: row.repeat_reason, agenda: row.agenda, papersSentAt: row.papers_sent_at,
  };
}

/**
 * The units a conference of `hostId` may invite and clash with: the province it belongs to
 * (its nearest ancestor-or-self of level province, else the top of its tree) with everything
 * below, and the units above it. A commune may invite a department of its province (flagged by
 * M8 as outside its scope), never a unit of another province.
 */
export function conferenceAreaOf(ctx: AppContext, hostId: number): number[] {
  const province = conferenceAreaRootOf(ctx, hostId);
  if (province === null) return [hostId];
  const above = ctx.orgs.ancestors(province).map((o) => o.id);
  return [...new Set([...above, ...ctx.orgs.subtreeIds(province)])];
}

/** The unit whose area (conferenceAreaOf) holds a conference of `hostId`: units with the same one
 * share the area. Null for a unit not in the tree. */
export function conferenceAreaRootOf(ctx: AppContext, hostId: number): number | null {
  const chain = ctx.orgs.ancestors(hostId);
  return (chain.filter((o) => o.level === "province").pop() ?? chain[0])?.id ?? null;
}

/**
 * `request` applied to `base` (the stored values, or none for a new conference) for host
 * `host`, every value checked: invited codes known and in the host's area, the related
 * conference held by a unit above the host, the planned item on the host's own plan, the sent
 * time readable. Values not sent are re-checked only when the host changes. All bad fields
 * are reported at once (400).
 */
export async function resolvePlanning(
  ctx: AppContext, db: Db, host: OrgRow, request: PlanningRequest, base: MeetingPlanning, hostChanged: boolean, settings: JurisdictionSettings,
): Promise<MeetingPlanning> {
  const issues: FieldIssue[] = [];
  const pick = <T>(v: T | undefined, dflt: T): T => (v === undefined ? dflt : v);
  const recheck = (v: unknown) => v !== undefined || hostChanged;

  let invitedOrgIds = base.invitedOrgIds;
  if (request.invitedOrgCodes !== undefined) {
    const area = new Set(conferenceAreaOf(ctx, host.id));
    const bad = request.invitedOrgCodes.filter((c) => { const o = ctx.orgs.byCode(c); return !o || !area.has(o.id); });
    if (bad.length > 0) issues.push({ field: "invitedOrgCodes", reason: `không có đơn vị mã ${bad.join(", ")} trong tỉnh của đơn vị chủ trì` });
    invitedOrgIds = request.invitedOrgCodes.map((c) => ctx.orgs.byCode(c)?.id).filter((id): id is number => id !== undefined && id !== host.id);
  }

  const relatedMeetingId = pick(request.relatedMeetingId, base.relatedMeetingId);
  if (relatedMeetingId !== null && recheck(request.relatedMeetingId)) {
    const related = await findPeer(db, relatedMeetingId);
    const isUpper = related !== undefined && related.org_id !== host.id && ctx.orgs.isInSubtree(related.org_id, host.id);
    if (!isUpper) issues.push({ field: "relatedMeetingId", reason: `hội nghị #${relatedMeetingId} không phải hội nghị của cấp trên đơn vị chủ trì` });
  }

  const plannedId = pick(request.plannedId, base.plannedId);
  if (plannedId !== null && recheck(request.plannedId)) {
    const owner = await findPlannedConferenceOwner(db, plannedId);
    if (owner?.orgId !== host.id) issues.push({ field: "plannedId", reason: `mục #${plannedId} không thuộc kế hoạch hội nghị năm của đơn vị chủ trì` });
  }

  let papersSentAt = base.papersSentAt;
  if (request.papersSentAt !== undefined) {
    const r = request.papersSentAt === null ? null : parseDateTime(request.papersSentAt, settings.sessionConvention.utcOffsetMinutes);
    if (r === null) papersSentAt = null;
    else if (r.ok) papersSentAt = r.value;
    else issues.push({ field: "papersSentAt", reason: r.reason });
  }
  if (issues.length > 0) throw invalidFields(issues);

  return {
    plannedId, relatedMeetingId, invitedOrgIds, papersSentAt,
    chairs: pick(request.chairs, base.chairs),
    invitedBlocs: pick(request.invitedBlocs, base.invitedBlocs),
    invitationReason: pick(request.invitationReason, base.invitationReason),
    relatedDocument: pick(request.relatedDocument, base.relatedDocument),
    repeatReason: pick(request.repeatReason, base.repeatReason),
    agenda: pick(request.agenda, base.agenda),
  };
}

/** A peer conference as the domain sees it, with its unit's code and name. */
function withUnit(ctx: AppContext, p: PlanningPeer) {
  const unit = ctx.orgs.get(p.org_id);
  return {
    id: Number(p.id), orgId: p.org_id, orgCode: unit?.code ?? String(p.org_id), orgName: unit?.name ?? String(p.org_id),
    title: p.title, start: p.start_at, end: p.end_at, format: p.format, scope: p.scope,
    communeParticipants: p.commune_participants, chairs: p.chairs, invitedOrgIds: p.invited_org_ids,
  };
}

const DAY_MS = 86_400_000;

/** M6, M8, M9 and papers-ahead findings of a draft (`excludeId`: the conference being edited). */
export async function runPlanningChecks(
  ctx: AppContext, db: Db, d: MeetingDraft, title: string, settings: JurisdictionSettings, excludeId: number | null, now: Date,
): Promise<Finding[]> {
  const s = settings.conferencePlanning;
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const p = d.planning;
  const host = ctx.orgs.get(d.orgId);
  const findings: Finding[] = [];

  // M6: upper conferences — held by the host's ancestors (strictly above it)
  if (d.category === "quan_triet") {
    const ancestors = ctx.orgs.ancestors(d.orgId).map((o) => o.id).filter((id) => id !== d.orgId);
    const peers = await listOnlineConferencesOf(db, ancestors, new Date(d.start.getTime() - s.repeatWindowDays * DAY_MS), d.start);
    const uppers: UpperConference[] = peers.map((peer) => withUnit(ctx, peer));
    findings.push(...checkRepeats({ category: d.category, title, start: d.start, ...p }, uppers, s, offset));
  }

  // M8: blocs, units outside the host's subtree, chairs
  if (host) {
    const invitedUnits = p.invitedOrgIds.map((id) => {
      const unit = ctx.orgs.get(id);
      return { code: unit?.code ?? String(id), name: unit?.name ?? String(id), withinHostScope: ctx.orgs.isInSubtree(d.orgId, id) };
    });
    findings.push(...checkInvitations({ hostBloc: host.bloc, chairs: p.chairs, invitedBlocs: p.invitedBlocs, invitedUnits, invitationReason: p.invitationReason }));
  }

  // M9: clashes with overlapping conferences of the host's area
  const target = { id: excludeId, orgId: d.orgId, start: d.start, end: d.end, chairs: p.chairs, invitedOrgIds: p.invitedOrgIds };
  const overlapping = await listOverlappingConferences(db, {
    areaOrgIds: conferenceAreaOf(ctx, d.orgId), bookedOrgIds: [d.orgId, ...p.invitedOrgIds], withChairs: p.chairs.length > 0,
    start: d.start, end: d.end, excludeId,
  });
  const unitOf = (id: number) => ({ code: ctx.orgs.get(id)?.code ?? String(id), name: ctx.orgs.get(id)?.name ?? String(id) });
  findings.push(...checkClashes(target, overlapping.map((peer) => withUnit(ctx, peer)), unitOf, offset));

  findings.push(...checkPapers({ start: d.start, papersSentAt: p.papersSentAt }, s, now, offset));
  return findings;
}
