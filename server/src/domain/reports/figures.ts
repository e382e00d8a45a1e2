// The statistical content of a report — issue "Periodic reports" §2; kl226-rules.md §4 "report
// content" (000 §6, 003 §3, 004 §IV.2.b): documents issued by type with the cut vs the same
// period last year (D2), conferences in person / online, TTHC processed digitally, digitisation
// and e-sending, tasks due/done/overdue. Counting is the repositories' job; this module turns
// counts into figures, flattens them (for diffs and comments) and names every figure.
import { roundTo } from "../format.js";
import type { D2Bucket } from "../document-types.js";

/** Document counts of one range (administrative = not legal normative; non-secret for D3/D4). */
export type DocTally = {
  byType: Record<D2Bucket, number>;
  administrative: number; legalNormative: number; total: number;
  nonSecret: number; digitized: number; sentElectronically: number;
};
/** Conferences of one range (category ≠ kỳ họp định kỳ) by format. */
export type ConferenceTally = { total: number; inPerson: number; online: number; hybrid: number };
export type TthcTally = { received: number; processedDigitally: number };
/** Task occurrences due in the range, as known on the day the figures are computed. */
export type TaskTally = { due: number; done: number; doneOnTime: number; doneLate: number; overdue: number; notYetDue: number };

/** A count now, the same range last year (null: no baseline) and the % cut (null: none). */
export type CountPair = { current: number; previous: number | null; cut: number | null };

export type ReportFigures = {
  documents: { byType: Record<D2Bucket, CountPair>; administrative: CountPair; legalNormative: CountPair; total: CountPair };
  conferences: { total: CountPair; inPerson: number; online: number; hybrid: number; onlineShare: number | null; hybridCountsAsOnline: boolean };
  tthc: { received: number; processedDigitally: number; share: number | null; previousShare: number | null };
  digital: { nonSecret: number; digitized: number; sentElectronically: number; digitizedShare: number | null; sentShare: number | null };
  tasks: TaskTally;
};

export const D2_ORDER: readonly D2Bucket[] = ["NQ", "QĐ", "CV", "KH", "TB", "other"];
/** D2 — KH 153a/KH-UBND §IV.2.b: Nghị quyết, Quyết định, Công văn, Kế hoạch, Thông báo, khác. */
export const D2_LABELS: Readonly<Record<D2Bucket, string>> = {
  NQ: "Nghị quyết", QĐ: "Quyết định", CV: "Công văn", KH: "Kế hoạch", TB: "Thông báo", other: "Văn bản khác",
};

const round1 = (n: number): number => roundTo(n, 1);
const share = (num: number, den: number): number | null => (den > 0 ? round1((num / den) * 100) : null);
const pair = (cur: number, prev: number | null): CountPair => ({
  current: round1(cur),
  previous: prev === null ? null : round1(prev),
  cut: prev !== null && prev > 0 ? round1(((prev - cur) / prev) * 100) : null,
});

/** Figures from the counts of the range and of the same range last year (null: no baseline). */
export function buildFigures(input: {
  documents: { current: DocTally; previous: DocTally | null };
  conferences: { current: ConferenceTally; previous: ConferenceTally | null };
  tthc: { current: TthcTally; previous: TthcTally | null };
  tasks: TaskTally;
  hybridCountsAsOnline: boolean;
}): ReportFigures {
  const { documents: d, conferences: c, tthc: t } = input;
  const byType = Object.fromEntries(D2_ORDER.map((b) => [b, pair(d.current.byType[b], d.previous ? d.previous.byType[b] : null)])) as Record<D2Bucket, CountPair>;
  const online = c.current.online + (input.hybridCountsAsOnline ? c.current.hybrid : 0);
  return {
    documents: {
      byType,
      administrative: pair(d.current.administrative, d.previous?.administrative ?? null),
      legalNormative: pair(d.current.legalNormative, d.previous?.legalNormative ?? null),
      total: pair(d.current.total, d.previous?.total ?? null),
    },
    conferences: {
      total: pair(c.current.total, c.previous?.total ?? null),
      inPerson: round1(c.current.inPerson), online: round1(c.current.online), hybrid: round1(c.current.hybrid),
      onlineShare: share(online, c.current.total), hybridCountsAsOnline: input.hybridCountsAsOnline,
    },
    tthc: {
      received: round1(t.current.received), processedDigitally: round1(t.current.processedDigitally),
      share: share(t.current.processedDigitally, t.current.received),
      previousShare: t.previous ? share(t.previous.processedDigitally, t.previous.received) : null,
    },
    digital: {
      nonSecret: round1(d.current.nonSecret), digitized: round1(d.current.digitized), sentElectronically: round1(d.current.sentElectronically),
      digitizedShare: share(d.current.digitized, d.current.nonSecret), sentShare: share(d.current.sentElectronically, d.current.nonSecret),
    },
    tasks: { ...input.tasks },
  };
}

