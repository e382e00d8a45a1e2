// M9 — KL 226 §2.2; KH 153a/KH-UBND §4.a: "bố trí lịch hội nghị hợp lý, tránh … dồn vào đầu năm
// hoặc cuối năm". A unit's conferences (hội nghị) of a year bunch when too large a share of them
// falls in the first or in the last weeks of the year. Pure: the caller passes the unit's
// conferences of the year as local calendar days (Asia/Ho_Chi_Minh, see
// settings.sessionConvention.utcOffsetMinutes) and the settings.
//
// Week edges, precisely: with `bunchingEdgeWeeks` = N, the start edge is the first 7·N calendar
// days of the year (N = 2: 01/01–14/01) and the end edge the last 7·N calendar days (N = 2:
// 18/12–31/12, in a leap year too). Counted in days, not ISO weeks, so the edges do not move
// with the weekday 1 January falls on and a week 1 that starts in December never counts.
//
// The two edges are judged apart — the rule names two failures, "đầu năm" and "cuối năm" — each
// against `bunchingMaxSharePercent` of all the year's conferences; a share equal to the limit is
// allowed, only one above it is a finding.
import { formatNumberVi, roundTo } from "../format.js";
import { RULE_SOURCES, type ConferencePlanningSettings } from "../settings.js";
import { addDays } from "../reports/report-dates.js";


/**
 * One conference of the year, as the days it may fall on: a held or scheduled conference has
 * `firstDay` = `lastDay` = its local start day; a planned one known only by its month spans the
 * month. It counts in an edge only when its whole span lies inside the edge ("YYYY-MM-DD").
 */
export type BunchingItem = { firstDay: string; lastDay: string };

export type BunchingEdge = {
  edge: "start" | "end";
  /** first and last day of the edge, inclusive, "YYYY-MM-DD" */
  from: string;
  to: string;
  count: number;
  /** count / total × 100, rounded to one decimal; 0 when the year has none */
  sharePercent: number;
};

/** A bunched edge: more than the allowed share of the year's conferences in it. */
export type BunchingFinding = {
  rule: "M9";
  edge: "start" | "end";
  count: number;
  total: number;
  sharePercent: number;
  limitPercent: number;
  message: string;
  source: string;
};

export type BunchingResult = {
  year: number;
  total: number;
  /** false when the year has fewer than `minConferences` conferences (settings `bunchingMinConferences`) */
  isJudged: boolean;
  minConferences: number;
  edges: [BunchingEdge, BunchingEdge];
  findings: BunchingFinding[];
};

const dayVi = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** The start and end edges of `year` for `edgeWeeks` weeks (empty spans when 0). */
export function edgesOfYear(year: number, edgeWeeks: number): Array<{ edge: "start" | "end"; from: string; to: string }> {
  const first = `${String(year).padStart(4, "0")}-01-01`;
  const last = `${String(year).padStart(4, "0")}-12-31`;
  const days = edgeWeeks * 7;
  return [
    { edge: "start", from: first, to: addDays(first, days - 1) },
    { edge: "end", from: addDays(last, -(days - 1)), to: last },
  ];
}

/**
 * M9 bunching of one unit's year. `items` outside `year` are ignored, so a caller may pass a
 * wider list. Findings only when the year has at least `bunchingMinConferences`
 * conferences and an edge holds more than `bunchingMaxSharePercent` of them.
 */
export function assessBunching(year: number, items: readonly BunchingItem[], settings: ConferencePlanningSettings): BunchingResult {
  const inYear = items.filter((i) => i.firstDay.startsWith(`${year}-`) || i.lastDay.startsWith(`${year}-`));
  const total = inYear.length;
  const minConferences = settings.bunchingMinConferences;
  const isJudged = total >= minConferences && settings.bunchingEdgeWeeks > 0;
  const limit = settings.bunchingMaxSharePercent;
  const source = RULE_SOURCES.M9.source;
  const edges = edgesOfYear(year, settings.bunchingEdgeWeeks).map((e): BunchingEdge => {
    // "YYYY-MM-DD" strings compare in calendar order
    const count = settings.bunchingEdgeWeeks > 0 ? inYear.filter((i) => i.firstDay >= e.from && i.lastDay <= e.to).length : 0;
    return { ...e, count, sharePercent: total === 0 ? 0 : roundTo((count / total) * 100, 1) };
  }) as [BunchingEdge, BunchingEdge];
  const findings = !isJudged ? [] : edges
    // compare the exact share, not the rounded one: 20,04 % is over a 20 % limit
    .filter((e) => e.count * 100 > limit * total)
    .map((e): BunchingFinding => ({
      rule: "M9", edge: e.edge, count: e.count, total, sharePercent: e.sharePercent, limitPercent: limit, source,
      message:
        `${e.count}/${total} hội nghị của năm ${year} (${formatNumberVi(e.sharePercent)} %) dồn vào ` +
        `${settings.bunchingEdgeWeeks} tuần ${e.edge === "start" ? "đầu" : "cuối"} năm (${dayVi(e.from)}–${dayVi(e.to)}), ` +
        `quá ${formatNumberVi(limit)} % — ${source}`,
    }));
  return { year, total, isJudged, minConferences, edges, findings };
}
