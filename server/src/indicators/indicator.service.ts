import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { monthsOf, parsePeriod, shiftPeriodYears, type Period } from "../domain/period.js";
import { d2BucketOf, type D2Bucket } from "../domain/normalize.js";
import { computeIndicatorSheet, type DocCounts, type IndicatorSheet, type SheetInput } from "../domain/indicators.js";
import { computeQuota, type Quota } from "../domain/quota.js";
import { getSettingsFor } from "../settings/settings.service.js";
import type { OrgRow } from "../orgs/org.types.js";
import { computeReportIndicators } from "../reports/report.indicators.js";
import { computePlanIndicators } from "../plans/plan.indicators.js";
import {
  countWideMeetings,
  findDocumentBreaches,
  sumDocumentCounts,
  summariseMeetings,
  sumMonthly,
  sumTthc,
  type CountedSet,
  type DocumentCounts,
  type Range,
} from "./indicator.repository.js";

/** How many child sheets the subordinate ranking computes at once. */
const CHILD_SHEETS_AT_ONCE = 4;

/** How many offending document ids a D3/D4 breach lists (the count is always exact). */
export const BREACH_LIST_LIMIT = 1000;

export type SheetRequest = {
  orgCode: string;
  period: string;
  subtree: boolean;
  user?: SessionUser | null;
  /** false: leave the D3/D4 breach id lists empty (their counts stay exact) — for summaries */
  withBreachLists?: boolean;
};

/** The KL 226 indicator sheet (data-contract.md §Indicator sheet) for a unit or its subtree,
 * read straight from the registers: a record written a moment ago is already counted. */
export async function computeSheet(ctx: AppContext, req: SheetRequest): Promise<IndicatorSheet> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const settings = await getSettingsFor(ctx, org.id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const period = parsePeriod(req.period);
  const current = toRange(period, offset);
  const previous = toRange(shiftPeriodYears(period, -1), offset);
  const counted = ctx.orgs.countedOrgs(org.id, req.subtree);
  const set: CountedSet = { ids: counted.map((c) => c.id), weights: counted.map((c) => c.weight) };
  const db = ctx.handle.db;

  const wideScope = org.level === "province" ? "toan_tinh" : org.level === "commune" ? "toan_xa" : null;
  const wideIds = wideScope ? ctx.orgs.countedOrgs(org.id, true).map((c) => c.id) : [];
  const today = new Date(ctx.now().getTime() + offset * 60_000).toISOString().slice(0, 10);
  const [docGroups, meetings, wide, tthc, notDigitized, notSent, plan, reports] = await Promise.all([
    sumDocumentCounts(db, set, current, previous),
    summariseMeetings(db, set, current, previous, { sessions: settings.sessionLimits, speech: settings.speechLimits }),
    wideScope ? countWideMeetings(db, wideIds, wideScope, current) : Promise.resolve(null),
    sumTthc(db, set, current),
    req.withBreachLists === false ? [] : findDocumentBreaches(db, set.ids, current, "digitized", BREACH_LIST_LIMIT),
    req.withBreachLists === false ? [] : findDocumentBreaches(db, set.ids, current, "sent_electronically", BREACH_LIST_LIMIT),
    computePlanIndicators(ctx, { orgIds: set.ids, period, today, targets: settings.targets }),
    computeReportIndicators(ctx, { orgIds: set.ids, period, today, target: settings.reporting.r1Target }),
  ]);

  // The previous period is known when the unit existed through it (or took over predecessors'
  // records); a unit created since, with no predecessors, has no baseline: null, not 0.
  const hasPredecessors = counted.some((c) => c.via === "merge" || c.via === "split");
  const existedBefore = org.valid_from === null || org.valid_from <= previous.start || hasPredecessors;
  const docsNow = toDocCounts(docGroups.find((g) => g.isCurrent));
  const docsBefore = toDocCounts(docGroups.find((g) => !g.isCurrent));
  const meetNow = meetings.totals.find((m) => m.isCurrent);
  const meetBefore = meetings.totals.find((m) => !m.isCurrent);
  const input: SheetInput = {
    org: org.code,
    period: period.id,
    subtree: req.subtree,
    level: org.level,
    documents: { current: docsNow, previous: docsBefore, hasPreviousData: existedBefore || docsBefore.admin > 0 },
    meetings: {
      current: meetNow?.total ?? 0,
      previous: meetBefore?.total ?? 0,
      hasPreviousData: existedBefore || (meetBefore?.total ?? 0) > 0,
      online: meetNow?.online ?? 0,
      hybrid: meetNow?.hybrid ?? 0,
      inPerson: meetNow?.inPerson ?? 0,
      wide,
      m4Violations: meetings.overlong,
      m5Violations: meetings.overlongSpeeches,
    },
    tthc,
    breaches: {
      notDigitized,
      notSentElectronically: notSent,
      notDigitizedCount: Math.round(docsNow.nonSecret - docsNow.nonSecretDigitized),
      notSentElectronicallyCount: Math.round(docsNow.nonSecret - docsNow.nonSecretSentElectronically),
    },
    predecessors: counted
      .filter((c) => c.via === "merge" || c.via === "split")
      .map((c) => ({ code: ctx.orgs.get(c.id)?.code ?? String(c.id), kind: c.via as "merge" | "split", share: c.weight })),
  };
  const sheet = computeIndicatorSheet(input, settings);
  // P1, T2, T3 — tasks of the plans (issue "Plans and tasks" §8); R1 — periodic reports sent
  // on time (issue "Periodic reports" §7); same shape as the others
  Object.assign(sheet.indicators, plan, reports);
  return sheet;
}

