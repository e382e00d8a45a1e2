import { z } from "zod";
import { DomainError } from "./errors.js";
import { cloneReporting, mergeReporting, REPORTING_DEFAULTS, ZReportingOverride, type ReportingSettings } from "./reports/reporting-settings.js";

/** Conference category: quán triệt, chuyên môn, quan trọng, kỳ họp định kỳ, khác. */
export type MeetingCategory = "quan_triet" | "chuyen_mon" | "quan_trong" | "dinh_ky" | "khac";
/** Conference scope: toàn tỉnh, toàn xã, ngành, nội bộ. */
export type MeetingScope = "toan_tinh" | "toan_xa" | "nganh" | "noi_bo";
/** Conference format: trực tiếp, trực tuyến, kết hợp. */
export type MeetingFormat = "truc_tiep" | "truc_tuyen" | "ket_hop";
/** Level of an org unit (kl226-rules.md §7: no district level since mid-2025). */
export type OrgLevel = "central" | "province" | "department" | "commune" | "office";
/** Bloc: Đảng, Nhà nước (HĐND, UBND), Mặt trận và đoàn thể. */
export type Bloc = "party" | "state" | "front";

/** Every target, limit and convention of KL 226 a jurisdiction may tighten or change. */
export type JurisdictionSettings = {
  targets: { D1: number; D3: number; D4: number; M1: number; M2: number; M3Province: number; M3Commune: number; T1: number; P1: number; T3: number };
  /** M4 — max half-day sessions (buổi) per category; categories absent are unchecked */
  sessionLimits: Partial<Record<MeetingCategory, number>>;
  /** M5 — minutes */
  speechLimits: { openingMin: number; conclusionMin: number; contributionMin: number };
  hybridCountsAsOnline: boolean;
  /** session convention: minutes after local midnight that split morning/afternoon (720 = 12:00) and the fixed UTC offset of local time (Asia/Ho_Chi_Minh = +420, no DST) */
  sessionConvention: { noonMinutes: number; utcOffsetMinutes: number };
  /** placeholder for the reporting-regime issue: free-form list */
  reportingDeadlines: Array<{ period: "month" | "quarter" | "half" | "year"; rule: string }>;
  /** D5 — a document whose text has more than this percent copied from upper-level texts breaks the rule (intelligence/text.indicators.ts) */
  copyThresholdPercent: number;
  /** the reporting regime (kl226-rules.md §4, §9) and the ratings of Quy định 366 (§6): domain/reports/reporting-settings.ts */
  reporting: ReportingSettings;
  /** M6–M9: planning conferences ahead (kl226-rules.md §2) */
  conferencePlanning: ConferencePlanningSettings;
};

/** Settings of rules M6–M9. */
export type ConferencePlanningSettings = {
  /** M7 — the annual conference plan is due by this date of its year ("MM-DD"), unless `planDeadlineByYear` names the year */
  planDeadline: string;
  /** M7 — a year's own deadline (ISO date), e.g. 2026 → 2026-02-20 */
  planDeadlineByYear: Record<string, string>;
  /** M7 — the first year a plan is required (earlier years: M7 not applicable) */
  planRequiredFrom: number;
  /** papers ahead — agenda and documents reach delegates at least this many days before the start */
  papersDaysAhead: number;
  /** M9 — bunching: the first and the last `edgeWeeks` weeks of the year… */
  bunchingEdgeWeeks: number;
  /** …may hold at most this percent of the unit's conferences of the year */
  bunchingMaxSharePercent: number;
  /** M9 — a year with fewer conferences than this is not judged for bunching */
  bunchingMinConferences: number;
  /** M6 — an upper online conference whose title is at least this similar (0–100) is the same subject */
  repeatTitleSimilarityPercent: number;
  /** M6 — how many days back an upper conference counts */
  repeatWindowDays: number;
};

