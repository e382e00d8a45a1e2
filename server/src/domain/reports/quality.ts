// Data-quality checks before a report is sent — issue "Periodic reports" §3: a month with no
// documents, a month far outside the unit's own history by a robust z-score (median and MAD,
// Iglewicz & Hoaglin's modified z = 0.6745 (x − median) / MAD), and figures that cannot both be
// true (online conferences exceeding the total, TTHC processed exceeding those received…).
// Each flag asks for an explanation; the report cannot be sent until every flag has one.
import { formatNumberVi } from "../format.js";
import type { ReportFigures } from "./figures.js";

export type QualityFlag = {
  /** stable key: explanations are stored against it */
  key: string;
  kind: "empty_month" | "outlier" | "inconsistent";
  /** the figure concerned (a path of flattenFigures) */
  figure: string;
  message: string;
  details: Record<string, number | string | null>;
};

/** One calendar month of the unit's records. */
export type MonthCounts = { month: string; documents: number; conferences: number };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * The modified z-score of `x` against `history`: 0.6745 (x − median) / MAD; when MAD is 0 (over
 * half the history equal), the mean absolute deviation scaled by 1.2533 stands in; when that is
 * 0 too (a flat history), 0 if x equals it and ±Infinity otherwise. null with no history.
 */
export function robustZ(x: number, history: readonly number[]): number | null {
  if (history.length === 0) return null;
  const med = median(history);
  const mad = median(history.map((h) => Math.abs(h - med)));
  if (mad > 0) return (0.6745 * (x - med)) / mad;
  const meanAd = history.reduce((n, h) => n + Math.abs(h - med), 0) / history.length;
  if (meanAd > 0) return (x - med) / (1.2533 * meanAd);
  return x === med ? 0 : x > med ? Infinity : -Infinity;
}

const monthVi = (m: string): string => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/**
 * The flags of a report: `months` are the complete calendar months of its range (a month still
 * running is not judged), `history` the unit's months before the range (oldest first).
 */
export function checkQuality(input: {
  months: readonly MonthCounts[];
  history: readonly MonthCounts[];
  figures: ReportFigures;
  quality: { robustZ: number; minHistoryMonths: number };
}): QualityFlag[] {
  const flags: QualityFlag[] = [];
  for (const m of input.months) {
    if (m.documents === 0) {
      flags.push({
        key: `empty-month:${m.month}`, kind: "empty_month", figure: "documents.total.current",
        message: `Tháng ${monthVi(m.month)} không có văn bản hành chính nào được ban hành: đề nghị giải thích (chưa nhập sổ hay thực tế không ban hành).`,
        details: { month: m.month },
      });
    }
  }
  if (input.history.length >= input.quality.minHistoryMonths) {
    const series = [
      { metric: "documents", figure: "documents.total.current", noun: "văn bản" },
      { metric: "conferences", figure: "conferences.total.current", noun: "hội nghị" },
    ] as const;
    for (const s of series) {
      const past = input.history.map((h) => h[s.metric]);
      const med = median(past);
      for (const m of input.months) {
        const x = m[s.metric];
        if (s.metric === "documents" && x === 0) continue; // already an empty month
        const z = robustZ(x, past);
        if (z === null || Math.abs(z) <= input.quality.robustZ) continue;
        const direction = x > med ? "cao" : "thấp";
        flags.push({
          key: `outlier:${s.metric}:${m.month}`, kind: "outlier", figure: s.figure,
          message: `Tháng ${monthVi(m.month)} có ${formatNumberVi(x)} ${s.noun}, ${direction} bất thường so với số liệu của chính đơn vị (trung vị ${formatNumberVi(med)}/tháng trong ${past.length} tháng trước): đề nghị giải thích.`,
          details: { month: m.month, value: x, median: med, z: Number.isFinite(z) ? Math.round(z * 10) / 10 : String(z) },
        });
      }
    }
  }
  flags.push(...checkConsistency(input.figures));
  return flags;
}

/** Figures that cannot both be true: a part larger than its whole. */
export function checkConsistency(f: ReportFigures): QualityFlag[] {
  const rules: Array<{ key: string; figure: string; part: number; whole: number; text: string }> = [
    { key: "conferences.online", figure: "conferences.online", part: f.conferences.online + f.conferences.hybrid, whole: f.conferences.total.current, text: "Số hội nghị trực tuyến và kết hợp vượt tổng số hội nghị" },
    { key: "conferences.inPerson", figure: "conferences.inPerson", part: f.conferences.inPerson + f.conferences.online + f.conferences.hybrid, whole: f.conferences.total.current, text: "Tổng hội nghị theo hình thức vượt tổng số hội nghị" },
    { key: "tthc.processedDigitally", figure: "tthc.processedDigitally", part: f.tthc.processedDigitally, whole: f.tthc.received, text: "Số hồ sơ TTHC xử lý trên môi trường số vượt số hồ sơ tiếp nhận" },
    { key: "digital.digitized", figure: "digital.digitized", part: f.digital.digitized, whole: f.digital.nonSecret, text: "Số văn bản số hóa vượt số văn bản không mật" },
    { key: "digital.sentElectronically", figure: "digital.sentElectronically", part: f.digital.sentElectronically, whole: f.digital.nonSecret, text: "Số văn bản gửi điện tử vượt số văn bản không mật" },
    { key: "tasks.done", figure: "tasks.done", part: f.tasks.done, whole: f.tasks.due, text: "Số nhiệm vụ hoàn thành vượt số nhiệm vụ đến hạn" },
  ];
  return rules
    .filter((r) => r.part > r.whole + 1e-9)
    .map((r) => ({
      key: `inconsistent:${r.key}`, kind: "inconsistent" as const, figure: r.figure,
      message: `${r.text} (${formatNumberVi(r.part)} > ${formatNumberVi(r.whole)}): đề nghị kiểm tra lại số liệu và giải thích.`,
      details: { part: r.part, whole: r.whole },
    }));
}

/** The flags still lacking an explanation (a blank one does not count). */
export function unexplained(flags: readonly QualityFlag[], explanations: Readonly<Record<string, string>>): QualityFlag[] {
  return flags.filter((f) => (explanations[f.key] ?? "").trim().length === 0);
}
