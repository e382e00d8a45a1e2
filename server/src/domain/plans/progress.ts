// Progress of a task occurrence — issue "Plans and tasks" §7 and P1 (occurrences completed on
// time); T3 "rõ thời gian" (KL 226 §2.3). The status is derived from dues and dates, never typed.
import { addDays } from "./plan-text.js";

/** Progress status (trạng thái thực hiện) of one occurrence. */
export type ProgressStatus =
  | "chua_thuc_hien"
  | "dang_thuc_hien"
  | "hoan_thanh_dung_han"
  | "hoan_thanh_qua_han"
  | "qua_han_chua_hoan_thanh";

/** Vietnamese labels of the statuses, for the UI. */
export const PROGRESS_STATUS_LABELS: Readonly<Record<ProgressStatus, string>> = {
  chua_thuc_hien: "Chưa thực hiện",
  dang_thuc_hien: "Đang thực hiện",
  hoan_thanh_dung_han: "Hoàn thành đúng hạn",
  hoan_thanh_qua_han: "Hoàn thành quá hạn",
  qua_han_chua_hoan_thanh: "Quá hạn chưa hoàn thành",
};

/** The dates an occurrence's status is derived from ("YYYY-MM-DD"; due null = no date yet). */
export type OccurrenceDates = { due: string | null; completedOn: string | null; startedOn?: string | null };

/**
 * The status of an occurrence on `today` (all "YYYY-MM-DD", compared as strings):
 * completed on or before the due → đúng hạn; after it → quá hạn; completed with no due → đúng
 * hạn (nothing to be late for). Not completed: past the due (today > due; the due day itself
 * is still in time) → quá hạn chưa hoàn thành; else started on or before today → đang thực
 * hiện; else chưa thực hiện.
 */
export function statusOf(occurrence: OccurrenceDates, today: string): ProgressStatus {
  const { due, completedOn } = occurrence;
  if (completedOn !== null) return due === null || completedOn <= due ? "hoan_thanh_dung_han" : "hoan_thanh_qua_han";
  if (due !== null && today > due) return "qua_han_chua_hoan_thanh";
  const started = occurrence.startedOn ?? null;
  return started !== null && started <= today ? "dang_thuc_hien" : "chua_thuc_hien";
}

/** Is the occurrence overdue on `today` (past its due and not completed)? */
export function isOverdue(occurrence: OccurrenceDates, today: string): boolean {
  return statusOf(occurrence, today) === "qua_han_chua_hoan_thanh";
}

/**
 * Occurrences not completed whose due falls within the next `days` days, today included
 * (today ≤ due ≤ today + days) — the in-app "due in 7 days" notice. Order kept.
 */
export function dueSoon<T extends OccurrenceDates>(occurrences: readonly T[], today: string, days = 7): T[] {
  const last = addDays(today, days);
  return occurrences.filter((o) => o.completedOn === null && o.due !== null && o.due >= today && o.due <= last);
}