/** The KL 226 defaults (kl226-rules.md §1–§3). The only place these numbers live. */
export const KL226_DEFAULTS: JurisdictionSettings = {
  targets: {
    D1: 15, // D1 — KL 226 §2.1: ≥ 15 % fewer administrative documents
    D3: 95, // D3 — KH 63-KH/TU §II.3: ≥ 95 % digitised
    D4: 100, // D4 — KH 63-KH/TU §II.3: 100 % non-secret sent electronically
    M1: 10, // M1 — KL 226 §2.2: ≥ 10 % fewer conferences
    M2: 60, // M2 — KL 226 §2.2: ≥ 60 % online
    M3Province: 2, // M3 — KL 226 §2.2: ≤ 2 province-wide a year
    M3Commune: 3, // M3 — KL 226 §2.2: ≤ 3 commune-wide a year
    T1: 100, // T1 — KL 226 §2.3: 100 % TTHC processed digitally
    P1: 100, // P1 — Quy định 366: every task done on time (kl226-rules.md §6)
    T3: 100, // T3 — KL 226 §2.3: every task meets all six "rõ"
  },
  // M4 — KL 226 §2.2: quán triệt ≤ ½ day, chuyên môn ≤ 1 day, quan trọng ≤ 1.5 days
  sessionLimits: { quan_triet: 1, chuyen_mon: 2, quan_trong: 3 },
  // M5 — KL 226 §2.2
  speechLimits: { openingMin: 10, conclusionMin: 50, contributionMin: 10 },
  hybridCountsAsOnline: true, // M2 — data-contract.md: ket_hop counts as online
  sessionConvention: { noonMinutes: 720, utcOffsetMinutes: 420 },
  reportingDeadlines: [],
  copyThresholdPercent: 30, // D5 — KL 226 §2.1 (no copying of upper-level content): > 30 % of the text copied is a breach
  reporting: REPORTING_DEFAULTS,
  conferencePlanning: {
    planDeadline: "01-15", // M7 — KH 63-KH/TU §III.2: by 15/01 every year…
    planDeadlineByYear: { "2026": "2026-02-20" }, // …and by 20/02/2026 for 2026
    planRequiredFrom: 2026, // M7 — KL 226 (11/12/2025) asks for the plan from 2026 on
    papersDaysAhead: 3, // ours: papers at least 3 days ahead (a setting; KL 226 §2.2 asks only that they be sent before)
    bunchingEdgeWeeks: 2, // M9 — ours: the first and last two weeks of the year…
    bunchingMaxSharePercent: 20, // …hold at most 20 % of the year's conferences
    // M9 — ours: with 4 conferences one alone is 25 %, over the 20 % limit, so a single January
    // conference would "bunch" a small unit's year; 5 is the smallest count where one stays within it
    bunchingMinConferences: 5,
    repeatTitleSimilarityPercent: 60, // M6 — ours: titles ≥ 60 % alike are the same subject
    repeatWindowDays: 365, // M6 — ours: an upper conference of the last year counts
  },
};

const count = z.number().int().min(0);
const percent = z.number().min(0).max(100);

/**
 * A jurisdiction's override: a deep-partial of {@link JurisdictionSettings}. Strict (unknown
 * keys rejected), counts are integers ≥ 0, percentages in 0..100. In `sessionLimits`, `null`
 * removes a category's limit (it becomes unchecked). `reportingDeadlines` replaces the list.
 */
