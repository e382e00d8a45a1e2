import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { monthsOf, parsePeriod, shiftPeriodYears, type Period } from "../domain/period.js";
import type { D2Bucket } from "../domain/normalize.js";
import { computeIndicatorSheet, type DocCounts, type IndicatorSheet, type SheetInput } from "../domain/indicators.js";
import { computeQuota, type Quota } from "../domain/quota.js";
import { getSettingsFor, getSettingsForMany } from "../settings/settings.service.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import type { OrgRow } from "../orgs/org.types.js";
import { computeSourcedIndicators } from "./sheet-sources.js";
import { localDay, localMidnight } from "../domain/reports/report-dates.js";
import {
  countWideMeetings,
  findDocumentBreaches,
  sumDocumentCounts,
  summariseMeetings,
  sumMonthly,
  sumTthc,
  type CountedSet,
  type DocumentCounts,
  type GroupedSet,
  type Range,
} from "./indicator.repository.js";

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
  const [sheet] = await computeSheets(ctx, [{ org, subtree: req.subtree, withBreachLists: req.withBreachLists !== false }], parsePeriod(req.period));
  return sheet as IndicatorSheet;
}

/** One sheet to compute; `withBreachLists` lists D3/D4's offending ids (a summary needs only counts). */
export type SheetTarget = { org: OrgRow; subtree: boolean; withBreachLists?: boolean };

/**
 * The sheets of several units for one period. The register sums run once for all of them,
 * grouped by unit, and so do the other capabilities' indicators (sheet-sources.ts): a province's
 * 40 subordinate sheets cost the queries of one. Units whose settings give other time ranges or
 * limits are summed in separate batches. `settings` (per target, as getSettingsForMany gives
 * them) saves looking them up again when the caller has them.
 */
export async function computeSheets(ctx: AppContext, targets: SheetTarget[], period: Period, settings?: JurisdictionSettings[]): Promise<IndicatorSheet[]> {
  const resolved = settings ?? (await getSettingsForMany(ctx, targets.map((t) => t.org.id)));
  const batches = new Map<string, number[]>();
  targets.forEach((_, i) => {
    const s = resolved[i] as JurisdictionSettings;
    const key = JSON.stringify([s.sessionConvention.utcOffsetMinutes, s.sessionLimits, s.speechLimits]);
    batches.set(key, [...(batches.get(key) ?? []), i]);
  });
  const sheets: IndicatorSheet[] = new Array(targets.length);
  await Promise.all([...batches.values()].map(async (members) => {
    const batch = members.map((i) => ({ ...(targets[i] as SheetTarget), settings: resolved[i] as JurisdictionSettings }));
    const computed = await computeBatch(ctx, batch, period);
    members.forEach((i, k) => (sheets[i] = computed[k] as IndicatorSheet));
  }));
  return sheets;
}

