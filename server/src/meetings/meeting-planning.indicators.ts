// M6, M8, M9 for the indicator sheet (issue 7 §7): how many conferences of period P carry each
// planning flag — the same rules as the form's checks (meeting-planning.service.ts), counted
// for a whole subtree. Same shape as the sheet's other entries (intelligence/text.indicators.ts).
// M9 is done in SQL (a sweep of bookings); M6 and M8 read their few candidates through partial
// indexes, then apply the pure rules (title similarity and the org tree are not SQL's
// strengths). The three readings run at once; results come per unit, so a batch of sheets
// shares one computation and each sheet merges the lists of its own units.
import type { AppContext } from "../context.js";
import { checkInvitations, type Bloc } from "../domain/conferences/invitations.js";
import { findFlaggedRepeats } from "../domain/conferences/repeats-batch.js";
import type { Period } from "../domain/period.js";
import { localMidnight } from "../domain/reports/report-dates.js";
import { RULE_SOURCES, type JurisdictionSettings, type RuleId } from "../domain/settings.js";
import { conferenceAreaOf, conferenceAreaRootOf } from "./meeting-planning.service.js";
import {
  listClashingConferencesByUnit, listDisseminationWithoutReason, listInvitingConferences, listReachingConferencesOf, type IdsByUnit,
} from "./meeting-planning.repository.js";

/** The rule is the target: no conference flagged. */
const TARGET = 0;
/** How many offending ids the sheet lists (the count is exact), as D5. */
const LIST_LIMIT = 1000;
const DAY_MS = 86_400_000;

/** One planning indicator: `value` the conferences of P flagged, `violations` their ids. */
export type PlanningIndicator = {
  value: number; target: number; met: boolean; violations: string[]; violationCount: number; title: string; source: string;
};

export type MeetingPlanningIndicators = { M6: PlanningIndicator; M8: PlanningIndicator; M9: PlanningIndicator };

/** The indicator of a sheet from the flagged ids of each of its units. */
function indicator(rule: RuleId, orgIds: Iterable<number>, flagged: IdsByUnit): PlanningIndicator {
  const ids = new Set<number>();
  for (const orgId of orgIds) for (const id of flagged.get(orgId) ?? []) ids.add(id);
  const sorted = [...ids].sort((a, b) => a - b);
  return {
    value: sorted.length, target: TARGET, met: sorted.length <= TARGET,
    violations: sorted.slice(0, LIST_LIMIT).map(String), violationCount: sorted.length, ...RULE_SOURCES[rule],
  };
}

/** M6, M8, M9 of the units `orgIds` for period P, with the settings of the sheet's unit. */
export async function computeMeetingPlanningIndicators(
  ctx: AppContext, input: { orgIds: number[]; period: Period; settings: JurisdictionSettings },
): Promise<MeetingPlanningIndicators> {
  const [one] = await computeMeetingPlanningIndicatorsOfUnits(ctx, { units: [{ orgIds: input.orgIds, settings: input.settings }], period: input.period });
  return one as MeetingPlanningIndicators;
}

/**
 * M6, M8, M9 of several sheets at once (a province and its children): a conference's flags do
 * not depend on the sheet asking, so they are computed once for the units of all the sheets
 * that share the settings shaping them, and each sheet counts the flagged conferences of its
 * own units.
 */
export async function computeMeetingPlanningIndicatorsOfUnits(
  ctx: AppContext, input: { units: Array<{ orgIds: number[]; settings: JurisdictionSettings }>; period: Period },
): Promise<MeetingPlanningIndicators[]> {
  const groups = new Map<string, { settings: JurisdictionSettings; members: number[] }>();
  input.units.forEach((u, i) => {
    const key = JSON.stringify([u.settings.conferencePlanning, u.settings.sessionConvention.utcOffsetMinutes]);
    const group = groups.get(key) ?? { settings: u.settings, members: [] };
    group.members.push(i);
    groups.set(key, group);
  });
  const out: MeetingPlanningIndicators[] = [];
  await Promise.all([...groups.values()].map(async ({ settings, members }) => {
    const union = [...new Set(members.flatMap((i) => input.units[i]?.orgIds ?? []))];
    const flags = await flaggedConferences(ctx, union, input.period, settings);
    for (const i of members) {
      const mine = new Set(input.units[i]?.orgIds ?? []);
      out[i] = { M6: indicator("M6", mine, flags.M6), M8: indicator("M8", mine, flags.M8), M9: indicator("M9", mine, flags.M9) };
    }
  }));
  return out;
}