export const ZSettingsOverrideSchema = z.strictObject({
  targets: z
    .strictObject({
      D1: percent, D3: percent, D4: percent, M1: percent, M2: percent, T1: percent, P1: percent, T3: percent,
      M3Province: count, M3Commune: count,
    })
    .partial()
    .optional(),
  sessionLimits: z
    .strictObject({
      quan_triet: count.nullable(), chuyen_mon: count.nullable(), quan_trong: count.nullable(),
      dinh_ky: count.nullable(), khac: count.nullable(),
    })
    .partial()
    .optional(),
  speechLimits: z
    .strictObject({ openingMin: count, conclusionMin: count, contributionMin: count })
    .partial()
    .optional(),
  hybridCountsAsOnline: z.boolean().optional(),
  sessionConvention: z
    .strictObject({
      noonMinutes: z.number().int().min(0).max(1440),
      // the one number allowed below 0: real UTC offsets run from −12:00 to +14:00
      utcOffsetMinutes: z.number().int().min(-720).max(840),
    })
    .partial()
    .optional(),
  reportingDeadlines: z
    .array(z.strictObject({ period: z.enum(["month", "quarter", "half", "year"]), rule: z.string().min(1) }))
    .optional(),
  copyThresholdPercent: percent.optional(),
  reporting: ZReportingOverride.optional(),
  conferencePlanning: z
    .strictObject({
      planDeadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "dạng MM-DD"),
      planDeadlineByYear: z.record(z.string().regex(/^\d{4}$/), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dạng yyyy-mm-dd")),
      planRequiredFrom: z.number().int().min(2000).max(2100),
      papersDaysAhead: count,
      bunchingEdgeWeeks: z.number().int().min(0).max(26),
      bunchingMaxSharePercent: percent,
      bunchingMinConferences: count,
      repeatTitleSimilarityPercent: percent,
      repeatWindowDays: count,
    })
    .partial()
    .optional(),
});

/** A parsed settings override. */
export type TSettingsOverride = z.infer<typeof ZSettingsOverrideSchema>;

function cloneSettings(s: JurisdictionSettings): JurisdictionSettings {
  return {
    targets: { ...s.targets },
    sessionLimits: { ...s.sessionLimits },
    speechLimits: { ...s.speechLimits },
    hybridCountsAsOnline: s.hybridCountsAsOnline,
    sessionConvention: { ...s.sessionConvention },
    reportingDeadlines: s.reportingDeadlines.map((d) => ({ ...d })),
    copyThresholdPercent: s.copyThresholdPercent,
    reporting: cloneReporting(s.reporting),
    conferencePlanning: { ...s.conferencePlanning, planDeadlineByYear: { ...s.conferencePlanning.planDeadlineByYear } },
  };
}

/** Copy the defined keys of `patch` onto `target` (undefined keys mean "not overridden"). */
function assignDefined<T extends object>(target: T, patch: { [K in keyof T]?: T[K] | undefined }): void {
  for (const key of Object.keys(patch) as Array<keyof T>) {
    const v = patch[key];
    if (v !== undefined) target[key] = v as T[keyof T];
  }
}

/**
 * Apply overrides in order (e.g. [province override, commune override]) onto the defaults;
 * deep merge, later wins. Each override is validated again (it may come from stored JSON);
 * an invalid one throws DomainError("INVALID_SETTINGS"). Neither input is mutated.
 */
export function resolveSettings(overrides: TSettingsOverride[], base: JurisdictionSettings = KL226_DEFAULTS): JurisdictionSettings {
  const out = cloneSettings(base);
  overrides.forEach((raw, i) => {
    const parsed = ZSettingsOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      throw new DomainError("INVALID_SETTINGS", `Cấu hình thứ ${i + 1} không hợp lệ`, parsed.error.issues);
    }
    const o = parsed.data;
    if (o.targets) assignDefined(out.targets, o.targets);
    if (o.speechLimits) assignDefined(out.speechLimits, o.speechLimits);
    if (o.sessionConvention) assignDefined(out.sessionConvention, o.sessionConvention);
    if (o.sessionLimits) {
      for (const [cat, limit] of Object.entries(o.sessionLimits) as Array<[MeetingCategory, number | null | undefined]>) {
        if (limit === null) delete out.sessionLimits[cat];
        else if (limit !== undefined) out.sessionLimits[cat] = limit;
      }
    }
    if (o.hybridCountsAsOnline !== undefined) out.hybridCountsAsOnline = o.hybridCountsAsOnline;
    if (o.reportingDeadlines) out.reportingDeadlines = o.reportingDeadlines.map((d) => ({ ...d }));
    if (o.copyThresholdPercent !== undefined) out.copyThresholdPercent = o.copyThresholdPercent;
    if (o.reporting) out.reporting = mergeReporting(out.reporting, o.reporting);
    if (o.conferencePlanning) {
      const { planDeadlineByYear, ...rest } = o.conferencePlanning;
      assignDefined(out.conferencePlanning, rest);
      if (planDeadlineByYear) out.conferencePlanning.planDeadlineByYear = { ...out.conferencePlanning.planDeadlineByYear, ...planDeadlineByYear };
    }
  });
  return out;
}

