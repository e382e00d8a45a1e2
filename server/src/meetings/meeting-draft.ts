// Turning request bodies and stored rows into the draft the checks and the write use. Local
// times ("DD/MM/YYYY HH:mm", ISO without offset) are read in the unit's time zone (settings).
import type { MeetingRow, NewMeeting } from "../db/schema.js";
import { parseDateTime } from "../domain/normalize.js";
import { countSessions } from "../domain/sessions.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import { invalidFields, type FieldIssue } from "../registers/register-errors.js";
import type { MeetingDraft } from "./meeting-checks.service.js";
import { planningFromRow, type MeetingPlanning } from "./meeting-planning.service.js";
import type { TMeetingCreate, TMeetingPatch } from "./meeting.schema.js";

/** Parses `start`/`end` when given (else keeps `fallback`) and checks end > start; every bad
 * field is reported at once. */
function instants(raw: { start?: string | undefined; end?: string | undefined }, fallback: { start: Date; end: Date } | null, offsetMinutes: number) {
  const issues: FieldIssue[] = [];
  const read = (field: "start" | "end"): Date | null => {
    const value = raw[field];
    if (value === undefined) return fallback ? fallback[field] : null;
    const r = parseDateTime(value, offsetMinutes);
    if (r.ok) return r.value;
    issues.push({ field, reason: r.reason });
    return null;
  };
  const start = read("start");
  const end = read("end");
  if (start && end && end.getTime() <= start.getTime()) issues.push({ field: "end", reason: "phải sau thời điểm bắt đầu" });
  if (issues.length > 0 || !start || !end) throw invalidFields(issues);
  return { start, end };
}

/** The draft of a new conference (or of the check endpoint's body). */
export function draftFromInput(orgId: number, input: TMeetingCreate, settings: JurisdictionSettings, planning: MeetingPlanning): MeetingDraft {
  return {
    orgId,
    planning,
    category: input.category,
    scope: input.scope,
    format: input.format,
    ...instants(input, null, settings.sessionConvention.utcOffsetMinutes),
    openingMin: input.openingMin ?? null,
    conclusionMin: input.conclusionMin ?? null,
    maxContributionMin: input.maxContributionMin ?? null,
    exceptionDecision: input.exceptionDecision ?? null,
  };
}

/** The draft of a stored conference. */
export function draftFromRow(row: MeetingRow): MeetingDraft {
  return {
    orgId: row.org_id,
    planning: planningFromRow(row),
    category: row.category,
    scope: row.scope,
    format: row.format,
    start: row.start_at,
    end: row.end_at,
    openingMin: row.opening_min,
    conclusionMin: row.conclusion_min,
    maxContributionMin: row.max_contribution_min,
    exceptionDecision: row.exception_decision,
  };
}

/** A stored conference with a PATCH applied (`undefined` = unchanged, `null` = cleared). */
export function mergeDraft(row: MeetingRow, patch: TMeetingPatch, orgId: number, settings: JurisdictionSettings, planning: MeetingPlanning): MeetingDraft {
  const old = draftFromRow(row);
  const pick = <T>(v: T | undefined, dflt: T): T => (v === undefined ? dflt : v);
  return {
    orgId,
    planning,
    category: pick(patch.category, old.category),
    scope: pick(patch.scope, old.scope),
    format: pick(patch.format, old.format),
    ...instants(patch, old, settings.sessionConvention.utcOffsetMinutes),
    openingMin: pick(patch.openingMin, old.openingMin),
    conclusionMin: pick(patch.conclusionMin, old.conclusionMin),
    maxContributionMin: pick(patch.maxContributionMin, old.maxContributionMin),
    exceptionDecision: pick(patch.exceptionDecision, old.exceptionDecision),
  };
}

/** Column values of a draft; `sessions` counted with the unit's convention (M4). */
export function rowValues(d: MeetingDraft, title: string, communeParticipants: boolean | null, settings: JurisdictionSettings): Omit<NewMeeting, "org_id"> {
  return {
    title,
    category: d.category,
    scope: d.scope,
    format: d.format,
    start_at: d.start,
    end_at: d.end,
    sessions: countSessions(d.start, d.end, settings.sessionConvention),
    opening_min: d.openingMin,
    conclusion_min: d.conclusionMin,
    max_contribution_min: d.maxContributionMin,
    exception_decision: d.exceptionDecision,
    commune_participants: communeParticipants,
    planned_id: d.planning.plannedId,
    chairs: d.planning.chairs,
    invited_blocs: d.planning.invitedBlocs,
    invited_org_ids: d.planning.invitedOrgIds,
    invitation_reason: d.planning.invitationReason,
    related_meeting_id: d.planning.relatedMeetingId,
    related_document: d.planning.relatedDocument,
    repeat_reason: d.planning.repeatReason,
    agenda: d.planning.agenda,
    papers_sent_at: d.planning.papersSentAt,
  };
}
