import type { AppContext } from "../context.js";
import type { MeetingRow } from "../db/schema.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { toIsoInstant } from "../registers/present.js";

/** A conference (hội nghị) as the API shows it; instants in ISO 8601 UTC. */
export type MeetingJson = {
  id: number;
  orgCode: string;
  title: string;
  category: MeetingRow["category"];
  scope: MeetingRow["scope"];
  format: MeetingRow["format"];
  start: string;
  end: string;
  /** half-day sessions (buổi) counted when saved, with the unit's convention */
  sessions: number;
  openingMin: number | null;
  conclusionMin: number | null;
  maxContributionMin: number | null;
  exceptionDecision: string | null;
  communeParticipants: boolean | null;
  /** the planned item of the unit's annual conference plan it holds (M7) */
  plannedId: number | null;
  /** the leaders chairing it (M8: one) */
  chairs: string[];
  /** blocs invited: party, state, front (M8) */
  invitedBlocs: string[];
  /** codes of the units invited (M8, M9) */
  invitedOrgCodes: string[];
  invitationReason: string | null;
  /** the upper conference it relates to (M6) */
  relatedMeetingId: number | null;
  /** number/symbol of the guiding document (M6) */
  relatedDocument: string | null;
  repeatReason: string | null;
  agenda: string | null;
  /** when the agenda and papers were sent to delegates */
  papersSentAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Maps a register row to its JSON (camelCase, the unit's code). */
export function presentMeeting(ctx: AppContext, row: MeetingRow): MeetingJson {
  return {
    id: row.id,
    orgCode: orgCodeOf(ctx, row.org_id),
    title: row.title,
    category: row.category,
    scope: row.scope,
    format: row.format,
    start: toIsoInstant(row.start_at),
    end: toIsoInstant(row.end_at),
    sessions: row.sessions,
    openingMin: row.opening_min,
    conclusionMin: row.conclusion_min,
    maxContributionMin: row.max_contribution_min,
    exceptionDecision: row.exception_decision,
    communeParticipants: row.commune_participants,
    plannedId: row.planned_id,
    chairs: row.chairs,
    invitedBlocs: row.invited_blocs,
    invitedOrgCodes: row.invited_org_ids.map((id) => orgCodeOf(ctx, id)),
    invitationReason: row.invitation_reason,
    relatedMeetingId: row.related_meeting_id === null ? null : Number(row.related_meeting_id),
    relatedDocument: row.related_document,
    repeatReason: row.repeat_reason,
    agenda: row.agenda,
    papersSentAt: row.papers_sent_at === null ? null : toIsoInstant(row.papers_sent_at),
    createdAt: toIsoInstant(row.created_at),
    updatedAt: toIsoInstant(row.updated_at),
  };
}