async function computeBatch(ctx: AppContext, batch: Array<SheetTarget & { settings: JurisdictionSettings }>, period: Period): Promise<IndicatorSheet[]> {
  const first = (batch[0] as (typeof batch)[number]).settings;
  const offset = first.sessionConvention.utcOffsetMinutes;
  const current = toRange(period, offset);
  const previous = toRange(shiftPeriodYears(period, -1), offset);
  const today = localDay(ctx.now(), offset);
  const db = ctx.handle.db;
  const counted = batch.map((t) => ctx.orgs.countedOrgs(t.org.id, t.subtree));
  const grouped: GroupedSet = { ids: [], weights: [], groups: [] };
  counted.forEach((units, g) => {
    for (const c of units) {
      grouped.ids.push(c.id);
      grouped.weights.push(c.weight);
      grouped.groups.push(g);
    }
  });
  // M3 counts the subtree's province-/commune-wide conferences whatever the sheet's scope
  const wide = { ids: [] as number[], groups: [] as number[], scopes: [] as string[] };
  batch.forEach((t, g) => {
    const scope = wideScopeOf(t.org);
    if (!scope) return;
    const units = t.subtree ? (counted[g] as typeof counted[number]) : ctx.orgs.countedOrgs(t.org.id, true);
    for (const c of units) wide.ids.push(c.id), wide.groups.push(g), wide.scopes.push(scope);
  });
  const idsOf = (g: number) => (counted[g] as typeof counted[number]).map((c) => c.id);
  const breachesOf = (t: SheetTarget, g: number, flag: "digitized" | "sent_electronically") =>
    t.withBreachLists ? findDocumentBreaches(db, idsOf(g), current, flag, BREACH_LIST_LIMIT) : Promise.resolve([]);

  const [docs, meetings, wideCounts, tthc, sourced, breachLists] = await Promise.all([
    sumDocumentCounts(db, grouped, current, previous),
    summariseMeetings(db, grouped, current, previous, { sessions: first.sessionLimits, speech: first.speechLimits }),
    countWideMeetings(db, wide, current),
    sumTthc(db, grouped, current),
    computeSourcedIndicators(ctx, batch.map((t, g) => ({ orgIds: idsOf(g), settings: t.settings })), period, today),
    Promise.all(batch.map((t, g) => Promise.all([breachesOf(t, g, "digitized"), breachesOf(t, g, "sent_electronically")]))),
  ]);

  return batch.map((t, g) => {
    const units = counted[g] as typeof counted[number];
    const [notDigitized, notSent] = breachLists[g] as (typeof breachLists)[number];
    // The previous period is known when the unit existed through it (or took over predecessors'
    // records); a unit created since, with no predecessors, has no baseline: null, not 0.
    const hasPredecessors = units.some((c) => c.via === "merge" || c.via === "split");
    const existedBefore = t.org.valid_from === null || t.org.valid_from <= previous.start || hasPredecessors;
    const docsNow = toDocCounts(docs.find((d) => d.group === g && d.isCurrent));
    const docsBefore = toDocCounts(docs.find((d) => d.group === g && !d.isCurrent));
    const meetNow = meetings.totals.find((m) => m.group === g && m.isCurrent);
    const meetBefore = meetings.totals.find((m) => m.group === g && !m.isCurrent);
    const flagged = meetings.flagged.filter((m) => m.group === g);
    const input: SheetInput = {
      org: t.org.code,
      period: period.id,
      subtree: t.subtree,
      level: t.org.level,
      documents: { current: docsNow, previous: docsBefore, hasPreviousData: existedBefore || docsBefore.admin > 0 },
      meetings: {
        current: meetNow?.total ?? 0,
        previous: meetBefore?.total ?? 0,
        hasPreviousData: existedBefore || (meetBefore?.total ?? 0) > 0,
        online: meetNow?.online ?? 0,
        hybrid: meetNow?.hybrid ?? 0,
        inPerson: meetNow?.inPerson ?? 0,
        wide: wideScopeOf(t.org) ? (wideCounts.get(g) ?? 0) : null,
        m4Violations: flagged.filter((m) => m.overlong).map((m) => m.id),
        m5Violations: flagged.filter((m) => m.overlongSpeech).map((m) => m.id),
      },
      tthc: tthc.get(g) ?? { received: 0, processedDigitally: 0 },
      breaches: {
        notDigitized,
        notSentElectronically: notSent,
        notDigitizedCount: Math.round(docsNow.nonSecret - docsNow.nonSecretDigitized),
        notSentElectronicallyCount: Math.round(docsNow.nonSecret - docsNow.nonSecretSentElectronically),
      },
      predecessors: units
        .filter((c) => c.via === "merge" || c.via === "split")
        .map((c) => ({ code: ctx.orgs.get(c.id)?.code ?? String(c.id), kind: c.via as "merge" | "split", share: c.weight })),
    };
    const sheet = computeIndicatorSheet(input, t.settings);
    // P1, T2, T3, R1, D5… — the other capabilities' indicators, same shape as the others
    Object.assign(sheet.indicators, sourced[g]);
    return sheet;
  });
}

/** M3's scope for a unit: province-wide for a province, commune-wide for a commune. */
function wideScopeOf(org: OrgRow): "toan_tinh" | "toan_xa" | null {
  return org.level === "province" ? "toan_tinh" : org.level === "commune" ? "toan_xa" : null;
}

export type QuotaRequest = { orgCode: string; year: number; subtree: boolean; user?: SessionUser | null };
export type QuotaView = Quota & { org: string; subtree: boolean };

/** How many administrative documents and conferences the unit may still issue/hold this year to
 * meet D1/M1, the province-/commune-wide quota left (M3), and the year-end projection. */
export async function computeQuotaView(ctx: AppContext, req: QuotaRequest): Promise<QuotaView> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const settings = await getSettingsFor(ctx, org.id);
  const [sheet] = await computeSheets(ctx, [{ org, subtree: req.subtree }], parsePeriod(String(req.year)), [settings]);
  return quotaOf(ctx, org, req.year, req.subtree, sheet as IndicatorSheet, settings);
}

