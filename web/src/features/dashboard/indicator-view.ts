// Turns one indicator of the sheet into what its card shows: value, target, status, detail,
// change against the same period last year and, for a breach, the records behind it.
import type { Indicator } from "@server/domain/indicators.js";
import { formatNumber, formatPercent } from "../../ui/format";
import { DASHBOARD_TEXT as T } from "./texts";

export type CardStatus = "met" | "failed" | "unknown" | "neutral";

/** Where a breach's records are: a register and its filter. */
export type BreachLink = { register: "documents" | "meetings"; filter: Record<string, string>; label: string };

export type IndicatorCardView = {
  id: string;
  title: string;
  ruleText: string;
  source: string;
  valueText: string | null;
  targetText: string | null;
  status: CardStatus;
  detail: string | null;
  trend: { text: string; tone: "good" | "bad" | "neutral" } | null;
  note: string | null;
  breach: BreachLink | null;
};

const PERCENT_IDS = new Set(["D3", "D4", "M2", "T1"]);
const CUT_IDS = new Set(["D1", "M1"]);
/** Counts of conferences breaking a rule: the target is none. */
const BREACH_COUNT_IDS = new Set(["M4", "M5", "M6", "M8", "M9"]);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function targetText(id: string, target: number | null): string | null {
  if (target === null) return null;
  if (id === "M3") return `${T.target}: ≤ ${formatNumber(target)}`;
  if (BREACH_COUNT_IDS.has(id)) return `${T.target}: ${formatNumber(target)} hội nghị vi phạm`;
  if (id === "M7") return `${T.target}: ${T.plansOnTime(formatNumber(target))}`;
  return `${T.target}: ≥ ${formatPercent(target)}`;
}

function valueText(id: string, value: number): string {
  if (CUT_IDS.has(id)) return value >= 0 ? T.cutValue(formatPercent(value)) : T.riseValue(formatPercent(-value));
  if (PERCENT_IDS.has(id)) return formatPercent(value);
  return formatNumber(value);
}

function detailOf(id: string, ind: Indicator): string | null {
  const n = (k: string) => num(ind[k]);
  const noun = id === "D1" ? T.nounDocuments : T.nounConferences;
  if (CUT_IDS.has(id)) {
    const now = n("current");
    const before = n("previous");
    if (now === null) return null;
    return before === null ? T.countsNow(formatNumber(now), noun) : T.countsNowBefore(formatNumber(now), formatNumber(before), noun);
  }
  if (PERCENT_IDS.has(id)) {
    const a = n("numerator");
    const b = n("denominator");
    const nouns: Record<string, string> = { D3: T.nounNonSecret, D4: T.nounNonSecret, M2: T.nounOnline, T1: T.nounTthc };
    if (a === null || b === null) return null;
    return id === "M2" ? `${formatNumber(a)}/${formatNumber(b)} ${T.nounConferences} trực tuyến` : T.share(formatNumber(a), formatNumber(b), nouns[id] ?? "");
  }
  if (id === "M7") {
    const late = n("daysLate");
    if (late === null || ind.met === null) return null;
    return late > 0 ? T.planLate(formatNumber(late)) : T.planOnTime;
  }
  if (id === "M3") {
    const scope = typeof ind.scope === "string" ? T.scopeWide[ind.scope] : undefined;
    return scope ? `Số ${scope} trong kỳ (không tính kỳ họp định kỳ)` : null;
  }
  return null;
}

/** Change vs the same period last year: D1/M1 are themselves that change; shares compare
 * percentage points; counts compare with last year's count. */
function trendOf(id: string, ind: Indicator, prev: Indicator | undefined): IndicatorCardView["trend"] {
  if (CUT_IDS.has(id) || !prev) return null;
  const now = num(ind.value);
  const before = num(prev.value);
  if (now === null || before === null) return null;
  if (PERCENT_IDS.has(id)) {
    const delta = Math.round((now - before) * 10) / 10;
    if (delta === 0) return { text: T.sameAsBefore, tone: "neutral" };
    return { text: T.pointsChange(formatNumber(Math.abs(delta)), delta > 0), tone: delta > 0 ? "good" : "bad" };
  }
  // M4–M9: fewer breaches is better (M7: more plans on time); M3 is a quota, more is not in itself a breach
  if (now === before) return { text: T.sameAsBefore, tone: "neutral" };
  const better = id === "M7" ? now > before : now < before;
  return { text: T.countChange(formatNumber(before)), tone: id === "M3" ? "neutral" : better ? "good" : "bad" };
}

function breachOf(id: string, ind: Indicator, range: { from: string; to: string }): BreachLink | null {
  if (ind.met !== false) return null;
  const count = num(ind.violationCount) ?? num(ind.value) ?? 0;
  if (id === "D3" && count > 0) return { register: "documents", filter: { ...range, breach: "not_digitized" }, label: T.seeNotDigitized(formatNumber(count)) };
  if (id === "D4" && count > 0) return { register: "documents", filter: { ...range, breach: "not_sent" }, label: T.seeNotSent(formatNumber(count)) };
  if ((id === "M4" || id === "M5") && count > 0) {
    return { register: "meetings", filter: { ...range, breach: id.toLowerCase() }, label: T.seeConferences(formatNumber(count)) };
  }
  if (id === "M3" && typeof ind.scope === "string") return { register: "meetings", filter: { ...range, scope: ind.scope }, label: T.seeWide };
  return null;
}

/** The note of the sheet that explains this indicator (e.g. why it could not be computed). */
function noteFor(id: string, notes: string[]): string | null {
  const re = new RegExp(`\\b${id}\\b`);
  return notes.find((n) => re.test(n)) ?? null;
}

/** Why a share has no value when the sheet gives no note: nothing to divide by. */
function emptyNote(id: string, ind: Indicator): string | null {
  if (!PERCENT_IDS.has(id) || num(ind.denominator) !== 0) return null;
  return T.emptyShare[id] ?? null;
}

/** The card of indicator `id`; `prev` is the same indicator one year earlier (if loaded). */
export function describeIndicator(
  id: string,
  ind: Indicator,
  prev: Indicator | undefined,
  notes: string[],
  range: { from: string; to: string },
): IndicatorCardView {
  const value = num(ind.value);
  const notApplicable = id === "M3" && ind.target === null;
  const status: CardStatus = ind.met === true ? "met" : ind.met === false ? "failed" : "unknown";
  return {
    id,
    title: T.short[id] ?? id,
    ruleText: typeof ind.title === "string" ? ind.title : "",
    source: typeof ind.source === "string" ? ind.source : "",
    valueText: value === null ? null : valueText(id, value),
    targetText: targetText(id, ind.target),
    status: notApplicable ? "neutral" : status,
    detail: detailOf(id, ind),
    trend: trendOf(id, ind, prev),
    note: value === null || notApplicable ? (noteFor(id, notes) ?? emptyNote(id, ind)) : null,
    breach: breachOf(id, ind, range),
  };
}