export type QuotaRequest = { orgCode: string; year: number; subtree: boolean; user?: SessionUser | null };

/** How many administrative documents and conferences the unit may still issue/hold this year to
 * meet D1/M1, the province-/commune-wide quota left (M3), and the year-end projection. */
export async function computeQuotaView(ctx: AppContext, req: QuotaRequest): Promise<Quota & { org: string; subtree: boolean }> {
  const sheet = await computeSheet(ctx, { orgCode: req.orgCode, period: String(req.year), subtree: req.subtree, user: req.user });
  const org = ctx.orgs.byCode(req.orgCode) as OrgRow;
  const settings = await getSettingsFor(ctx, org.id);
  const d1 = sheet.indicators.D1;
  const m1 = sheet.indicators.M1;
  const m3 = sheet.indicators.M3;
  const quota = computeQuota(
    {
      year: req.year,
      now: ctx.now(),
      prevYearAdminDocs: Number(d1?.previous ?? 0),
      adminDocsSoFar: Number(d1?.current ?? 0),
      prevYearMeetings: Number(m1?.previous ?? 0),
      meetingsSoFar: Number(m1?.current ?? 0),
      wideUsed: typeof m3?.value === "number" ? m3.value : 0,
      level: org.level,
    },
    settings,
  );
  return { org: org.code, subtree: req.subtree, ...quota };
}

async function resolveOrg(ctx: AppContext, code: string, user: SessionUser | null | undefined): Promise<OrgRow> {
  await ctx.orgs.refresh();
  const org = ctx.orgs.byCode(code);
  if (!org) throw notFound(`đơn vị ${code}`);
  if (user) authorize(user, "read", org.id, ctx.orgs);
  return org;
}

/** A period as local calendar dates and as the instants that bound them (local midnight). */
function toRange(p: Period, utcOffsetMinutes: number): Range {
  const instant = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - utcOffsetMinutes * 60_000);
  return { start: p.start, end: p.end, startAt: instant(p.start), endAt: instant(p.end) };
}

