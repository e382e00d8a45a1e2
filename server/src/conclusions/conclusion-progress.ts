// Progress of a conference's conclusions (kết luận), each a task of the notice's plan: one status
// per conclusion from the statuses of its occurrences (domain/plans/progress.ts), and the
// summary the conference page shows. Pure.
import type { ProgressStatus } from "../domain/plans/progress.js";

/** done: every due completed; overdue: a due passed uncompleted; on_time: under way and in time;
 * not_started: nothing reported yet (or no due to track). */
export type ConclusionStatus = "done" | "on_time" | "overdue" | "not_started";

export const CONCLUSION_STATUS_LABELS: Readonly<Record<ConclusionStatus, string>> = {
  done: "Đã hoàn thành",
  on_time: "Đang thực hiện, trong hạn",
  overdue: "Quá hạn",
  not_started: "Chưa thực hiện",
};

const isCompleted = (s: ProgressStatus) => s === "hoan_thanh_dung_han" || s === "hoan_thanh_qua_han";

/** The status of one conclusion from its occurrences' statuses. */
export function conclusionStatusOf(occurrences: readonly ProgressStatus[]): ConclusionStatus {
  if (occurrences.length === 0) return "not_started";
  if (occurrences.includes("qua_han_chua_hoan_thanh")) return "overdue";
  if (occurrences.every(isCompleted)) return "done";
  if (occurrences.some((s) => s === "dang_thuc_hien" || isCompleted(s))) return "on_time";
  return "not_started";
}

export type ConclusionSummary = {
  total: number; done: number; onTime: number; overdue: number; notStarted: number;
  /** conclusions failing at least one of the "6 rõ" (T3 — KL 226 §2.3) */
  sixClearIncomplete: number;
  /** share done, in percent to one decimal; null without conclusions */
  donePercent: number | null;
};

/** Counts of the conference page's progress bar. */
export function summarizeConclusions(items: ReadonlyArray<{ status: ConclusionStatus; allClear: boolean | null }>): ConclusionSummary {
  const count = (s: ConclusionStatus) => items.filter((i) => i.status === s).length;
  const done = count("done");
  return {
    total: items.length, done, onTime: count("on_time"), overdue: count("overdue"), notStarted: count("not_started"),
    sixClearIncomplete: items.filter((i) => i.allClear !== true).length,
    donePercent: items.length === 0 ? null : Math.round((done / items.length) * 1000) / 10,
  };
}

/** The deadline cell of a conclusion: an ISO date is written the Vietnamese way (dd/mm/yyyy),
 * which the deadline reader takes as a date; any other phrase is kept as typed. */
export function deadlineTextOf(due: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due.trim());
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : due.trim();
}
