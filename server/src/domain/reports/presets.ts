// The reporting regimes of the seed documents as schedule lines (kl226-rules.md §4). Unit codes
// differ between databases, so each preset takes the codes it needs.
import type { ReportingSchedule } from "./reporting-settings.js";

/**
 * Seed 000 — Thái Nguyên, CV 426/UBND-NC §6: departments (sở, ban, ngành) and communes/wards
 * report quarterly, six-monthly and yearly to Sở Nội vụ "before the 15th of the last month of
 * the period"; Sở Nội vụ reports to the Province "before the 20th". The Sở Nội vụ line comes
 * first: the first matching line wins.
 */
export function thaiNguyen426(codes: { homeAffairs: string }): ReportingSchedule[] {
  return [
    {
      id: "snv-tinh", periods: ["quarter", "half", "year"], reporters: { codes: [codes.homeAffairs] }, recipient: { kind: "parent" },
      deadline: { kind: "before_day_of_last_month", day: 20 }, source: "CV 426/UBND-NC §6",
    },
    {
      id: "so-xa-snv", periods: ["quarter", "half", "year"], reporters: { levels: ["department", "commune"], blocs: ["state"] },
      recipient: { kind: "unit", code: codes.homeAffairs }, deadline: { kind: "before_day_of_last_month", day: 15 }, source: "CV 426/UBND-NC §6",
    },
  ];
}

/**
 * Seed 001 — Tuyên Quang, KH 63-KH/TU §IV.1: every quarter, "before the 20th of the last month
 * of the quarter", the Party bodies under the Tỉnh ủy report to its Standing Committee (through
 * Văn phòng Tỉnh ủy and Ban Tổ chức Tỉnh ủy). Set on the Tỉnh ủy, whose children they are.
 */
export function tuyenQuang63(): ReportingSchedule[] {
  return [{
    id: "dang-quy", periods: ["quarter"], reporters: { blocs: ["party"], levels: ["department", "commune"] }, recipient: { kind: "parent" },
    via: "qua Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy", deadline: { kind: "before_day_of_last_month", day: 20 }, source: "KH 63-KH/TU §IV.1",
  }];
}

/**
 * Seed 002 — Đồng Tháp, KH 498/KH-UBND: departments and communes report six-monthly "before
 * 05/6" and yearly "before 05/12" to the Province through Sở Nội vụ (§IV.1); Sở Nội vụ reports
 * to the Province and the Party Standing Committee "before 10/6 and 10/12" (appendix row 16).
 * The second half has no date of its own: the year report covers it.
 */
export function dongThap498(codes: { homeAffairs: string }): ReportingSchedule[] {
  return [
    {
      id: "snv-tinh-6t-nam", periods: ["half", "year"], reporters: { codes: [codes.homeAffairs] }, recipient: { kind: "parent" },
      deadline: { kind: "before_fixed_date", dates: [{ slot: "S1", date: "10/6" }, { slot: "Y", date: "10/12" }] },
      source: "KH 498/KH-UBND, phụ lục dòng 16",
    },
    {
      id: "so-xa-6t-nam", periods: ["half", "year"], reporters: { levels: ["department", "commune"], blocs: ["state"] },
      recipient: { kind: "unit", code: codes.homeAffairs }, via: "để tổng hợp, báo cáo Ủy ban nhân dân tỉnh",
      deadline: { kind: "before_fixed_date", dates: [{ slot: "S1", date: "05/6" }, { slot: "Y", date: "05/12" }] },
      source: "KH 498/KH-UBND §IV.1",
    },
  ];
}
