// The indicator sheet — data-contract.md §Indicator sheet (a contract: names and shapes stay).
// Counting records is the caller's job (repositories); this module turns counts into the
// sheet: values, targets in force, met flags, sources and notes.
import type { D2Bucket } from "./document-types.js";
import { formatNumberVi, roundTo } from "./format.js";
import { RULE_SOURCES } from "./settings.js";
import type { JurisdictionSettings, OrgLevel, RuleId } from "./settings.js";

/** Document counts of one period (administrative = legal_normative 0). */
export type DocCounts = { admin: number; adminByBucket: Record<D2Bucket, number>; nonSecret: number; nonSecretDigitized: number; nonSecretSentElectronically: number };
/** Everything the sheet needs, already counted for the unit (or subtree) and period. */
export type SheetInput = {
  org: string; period: string; subtree: boolean; level: OrgLevel;
  documents: { current: DocCounts; previous: DocCounts; hasPreviousData: boolean };
  meetings: { current: number; previous: number; hasPreviousData: boolean; online: number; inPerson: number; hybrid: number; wide: number | null /* M3 count, null when level is not province/commune */; m4Violations: string[]; m5Violations: string[] };
  tthc: { received: number; processedDigitally: number };
  breaches: { notDigitized: string[]; notSentElectronically: string[]; notDigitizedCount: number; notSentElectronicallyCount: number }; // lists may be truncated; counts are exact
  predecessors?: Array<{ code: string; kind: "merge" | "split"; share: number }>; // org codes whose records were counted as this unit's
};
/** D2's value: per type bucket, current and previous counts and the % cut (null when prev is 0 or unknown). */
export type D2Value = Record<D2Bucket, { cur: number; prev: number | null; cut: number | null }>;
/** One indicator; `value` is a number except for D2, whose value is a {@link D2Value}. */
export type Indicator = { value: number | D2Value | null; target: number | null; met: boolean | null; [k: string]: unknown };
/** The sheet returned by `leloi indicators --json` and GET /api/indicators. */
export type IndicatorSheet = { org: string; period: string; subtree: boolean; indicators: Record<string, Indicator>; notes: string[] };

/** % cut from prev to cur, 1 decimal; null when there is nothing to compare with. */
const cutOf = (prev: number | null, cur: number): number | null =>
  prev !== null && prev > 0 ? roundTo(((prev - cur) / prev) * 100, 1) : null;
/** % share, 1 decimal; null when the denominator is 0. */
const shareOf = (num: number, den: number): number | null => (den > 0 ? roundTo((num / den) * 100, 1) : null);
/** `met` is decided on exact counts, not the rounded value (99,96 % shows as 100 but misses 100). */
const shareMet = (num: number, den: number, target: number): boolean | null => (den > 0 ? num * 100 >= target * den : null);
const cutMet = (prev: number | null, cur: number, target: number): boolean | null =>
  prev !== null && prev > 0 ? (prev - cur) * 100 >= target * prev : null;
const about = (id: RuleId): { title: string; source: string } => ({ ...RULE_SOURCES[id] });

/** D1 / M1 — a yearly cut vs the same period one year earlier (KL 226 §2.1, §2.2). */
function cutIndicator(id: "D1" | "M1", cur: number, prevRaw: number, hasPrev: boolean, target: number): Indicator {
  const prev = hasPrev ? prevRaw : null;
  return { value: cutOf(prev, cur), target, met: cutMet(prev, cur, target), current: cur, previous: prev, ...about(id) };
}

/** D3, D4, M2, T1 — a share that must reach the target. */
function shareIndicator(id: RuleId, num: number, den: number, target: number, extra: Record<string, unknown> = {}): Indicator {
  return { value: shareOf(num, den), target, met: shareMet(num, den, target), numerator: num, denominator: den, ...extra, ...about(id) };
}

