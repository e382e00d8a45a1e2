import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { MeetingCategory } from "../domain/settings.js";
import type { D2Bucket } from "../domain/document-types.js";

/** The units whose records are counted, with the weight of each (1, or a split's share). */
export type CountedSet = { ids: number[]; weights: number[] };

/** Several counted sets at once: unit ids[i] counts with weights[i] in group groups[i] (a unit may
 * appear in several groups). The sums below are per group, so N sheets cost one query each. */
export type GroupedSet = CountedSet & { groups: number[] };

/** A half-open range of calendar dates "YYYY-MM-DD" and the same range as instants. */
export type Range = { start: string; end: string; startAt: Date; endAt: Date };

/** Document counts of one range (D1–D4): administrative documents per D2 bucket, non-secret
 * documents and of those the digitised and the e-sent. */
export type DocumentCounts = {
  group: number;
  isCurrent: boolean;
  adminByBucket: Record<D2Bucket, number>;
  nonSecret: number;
  digitized: number;
  sent: number;
};

/** Document counts for the current and previous range from document_tally (one row per unit
 * and month, kept by triggers), weighted per unit. Both ranges must be month-aligned. */
export async function sumDocumentCounts(db: Db, set: GroupedSet, current: Range, previous: Range): Promise<DocumentCounts[]> {
  const { rows } = await sql<{ group: number; isCurrent: boolean; nq: number; qd: number; cv: number; kh: number; tb: number; other: number; nonSecret: number; digitized: number; sent: number }>`
    select w.grp as group, t.month >= ${current.start}::date as "isCurrent",
           sum(t.admin_nq * w.weight)::float8 as nq, sum(t.admin_qd * w.weight)::float8 as qd,
           sum(t.admin_cv * w.weight)::float8 as cv, sum(t.admin_kh * w.weight)::float8 as kh,
           sum(t.admin_tb * w.weight)::float8 as tb, sum(t.admin_other * w.weight)::float8 as other,
           sum(t.non_secret * w.weight)::float8 as "nonSecret", sum(t.digitized * w.weight)::float8 as digitized,
           sum(t.sent * w.weight)::float8 as sent
      from document_tally t
      join unnest(${set.ids}::int[], ${set.weights}::float8[], ${set.groups}::int[]) as w(id, weight, grp) on w.id = t.org_id
     where (t.month >= ${current.start}::date and t.month < ${current.end}::date)
        or (t.month >= ${previous.start}::date and t.month < ${previous.end}::date)
     group by 1, 2`.execute(db);
  return rows.map((r) => ({
    group: r.group,
    isCurrent: r.isCurrent,
    adminByBucket: { NQ: r.nq, QĐ: r.qd, CV: r.cv, KH: r.kh, TB: r.tb, other: r.other },
    nonSecret: r.nonSecret,
    digitized: r.digitized,
    sent: r.sent,
  }));
}

export type MeetingTotals = { group: number; isCurrent: boolean; total: number; online: number; hybrid: number; inPerson: number };

/** What one pass over the conferences of the counted units gives the sheet. */
export type MeetingSummary = {
  /** M1/M2 — conferences (category ≠ dinh_ky) per range and format, weighted per unit */
  totals: MeetingTotals[];
  /** M4 — conferences in the current range longer than their category's session limit, and
   * M5 — conferences (category ≠ dinh_ky) with a speech over its limit: per group, in time order */
  flagged: Array<{ group: number; id: string; overlong: boolean; overlongSpeech: boolean }>;
};

/** M1, M2 (conferences per range and format) and M4, M5 (the current range's conferences over
 * a limit) in two queries; empty speech values are not checked. */
export async function summariseMeetings(
  db: Db,
  set: GroupedSet,
  current: Range,
  previous: Range,
  limits: { sessions: Partial<Record<MeetingCategory, number>>; speech: { openingMin: number; conclusionMin: number; contributionMin: number } },
): Promise<MeetingSummary> {
  const categories = Object.keys(limits.sessions);
  const maxima = Object.values(limits.sessions);
  const speech = limits.speech;
  const [totals, flagged] = await Promise.all([
    sql<MeetingTotals>`
      select w.grp as group, m.start_at >= ${current.startAt} as "isCurrent",
             coalesce(sum(w.weight), 0)::float8 as total,
             coalesce(sum(w.weight) filter (where m.format = 'truc_tuyen'), 0)::float8 as online,
             coalesce(sum(w.weight) filter (where m.format = 'ket_hop'), 0)::float8 as hybrid,
             coalesce(sum(w.weight) filter (where m.format = 'truc_tiep'), 0)::float8 as "inPerson"
        from meetings m
        join unnest(${set.ids}::int[], ${set.weights}::float8[], ${set.groups}::int[]) as w(id, weight, grp) on w.id = m.org_id
       where m.category <> 'dinh_ky'
         and ((m.start_at >= ${current.startAt} and m.start_at < ${current.endAt})
           or (m.start_at >= ${previous.startAt} and m.start_at < ${previous.endAt}))
       group by 1, 2`.execute(db),
    sql<{ group: number; id: number; overlong: boolean; overlongSpeech: boolean }>`
      select w.grp as group, m.id, coalesce(m.sessions > l.max_sessions, false) as overlong,
             (m.category <> 'dinh_ky' and coalesce(m.opening_min > ${speech.openingMin} or m.conclusion_min > ${speech.conclusionMin}
               or m.max_contribution_min > ${speech.contributionMin}, false)) as "overlongSpeech"
        from meetings m
        join unnest(${set.ids}::int[], ${set.groups}::int[]) as w(id, grp) on w.id = m.org_id
        left join unnest(${categories}::text[], ${maxima}::int[]) as l(category, max_sessions) on l.category = m.category
       where m.start_at >= ${current.startAt} and m.start_at < ${current.endAt}
         and (m.sessions > l.max_sessions
              or (m.category <> 'dinh_ky' and (m.opening_min > ${speech.openingMin} or m.conclusion_min > ${speech.conclusionMin}
                  or m.max_contribution_min > ${speech.contributionMin})))
       order by m.start_at, m.id`.execute(db),
  ]);
  return { totals: totals.rows, flagged: flagged.rows.map((r) => ({ ...r, id: String(r.id) })) };
}

