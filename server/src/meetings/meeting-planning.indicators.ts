// M6, M8, M9 for the indicator sheet (issue 7 §7): how many conferences of period P carry each
// planning flag — the same rules as the form's checks (meeting-planning.service.ts), counted
// for a whole subtree. Same shape as the sheet's other entries (intelligence/text.indicators.ts).
// M9 is done in SQL (a self-join of bookings); M6 and M8 narrow the rows in SQL, then apply
// the pure rules (title similarity and the org tree are not SQL's strengths).
import type { AppContext } from "../context.js";
import { checkInvitations, type Bloc } from "../domain/conferences/invitations.js";
import { isFlaggedRepeat, isSameSubject, reachedLowerLevels, titleKey, type TitleKey, type UpperConference } from "../domain/conferences/repeats.js";
import type { Period } from "../domain/period.js";
import { localMidnight } from "../domain/reports/report-dates.js";
import { RULE_SOURCES, type JurisdictionSettings, type RuleId } from "../domain/settings.js";
import { conferenceAreaOf } from "./meeting-planning.service.js";
import { listClashingConferenceIds, listDisseminationWithoutReason, listInvitingConferences, listOnlineConferencesOf } from "./meeting-planning.repository.js";

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

function indicator(rule: RuleId, ids: number[]): PlanningIndicator {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  return {
    value: sorted.length, target: TARGET, met: sorted.length <= TARGET,
    violations: sorted.slice(0, LIST_LIMIT).map(String), violationCount: sorted.length, ...RULE_SOURCES[rule],
  };
}


/** A conference carrying a flag, with its unit (a batch of sheets shares one computation). */
type Flagged = { id: number; orgId: number };

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
  for (const { settings, members } of groups.values()) {
    const union = [...new Set(members.flatMap((i) => input.units[i]?.orgIds ?? []))];
    const flags = await flaggedConferences(ctx, union, input.period, settings);
    for (const i of members) {
      const mine = new Set(input.units[i]?.orgIds ?? []);
      const ids = (list: Flagged[]) => list.filter((f) => mine.has(f.orgId)).map((f) => f.id);
      out[i] = { M6: indicator("M6", ids(flags.M6)), M8: indicator("M8", ids(flags.M8)), M9: indicator("M9", ids(flags.M9)) };
    }
  }
  return out;
}

/** The conferences of `orgIds` starting in P that carry each flag. */
async function flaggedConferences(ctx: AppContext, orgIds: number[], period: Period, settings: JurisdictionSettings): Promise<Record<"M6" | "M8" | "M9", Flagged[]>> {
  const db = ctx.handle.db;
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const from = localMidnight(period.start, offset);
  const to = localMidnight(period.end, offset);
  // every unit of a province shares its area: compute it once per province, not once per unit
  const areaOf = new Map<number, number[]>();
  for (const id of orgIds) {
    const root = ctx.orgs.ancestors(id).filter((o) => o.level === "province").pop()?.id ?? id;
    if (!areaOf.has(root)) areaOf.set(root, conferenceAreaOf(ctx, id));
  }
  const area = [...new Set([...areaOf.values()].flat())];
  const [clashing, inviting, dissemination] = await Promise.all([
    listClashingConferenceIds(db, { orgIds, areaOrgIds: area, from, to }),
    listInvitingConferences(db, { orgIds, from, to }),
    listDisseminationWithoutReason(db, { orgIds, from, to }),
  ]);
  const orgOf = new Map(dissemination.map((c) => [Number(c.id), c.org_id]));
  return {
    M6: (await findRepeats(ctx, dissemination, from, to, settings)).map((id) => ({ id, orgId: orgOf.get(id) ?? -1 })),
    M8: inviting.filter((m) => hasInvitationFlag(ctx, m)).map((m) => ({ id: Number(m.id), orgId: m.org_id })),
    M9: clashing,
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

/** M6 — the candidates that repeat an upper conference of one of their ancestors. */
async function findRepeats(
  ctx: AppContext, candidates: Awaited<ReturnType<typeof listDisseminationWithoutReason>>, from: Date, to: Date, settings: JurisdictionSettings,
): Promise<number[]> {
  if (candidates.length === 0) return [];
  const s = settings.conferencePlanning;
  const ancestorsOf = new Map<number, Set<number>>();
  for (const c of candidates) {
    if (!ancestorsOf.has(c.org_id)) ancestorsOf.set(c.org_id, new Set(ctx.orgs.ancestors(c.org_id).map((o) => o.id).filter((id) => id !== c.org_id)));
  }
  const upperUnits = [...new Set([...ancestorsOf.values()].flatMap((ids) => [...ids]))];
  const peers = await listOnlineConferencesOf(ctx.handle.db, upperUnits, new Date(from.getTime() - s.repeatWindowDays * DAY_MS), to);
  const uppers = peers.map((p) => ({
    orgId: p.org_id,
    conference: {
      id: Number(p.id), orgCode: "", orgName: "", title: p.title, start: p.start_at, end: p.end_at,
      format: p.format, scope: p.scope, communeParticipants: p.commune_participants,
    } satisfies UpperConference,
  }));
  const keys = new Map<string, TitleKey>();
  const keyOf = (title: string) => {
    let k = keys.get(title);
    if (!k) keys.set(title, (k = titleKey(title)));
    return k;
  };
  // only conferences that reached the lower levels can be repeated (findRepeatedUpperConferences)
  const reaching = uppers.filter((u) => reachedLowerLevels(u.conference));
  // a title's subject match depends on the titles alone: units with the same units above them
  // share it, and each conference then only checks the time window (same result as
  // isFlaggedRepeat, without comparing a repeated title with every upper one again)
  const sameSubject = new Map<string, UpperConference[]>();
  return candidates
    .filter((c) => {
      const above = ancestorsOf.get(c.org_id) ?? new Set<number>();
      const input = {
        category: "quan_triet" as const, title: c.title, start: c.start_at, repeatReason: null,
        relatedMeetingId: c.related_meeting_id === null ? null : Number(c.related_meeting_id), relatedDocument: c.related_document,
      };
      if (input.relatedMeetingId !== null || input.relatedDocument !== null) {
        return isFlaggedRepeat(input, reaching.filter((u) => above.has(u.orgId)).map((u) => u.conference), s, keyOf);
      }
      const memo = `${[...above].join(",")}\u0000${c.title}`;
      let matches = sameSubject.get(memo);
      if (!matches) {
        matches = reaching.filter((u) => above.has(u.orgId) && isSameSubject(input, u.conference, s.repeatTitleSimilarityPercent, keyOf)).map((u) => u.conference);
        sameSubject.set(memo, matches);
      }
      const since = c.start_at.getTime() - s.repeatWindowDays * DAY_MS;
      return matches.some((u) => u.start.getTime() >= since && u.start.getTime() <= c.start_at.getTime());
    })
    .map((c) => Number(c.id));
}