/** Sums figures' counts (a combined report); shares and cuts are recomputed from the sums. */
export function sumFigures(parts: readonly ReportFigures[], hybridCountsAsOnline: boolean): ReportFigures {
  const add = (get: (f: ReportFigures) => number | null) => parts.reduce((n, f) => n + (get(f) ?? 0), 0);
  const hasPrev = (get: (f: ReportFigures) => number | null) => parts.length > 0 && parts.every((f) => get(f) !== null);
  const prev = (get: (f: ReportFigures) => number | null) => (hasPrev(get) ? add(get) : null);
  const docs = (b: D2Bucket) => ({ cur: add((f) => f.documents.byType[b].current), prev: prev((f) => f.documents.byType[b].previous) });
  const byType = Object.fromEntries(D2_ORDER.map((b) => [b, pair(docs(b).cur, docs(b).prev)])) as Record<D2Bucket, CountPair>;
  const confTotal = add((f) => f.conferences.total.current);
  const online = add((f) => f.conferences.online) + (hybridCountsAsOnline ? add((f) => f.conferences.hybrid) : 0);
  const nonSecret = add((f) => f.digital.nonSecret);
  const received = add((f) => f.tthc.received);
  const processed = add((f) => f.tthc.processedDigitally);
  return {
    documents: {
      byType,
      administrative: pair(add((f) => f.documents.administrative.current), prev((f) => f.documents.administrative.previous)),
      legalNormative: pair(add((f) => f.documents.legalNormative.current), prev((f) => f.documents.legalNormative.previous)),
      total: pair(add((f) => f.documents.total.current), prev((f) => f.documents.total.previous)),
    },
    conferences: {
      total: pair(confTotal, prev((f) => f.conferences.total.previous)),
      inPerson: round1(add((f) => f.conferences.inPerson)), online: round1(add((f) => f.conferences.online)), hybrid: round1(add((f) => f.conferences.hybrid)),
      onlineShare: share(online, confTotal), hybridCountsAsOnline,
    },
    tthc: { received: round1(received), processedDigitally: round1(processed), share: share(processed, received), previousShare: null },
    digital: {
      nonSecret: round1(nonSecret), digitized: round1(add((f) => f.digital.digitized)), sentElectronically: round1(add((f) => f.digital.sentElectronically)),
      digitizedShare: share(add((f) => f.digital.digitized), nonSecret), sentShare: share(add((f) => f.digital.sentElectronically), nonSecret),
    },
    tasks: {
      due: add((f) => f.tasks.due), done: add((f) => f.tasks.done), doneOnTime: add((f) => f.tasks.doneOnTime),
      doneLate: add((f) => f.tasks.doneLate), overdue: add((f) => f.tasks.overdue), notYetDue: add((f) => f.tasks.notYetDue),
    },
  };
}

/** Figures as `path → value` for every number (or null) leaf: "documents.byType.CV.current". */
export function flattenFigures(value: unknown, prefix = ""): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (value === null || typeof value === "number") {
    if (prefix) out[prefix] = value;
    return out;
  }
  if (typeof value !== "object" || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) Object.assign(out, flattenFigures(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

const PAIR_PART: Record<string, string> = { current: "kỳ này", previous: "cùng kỳ năm trước", cut: "% giảm" };
const SECTION_FIGURES: Record<string, string> = {
  "documents.administrative": "Văn bản hành chính",
  "documents.legalNormative": "Văn bản quy phạm pháp luật",
  "documents.total": "Tổng số văn bản",
  "conferences.total": "Tổng số hội nghị",
  "conferences.inPerson": "Hội nghị trực tiếp",
  "conferences.online": "Hội nghị trực tuyến",
  "conferences.hybrid": "Hội nghị kết hợp",
  "conferences.onlineShare": "Tỷ lệ hội nghị trực tuyến (%)",
  "tthc.received": "Hồ sơ TTHC tiếp nhận",
  "tthc.processedDigitally": "Hồ sơ TTHC xử lý trên môi trường số",
  "tthc.share": "Tỷ lệ hồ sơ TTHC xử lý trên môi trường số (%)",
  "tthc.previousShare": "Tỷ lệ xử lý trên môi trường số cùng kỳ năm trước (%)",
  "digital.nonSecret": "Văn bản không mật",
  "digital.digitized": "Văn bản được số hóa",
  "digital.sentElectronically": "Văn bản gửi điện tử",
  "digital.digitizedShare": "Tỷ lệ số hóa (%)",
  "digital.sentShare": "Tỷ lệ gửi điện tử (%)",
  "tasks.due": "Nhiệm vụ đến hạn",
  "tasks.done": "Nhiệm vụ đã hoàn thành",
  "tasks.doneOnTime": "Hoàn thành đúng hạn",
  "tasks.doneLate": "Hoàn thành quá hạn",
  "tasks.overdue": "Quá hạn chưa hoàn thành",
  "tasks.notYetDue": "Chưa đến hạn",
};

/** The Vietnamese name of a figure path, e.g. "Công văn — kỳ này"; null for an unknown path. */
export function figureLabel(path: string): string | null {
  const m = /^documents\.byType\.(NQ|QĐ|CV|KH|TB|other)\.(current|previous|cut)$/.exec(path);
  if (m) return `${D2_LABELS[m[1] as D2Bucket]} — ${PAIR_PART[m[2] as string]}`;
  const p = /^(.*)\.(current|previous|cut)$/.exec(path);
  if (p && SECTION_FIGURES[p[1] as string]) return `${SECTION_FIGURES[p[1] as string]} — ${PAIR_PART[p[2] as string]}`;
  const i = /^indicators\.([A-Z][A-Z0-9]*)\.(value|numerator|denominator|current|previous|violationCount|target)(\..+)?$/.exec(path);
  if (i) return `Chỉ tiêu ${i[1]} — ${INDICATOR_PART[i[2] as string]}${i[3] ? ` (${i[3].slice(1)})` : ""}`;
  return SECTION_FIGURES[path] ?? null;
}

const INDICATOR_PART: Record<string, string> = {
  value: "giá trị", numerator: "tử số", denominator: "mẫu số", current: "kỳ này", previous: "cùng kỳ năm trước", violationCount: "số vi phạm", target: "chỉ tiêu",
};
