// Counting the registers over a report's data range, which under Decree 09/2019 does not follow
// calendar months (kl226-rules.md §9): whole months are read from the monthly rollup kept by the
// triggers (document_monthly), the partial months at either edge from the documents themselves.
// Every sum is weighted per unit (a split's share), like the indicator sheet's.
import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { D2Bucket } from "../domain/document-types.js";
import { d2BucketOf } from "../domain/normalize.js";
import type { ConferenceTally, DocTally, TthcTally } from "../domain/reports/figures.js";
import { addDays } from "../domain/reports/report-dates.js";
import type { CountedSet } from "../indicators/indicator.repository.js";

/** A range of local days [start, end) and the instants bounding it. */
export type DayRange = { start: string; end: string; startAt: Date; endAt: Date };

/** The range split into whole calendar months and at most two partial edges [start, end). */
export function splitByMonths(range: { start: string; end: string }): { months: string[]; edges: Array<[string, string]> } {
  const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d: string) => {
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  };
  const firstWhole = range.start === firstOfMonth(range.start) ? range.start : nextMonth(range.start);
  const lastWholeEnd = firstOfMonth(range.end);
  if (firstWhole >= lastWholeEnd) return { months: [], edges: [[range.start, range.end]] };
  const months: string[] = [];
  for (let m = firstWhole; m < lastWholeEnd; m = nextMonth(m)) months.push(m);
  const edges: Array<[string, string]> = [];
  if (range.start < firstWhole) edges.push([range.start, firstWhole]);
  if (lastWholeEnd < range.end) edges.push([lastWholeEnd, range.end]);
  return { months, edges };
}

type DocGroup = { typeCode: string; legalNormative: boolean; secret: boolean; digitized: boolean; sentElectronically: boolean; n: number };

/** Documents issued in the range by type and flags, folded into a tally. */
export async function countDocuments(db: Db, set: CountedSet, range: { start: string; end: string }): Promise<DocTally> {
  const { months, edges } = splitByMonths(range);
  const [e1, e2] = [edges[0] ?? [range.start, range.start], edges[1] ?? [range.start, range.start]];
  const { rows } = await sql<DocGroup>`
    select x.type_code as "typeCode", x.legal_normative as "legalNormative", x.secret, x.digitized,
           x.sent_electronically as "sentElectronically", sum(x.n * w.weight)::float8 as n
      from (
        select m.org_id, m.type_code, m.legal_normative, m.secret, m.digitized, m.sent_electronically, m.n
          from document_monthly m
         where m.org_id = any(${set.ids}::int[]) and m.month = any(${months}::date[])
        union all
        select d.org_id, d.type_code, d.legal_normative, d.secret, d.digitized, d.sent_electronically, 1
          from documents d
         where d.org_id = any(${set.ids}::int[])
           and ((d.issued_on >= ${e1[0]}::date and d.issued_on < ${e1[1]}::date)
             or (d.issued_on >= ${e2[0]}::date and d.issued_on < ${e2[1]}::date))
      ) x
      join unnest(${set.ids}::int[], ${set.weights}::float8[]) as w(id, weight) on w.id = x.org_id
     group by 1, 2, 3, 4, 5`.execute(db);
  const byType: Record<D2Bucket, number> = { NQ: 0, QĐ: 0, CV: 0, KH: 0, TB: 0, other: 0 };
  const t: DocTally = { byType, administrative: 0, legalNormative: 0, total: 0, nonSecret: 0, digitized: 0, sentElectronically: 0 };
  for (const g of rows) {
    t.total += g.n;
    if (g.legalNormative) t.legalNormative += g.n;
    else {
      t.administrative += g.n;
      byType[d2BucketOf(g.typeCode)] += g.n;
    }
    if (!g.secret) {
      t.nonSecret += g.n;
      if (g.digitized) t.digitized += g.n;
      if (g.sentElectronically) t.sentElectronically += g.n;
    }
  }
  return t;
}

/** Conferences (category ≠ kỳ họp định kỳ) starting in the range, by format. */
export async function countConferences(db: Db, set: CountedSet, range: DayRange): Promise<ConferenceTally> {
  const { rows } = await sql<ConferenceTally>`
    select coalesce(sum(w.weight), 0)::float8 as total,
           coalesce(sum(w.weight) filter (where m.format = 'truc_tiep'), 0)::float8 as "inPerson",
           coalesce(sum(w.weight) filter (where m.format = 'truc_tuyen'), 0)::float8 as online,
           coalesce(sum(w.weight) filter (where m.format = 'ket_hop'), 0)::float8 as hybrid
      from meetings m
      join unnest(${set.ids}::int[], ${set.weights}::float8[]) as w(id, weight) on w.id = m.org_id
     where m.category <> 'dinh_ky' and m.start_at >= ${range.startAt} and m.start_at < ${range.endAt}`.execute(db);
  return rows[0] ?? { total: 0, inPerson: 0, online: 0, hybrid: 0 };
}

/**
 * TTHC statistics are kept per calendar month: a month counts in the range that holds its last
 * day, so Decree 09 ranges (15th → 14th) take each month exactly once (Q2 = March, April, May).
 */
export async function countTthc(db: Db, set: CountedSet, range: { start: string; end: string }): Promise<TthcTally> {
  const { rows } = await sql<TthcTally>`
    select coalesce(sum(t.received * w.weight), 0)::float8 as received,
           coalesce(sum(t.processed_digitally * w.weight), 0)::float8 as "processedDigitally"
      from tthc_stats t
      join unnest(${set.ids}::int[], ${set.weights}::float8[]) as w(id, weight) on w.id = t.org_id
     where (t.month + interval '1 month' - interval '1 day')::date >= ${range.start}::date
       and (t.month + interval '1 month' - interval '1 day')::date < ${range.end}::date`.execute(db);
  return rows[0] ?? { received: 0, processedDigitally: 0 };
}

/** The last calendar day of the month "YYYY-MM". */
export function monthLastDay(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`, -1);
}