/** M3 — per group, conferences of the group's scope (toan_tinh / toan_xa) in the range, excluding
 * regular sessions and those allowed by an exception decision. The predicate is the one of the
 * partial index meetings_wide (migration 0014): the few wide conferences, not the year's all. */
export async function countWideMeetings(db: Db, set: { ids: number[]; groups: number[]; scopes: string[] }, range: Range): Promise<Map<number, number>> {
  const { rows } = await sql<{ group: number; n: number }>`
    select w.grp as group, count(*)::int as n from meetings m
      join unnest(${set.ids}::int[], ${set.groups}::int[], ${set.scopes}::text[]) as w(id, grp, scope) on w.id = m.org_id and m.scope = w.scope
     where m.scope in ('toan_tinh', 'toan_xa') and m.category <> 'dinh_ky' and m.exception_decision is null
       and m.start_at >= ${range.startAt} and m.start_at < ${range.endAt}
     group by 1`.execute(db);
  return new Map(rows.map((r) => [r.group, r.n]));
}

/** T1 — per group, Σ received and Σ processed digitally over the months of the range, weighted per unit. */
export async function sumTthc(db: Db, set: GroupedSet, range: Range): Promise<Map<number, { received: number; processedDigitally: number }>> {
  const { rows } = await sql<{ group: number; received: number; processedDigitally: number }>`
    select w.grp as group, coalesce(sum(t.received * w.weight), 0)::float8 as received,
           coalesce(sum(t.processed_digitally * w.weight), 0)::float8 as "processedDigitally"
      from tthc_stats t
      join unnest(${set.ids}::int[], ${set.weights}::float8[], ${set.groups}::int[]) as w(id, weight, grp) on w.id = t.org_id
     where t.month >= ${range.start}::date and t.month < ${range.end}::date
     group by 1`.execute(db);
  return new Map(rows.map(({ group, ...sums }) => [group, sums]));
}

/** D3/D4 — ids of non-secret documents in the range not digitised / not sent electronically,
 * oldest first, at most `limit`. Each unit's first `limit` offenders are read from a partial
 * index holding only offending rows (with their id: no table access), then merged. */
export async function findDocumentBreaches(db: Db, orgIds: number[], range: Range, flag: "digitized" | "sent_electronically", limit: number): Promise<string[]> {
  const offends = flag === "digitized" ? sql`not d.digitized` : sql`not d.sent_electronically`;
  const { rows } = await sql<{ id: number }>`
    select b.id from unnest(${orgIds}::int[]) as o(id)
     cross join lateral (
       select d.id, d.issued_on from documents d
        where d.org_id = o.id and d.issued_on >= ${range.start}::date and d.issued_on < ${range.end}::date
          and not d.secret and ${offends}
        order by d.issued_on, d.id
        limit ${limit}) as b
     order by b.issued_on, b.id
     limit ${limit}`.execute(db);
  return rows.map((r) => String(r.id));
}

export type MonthlyPoint = { month: string; documents: number; meetings: number; online: number };

/** Administrative documents and conferences (category ≠ dinh_ky, with online/hybrid ones) per
 * local month over [start, end), weighted per unit; months with nothing are absent. */
export async function sumMonthly(db: Db, set: CountedSet, range: Range, utcOffsetMinutes: number, hybridCountsAsOnline: boolean): Promise<MonthlyPoint[]> {
  const docs = await sql<{ month: string; n: number }>`
    select to_char(t.month, 'YYYY-MM') as month,
           sum((t.admin_nq + t.admin_qd + t.admin_cv + t.admin_kh + t.admin_tb + t.admin_other) * w.weight)::float8 as n
      from document_tally t
      join unnest(${set.ids}::int[], ${set.weights}::float8[]) as w(id, weight) on w.id = t.org_id
     where t.month >= ${range.start}::date and t.month < ${range.end}::date
     group by 1`.execute(db);
  const offset = `${utcOffsetMinutes} minutes`;
  const meets = await sql<{ month: string; n: number; online: number }>`
    select to_char(m.start_at at time zone 'UTC' + ${offset}::interval, 'YYYY-MM') as month,
           sum(w.weight)::float8 as n,
           coalesce(sum(w.weight) filter (where m.format = 'truc_tuyen' or (${hybridCountsAsOnline} and m.format = 'ket_hop')), 0)::float8 as online
      from meetings m
      join unnest(${set.ids}::int[], ${set.weights}::float8[]) as w(id, weight) on w.id = m.org_id
     where m.category <> 'dinh_ky' and m.start_at >= ${range.startAt} and m.start_at < ${range.endAt}
     group by 1`.execute(db);
  const byMonth = new Map<string, MonthlyPoint>();
  const point = (month: string) => byMonth.get(month) ?? byMonth.set(month, { month, documents: 0, meetings: 0, online: 0 }).get(month)!;
  for (const d of docs.rows) point(d.month).documents = d.n;
  for (const m of meets.rows) Object.assign(point(m.month), { meetings: m.n, online: m.online });
  return [...byMonth.values()];
}
