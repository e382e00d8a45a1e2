// The reporting regime as settings (issue "Periodic reports" §1; kl226-rules.md §4, §6, §9):
// which periods each unit reports, to whom, by which deadline, on which data cut-off, who may
// submit and review, the reminders, the data-quality thresholds and the rating of Quy định 366.
// A jurisdiction overrides any part; `schedules` and `criteria` replace the inherited lists.
import { z } from "zod";
import type { PeriodKind } from "../period.js";

/** Level and bloc of a unit (the same unions as settings.ts; repeated to keep this file standalone). */
type OrgLevel = "central" | "province" | "department" | "commune" | "office";
type Bloc = "party" | "state" | "front";
/** Account roles (auth/policy.ts): the domain names them without importing the server layer. */
export type ReportingRole = "admin" | "aggregator" | "officer" | "viewer";

/**
 * A period inside its year: "Y" (year), "S1"/"S2" (six months), "Q1".."Q4", "M01".."M12".
 * Fixed-date deadlines and `skip` name periods this way.
 */
export type PeriodSlot = string;

/**
 * When a report must be sent. The result is always the LAST DAY on which sending is on time
 * (local calendar day, Asia/Ho_Chi_Minh); "trước ngày 15" (before the 15th) therefore ends on
 * the 14th unless `inclusive` says the named day itself still counts.
 * - before_day_of_last_month: before day N of the last month of the period (000 §6: 15, 20; 001 §IV.1: 20)
 * - before_fixed_date: before a date named per period slot (002 §IV.1: S1 05/6, Y 05/12); a slot
 *   without a date is not reported under this schedule; `nextYear` puts the date in the next year
 * - days_after_end: N days (or working days, Monday–Friday) after the data cut-off ends (§9)
 */
export type DeadlineRule =
  | { kind: "before_day_of_last_month"; day: number; inclusive?: boolean | undefined }
  | { kind: "before_fixed_date"; dates: Array<{ slot: PeriodSlot; date: string; nextYear?: boolean | undefined }>; inclusive?: boolean | undefined }
  | { kind: "days_after_end"; days: number; workingDays?: boolean | undefined };

/** Which units a schedule applies to: all given criteria must hold (an absent one holds). */
export type ReporterSelector = { levels?: OrgLevel[] | undefined; blocs?: Bloc[] | undefined; codes?: string[] | undefined };

/** One line of a reporting regime: these units report these periods to that unit by that rule. */
export type ReportingSchedule = {
  /** short id, unique in the list, e.g. "so-xa-quy" */
  id: string;
  periods: PeriodKind[];
  /** period slots not reported under this line (e.g. "Q4" when the year report replaces it) */
  skip?: PeriodSlot[] | undefined;
  reporters: ReporterSelector;
  /** to the unit's parent (the default), or to a named unit such as Sở Nội vụ */
  recipient: { kind: "parent" } | { kind: "unit"; code: string };
  /** "qua Văn phòng Tỉnh ủy": the channel, shown in the report's "Kính gửi" */
  via?: string | undefined;
  deadline: DeadlineRule;
  /** where the line comes from, e.g. "CV 426/UBND-NC §6" */
  source?: string | undefined;
};

/** Criteria of the annual scorecard (kl226-rules.md §6). */
export type RatingCriterionId = "indicators" | "tasks" | "reports" | "breaches";
/** The four levels of Quy định 366-QĐ/TW. */
export type RatingLevel = "xuat_sac" | "tot" | "hoan_thanh" | "khong_hoan_thanh";

export type RatingSettings = {
  /** weights need not sum to 100: the score is Σ weight × criterion score / Σ weights of criteria that could be scored */
  criteria: Array<{ id: RatingCriterionId; weight: number }>;
  /** points taken off the breaches criterion (out of 100) per breach (M3 excess, M4, M5, T2) */
  breachPenalty: number;
  /** lowest score of each level: ≥ excellent → xuất sắc, ≥ good → tốt, ≥ complete → hoàn thành */
  thresholds: { excellent: number; good: number; complete: number };
  /** conditions besides the score: §6 "tốt … every task done on time"; "hoàn thành … every task done, at most 20 % late" */
  gates: { excellentAndGoodNeedAllOnTime: boolean; completeNeedsAllDone: boolean; completeMaxLatePercent: number };
  /** levels of the units rated and ranked among peers of the same level */
  peerLevels: OrgLevel[];
};

