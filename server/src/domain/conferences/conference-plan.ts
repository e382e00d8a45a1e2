// The annual conference plan (kế hoạch tổ chức hội nghị hằng năm) — rule M7, KH 63-KH/TU §III.2
// (seed 001): each unit issues it by 20/02/2026 for 2026, then by 15/01 of every year; and the
// targets of KL 226 §2.2 checked on the plan before it is issued (M1 −10 %, M2 ≥ 60 % online,
// M3 province-/commune-wide quota, M4 durations). Pure: deadlines, targets and limits come from
// the settings; "today" is passed in.
import { formatNumberVi, formatSessionsAsDays, roundTo } from "../format.js";
import { RULE_SOURCES } from "../settings.js";
import type { ConferencePlanningSettings, JurisdictionSettings, MeetingCategory, MeetingFormat, MeetingScope } from "../settings.js";

const DAY_MS = 86_400_000;

/** "2026-02-20" → "20/02/2026" (messages only). */
const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const dayNumber = (iso: string): number => Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);

/**
 * M7 — the plan's deadline for `year` ("YYYY-MM-DD"): the year's own date in
 * `planDeadlineByYear` (2026 → 2026-02-20), else `planDeadline` ("MM-DD") of that year. A
 * "MM-DD" past the month's end (02-29 in a common year, 04-31) falls on the month's last day.
 */
