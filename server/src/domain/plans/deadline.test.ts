import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline.js";
import type { Schedule } from "./deadline.js";

const ctx = { planYear: 2026 };
type Want = Partial<Schedule> & { kind: Schedule["kind"] };

describe("parseDeadline — forms of the issue, kl226-rules §5 and seed 004", () => {
  it.each<[string, Want]>([
    ["Tháng 5 năm 2026", { kind: "date", due: "2026-05-31", period: "2026-05" }],
    ["Chậm nhất 15/5/2026", { kind: "date", due: "2026-05-15", period: "2026-05" }],
    ["Trước ngày 05/12/2026", { kind: "date", due: "2026-12-05", period: "2026-12" }],
    ["15-5-2026", { kind: "date", due: "2026-05-15" }],
    ["Trước 15/5/2026", { kind: "date", due: "2026-05-15" }],
    ["Hoàn thành trước ngày 30/6/2026.", { kind: "date", due: "2026-06-30" }],
    ["Tháng 5/2026", { kind: "date", due: "2026-05-31", period: "2026-05" }],
    ["Tháng 02 năm 2028", { kind: "date", due: "2028-02-29", period: "2028-02" }],
    ["Ngày 15 tháng 5 năm 2026", { kind: "date", due: "2026-05-15" }],
    ["Quý IV/2026", { kind: "date", due: "2026-12-31", period: "2026Q4" }],
    ["Quý 2/2026", { kind: "date", due: "2026-06-30", period: "2026Q2" }],
    ["Quý I/2027", { kind: "date", due: "2027-03-31", period: "2027Q1" }],
    ["Trong quý I năm 2026", { kind: "date", due: "2026-03-31", period: "2026Q1" }],
    ["Quý III năm 2026", { kind: "date", due: "2026-09-30", period: "2026Q3" }],
    ["6 tháng đầu năm 2026", { kind: "date", due: "2026-06-30", period: "2026S1" }],
    ["6 tháng cuối năm 2026", { kind: "date", due: "2026-12-31", period: "2026S2" }],
    ["Năm 2026", { kind: "date", due: "2026-12-31", period: "2026" }],
    ["Trong năm 2026", { kind: "date", due: "2026-12-31", period: "2026" }],
    ["Đến cuối 2026", { kind: "date", due: "2026-12-31", period: "2026" }],
    ["Cuối năm 2027", { kind: "date", due: "2027-12-31", period: "2027" }],
    ["2026", { kind: "date", due: "2026-12-31" }],
    ["Hằng năm, bắt đầu từ 2026", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Hàng năm, bắt đầu từ 2026", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Hàng năm, từ 2026", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Hằng năm từ năm 2027", { kind: "recurring", cadence: ["year"], from: "2027-01-01", until: null }],
    ["Năm 2026, hằng năm", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Định kỳ hằng năm", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Hằng quý, 6 tháng, năm", { kind: "recurring", cadence: ["quarter", "half", "year"], from: "2026-01-01" }],
    ["Định kỳ hằng quý, 6 tháng, hằng năm", { kind: "recurring", cadence: ["quarter", "half", "year"] }],
    ["Định kỳ 6 tháng và hằng năm", { kind: "recurring", cadence: ["half", "year"] }],
    ["Hằng tháng", { kind: "recurring", cadence: ["month"] }],
    ["Hằng năm, từ 2026 đến 2030", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: "2030-12-31" }],
    ["Thường xuyên", { kind: "ongoing", from: null, due: null }],
    ["Thường xuyên, liên tục", { kind: "ongoing", from: null, due: null }],
    ["Thường xuyên từ 2026", { kind: "ongoing", from: "2026-01-01", due: null }],
    ["2026 và thường xuyên", { kind: "ongoing", from: "2026-01-01", due: "2026-12-31" }],
    ["2026-2027", { kind: "range", from: "2026-01-01", to: "2027-12-31", due: "2027-12-31" }],
    ["2026 - 2027", { kind: "range", from: "2026-01-01", to: "2027-12-31" }],
    ["Giai đoạn 2026-2030", { kind: "range", from: "2026-01-01", to: "2030-12-31" }],
    ["Từ năm 2026 đến năm 2027", { kind: "range", from: "2026-01-01", to: "2027-12-31" }],
    ["Sau khi Thủ tướng CP ban hành Chỉ thị", { kind: "event", event: "Thủ tướng CP ban hành Chỉ thị", offset: null }],
    ["Ngay sau khi có hướng dẫn của Bộ Nội vụ", { kind: "event", event: "có hướng dẫn của Bộ Nội vụ", offset: null }],
    ["Trong vòng 30 ngày kể từ khi Kế hoạch được ban hành", { kind: "event", event: "Kế hoạch được ban hành", offset: { days: 30, workingDays: false } }],
    ["Trong 10 ngày làm việc sau khi có kết luận", { kind: "event", event: "có kết luận", offset: { days: 10, workingDays: true } }],
    ["Theo yêu cầu của Chủ tịch UBND tỉnh", { kind: "event", event: "Theo yêu cầu của Chủ tịch UBND tỉnh" }],
  ])("%s", (text, want) => {
    expect(parseDeadline(text, ctx)).toMatchObject({ ...want, text });
  });
});

describe("parseDeadline — OCR'd forms of seed 002", () => {
  it.each<[string, Want]>([
    ["Thang 5\nndm 2026", { kind: "date", due: "2026-05-31", period: "2026-05" }],
    ["Hang nam, bt dau tu 2026", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Hang nam, tur 2026", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
    ["Saukhi Thu tuéng CP ban hanh Chi thi", { kind: "event", event: "Thu tuéng CP ban hanh Chi thi" }],
    ["Thuong xuyén", { kind: "ongoing", from: null, due: null }],
    ["Thuong xuyén tir 2026", { kind: "ongoing", from: "2026-01-01", due: null }],
    ["2026- 2027", { kind: "range", from: "2026-01-01", to: "2027-12-31" }],
    ["Quy 1V/2026", { kind: "date", due: "2026-12-31", period: "2026Q4" }],
    ["Quy lV/2026", { kind: "date", due: "2026-12-31", period: "2026Q4" }],
    ["2026 va thuong xuyén", { kind: "ongoing", from: "2026-01-01", due: "2026-12-31" }],
    ["Dén cuoi 2026", { kind: "date", due: "2026-12-31", period: "2026" }],
    ["Nam 2026", { kind: "date", due: "2026-12-31", period: "2026" }],
    ["Dinh ky hing nim", { kind: "recurring", cadence: ["year"], from: "2026-01-01", until: null }],
  ])("%s", (text, want) => {
    expect(parseDeadline(text, ctx)).toMatchObject({ ...want, text });
  });
});

describe("parseDeadline — unknown text is kept, never guessed", () => {
  it.each([
    "11UOme X\"",
    "T 2‘026 va thlwflg",
    "Nam 5496", // OCR of "Năm 2026": a year far from the plan's is noise, not a date
    "",
    "   ",
    "Kịp thời",
    "Theo quy định",
    "Trước tháng 6/2026", // does "before June" include June? not ours to guess
    "Tháng 13 năm 2026",
    "31/02/2026",
    "Quý V/2026",
    "Tháng 5 hằng năm",
    "Định kỳ 6 tháng, hằng năm (trước ngày 10/6 và 10/12)",
    "2027-2026",
  ])("%j", (text) => {
    expect(parseDeadline(text, ctx)).toEqual({ kind: "unknown", text });
  });
});
