// JSON of the annual conference plan page (M7): the plan and its deadline standing, its planned
// conferences with the conferences holding them, the target check and planned vs held.
import type { PlanCheck, PlanCheckRules, PlanFinding, PlanTimeliness } from "../domain/conferences/conference-plan.js";
import { describeTimeliness } from "../domain/conferences/conference-plan.js";
import type { MonthProgress, PlanProgress } from "../domain/conferences/planned-vs-held.js";
import type { OrgRow } from "../orgs/org.types.js";
import { toIsoInstant } from "../registers/present.js";
import type { ConferencePlanRow, HeldConferenceRow, PlannedConferenceRow } from "./conference-plan.repository.js";

export type TimelinessJson = PlanTimeliness & { statusText: string };

export type ConferencePlanJson = {
  id: number; orgId: number; orgCode: string; year: number; number: string | null; issuedOn: string | null; note: string;
  /** issued plans are locked */
  isIssued: boolean;
  deadline: string; onTime: boolean | null; daysLate: number; status: PlanTimeliness["status"]; statusText: string;
  updatedAt: string;
};

export type PlannedConferenceJson = {
  id: number; title: string; category: string; scope: string; format: string;
  plannedMonth: number | null; plannedDate: string | null; expectedSessions: number | null;
  chair: string; invitedBlocs: string[];
  /** conferences of the register holding this planned one (meetings.planned_id) */
  heldMeetingIds: number[];
};

/** A finding with the planned conferences it concerns by id too (`items` are indexes in `items`). */
export type PlanFindingJson = PlanFinding & { itemIds: number[] };

export type HeldConferenceJson = { id: number; title: string; startAt: string; format: string; plannedId: number | null; isUnplanned: boolean };

export type ConferencePlanView = {
  org: { id: number; code: string; name: string; level: string };
  year: number;
  /** the user may edit: `write` on the unit, and the plan (if any) is still a draft */
  canEdit: boolean;
  /** the deadline standing whether or not a plan exists (no plan: pending or overdue) */
  timeliness: TimelinessJson;
  plan: ConferencePlanJson | null;
  items: PlannedConferenceJson[];
  check: { findings: PlanFindingJson[]; counts: PlanCheck["counts"]; rules: PlanCheckRules };
  progress: {
    planned: number; held: number; unplannedHeld: number; unplannedMeetingIds: number[];
    months: MonthProgress[]; meetings: HeldConferenceJson[];
  };
};

export function presentTimeliness(t: PlanTimeliness): TimelinessJson {
  return { ...t, statusText: describeTimeliness(t) };
}

export function presentConferencePlan(p: ConferencePlanRow, org: OrgRow, t: PlanTimeliness): ConferencePlanJson {
  return {
    id: p.id, orgId: p.org_id, orgCode: org.code, year: p.year, number: p.number, issuedOn: p.issued_on, note: p.note,
    isIssued: p.issued_on !== null,
    deadline: t.deadline, onTime: t.onTime, daysLate: t.daysLate, status: t.status, statusText: describeTimeliness(t),
    updatedAt: toIsoInstant(p.updated_at),
  };
}

export function presentPlannedConference(r: PlannedConferenceRow, heldMeetingIds: number[]): PlannedConferenceJson {
  return {
    id: r.id, title: r.title, category: r.category, scope: r.scope, format: r.format,
    plannedMonth: r.planned_month, plannedDate: r.planned_date, expectedSessions: r.expected_sessions,
    chair: r.chair, invitedBlocs: r.invited_blocs, heldMeetingIds,
  };
}

export function presentFindings(findings: readonly PlanFinding[], items: readonly PlannedConferenceRow[]): PlanFindingJson[] {
  return findings.map((f) => ({ ...f, itemIds: f.items.flatMap((i) => { const it = items[i]; return it ? [it.id] : []; }) }));
}

export function presentProgress(p: PlanProgress, held: readonly HeldConferenceRow[]): ConferencePlanView["progress"] {
  const unplanned = new Set(p.unplannedMeetingIds);
  return {
    planned: p.planned, held: p.held, unplannedHeld: p.unplannedHeld, unplannedMeetingIds: p.unplannedMeetingIds, months: p.months,
    meetings: held.map((m) => ({ id: m.id, title: m.title, startAt: toIsoInstant(m.start_at), format: m.format, plannedId: m.planned_id, isUnplanned: unplanned.has(m.id) })),
  };
}