export function planDeadlineOf(year: number, s: ConferencePlanningSettings): string {
  const own = s.planDeadlineByYear[String(year)];
  if (own !== undefined) return own;
  const month = Number(s.planDeadline.slice(0, 2));
  const day = Number(s.planDeadline.slice(3, 5));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** on_time / late: issued by / after the deadline; pending: not issued, deadline not passed;
 * overdue: not issued and the deadline has passed. */
export type PlanStatus = "on_time" | "late" | "pending" | "overdue";

/** Where a unit's plan stands against its deadline. `onTime` is null while still pending;
 * `daysLate` counts days after the deadline (to the issue date, or so far to today). */
export type PlanTimeliness = { deadline: string; status: PlanStatus; onTime: boolean | null; daysLate: number };

/**
 * M7 — KH 63-KH/TU §III.2: a plan issued on or before its deadline is on time; issued later,
 * late by the days between; not issued (`issuedOn` null, or no plan at all), it is pending until
 * the deadline has passed and late so far by the days from the deadline to `today` after.
 */
export function planTimeliness(year: number, issuedOn: string | null, today: string, s: ConferencePlanningSettings): PlanTimeliness {
  const deadline = planDeadlineOf(year, s);
  const late = (until: string) => Math.max(0, dayNumber(until) - dayNumber(deadline));
  if (issuedOn !== null) {
    const days = late(issuedOn);
    return { deadline, status: days === 0 ? "on_time" : "late", onTime: days === 0, daysLate: days };
  }
  const days = late(today);
  return days === 0 ? { deadline, status: "pending", onTime: null, daysLate: 0 } : { deadline, status: "overdue", onTime: false, daysLate: days };
}

/** Vietnamese words of a plan's standing (the API's `statusText`, the page's badge). */
export function describeTimeliness(t: PlanTimeliness): string {
  const due = vnDate(t.deadline);
  if (t.status === "on_time") return `Ban hành đúng hạn (hạn ${due})`;
  if (t.status === "late") return `Ban hành chậm ${t.daysLate} ngày so với hạn ${due}`;
  if (t.status === "pending") return `Chưa ban hành — hạn ${due}`;
  return `Chưa ban hành, đã quá hạn ${due} ${t.daysLate} ngày`;
}

/** What the check needs of a planned conference. */
export type PlannedConferenceInput = {
  title: string; category: MeetingCategory; scope: MeetingScope; format: MeetingFormat; expectedSessions: number | null;
};

/** The settings the check reads (a JurisdictionSettings fits; the web page gets this much). */
export type PlanCheckRules = {
  targets: Pick<JurisdictionSettings["targets"], "M1" | "M2" | "M3Province" | "M3Commune">;
  hybridCountsAsOnline: boolean;
  sessionLimits: JurisdictionSettings["sessionLimits"];
};

/** One target the plan misses. Shaped like domain/conference-checks.ts findings; `items` are
 * the indexes (in the input list) of the planned conferences concerned, when some are. */
export type PlanFinding = {
  rule: "M1" | "M2" | "M3" | "M4"; severity: "error" | "warning"; field: string;
  limit: number; actual: number; message: string; source: string; items: number[];
};

/** The plan's figures against the year's targets. `allowed` (M1) is null when last year's
 * number is unknown or zero: no cut can be computed. `onlineShare` in percent, 1 decimal. */
export type PlanCounts = {
  planned: number; online: number; onlineShare: number | null; wide: number; wideProvince: number; wideCommune: number;
  lastYearHeld: number | null; allowed: number | null;
};

export type PlanCheck = { findings: PlanFinding[]; counts: PlanCounts };

const CATEGORY_LABEL: Record<MeetingCategory, string> = {
  quan_triet: "Hội nghị quán triệt", chuyen_mon: "Hội nghị chuyên môn", quan_trong: "Hội nghị quan trọng", dinh_ky: "Kỳ họp định kỳ", khac: "Hội nghị khác",
};

/** M1 — KL 226 §2.2: at most floor(last year × (1 − M1/100)) conferences in the plan. */
export function allowedConferences(lastYearHeld: number | null, m1Percent: number): number | null {
  if (lastYearHeld === null || lastYearHeld <= 0) return null;
  // integer arithmetic first, so 70 × 90 / 100 is 63 and not 62.999…
  return Math.floor((lastYearHeld * (100 - m1Percent)) / 100 + 1e-9);
}

const isOnline = (f: MeetingFormat, rules: PlanCheckRules): boolean => f === "truc_tuyen" || (f === "ket_hop" && rules.hybridCountsAsOnline);

function checkCount(year: number, planned: number, last: number | null, allowed: number | null, rules: PlanCheckRules): PlanFinding[] {
  if (allowed === null || last === null || planned <= allowed) return [];
  const source = RULE_SOURCES.M1.source;
  return [{
    rule: "M1", severity: "error", field: "items", limit: allowed, actual: planned, source, items: [],
    message: `Kế hoạch có ${planned} hội nghị, nhiều hơn mức tối đa ${allowed} (năm ${year - 1} đã tổ chức ${last}, phải giảm ít nhất ${formatNumberVi(rules.targets.M1)}%) — ${source}`,
  }];
}

function checkOnline(items: readonly PlannedConferenceInput[], online: number, rules: PlanCheckRules): PlanFinding[] {
  const planned = items.length;
  // decided on exact counts (59.96 % shows as 60 but misses 60)
  if (planned === 0 || online * 100 >= rules.targets.M2 * planned) return [];
  const source = RULE_SOURCES.M2.source;
  const share = roundTo((online / planned) * 100, 1);
  const hybrid = rules.hybridCountsAsOnline ? " (tính cả hội nghị kết hợp)" : " (không tính hội nghị kết hợp)";
  const inPerson = items.flatMap((c, i) => (isOnline(c.format, rules) ? [] : [i]));
  return [{
    rule: "M2", severity: "error", field: "format", limit: rules.targets.M2, actual: share, source, items: inPerson,
    message: `Hội nghị trực tuyến chỉ chiếm ${formatNumberVi(share)}% (${online}/${planned})${hybrid}; cần ít nhất ${formatNumberVi(rules.targets.M2)}% — ${source}`,
  }];
}

function checkWide(items: readonly PlannedConferenceInput[], rules: PlanCheckRules): PlanFinding[] {
  const source = RULE_SOURCES.M3.source;
  const quotas: Array<[MeetingScope, number, string]> = [
    ["toan_tinh", rules.targets.M3Province, "hội nghị toàn tỉnh"],
    ["toan_xa", rules.targets.M3Commune, "hội nghị toàn xã"],
  ];
  return quotas.flatMap(([scope, limit, label]) => {
    const idx = items.flatMap((c, i) => (c.scope === scope && c.category !== "dinh_ky" ? [i] : []));
    if (idx.length <= limit) return [];
    return [{
      rule: "M3" as const, severity: "error" as const, field: "scope", limit, actual: idx.length, source, items: idx,
      message: `Kế hoạch có ${idx.length} ${label} (không tính kỳ họp định kỳ), vượt định mức ${limit} hội nghị một năm; tổ chức thêm cần quyết định cho phép của Ban Thường vụ — ${source}`,
    }];
  });
}

function checkDurations(items: readonly PlannedConferenceInput[], rules: PlanCheckRules): PlanFinding[] {
  const source = RULE_SOURCES.M4.source;
  return items.flatMap((c, i) => {
    const limit = rules.sessionLimits[c.category];
    if (limit === undefined || c.expectedSessions === null || c.expectedSessions <= limit) return [];
    return [{
      rule: "M4" as const, severity: "warning" as const, field: "expectedSessions", limit, actual: c.expectedSessions, source, items: [i],
      message: `«${c.title}»: ${CATEGORY_LABEL[c.category]} không quá ${formatSessionsAsDays(limit)} (${limit} buổi); kế hoạch dự kiến ${c.expectedSessions} buổi — ${source}`,
    }];
  });
}

/**
 * Checks the planned conferences of `year` against the year's targets, before the plan is
 * issued: M1 (KL 226 §2.2) — no more than {@link allowedConferences} of last year's held
 * conferences of the unit; M2 — online share (hybrid per `hybridCountsAsOnline`) at least the
 * target; M3 — toàn tỉnh ≤ M3Province and toàn xã ≤ M3Commune, kỳ họp định kỳ not counted;
 * M4 — each expected duration within its category's session limit (unset durations unchecked).
 * M1–M3 misses are "error"s (issuing needs an explicit acknowledgement); M4 are "warning"s.
 */
export function checkConferencePlan(items: readonly PlannedConferenceInput[], ctx: { year: number; lastYearHeld: number | null; rules: PlanCheckRules }): PlanCheck {
  const { rules } = ctx;
  const online = items.filter((c) => isOnline(c.format, rules)).length;
  const countable = items.filter((c) => c.category !== "dinh_ky");
  const wideProvince = countable.filter((c) => c.scope === "toan_tinh").length;
  const wideCommune = countable.filter((c) => c.scope === "toan_xa").length;
  const allowed = allowedConferences(ctx.lastYearHeld, rules.targets.M1);
  return {
    findings: [
      ...checkCount(ctx.year, items.length, ctx.lastYearHeld, allowed, rules),
      ...checkOnline(items, online, rules),
      ...checkWide(items, rules),
      ...checkDurations(items, rules),
    ],
    counts: {
      planned: items.length, online, onlineShare: items.length === 0 ? null : roundTo((online / items.length) * 100, 1),
      wide: wideProvince + wideCommune, wideProvince, wideCommune, lastYearHeld: ctx.lastYearHeld, allowed,
    },
  };
}

/** True when a finding stops the plan from being issued without an acknowledgement. */
export const isBlocking = (f: PlanFinding): boolean => f.severity === "error";