/** Rule ids that carry a title and a source for messages and UI hovers. */
export type RuleId = "D1" | "D2" | "D3" | "D4" | "D5" | "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M7" | "M8" | "M9" | "T1" | "T2" | "T3" | "P1";

/** rule id → Vietnamese rule text and source, used in messages and on hover in the UI */
export const RULE_SOURCES: Record<RuleId, { title: string; source: string }> = {
  D1: { title: "Giảm ít nhất 15% số lượng văn bản hành chính so với cùng kỳ năm trước", source: "KL 226 §2.1" },
  D2: { title: "Số văn bản hành chính theo loại (Nghị quyết, Quyết định, Công văn, Kế hoạch, Thông báo, loại khác) so với cùng kỳ năm trước", source: "KH 153a/KH-UBND §IV.2.b" },
  D3: { title: "Số hóa ít nhất 95% văn bản phát sinh trong năm", source: "KH 63-KH/TU §II.3" },
  D4: { title: "100% văn bản không mật trao đổi giữa các cơ quan được gửi dưới dạng điện tử", source: "KH 63-KH/TU §II.3" },
  D5: { title: "Không ban hành văn bản sao chép lại nội dung văn bản của cấp trên", source: "KL 226 §2.1" },
  M1: { title: "Giảm ít nhất 10% số lượng hội nghị hằng năm", source: "KL 226 §2.2" },
  M2: { title: "Hội nghị trực tuyến chiếm ít nhất 60%, trực tiếp không quá 40% tổng số hội nghị", source: "KL 226 §2.2" },
  M3: { title: "Cấp tỉnh không quá 2 hội nghị toàn tỉnh, cấp xã không quá 3 hội nghị toàn xã mỗi năm (không tính kỳ họp định kỳ)", source: "KL 226 §2.2" },
  M4: { title: "Thời lượng hội nghị theo loại: quán triệt ≤ 1/2 ngày, chuyên môn ≤ 1 ngày, quan trọng ≤ 1,5 ngày", source: "KL 226 §2.2" },
  M5: { title: "Phát biểu khai mạc ≤ 10 phút, kết luận ≤ 50 phút, mỗi tham luận ≤ 10 phút", source: "KL 226 §2.2" },
  M6: { title: "Không tổ chức lại hội nghị mà cấp trên đã tổ chức trực tuyến, truyền hình đến cấp mình; không tổ chức khi đã có văn bản hướng dẫn chi tiết", source: "KL 226 §2.2; KH 63-KH/TU §III.2" },
  M7: { title: "Ban hành kế hoạch tổ chức hội nghị hằng năm đúng hạn (năm 2026 trước 20/02/2026, các năm sau trước 15/01)", source: "KH 63-KH/TU §III.2" },
  M8: { title: "Chỉ mời đúng khối, đúng thành phần trực tiếp liên quan; chỉ phân công một đồng chí lãnh đạo chủ trì", source: "KL 226 §2.2; KH 63-KH/TU §III.2" },
  M9: { title: "Bố trí lịch hội nghị hợp lý, tránh trùng lặp, dồn vào đầu năm hoặc cuối năm", source: "KL 226 §2.2; KH 153a/KH-UBND §4.a" },
  T1: { title: "100% thủ tục hành chính, hồ sơ công việc được xử lý trên môi trường số (trừ hồ sơ mật)", source: "KL 226 §2.3" },
  T2: { title: "Một việc một đầu mối: mỗi nhiệm vụ chỉ có một đơn vị chủ trì, các đơn vị khác phối hợp", source: "KL 226 §2.3" },
  T3: { title: "Nhiệm vụ bảo đảm «6 rõ»: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ thẩm quyền, rõ sản phẩm", source: "KL 226 §2.3" },
  P1: { title: "Tỷ lệ nhiệm vụ (theo từng kỳ hạn) hoàn thành đúng hạn", source: "KL 226 §2.3; Quy định 366-QĐ/TW" },
};