function toDocCounts(c: DocumentCounts | undefined): DocCounts {
  const adminByBucket: Record<D2Bucket, number> = c?.adminByBucket ?? { CV: 0, QĐ: 0, KH: 0, TB: 0, NQ: 0, other: 0 };
  return {
    admin: Object.values(adminByBucket).reduce((a, b) => a + b, 0),
    adminByBucket,
    nonSecret: c?.nonSecret ?? 0,
    nonSecretDigitized: c?.digitized ?? 0,
    nonSecretSentElectronically: c?.sent ?? 0,
  };
}

export type MonthlySeries = {
  org: string;
  year: number;
  subtree: boolean;
  months: string[];
  documents: { current: number[]; previous: number[] };
  meetings: { current: number[]; previous: number[] };
  online: { current: number[]; previous: number[] };
};

/** Month by month, this year against the previous one: administrative documents, conferences
 * and online conferences — the dashboard's chart. */
export async function computeMonthlySeries(ctx: AppContext, req: QuotaRequest): Promise<MonthlySeries> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const settings = await getSettingsFor(ctx, org.id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const year = parsePeriod(String(req.year));
  const lastYear = shiftPeriodYears(year, -1);
  const counted = ctx.orgs.countedOrgs(org.id, req.subtree);
  const set: CountedSet = { ids: counted.map((c) => c.id), weights: counted.map((c) => c.weight) };
  const [now, before] = await Promise.all([
    sumMonthly(ctx.handle.db, set, toRange(year, offset), offset, settings.hybridCountsAsOnline),
    sumMonthly(ctx.handle.db, set, toRange(lastYear, offset), offset, settings.hybridCountsAsOnline),
  ]);
  const series = (points: typeof now, months: string[], key: "documents" | "meetings" | "online") =>
    months.map((m) => points.find((p) => p.month === m)?.[key] ?? 0);
  const months = monthsOf(year);
  const prevMonths = monthsOf(lastYear);
  return {
    org: org.code,
    year: req.year,
    subtree: req.subtree,
    months,
    documents: { current: series(now, months, "documents"), previous: series(before, prevMonths, "documents") },
    meetings: { current: series(now, months, "meetings"), previous: series(before, prevMonths, "meetings") },
    online: { current: series(now, months, "online"), previous: series(before, prevMonths, "online") },
  };
}

export type ChildRow = {
  org: { code: string; name: string; level: string };
  breaches: number;
  failed: string[];
  indicators: Record<string, { value: unknown; target: number | null; met: boolean | null }>;
};

/** The units directly below `org` (those in force during the period), each with its subtree
 * sheet summarised, most breaches first — "which subordinate units are furthest behind". */
export async function computeChildrenRanking(ctx: AppContext, req: SheetRequest): Promise<{ org: string; period: string; children: ChildRow[] }> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const period = parsePeriod(req.period);
  const children = ctx.orgs
    .childrenOf(org.id)
    .filter((c) => (c.valid_to === null || c.valid_to >= period.start) && (c.valid_from === null || c.valid_from < period.end));
  const summarise = async (child: OrgRow): Promise<ChildRow> => {
    const sheet = await computeSheet(ctx, { orgCode: child.code, period: period.id, subtree: true, withBreachLists: false });
    const failed = Object.entries(sheet.indicators).filter(([, i]) => i.met === false).map(([id]) => id);
    const indicators = Object.fromEntries(Object.entries(sheet.indicators).map(([id, i]) => [id, { value: i.value, target: i.target, met: i.met }]));
    return { org: { code: child.code, name: child.name, level: child.level }, breaches: failed.length, failed, indicators };
  };
  // a few children at a time: PostgreSQL serves them on several connections (PGlite queues them)
  const rows: ChildRow[] = [];
  for (let i = 0; i < children.length; i += CHILD_SHEETS_AT_ONCE) {
    rows.push(...(await Promise.all(children.slice(i, i + CHILD_SHEETS_AT_ONCE).map(summarise))));
  }
  rows.sort((a, b) => b.breaches - a.breaches || a.org.name.localeCompare(b.org.name, "vi"));
  return { org: org.code, period: period.id, children: rows };
}
