// Preventive checks before a conference (hội nghị) is saved — M3, M4, M5, KL 226 §2.2;
// data-contract.md §Indicator sheet. Limits always come from the settings.
import { formatNumberVi, formatSessionsAsDays } from "./format.js";
import { countSessions } from "./sessions.js";
import { RULE_SOURCES } from "./settings.js";
import type { JurisdictionSettings, MeetingCategory, MeetingFormat, MeetingScope } from "./settings.js";

/** What the checks need of a conference being created or edited. */
export type ConferenceInput = {
  category: MeetingCategory; scope: MeetingScope; format: MeetingFormat; start: Date; end: Date;
  openingMin: number | null; conclusionMin: number | null; maxContributionMin: number | null;
  exceptionDecision: string | null;
};

/** "PAPERS": the agenda and papers sent ahead (no rule id of its own in kl226-rules.md). */
export type FindingRule = "M3" | "M4" | "M5" | "M6" | "M8" | "M9" | "PAPERS";

/** A record a finding concerns: another conference (an upper one for M6, a clashing one for
 * M9) or a unit (an invited one for M8/M9). Instants in ISO 8601 UTC. */
export type FindingRecord =
  | { kind: "meeting"; id: number; orgCode: string; orgName: string; title: string; start: string; end: string; format: MeetingFormat }
  | { kind: "org"; code: string; name: string };

/** One breach found; `field` names the ConferenceInput field to correct (or the form field
 * that answers it, e.g. `repeatReason`). `records`: what it concerns, when others are. */
export type Finding = {
  rule: FindingRule; severity: "error" | "warning" | "info"; field: string;
  limit: number; actual: number; message: string; source: string;
  records?: FindingRecord[];
};

const CATEGORY_LABEL: Record<MeetingCategory, string> = {
  quan_triet: "Hội nghị quán triệt",
  chuyen_mon: "Hội nghị chuyên môn",
  quan_trong: "Hội nghị quan trọng",
  dinh_ky: "Kỳ họp định kỳ",
  khac: "Hội nghị khác",
};

/** M4 — KL 226 §2.2: sessions over the category's limit; categories without a limit unchecked. */
function checkDuration(c: ConferenceInput, s: JurisdictionSettings, actual: number): Finding[] {
  const limit = s.sessionLimits[c.category];
  if (limit === undefined || actual <= limit) return [];
  const source = RULE_SOURCES.M4.source;
  return [{
    rule: "M4", severity: "warning", field: "end", limit, actual, source,
    message: `${CATEGORY_LABEL[c.category]} không quá ${formatSessionsAsDays(limit)} (${limit} buổi); hội nghị này kéo dài ${actual} buổi — ${source}`,
  }];
}

/** M5 — KL 226 §2.2: speech lengths; an empty value is not checked; định kỳ exempt. */
function checkSpeeches(c: ConferenceInput, s: JurisdictionSettings): Finding[] {
  if (c.category === "dinh_ky") return [];
  const source = RULE_SOURCES.M5.source;
  const items: Array<[keyof ConferenceInput, number | null, number, string]> = [
    ["openingMin", c.openingMin, s.speechLimits.openingMin, "Phát biểu khai mạc"],
    ["conclusionMin", c.conclusionMin, s.speechLimits.conclusionMin, "Phát biểu kết luận"],
    ["maxContributionMin", c.maxContributionMin, s.speechLimits.contributionMin, "Mỗi tham luận"],
  ];
  return items
    .filter(([, actual, limit]) => actual !== null && actual > limit)
    .map(([field, actual, limit, label]) => ({
      rule: "M5" as const, severity: "warning" as const, field, limit, actual: actual ?? 0, source,
      message: `${label} không quá ${formatNumberVi(limit)} phút (đang nhập ${formatNumberVi(actual ?? 0)} phút) — ${source}`,
    }));
}

/**
 * M3 — KL 226 §2.2: ≤ M3Province toàn tỉnh / ≤ M3Commune toàn xã conferences a year; kỳ họp
 * định kỳ exempt; one more needs the standing committee's decision (exceptionDecision), and
 * with that decision it is allowed and not counted, so no finding.
 */
function checkWideQuota(c: ConferenceInput, s: JurisdictionSettings, wideUsedThisYear: number): Finding[] {
  if (c.category === "dinh_ky") return [];
  if (c.exceptionDecision !== null && c.exceptionDecision.trim() !== "") return [];
  const quota =
    c.scope === "toan_tinh" ? { limit: s.targets.M3Province, label: "hội nghị toàn tỉnh" }
    : c.scope === "toan_xa" ? { limit: s.targets.M3Commune, label: "hội nghị toàn xã" }
    : null;
  if (quota === null) return [];
  const actual = wideUsedThisYear + 1;
  if (actual <= quota.limit) return [];
  const localYear = new Date(c.start.getTime() + s.sessionConvention.utcOffsetMinutes * 60_000).getUTCFullYear();
  const source = RULE_SOURCES.M3.source;
  return [{
    rule: "M3", severity: "error", field: "exceptionDecision", limit: quota.limit, actual, source,
    message: `Đã đủ ${quota.limit} ${quota.label} trong năm ${localYear}; cần quyết định cho phép của Ban Thường vụ — ${source}`,
  }];
}

/**
 * Check a conference before saving it. M3 over quota without an exception decision is an
 * "error" (refuse to save); M4 and M5 are "warning"s (a breach the sheet reports, but it may
 * be recorded). `wideUsedThisYear`: province-/commune-wide conferences (not định kỳ, without
 * exception) already held or scheduled that year in the host province/commune, excluding
 * this one. Throws DomainError("INVALID_RANGE") when end ≤ start.
 */
export function checkConference(c: ConferenceInput, ctx: { settings: JurisdictionSettings; wideUsedThisYear: number }): Finding[] {
  // counted first for every category, so an impossible range is refused even when unchecked
  const sessions = countSessions(c.start, c.end, ctx.settings.sessionConvention);
  return [
    ...checkWideQuota(c, ctx.settings, ctx.wideUsedThisYear),
    ...checkDuration(c, ctx.settings, sessions),
    ...checkSpeeches(c, ctx.settings),
  ];
}
