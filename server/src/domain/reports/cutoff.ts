// Data cut-off (thời điểm lấy số liệu) — kl226-rules.md §9. Calendar periods by default
// (data-contract.md §Periods); or Decree 09/2019's convention as copied into provincial regimes:
// month = 15th of the previous month → 14th; quarter = 15th of the month before the quarter →
// 14th of its last month; six months = 15/12 of the previous year → 14/6; year = 15/12 → 14/12.
import { shiftPeriodYears, type Period } from "../period.js";
import { isoDay } from "./report-dates.js";

/** The records a report counts: [start, end) local days, and the convention that gave them. */
export type DataRange = { start: string; end: string; convention: "calendar" | "decree09" };

/** The data range of period `p` under the convention (`day`: Decree 09's 15). */
export function dataRangeOf(p: Period, convention: "calendar" | "decree09", day: number): DataRange {
  if (convention === "calendar") return { start: p.start, end: p.end, convention };
  const firstMonth = Number(p.start.slice(5, 7));
  const startY = firstMonth === 1 ? p.year - 1 : p.year;
  const startM = firstMonth === 1 ? 12 : firstMonth - 1;
  // p.end is the 1st of the month after the last one: the range ends on `day` of the last month
  const endY = Number(p.end.slice(0, 4));
  const endM = Number(p.end.slice(5, 7));
  const lastY = endM === 1 ? endY - 1 : endY;
  const lastM = endM === 1 ? 12 : endM - 1;
  return { start: isoDay(startY, startM, day), end: isoDay(lastY, lastM, day), convention };
}

/** The same range one year earlier ("cùng kỳ năm trước"). */
export function previousDataRangeOf(p: Period, convention: "calendar" | "decree09", day: number): DataRange {
  return dataRangeOf(shiftPeriodYears(p, -1), convention, day);
}

/** The calendar months ("YYYY-MM") a range touches, in order. */
export function monthsTouched(range: { start: string; end: string }): string[] {
  const out: string[] = [];
  let y = Number(range.start.slice(0, 4));
  let m = Number(range.start.slice(5, 7));
  const endKey = range.end.slice(0, 7);
  const endsOnFirst = range.end.slice(8, 10) === "01";
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > endKey || (key === endKey && endsOnFirst)) break;
    out.push(key);
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return out;
}