export type ReportingSettings = {
  /** reports are owed for periods starting on or after this day ("YYYY-MM-DD") */
  since: string;
  /** data cut-off: calendar periods, or Decree 09/2019 (day N of the previous month to day N−1) */
  cutoff: "calendar" | "decree09";
  cutoffDay: number;
  schedules: ReportingSchedule[];
  /** a report turns "due" this many days before its deadline (before: "not due") */
  openDaysBefore: number;
  /** in-app reminders N days before the deadline (and on the day); escalation to the level above this many days after */
  reminders: { daysBefore: number[]; escalateAfterDays: number };
  /** who may submit for the unit (its head or delegate) and who may accept/return at the receiving level */
  submitRoles: ReportingRole[];
  reviewRoles: ReportingRole[];
  /** R1 target: % of reports due in P sent on time */
  r1Target: number;
  /** data-quality checks before submission */
  quality: { robustZ: number; minHistoryMonths: number; historyMonths: number };
  rating: RatingSettings;
};

/** Default schedule: KL 226 §3 (003) asks quarterly, six-monthly and yearly reports up the tree;
 * the deadline most often written in §4 is "before the 15th of the last month" (000 §6). */
export const DEFAULT_SCHEDULE: ReportingSchedule = {
  id: "mac-dinh",
  periods: ["quarter", "half", "year"],
  reporters: { levels: ["province", "department", "commune"] },
  recipient: { kind: "parent" },
  deadline: { kind: "before_day_of_last_month", day: 15 },
  source: "KL 226 §3; CV 426/UBND-NC §6",
};

/** The reporting defaults. The only place these numbers live. */
export const REPORTING_DEFAULTS: ReportingSettings = {
  since: "2026-01-01", // KL 226 of 11/12/2025: reports from the first period of 2026
  cutoff: "calendar", // data-contract.md §Periods: calendar boundaries by default
  cutoffDay: 15, // Decree 09/2019 (kl226-rules.md §9): 15th of the previous month → 14th
  schedules: [DEFAULT_SCHEDULE],
  openDaysBefore: 15,
  reminders: { daysBefore: [7, 3], escalateAfterDays: 1 }, // issue §4: 7 and 3 days before, on the day, then escalated
  submitRoles: ["admin", "aggregator"],
  reviewRoles: ["admin", "aggregator"],
  r1Target: 100, // T4 — KL 226 §2.3: reports with a clear deadline, all on time
  quality: { robustZ: 3.5, minHistoryMonths: 6, historyMonths: 24 }, // Iglewicz–Hoaglin modified z-score cut 3.5
  rating: {
    // kl226-rules.md §6: quantitative criteria weighted most
    criteria: [
      { id: "indicators", weight: 40 },
      { id: "tasks", weight: 30 },
      { id: "reports", weight: 20 },
      { id: "breaches", weight: 10 },
    ],
    breachPenalty: 10,
    // Quy định 366 as reported: tốt 70–<90, hoàn thành 50–<70; ≥ 90 and < 50 are our reading
    thresholds: { excellent: 90, good: 70, complete: 50 },
    gates: { excellentAndGoodNeedAllOnTime: true, completeNeedsAllDone: true, completeMaxLatePercent: 20 },
    peerLevels: ["department", "commune"],
  },
};

const LEVELS = ["central", "province", "department", "commune", "office"] as const;
const BLOCS = ["party", "state", "front"] as const;
const ROLES = ["admin", "aggregator", "officer", "viewer"] as const;
const KINDS = ["year", "half", "quarter", "month"] as const;
const SLOT = z.string().regex(/^(Y|S[12]|Q[1-4]|M(0[1-9]|1[0-2]))$/, "kỳ phải là Y, S1, S2, Q1…Q4 hoặc M01…M12");
/** "05/6", "05/06", "5/12": day/month of a fixed deadline. */
export const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const dayMonth = z.string().regex(DAY_MONTH, "ngày phải có dạng DD/MM, ví dụ 05/6").refine((s) => {
  const m = DAY_MONTH.exec(s);
  const [d, mo] = [Number(m?.[1]), Number(m?.[2])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}, "ngày/tháng không tồn tại");
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);

