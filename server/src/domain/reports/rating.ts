// Annual rating of a unit under Quy định 366-QĐ/TW — kl226-rules.md §6 (001 §I.3, §III.2;
// 002 §6.b; 004 §6.b): a scorecard from configurable criteria and weights — indicators met,
// tasks on time (P1), reports on time (R1), breaches — mapped to the four levels by configurable
// thresholds and gates, then ranked among peers of the same level with the change of rank.
// Every criterion keeps the ids of the records behind it.
import { formatNumberVi, roundTo } from "../format.js";
import type { RatingCriterionId, RatingLevel, RatingSettings } from "./reporting-settings.js";

export const RATING_LEVEL_LABELS: Readonly<Record<RatingLevel, string>> = {
  xuat_sac: "Hoàn thành xuất sắc nhiệm vụ",
  tot: "Hoàn thành tốt nhiệm vụ",
  hoan_thanh: "Hoàn thành nhiệm vụ",
  khong_hoan_thanh: "Không hoàn thành nhiệm vụ",
};
export const CRITERION_LABELS: Readonly<Record<RatingCriterionId, string>> = {
  indicators: "Chỉ tiêu KL 226 đạt",
  tasks: "Nhiệm vụ hoàn thành đúng hạn (P1)",
  reports: "Báo cáo gửi đúng hạn (R1)",
  breaches: "Vi phạm quy định (M3, M4, M5, T2)",
};

/** Records behind a criterion: which kind, which ids. */
export type RecordRef = { kind: "indicator" | "occurrence" | "report" | "meeting" | "task"; ids: string[] };

/** What a unit did in the year, as counted from its records. */
export type ScorecardInput = {
  orgId: number; code: string; name: string; level: string;
  indicators: { met: string[]; failed: string[] };
  /** P1: occurrences due in the year whose outcome is known */
  tasks: { known: number; onTime: number; doneLate: number; overdue: number; violations: string[] };
  /** R1: reports due in the year */
  reports: { due: number; onTime: number; lateReports: string[] };
  breaches: Array<{ id: string; count: number; refs: RecordRef }>;
};

export type CriterionScore = {
  id: RatingCriterionId; label: string; weight: number;
  /** 0–100, null when nothing could be counted (the weight is then left out) */
  score: number | null;
  /** weighted points out of the total */
  points: number | null;
  basis: string;
  refs: RecordRef[];
};

export type Scorecard = {
  orgId: number; code: string; name: string; level: string;
  score: number | null;
  rating: RatingLevel | null;
  ratingLabel: string | null;
  criteria: CriterionScore[];
  /** conditions checked besides the score, with the outcome */
  gates: Array<{ text: string; passed: boolean }>;
};

const pct = (num: number, den: number): number | null => (den > 0 ? (num / den) * 100 : null);

function criterion(id: RatingCriterionId, x: ScorecardInput, s: RatingSettings): Omit<CriterionScore, "weight" | "points"> {
  const label = CRITERION_LABELS[id];
  if (id === "indicators") {
    const n = x.indicators.met.length + x.indicators.failed.length;
    return {
      id, label, score: pct(x.indicators.met.length, n),
      basis: `${x.indicators.met.length}/${n} chỉ tiêu đạt${x.indicators.failed.length ? `; chưa đạt: ${x.indicators.failed.join(", ")}` : ""}`,
      refs: [{ kind: "indicator", ids: x.indicators.failed }],
    };
  }
  if (id === "tasks") {
    return {
      id, label, score: pct(x.tasks.onTime, x.tasks.known),
      basis: `${x.tasks.onTime}/${x.tasks.known} kỳ nhiệm vụ hoàn thành đúng hạn; ${x.tasks.doneLate} hoàn thành quá hạn; ${x.tasks.overdue} quá hạn chưa hoàn thành`,
      refs: [{ kind: "occurrence", ids: x.tasks.violations }],
    };
  }
  if (id === "reports") {
    return {
      id, label, score: pct(x.reports.onTime, x.reports.due),
      basis: `${x.reports.onTime}/${x.reports.due} báo cáo gửi đúng hạn`,
      refs: [{ kind: "report", ids: x.reports.lateReports }],
    };
  }
  const total = x.breaches.reduce((n, b) => n + b.count, 0);
  return {
    id, label, score: Math.max(0, 100 - s.breachPenalty * total),
    basis: total === 0 ? "Không có vi phạm" : `${total} vi phạm (${x.breaches.filter((b) => b.count > 0).map((b) => `${b.id}: ${b.count}`).join(", ")}), trừ ${formatNumberVi(s.breachPenalty)} điểm/vi phạm`,
    refs: x.breaches.filter((b) => b.count > 0).map((b) => b.refs),
  };
}

/**
 * The scorecard of one unit: each criterion scored 0–100, the total = Σ weight × score / Σ
 * weights of the criteria that could be scored (1 decimal); the level by thresholds, then
 * lowered while a gate fails: xuất sắc / tốt need every task on time, hoàn thành needs every
 * task done and at most `completeMaxLatePercent` % late (kl226-rules.md §6).
 */