/** The quota view from the unit's sheet of the whole `year` (the D1, M1 and M3 it counted). */
export function quotaOf(ctx: AppContext, org: OrgRow, year: number, subtree: boolean, yearSheet: IndicatorSheet, settings: JurisdictionSettings): QuotaView {
  const d1 = yearSheet.indicators.D1;
  const m1 = yearSheet.indicators.M1;
  const m3 = yearSheet.indicators.M3;
  const quota = computeQuota(
    {
      year,
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
  return { org: org.code, subtree, ...quota };
}

/** The unit (refreshing the tree first), if the user may read it. */
export async function resolveOrg(ctx: AppContext, code: string, user: SessionUser | null | undefined): Promise<OrgRow> {
  await ctx.orgs.refresh();
  const org = ctx.orgs.byCode(code);
  if (!org) throw notFound(`đơn vị ${code}`);
  if (user) authorize(user, "read", org.id, ctx.orgs);
  return org;
}

/** A period as local calendar dates and as the instants that bound them (local midnight). */
function toRange(p: Period, utcOffsetMinutes: number): Range {
  return { start: p.start, end: p.end, startAt: localMidnight(p.start, utcOffsetMinutes), endAt: localMidnight(p.end, utcOffsetMinutes) };
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
  return monthlySeriesOf(ctx, org, req.year, req.subtree, await getSettingsFor(ctx, org.id));
}

/** {@link computeMonthlySeries} for a unit already resolved, with its settings. */
export async function monthlySeriesOf(ctx: AppContext, org: OrgRow, yearNumber: number, subtree: boolean, settings: JurisdictionSettings): Promise<MonthlySeries> {
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const year = parsePeriod(String(yearNumber));
  const lastYear = shiftPeriodYears(year, -1);
  const counted = ctx.orgs.countedOrgs(org.id, subtree);
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
    year: yearNumber,
    subtree,
    months,
    documents: { current: series(now, months, "documents"), previous: series(before, prevMonths, "documents") },
    meetings: { current: series(now, months, "meetings"), previous: series(before, prevMonths, "meetings") },
    online: { current: series(now, months, "online"), previous: series(before, prevMonths, "online") },
  };
}

/** An indicator as summaries show it: value, target, met. */
export type IndicatorSummary = { value: unknown; target: number | null; met: boolean | null };

export type ChildRow = {
  org: { code: string; name: string; level: string };
  breaches: number;
  failed: string[];
  indicators: Record<string, IndicatorSummary>;
};

export type ChildrenRanking = { org: string; period: string; children: ChildRow[] };

/** The units directly below `org` (those in force during the period), each with its subtree
 * sheet summarised, most breaches first — "which subordinate units are furthest behind". */
export async function computeChildrenRanking(ctx: AppContext, req: SheetRequest): Promise<ChildrenRanking> {
  const org = await resolveOrg(ctx, req.orgCode, req.user);
  const period = parsePeriod(req.period);
  const children = childrenInForce(ctx, org, period);
  const sheets = await computeSheets(ctx, children.map((child) => ({ org: child, subtree: true })), period);
  return rankChildren(org, period, children, sheets);
}

/** The units directly below `org` in force at some time during the period. */
export function childrenInForce(ctx: AppContext, org: OrgRow, period: Period): OrgRow[] {
  return ctx.orgs
    .childrenOf(org.id)
    .filter((c) => (c.valid_to === null || c.valid_to >= period.start) && (c.valid_from === null || c.valid_from < period.end));
}

/** The children's subtree sheets (in the order of `children`) as ranking rows, most breaches first. */
export function rankChildren(org: OrgRow, period: Period, children: OrgRow[], sheets: IndicatorSheet[]): ChildrenRanking {
  const rows: ChildRow[] = children.map((child, i) => {
    const sheet = sheets[i] as IndicatorSheet;
    const failed = Object.entries(sheet.indicators).filter(([, x]) => x.met === false).map(([id]) => id);
    return { org: { code: child.code, name: child.name, level: child.level }, breaches: failed.length, failed, indicators: summariseIndicators(sheet) };
  });
  rows.sort((a, b) => b.breaches - a.breaches || a.org.name.localeCompare(b.org.name, "vi"));
  return { org: org.code, period: period.id, children: rows };
}

/** Each indicator of the sheet as value, target, met. */
export function summariseIndicators(sheet: IndicatorSheet): Record<string, IndicatorSummary> {
  return Object.fromEntries(Object.entries(sheet.indicators).map(([id, x]) => [id, { value: x.value, target: x.target, met: x.met }]));
}