/** Vietnamese notes explaining what the numbers include and what could not be computed. */
function notesOf(input: SheetInput, s: JurisdictionSettings): string[] {
  const notes: string[] = [];
  const { documents: d, meetings: m, breaches: b } = input;
  if (input.subtree) notes.push("Số liệu gồm cả các đơn vị trực thuộc.");
  const preds = input.predecessors ?? [];
  if (preds.length > 0) {
    const list = preds
      .map((p) => (p.kind === "merge" ? `${p.code} (hợp nhất)` : `${p.code} (chia tách, tỷ lệ ${formatNumberVi(p.share * 100)}%)`))
      .join(", ");
    notes.push(`Số liệu kỳ này và cùng kỳ năm trước gồm cả văn bản, hội nghị của đơn vị tiền thân: ${list}.`);
  }
  if (!d.hasPreviousData) notes.push("Chưa có số liệu văn bản cùng kỳ năm trước: không tính được D1, D2.");
  else if (d.previous.admin === 0) notes.push("Cùng kỳ năm trước không có văn bản hành chính: không tính được D1.");
  if (!m.hasPreviousData) notes.push("Chưa có số liệu hội nghị cùng kỳ năm trước: không tính được M1.");
  else if (m.previous === 0) notes.push("Cùng kỳ năm trước không có hội nghị: không tính được M1.");
  if (m.hybrid > 0) {
    notes.push(s.hybridCountsAsOnline
      ? "M2 tính hội nghị kết hợp (trực tiếp và trực tuyến) là hội nghị trực tuyến."
      : "M2 không tính hội nghị kết hợp là hội nghị trực tuyến (theo cấu hình).");
  }
  if (m.wide === null || (input.level !== "province" && input.level !== "commune")) {
    notes.push("M3 chỉ áp dụng cho đơn vị cấp tỉnh (hội nghị toàn tỉnh) hoặc cấp xã (hội nghị toàn xã).");
  }
  if (b.notDigitized.length < b.notDigitizedCount) {
    notes.push(`Danh sách văn bản chưa số hóa (D3) chỉ liệt kê ${b.notDigitized.length}/${b.notDigitizedCount} văn bản.`);
  }
  if (b.notSentElectronically.length < b.notSentElectronicallyCount) {
    notes.push(`Danh sách văn bản chưa gửi điện tử (D4) chỉ liệt kê ${b.notSentElectronically.length}/${b.notSentElectronicallyCount} văn bản.`);
  }
  return notes;
}

/**
 * Compute the indicator sheet from counts. Rules (data-contract.md §Indicator sheet):
 * D1/M1 cut ≥ target vs the same period last year; D2 per-type cuts (met null); D3, D4, M2,
 * T1 shares ≥ target; M3 ≤ the province/commune quota (all null at other levels); M4, M5
 * violation counts = 0. Percentages have 1 decimal; `met` is decided on exact counts. Every
 * indicator carries `title` and `source` from RULE_SOURCES.
 */
export function computeIndicatorSheet(input: SheetInput, settings: JurisdictionSettings): IndicatorSheet {
  const t = settings.targets;
  const { documents: d, meetings: m, tthc, breaches: b } = input;
  const bucket = (k: D2Bucket): D2Value[D2Bucket] => {
    const prev = d.hasPreviousData ? d.previous.adminByBucket[k] : null;
    return { cur: d.current.adminByBucket[k], prev, cut: cutOf(prev, d.current.adminByBucket[k]) };
  };
  const d2: D2Value = { CV: bucket("CV"), QĐ: bucket("QĐ"), KH: bucket("KH"), TB: bucket("TB"), NQ: bucket("NQ"), other: bucket("other") };
  // M2 — KL 226 §2.2: ket_hop counts as online only when the settings say so
  const online = m.online + (settings.hybridCountsAsOnline ? m.hybrid : 0);
  // M3 — KL 226 §2.2: the quota depends on the unit's level
  const m3Target = input.level === "province" ? t.M3Province : input.level === "commune" ? t.M3Commune : null;
  const m3Value = m3Target === null ? null : m.wide;
  const indicators: Record<string, Indicator> = {
    // D1 — KL 226 §2.1
    D1: cutIndicator("D1", d.current.admin, d.previous.admin, d.hasPreviousData, t.D1),
    // D2 — KH 153a/KH-UBND §IV.2.b
    D2: { value: d2, target: null, met: null, ...about("D2") },
    // D3 — KH 63-KH/TU §II.3: non-secret documents digitised
    D3: shareIndicator("D3", d.current.nonSecretDigitized, d.current.nonSecret, t.D3, {
      violations: b.notDigitized, violationCount: b.notDigitizedCount,
    }),
    // D4 — KH 63-KH/TU §II.3: non-secret documents sent electronically
    D4: shareIndicator("D4", d.current.nonSecretSentElectronically, d.current.nonSecret, t.D4, {
      violations: b.notSentElectronically, violationCount: b.notSentElectronicallyCount,
    }),
    // M1 — KL 226 §2.2
    M1: cutIndicator("M1", m.current, m.previous, m.hasPreviousData, t.M1),
    M2: shareIndicator("M2", online, m.online + m.inPerson + m.hybrid, t.M2, {
      online: m.online, inPerson: m.inPerson, hybrid: m.hybrid, hybridCountsAsOnline: settings.hybridCountsAsOnline,
    }),
    M3: {
      value: m3Value, target: m3Target, met: m3Value === null || m3Target === null ? null : m3Value <= m3Target,
      scope: input.level === "province" ? "toan_tinh" : input.level === "commune" ? "toan_xa" : null, ...about("M3"),
    },
    // M4, M5 — KL 226 §2.2: every breach is one conference
    M4: { value: m.m4Violations.length, target: 0, met: m.m4Violations.length === 0, violations: m.m4Violations, ...about("M4") },
    M5: { value: m.m5Violations.length, target: 0, met: m.m5Violations.length === 0, violations: m.m5Violations, ...about("M5") },
    // T1 — KL 226 §2.3
    T1: shareIndicator("T1", tthc.processedDigitally, tthc.received, t.T1),
  };
  return { org: input.org, period: input.period, subtree: input.subtree, indicators, notes: notesOf(input, settings) };
}