export function scoreUnit(x: ScorecardInput, s: RatingSettings): Scorecard {
  const scored = s.criteria.map((c) => ({ ...criterion(c.id, x, s), weight: c.weight }));
  const counted = scored.filter((c) => c.score !== null && c.weight > 0);
  const weights = counted.reduce((n, c) => n + c.weight, 0);
  const total = weights > 0 ? roundTo(counted.reduce((n, c) => n + c.weight * (c.score as number), 0) / weights, 1) : null;
  const criteria: CriterionScore[] = scored.map((c) => ({
    ...c,
    score: c.score === null ? null : roundTo(c.score, 1),
    points: c.score === null || weights === 0 ? null : roundTo((c.weight * c.score) / weights, 1),
  }));
  if (total === null) return { orgId: x.orgId, code: x.code, name: x.name, level: x.level, score: null, rating: null, ratingLabel: null, criteria, gates: [] };

  const late = x.tasks.doneLate + x.tasks.overdue;
  const allOnTime = late === 0;
  const allDone = x.tasks.overdue === 0;
  const lateShare = x.tasks.known > 0 ? (late / x.tasks.known) * 100 : 0;
  const gates: Scorecard["gates"] = [];
  const t = s.thresholds;
  let rating: RatingLevel = total >= t.excellent ? "xuat_sac" : total >= t.good ? "tot" : total >= t.complete ? "hoan_thanh" : "khong_hoan_thanh";
  if ((rating === "xuat_sac" || rating === "tot") && s.gates.excellentAndGoodNeedAllOnTime) {
    gates.push({ text: "Mức xuất sắc, tốt: mọi nhiệm vụ hoàn thành đúng hạn", passed: allOnTime });
    if (!allOnTime) rating = "hoan_thanh";
  }
  if (rating === "hoan_thanh") {
    if (s.gates.completeNeedsAllDone) {
      gates.push({ text: "Mức hoàn thành: mọi nhiệm vụ đến hạn đã hoàn thành", passed: allDone });
      if (!allDone) rating = "khong_hoan_thanh";
    }
    const within = lateShare <= s.gates.completeMaxLatePercent;
    gates.push({ text: `Mức hoàn thành: không quá ${formatNumberVi(s.gates.completeMaxLatePercent)}% nhiệm vụ chậm (thực tế ${formatNumberVi(lateShare)}%)`, passed: within });
    if (!within) rating = "khong_hoan_thanh";
  }
  return { orgId: x.orgId, code: x.code, name: x.name, level: x.level, score: total, rating, ratingLabel: RATING_LEVEL_LABELS[rating], criteria, gates };
}

export type RankedScorecard = Scorecard & {
  peerGroup: string;
  rank: number | null;
  previousRank: number | null;
  /** previous − current: positive = moved up */
  rankChange: number | null;
  changeReason: string | null;
};

/** Ranks by score within each level (ties share a rank; unscored units unranked). */
function ranksOf(cards: readonly Scorecard[]): Map<number, number> {
  const out = new Map<number, number>();
  const byLevel = new Map<string, Scorecard[]>();
  for (const c of cards) if (c.score !== null) byLevel.set(c.level, [...(byLevel.get(c.level) ?? []), c]);
  for (const group of byLevel.values()) {
    group.sort((a, b) => (b.score as number) - (a.score as number));
    group.forEach((c, i) => {
      const prev = group[i - 1];
      out.set(c.orgId, prev && prev.score === c.score ? (out.get(prev.orgId) as number) : i + 1);
    });
  }
  return out;
}

/**
 * Ranks this period's scorecards within peer groups (units of the same level: communes with
 * communes, departments with departments) and compares with the previous period's ranks; the
 * reason names the criterion whose points moved most.
 */
export function rankPeers(current: readonly Scorecard[], previous: readonly Scorecard[]): RankedScorecard[] {
  const now = ranksOf(current);
  const before = ranksOf(previous);
  const rows = current.map((c): RankedScorecard => {
    const rank = now.get(c.orgId) ?? null;
    const old = previous.find((p) => p.orgId === c.orgId);
    const previousRank = before.get(c.orgId) ?? null;
    const rankChange = rank !== null && previousRank !== null ? previousRank - rank : null;
    return { ...c, peerGroup: c.level, rank, previousRank, rankChange, changeReason: old ? reasonOf(c, old, rankChange) : null };
  });
  return rows.sort((a, b) => a.peerGroup.localeCompare(b.peerGroup) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, "vi"));
}

function reasonOf(now: Scorecard, before: Scorecard, change: number | null): string | null {
  if (change === null) return null;
  // the criterion scored in both years whose weighted score moved most
  const moves = now.criteria.flatMap((c) => {
    const old = before.criteria.find((b) => b.id === c.id);
    return c.score !== null && old?.score !== null && old?.score !== undefined ? [{ c, from: old.score, to: c.score, w: c.weight * (c.score - old.score) }] : [];
  });
  const main = moves.sort((a, b) => Math.abs(b.w) - Math.abs(a.w))[0];
  const moved = change > 0 ? `Tăng ${change} bậc` : change < 0 ? `Giảm ${-change} bậc` : "Giữ nguyên thứ hạng";
  if (!main || Math.abs(main.to - main.from) < 0.05) return `${moved}; điểm các tiêu chí không đổi`;
  return `${moved}; thay đổi lớn nhất: ${main.c.label} ${formatNumberVi(main.from)} → ${formatNumberVi(main.to)} điểm`;
}
