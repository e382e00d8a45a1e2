// Documents other than the seeds: what the parser reads and — as important — what it leaves
// empty rather than guess (data-contract.md §Document commands).
import { describe, expect, it } from "vitest";
import { parseDocumentText } from "./parse-document.js";

const decision = `ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ                                   Độc lập - Tự do - Hạnh phúc

Số: 1203/QĐ-SYT                           Tuyên Quang, ngày 05 tháng 6 năm 2026

QUYẾT ĐỊNH
Ban hành Quy chế làm việc của Sở Y tế

GIÁM ĐỐC SỞ Y TẾ

Căn cứ Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ;
Xét đề nghị của Chánh Văn phòng Sở,

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Y tế.

Nơi nhận:                                 GIÁM ĐỐC
- Như Điều 3;
- Lưu: VT, VP.

                                          Hoàng Thị Lan
`;

const letter = `UBND XÃ KIẾN THIẾT
Số: 77/UBND-VP
V/v báo cáo số lượng hội nghị năm 2026
Kiến Thiết, ngày 02 tháng 7 năm 2026

Kính gửi: Phòng Văn hóa - Xã hội

Ủy ban nhân dân xã đề nghị báo cáo trước ngày 10/7/2026.
`;

describe("parseDocumentText on documents other than the seeds", () => {
  it("a department's decision: issuer under its parent, type from the title, signer without authority", () => {
    const p = parseDocumentText(decision);
    expect(p.issuer).toEqual({ name: "SỞ Y TẾ", parent: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" });
    expect(p.number).toBe("1203/QĐ-SYT");
    expect(p.type).toEqual({ code: "QĐ", name: "Quyết định" });
    expect(p.place).toBe("Tuyên Quang");
    expect(p.date).toBe("2026-06-05");
    expect(p.subject).toBe("Ban hành Quy chế làm việc của Sở Y tế");
    expect(p.references).toEqual([{ number: "534/QĐ-TTg", type: { code: "QĐ", name: "Quyết định" }, date: "2026-03-31", issuer: "Thủ tướng Chính phủ", title: null }]);
    expect(p.distribution).toEqual(["Như Điều 3", "Lưu: VT, VP"]);
    expect(p.signer).toEqual({ name: "Hoàng Thị Lan", position: "GIÁM ĐỐC", onBehalf: [] });
    expect(p.targets).toEqual([]);
    expect(p.notes).toEqual([]);
  });

  it("a short công văn: V/v subject, one recipient on the Kính gửi line, nothing invented", () => {
    const p = parseDocumentText(letter);
    expect(p.issuer).toEqual({ name: "UBND XÃ KIẾN THIẾT", parent: null });
    expect(p.number).toBe("77/UBND-VP");
    expect(p.type).toEqual({ code: "CV", name: "Công văn" });
    expect(p.subject).toBe("báo cáo số lượng hội nghị năm 2026");
    expect(p.date).toBe("2026-07-02");
    expect(p.recipients).toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(p.signer).toBeNull();
    expect(p.distribution).toEqual([]);
    expect(p.references).toEqual([]);
  });

  it("an unreadable date is null, its readable parts kept and a note says why", () => {
    const p = parseDocumentText(letter.replace("ngày 02 tháng 7 năm 2026", "ngày 02 thang ?? năm 2026"));
    expect(p.date).toBeNull();
    expect(p.dateParts).toEqual({ day: 2, month: null, year: 2026 });
    expect(p.notes.join(" ")).toMatch(/không đọc được/);
  });

  it("a text with no header at all gives empty fields, not guesses", () => {
    const p = parseDocumentText("Một đoạn văn bản không có tiêu đề, không số, không ngày.\n");
    expect(p).toMatchObject({ issuer: null, number: null, type: null, place: null, date: null, subject: null, recipients: [], signer: null, distribution: [], references: [], targets: [] });
  });
});
