import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS } from "../settings.js";
import { checkRepeats, reachedLowerLevels, titleSimilarity, type RepeatInput, type UpperConference } from "./repeats.js";

const at = (local: string): Date => new Date(`${local}:00+07:00`);
const s = KL226_DEFAULTS.conferencePlanning; // 60 %, 365 days

// Subjects of the seed documents (test/fixtures/seeds 000–004) and the demo's fixed conferences.
const KL226_UPPER = "Hội nghị trực tuyến quán triệt, triển khai Kết luận số 226-KL/TW ngày 11/12/2025 của Ban Bí thư về việc chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị";
const KL226_LOWER = "Hội nghị quán triệt Kết luận của Ban Bí thư về chấn chỉnh lề lối làm việc, nâng cao hiệu quả hoạt động của hệ thống chính trị";

describe("titleSimilarity (Sørensen–Dice on character trigrams, boilerplate words left out)", () => {
  it.each<[string, string, "≥" | "<"]>([
    [KL226_UPPER, KL226_LOWER, "≥"],
    ["Hội nghị quán triệt, triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "Hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng", "≥"],
    ["Hội nghị quán triệt chấn chỉnh lề lối làm việc", "Hội nghị tập huấn chuyển đổi số trong công tác văn thư", "<"],
    ["Hội nghị quán triệt Nghị quyết 57", "Hội nghị quán triệt Nghị quyết về phát triển khoa học, công nghệ", "<"],
  ])("%s ~ %s: %s 60", (a, b, cmp) => {
    const p = titleSimilarity(a, b);
    if (cmp === "≥") expect(p).toBeGreaterThanOrEqual(60);
    else expect(p).toBeLessThan(60);
  });

  it("is symmetric, 100 for the same title written differently, 0 for an empty one", () => {
    expect(titleSimilarity(KL226_UPPER, KL226_LOWER)).toBe(titleSimilarity(KL226_LOWER, KL226_UPPER));
    expect(titleSimilarity("Hội nghị quán triệt Kết luận 226", "HOI NGHI QUAN TRIET KET LUAN 226")).toBe(100);
    expect(titleSimilarity("Hội nghị", "Hội nghị quán triệt Kết luận 226")).toBe(0);
  });
});

function buildUpper(o: Partial<UpperConference> = {}): UpperConference {
  return {
    id: 100, orgCode: "TQ", orgName: "Tỉnh ủy Tuyên Quang", title: KL226_UPPER, start: at("2026-01-20T08:00"), end: at("2026-01-20T11:00"),
    format: "truc_tuyen", scope: "toan_tinh", communeParticipants: true, ...o,
  };
}
function buildInput(o: Partial<RepeatInput> = {}): RepeatInput {
  return { category: "quan_triet", title: KL226_LOWER, start: at("2026-02-10T08:00"), relatedMeetingId: null, relatedDocument: null, repeatReason: null, ...o };
}

describe("checkRepeats — M6", () => {
  it.each<[string, Partial<RepeatInput>, Partial<UpperConference>, boolean]>([
    ["same subject, province-wide online, a month before", {}, {}, true],
    ["a reason is given", { repeatReason: "Bổ sung nội dung riêng của xã" }, {}, false],
    ["not a dissemination conference", { category: "chuyen_mon" }, {}, false],
    ["the upper one was in person", {}, { format: "truc_tiep" }, false],
    ["hybrid counts as online", {}, { format: "ket_hop" }, true],
    ["in-house upper conference the communes did not join", {}, { scope: "noi_bo", communeParticipants: false }, false],
    ["in-house upper conference the communes joined", {}, { scope: "noi_bo", communeParticipants: true }, true],
    ["sector-wide (ngành) reaches every level", {}, { scope: "nganh", communeParticipants: null }, true],
    ["over a year before", {}, { start: at("2025-02-09T08:00"), end: at("2025-02-09T11:00") }, false],
    ["after this one", {}, { start: at("2026-03-01T08:00"), end: at("2026-03-01T11:00") }, false],
    ["another subject", { title: "Hội nghị quán triệt công tác chuyển đổi số năm 2026" }, {}, false],
    ["another subject but linked by the user", { title: "Hội nghị quán triệt công tác chuyển đổi số năm 2026", relatedMeetingId: 100 }, {}, true],
    ["another title citing the same guiding document", { title: "Hội nghị triển khai văn bản chỉ đạo của cấp trên", relatedDocument: "226-KL/TW" }, {}, true],
    ["alike words, different resolutions (18 vs 57)", { title: "Hội nghị quán triệt Nghị quyết số 18-NQ/TW của Bộ Chính trị" }, { title: "Hội nghị trực tuyến quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị" }, false],
    ["alike words, different congresses (XVIII vs I)", { title: "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ xã lần thứ I" }, { title: "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII" }, false],
  ])("%s → flagged %s", (_name, input, upper, flagged) => {
    const findings = checkRepeats(buildInput(input), [buildUpper(upper)], s, 420);
    expect(findings.length > 0).toBe(flagged);
    if (flagged) {
      expect(findings[0]).toMatchObject({ rule: "M6", severity: "warning", field: "repeatReason", source: "KL 226 §2.2; KH 63-KH/TU §III.2" });
      expect(findings[0]?.records).toEqual([{ kind: "meeting", id: 100, orgCode: "TQ", orgName: "Tỉnh ủy Tuyên Quang", title: buildUpper(upper).title, start: buildUpper(upper).start.toISOString(), end: buildUpper(upper).end.toISOString(), format: buildUpper(upper).format }]);
      expect(findings[0]?.message).toContain("Tỉnh ủy Tuyên Quang đã tổ chức hội nghị");
      expect(findings[0]?.message).toContain(upper.start ? "" : "ngày 20/01/2026");
    }
  });

  it("counts the window in days from the start: exactly repeatWindowDays before is inside", () => {
    const start = at("2026-02-10T08:00");
    const edge = new Date(start.getTime() - 365 * 86_400_000);
    expect(checkRepeats(buildInput({ start }), [buildUpper({ start: edge, end: new Date(edge.getTime() + 3_600_000) })], s, 420)).toHaveLength(1);
    const tighter = { ...s, repeatWindowDays: 10 };
    expect(checkRepeats(buildInput({ start }), [buildUpper()], tighter, 420)).toEqual([]);
  });

  it("reachedLowerLevels: online and (toàn tỉnh, ngành or communes joining)", () => {
    expect(reachedLowerLevels(buildUpper({ scope: "toan_xa", communeParticipants: null }))).toBe(false);
    expect(reachedLowerLevels(buildUpper({ scope: "toan_tinh", communeParticipants: false }))).toBe(true);
  });
});
