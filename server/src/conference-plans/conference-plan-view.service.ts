// The annual conference plan page of a unit and year (M7): the plan and its deadline standing,
// its planned conferences, the target check against last year's held conferences (M1–M4), and
// planned vs held through the year. Read only.
import type { AppContext } from "../context.js";
import { can, type SessionUser } from "../auth/policy.js";
import { checkConferencePlan, planTimeliness, type PlannedConferenceInput } from "../domain/conferences/conference-plan.js";
import { matchPlannedAndHeld, plannedMonthOf } from "../domain/conferences/planned-vs-held.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import type { OrgRow } from "../orgs/org.types.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { resolveReadableUnit } from "./conference-plan.access.js";
import {
  presentConferencePlan, presentFindings, presentPlannedConference, presentProgress, presentTimeliness, type ConferencePlanView,
} from "./conference-plan.presenter.js";
import {
  countConferencesOf, findConferencePlanOf, findHeldConferences, findPlannedConferences, type PlannedConferenceRow,
} from "./conference-plan.repository.js";
import type { TConferencePlanQuery } from "./conference-plan.schema.js";
import { localDay, localMidnight } from "../domain/reports/report-dates.js";

/** [start, end) of a local calendar year as instants. */
export function localYearRange(year: number, utcOffsetMinutes: number): { from: Date; to: Date } {
  return { from: localMidnight(`${year}-01-01`, utcOffsetMinutes), to: localMidnight(`${year + 1}-01-01`, utcOffsetMinutes) };
}

/** Today's local date ("YYYY-MM-DD") on the context's clock, in the unit's time zone. */
export function localTodayOf(ctx: AppContext, utcOffsetMinutes: number): string {
  return localDay(ctx.now(), utcOffsetMinutes);
}

/** What the target check reads of a stored planned conference. */
export function toCheckInput(i: PlannedConferenceRow): PlannedConferenceInput {
  return { title: i.title, category: i.category, scope: i.scope, format: i.format, expectedSessions: i.expected_sessions };
}

/** GET /api/conference-plans?org=&year= */
export async function getConferencePlanView(ctx: AppContext, user: SessionUser, q: TConferencePlanQuery): Promise<ConferencePlanView> {
  const org = await resolveReadableUnit(ctx, user, q.org);
  return buildConferencePlanView(ctx, user, org, q.year);
}

/**
 * M1's base: conferences held last year by the unit and the units merged into it (weighted by
 * the share taken over, as the indicator sheet counts them), rounded to whole conferences.
 */
export async function countLastYear(ctx: AppContext, orgId: number, year: number, settings: JurisdictionSettings): Promise<number> {
  const counted = ctx.orgs.countedOrgs(orgId, false);
  const { from, to } = localYearRange(year - 1, settings.sessionConvention.utcOffsetMinutes);
  const perUnit = await countConferencesOf(ctx.handle.db, counted.map((c) => c.id), from, to);
  return Math.round(counted.reduce((sum, c) => sum + (perUnit.get(c.id) ?? 0) * c.weight, 0));
}

/** The page of `org` for `year`, as `user` sees it. */
export async function buildConferencePlanView(ctx: AppContext, user: SessionUser, org: OrgRow, year: number): Promise<ConferencePlanView> {
  const db = ctx.handle.db;
  const settings = await getSettingsFor(ctx, org.id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const plan = await findConferencePlanOf(db, org.id, year);
  const items: PlannedConferenceRow[] = plan ? await findPlannedConferences(db, plan.id) : [];
  const { from, to } = localYearRange(year, offset);
  const held = await findHeldConferences(db, org.id, from, to, items.map((i) => i.id));
  const lastYearHeld = await countLastYear(ctx, org.id, year, settings);

  const inYear = (at: Date) => at >= from && at < to;
  const progress = matchPlannedAndHeld(
    items.flatMap((i) => {
      const month = plannedMonthOf({ plannedMonth: i.planned_month, plannedDate: i.planned_date });
      return month === null ? [] : [{ id: i.id, month }];
    }),
    held.map((m) => ({ id: m.id, plannedId: m.planned_id, month: inYear(m.start_at) ? Number(localDay(m.start_at, offset).slice(5, 7)) : null })),
    plan !== undefined,
  );
  const check = checkConferencePlan(
    items.map(toCheckInput),
    { year, lastYearHeld, rules: settings },
  );
  const timeliness = planTimeliness(year, plan?.issued_on ?? null, localTodayOf(ctx, offset), settings.conferencePlanning);
  return {
    org: { id: org.id, code: org.code, name: org.name, level: org.level },
    year,
    canEdit: can(user, "write", org.id, ctx.orgs) && (plan === undefined || plan.issued_on === null),
    timeliness: presentTimeliness(timeliness),
    plan: plan ? presentConferencePlan(plan, org, timeliness) : null,
    items: items.map((i) => presentPlannedConference(i, progress.heldBy.get(i.id) ?? [])),
    check: {
      findings: presentFindings(check.findings, items),
      counts: check.counts,
      rules: {
        targets: { M1: settings.targets.M1, M2: settings.targets.M2, M3Province: settings.targets.M3Province, M3Commune: settings.targets.M3Commune },
        hybridCountsAsOnline: settings.hybridCountsAsOnline,
        sessionLimits: settings.sessionLimits,
      },
    },
    progress: presentProgress(progress, held),
  };
}
