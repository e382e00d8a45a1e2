// "6 rõ" — T3 (KL 226 §2.3; 004 §5.a; kl226-rules.md §3, §5): rõ người, rõ việc, rõ thời gian,
// rõ trách nhiệm, rõ thẩm quyền, rõ sản phẩm. Each failure is named, in Vietnamese.
import { roundTo } from "../format.js";
import { foldDiacritics } from "../normalize.js";
import type { Schedule } from "./schedule.js";

/** What the check needs of a task. */
export type SixClearTask = {
  leadOrgIds: number[];
  leadPersonName?: string | null;
  content: string;
  schedule: Schedule;
  /** A review cadence set for an ongoing task ("rà soát hằng quý"), which makes its time clear. */
  reviewCadence?: string | null;
  coordinatorsText: string;
  product: string;
};

/** One of the six: `reason` says why it fails; `note` qualifies a pass (an event-bound due). */
export type ClearCheck = { ok: boolean; reason?: string; note?: string };

/** The six checks and whether all pass. */
export type SixClearResult = {
  person: ClearCheck; task: ClearCheck; time: ClearCheck; responsibility: ClearCheck; authority: ClearCheck; product: ClearCheck;
  allClear: boolean;
};

/** Cells meaning "explicitly none": "Không", "Không có", "—", "-", "x". */
const NONE_WORDS = /^(?:khong(?: co)?|-+|–|—|\/|x|k)$/;

const pass = (note?: string): ClearCheck => (note === undefined ? { ok: true } : { ok: true, note });
const failWith = (reason: string): ClearCheck => ({ ok: false, reason });

/** A section heading rather than a task: no lower-case letter, a Roman numeral, or ends with ":". */
function isHeadingOnly(content: string): boolean {
  const s = content.trim();
  if (/^[IVXLC]+\.?$/.test(s) || /:$/.test(s)) return true;
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

function checkTime(schedule: Schedule, reviewCadence: string | null | undefined): ClearCheck {
  switch (schedule.kind) {
    case "date":
    case "range":
    case "recurring":
      return pass();
    case "ongoing":
      if (schedule.due !== null) return pass();
      return (reviewCadence ?? "").trim() !== ""
        ? pass(`Nhiệm vụ thường xuyên, rà soát theo kỳ: ${reviewCadence?.trim()}`)
        : failWith("«Thường xuyên» chưa có mốc thời gian hoặc kỳ rà soát");
    case "event":
      // decision: an explicit trigger is a clear time; no date until the event is recorded
      return pass(
        schedule.offset === null
          ? `Thời hạn phụ thuộc sự kiện «${schedule.event}»; cần ghi nhận ngày xảy ra sự kiện`
          : `Trong ${schedule.offset.days} ngày${schedule.offset.workingDays ? " làm việc" : ""} sau khi ${schedule.event}`,
      );
    case "unknown":
      return failWith(schedule.text.trim() === "" ? "Chưa ghi thời hạn" : `Không hiểu thời hạn «${schedule.text.trim()}»`);
  }
}

/**
 * Check "6 rõ" for one task (T3 — KL 226 §2.3):
 * - person: a lead unit or person;
 * - task: content not empty and not a mere heading;
 * - time: a concrete due or cadence; ongoing ("Thường xuyên") passes only with a named due or a
 *   review cadence; unknown fails; event-bound PASSES with a note (the trigger is explicit,
 *   the due is set once the event is recorded);
 * - responsibility: exactly one lead (T2) and coordinators named or explicitly none ("Không");
 * - authority: every lead unit within the issuer's subtree;
 * - product: not empty.
 */
export function checkSixClear(task: SixClearTask, ctx: { issuerSubtreeIds: ReadonlySet<number> }): SixClearResult {
  const person = (task.leadPersonName ?? "").trim();
  const leads = task.leadOrgIds.length > 0 ? task.leadOrgIds.length : person !== "" ? 1 : 0;
  const content = task.content.trim();
  const coordinators = foldDiacritics(task.coordinatorsText);
  const product = task.product.trim();
  const outside = task.leadOrgIds.filter((id) => !ctx.issuerSubtreeIds.has(id));

  const result: Omit<SixClearResult, "allClear"> = {
    person: leads > 0 ? pass() : failWith("Chưa có đơn vị hoặc người chủ trì"),
    task: content === "" ? failWith("Nội dung công việc trống")
      : isHeadingOnly(content) ? failWith("Nội dung chỉ là tiêu đề mục, chưa nêu việc cụ thể")
      : pass(),
    time: checkTime(task.schedule, task.reviewCadence),
    responsibility: leads === 0 ? failWith("Chưa xác định đơn vị chủ trì")
      : leads > 1 ? failWith(`Có ${leads} đơn vị chủ trì — vi phạm nguyên tắc «một việc một đầu mối»`)
      : coordinators === "" ? failWith("Chưa ghi cơ quan phối hợp (ghi «Không» nếu không có)")
      : pass(NONE_WORDS.test(coordinators) ? "Không có cơ quan phối hợp" : undefined),
    authority: task.leadOrgIds.length === 0 ? failWith("Chủ trì chưa gắn với đơn vị nào trong phạm vi của cơ quan ban hành")
      : outside.length > 0 ? failWith("Đơn vị chủ trì không thuộc phạm vi quản lý của cơ quan ban hành")
      : pass(),
    product: product === "" || /^[-–—.]+$/.test(product) ? failWith("Chưa nêu sản phẩm, kết quả") : pass(),
  };
  const allClear = Object.values(result).every((c) => c.ok);
  return { ...result, allClear };
}

/** Share of tasks meeting all six "rõ", in percent to one decimal (T3 indicator); null for no task. */
export function shareAllClear(results: ReadonlyArray<{ allClear: boolean }>): number | null {
  if (results.length === 0) return null;
  return roundTo((results.filter((r) => r.allClear).length / results.length) * 100, 1);
}