/** Ids grouped by unit, ascending. */
function byUnit(rows: Array<{ id: number; orgId: number }>): IdsByUnit {
  const map: IdsByUnit = new Map();
  for (const r of rows) {
    const ids = map.get(r.orgId);
    if (ids) ids.push(r.id);
    else map.set(r.orgId, [r.id]);
  }
  for (const ids of map.values()) ids.sort((a, b) => a - b);
  return map;
}

/** Per unit of `orgIds`, its conferences starting in P that carry each flag. */
async function flaggedConferences(ctx: AppContext, orgIds: number[], period: Period, settings: JurisdictionSettings): Promise<Record<"M6" | "M8" | "M9", IdsByUnit>> {
  const db = ctx.handle.db;
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const from = localMidnight(period.start, offset);
  const to = localMidnight(period.end, offset);
  // M9 compares a conference with those of its own area (conferenceAreaOf: its province): every
  // unit of a province shares it, so one sweep per province, whatever the number of sheets
  const byArea = new Map<number, number[]>();
  for (const id of orgIds) {
    const root = conferenceAreaRootOf(ctx, id) ?? id;
    const units = byArea.get(root);
    if (units) units.push(id);
    else byArea.set(root, [id]);
  }
  const [clashing, inviting, repeats] = await Promise.all([
    Promise.all([...byArea.values()].map((ids) => listClashingConferencesByUnit(db, { orgIds: ids, areaOrgIds: conferenceAreaOf(ctx, ids[0] as number), from, to }))),
    listInvitingConferences(db, { orgIds, from, to }),
    findRepeats(ctx, orgIds, from, to, settings),
  ]);
  return {
    M6: byUnit(repeats),
    M8: byUnit(inviting.filter((m) => hasInvitationFlag(ctx, m)).map((m) => ({ id: Number(m.id), orgId: m.org_id }))),
    M9: new Map(clashing.flatMap((perUnit) => [...perUnit])),
  };
}

/** M8 — a warning of checkInvitations (the "no chair" note does not count). */
function hasInvitationFlag(ctx: AppContext, m: { org_id: number; chairs: string[]; invited_blocs: string[]; invited_org_ids: number[] }): boolean {
  const host = ctx.orgs.get(m.org_id);
  if (!host) return false;
  const invitedUnits = m.invited_org_ids.map((id) => ({ code: String(id), name: String(id), withinHostScope: ctx.orgs.isInSubtree(m.org_id, id) }));
  const findings = checkInvitations({ hostBloc: host.bloc, chairs: m.chairs, invitedBlocs: m.invited_blocs as Bloc[], invitedUnits, invitationReason: null });
  return findings.some((f) => f.severity === "warning");
}

/** M6 — the dissemination conferences of `orgIds` starting in [from, to) that repeat an upper
 * conference of one of their ancestors. */
async function findRepeats(ctx: AppContext, orgIds: number[], from: Date, to: Date, settings: JurisdictionSettings): Promise<Array<{ id: number; orgId: number }>> {
  const db = ctx.handle.db;
  const s = settings.conferencePlanning;
  const candidates = await listDisseminationWithoutReason(db, { orgIds, from, to });
  if (candidates.length === 0) return [];
  const above = new Map<number, number[]>();
  for (const c of candidates) {
    if (!above.has(c.org_id)) above.set(c.org_id, ctx.orgs.ancestors(c.org_id).map((o) => o.id).filter((id) => id !== c.org_id));
  }
  const upperUnits = [...new Set([...above.values()].flat())];
  const peers = await listReachingConferencesOf(db, upperUnits, new Date(from.getTime() - s.repeatWindowDays * DAY_MS), to);
  const uppers = peers.map((p) => ({
    orgId: p.org_id,
    conference: {
      id: p.id, orgCode: "", orgName: "", title: p.title, start: new Date(p.start_ms), end: new Date(p.end_ms),
      format: p.format, scope: p.scope, communeParticipants: p.commune_participants,
    },
  }));
  const orgOf = new Map(candidates.map((c) => [c.id, c.org_id]));
  const flagged = findFlaggedRepeats(
    candidates.map((c) => ({ id: c.id, orgId: c.org_id, title: c.title, startMs: c.start_ms, relatedMeetingId: c.related_meeting_id, relatedDocument: c.related_document })),
    uppers, (orgId) => above.get(orgId) ?? [], s,
  );
  return flagged.map((id) => ({ id, orgId: orgOf.get(id) ?? -1 }));
}