const ZDeadline = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("before_day_of_last_month"), day: z.number().int().min(1).max(31), inclusive: z.boolean().optional() }),
  z.strictObject({
    kind: z.literal("before_fixed_date"),
    dates: z.array(z.strictObject({ slot: SLOT, date: dayMonth, nextYear: z.boolean().optional() })).min(1, "cần ít nhất một ngày"),
    inclusive: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal("days_after_end"), days: z.number().int().min(0).max(120), workingDays: z.boolean().optional() }),
]);

export const ZReportingSchedule = z.strictObject({
  id: z.string().trim().min(1).max(60),
  periods: z.array(z.enum(KINDS)).min(1, "cần ít nhất một loại kỳ"),
  skip: z.array(SLOT).optional(),
  reporters: z.strictObject({
    levels: z.array(z.enum(LEVELS)).optional(),
    blocs: z.array(z.enum(BLOCS)).optional(),
    codes: z.array(z.string().min(1)).optional(),
  }),
  recipient: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("parent") }),
    z.strictObject({ kind: z.literal("unit"), code: z.string().min(1) }),
  ]),
  via: z.string().max(200).optional(),
  deadline: ZDeadline,
  source: z.string().max(200).optional(),
});

/** A jurisdiction's override of the reporting section (deep-partial; lists replace). */
export const ZReportingOverride = z.strictObject({
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dạng YYYY-MM-DD").optional(),
  cutoff: z.enum(["calendar", "decree09"]).optional(),
  cutoffDay: z.number().int().min(2).max(28).optional(),
  schedules: z.array(ZReportingSchedule).refine((list) => new Set(list.map((s) => s.id)).size === list.length, "mã (id) các dòng lịch báo cáo phải khác nhau").optional(),
  openDaysBefore: count.max(366).optional(),
  reminders: z.strictObject({ daysBefore: z.array(z.number().int().min(1).max(60)), escalateAfterDays: count.max(60) }).partial().optional(),
  submitRoles: z.array(z.enum(ROLES)).min(1).optional(),
  reviewRoles: z.array(z.enum(ROLES)).min(1).optional(),
  r1Target: percent.optional(),
  quality: z.strictObject({ robustZ: z.number().min(1).max(20), minHistoryMonths: z.number().int().min(3).max(120), historyMonths: z.number().int().min(3).max(120) }).partial().optional(),
  rating: z.strictObject({
    criteria: z.array(z.strictObject({ id: z.enum(["indicators", "tasks", "reports", "breaches"]), weight: z.number().min(0).max(100) })).min(1).optional(),
    breachPenalty: percent.optional(),
    thresholds: z.strictObject({ excellent: percent, good: percent, complete: percent }).partial().optional(),
    gates: z.strictObject({ excellentAndGoodNeedAllOnTime: z.boolean(), completeNeedsAllDone: z.boolean(), completeMaxLatePercent: percent }).partial().optional(),
    peerLevels: z.array(z.enum(LEVELS)).min(1).optional(),
  }).optional(),
});
export type TReportingOverride = z.infer<typeof ZReportingOverride>;

/** A deep copy (settings objects are handed out and must not share lists). */
export function cloneReporting(r: ReportingSettings): ReportingSettings {
  return structuredClone(r);
}

const defined = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Applies one (already validated) override onto `base`, returning a new object. */
export function mergeReporting(base: ReportingSettings, o: TReportingOverride): ReportingSettings {
  const out = cloneReporting(base);
  const { reminders, quality, rating, schedules, ...flat } = o;
  Object.assign(out, defined(flat));
  if (schedules) out.schedules = structuredClone(schedules) as ReportingSchedule[];
  if (reminders) Object.assign(out.reminders, defined(reminders));
  if (quality) Object.assign(out.quality, defined(quality));
  if (rating) {
    const { thresholds, gates, ...rest } = rating;
    Object.assign(out.rating, defined(rest));
    if (thresholds) Object.assign(out.rating.thresholds, defined(thresholds));
    if (gates) Object.assign(out.rating.gates, defined(gates));
  }
  return out;
}
