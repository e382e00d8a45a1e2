import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS, type ConferencePlanningSettings, type MeetingFormat, type MeetingScope } from "../settings.js";
import { isFlaggedRepeat } from "./repeats.js";
import { findFlaggedRepeats, type RepeatCandidate, type UpperOfUnit } from "./repeats-batch.js";

const at = (local: string): Date => new Date(`${local}:00+07:00`);
const S = KL226_DEFAULTS.conferencePlanning;
const NQ57 = "Hội nghị quán triệt Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ";
const NQ18 = "Hội nghị quán triệt Nghị quyết số 18-NQ/TW về sắp xếp tinh gọn bộ máy";
const KL226 = "Hội nghị trực tuyến quán triệt Kết luận 226-KL/TW về chấn chỉnh lề lối làm việc";
const KL226_LOWER = "Hội nghị quán triệt Kết luận về chấn chỉnh lề lối làm việc của hệ thống chính trị";

/** Units: 1 province, 2 a commune below it, 3 an office of the commune, 9 another province. */
const ABOVE: Record<number, number[]> = { 1: [], 2: [1], 3: [1, 2], 9: [] };

function upper(id: number, orgId: number, title: string, start: string, format: MeetingFormat = "truc_tuyen", scope: MeetingScope = "toan_tinh"): UpperOfUnit {
  return { orgId, conference: { id, orgCode: "", orgName: "", title, start: at(start), end: at(start), format, scope, communeParticipants: null } };
}

function candidate(id: number, orgId: number, title: string, start: string, linked: Partial<Pick<RepeatCandidate, "relatedMeetingId" | "relatedDocument">> = {}): RepeatCandidate {
  return { id, orgId, title, startMs: at(start).getTime(), relatedMeetingId: null, relatedDocument: null, ...linked };
}

/** The reference: isFlaggedRepeat of each candidate against the upper conferences of its units above. */
function reference(candidates: RepeatCandidate[], uppers: UpperOfUnit[], s: ConferencePlanningSettings): number[] {
  return candidates
    .filter((c) => {
      const above = new Set(ABOVE[c.orgId] ?? []);
      const input = { category: "quan_triet" as const, title: c.title, start: new Date(c.startMs), repeatReason: null, relatedMeetingId: c.relatedMeetingId, relatedDocument: c.relatedDocument };
      return isFlaggedRepeat(input, uppers.filter((u) => above.has(u.orgId)).map((u) => u.conference), s);
    })
    .map((c) => c.id);
}

const flagged = (candidates: RepeatCandidate[], uppers: UpperOfUnit[], s: ConferencePlanningSettings = S) =>
  findFlaggedRepeats(candidates, uppers, (orgId) => ABOVE[orgId] ?? [], s);

describe("findFlaggedRepeats (M6 for many conferences)", () => {
  const uppers = [
    upper(100, 1, NQ57, "2026-03-10T08:00"),
    upper(101, 1, KL226, "2026-05-10T08:00"),
    upper(102, 1, NQ18, "2026-04-01T08:00", "truc_tiep"), // in person: reached nobody below
    upper(103, 2, NQ18, "2026-04-02T08:00", "ket_hop", "noi_bo"), // internal, no commune participants
    upper(104, 9, NQ57, "2026-03-01T08:00"), // another province
  ];
  it.each<[string, RepeatCandidate, boolean]>([
    ["same subject after the province's online conference", candidate(1, 2, NQ57, "2026-04-01T08:00"), true],
    ["two levels below", candidate(2, 3, NQ57, "2026-04-01T08:00"), true],
    ["before the upper conference", candidate(3, 2, NQ57, "2026-03-09T08:00"), false],
    ["at the very time of the upper conference", candidate(4, 2, NQ57, "2026-03-10T08:00"), true],
    ["beyond the window", candidate(5, 2, NQ57, "2027-03-11T08:00"), false],
    ["another resolution number", candidate(6, 2, NQ18, "2026-05-01T08:00"), false],
    ["alike titles without numbers", candidate(7, 2, KL226_LOWER, "2026-06-01T08:00"), true],
    ["the province itself has no unit above", candidate(8, 1, NQ57, "2026-04-01T08:00"), false],
    ["linked to the upper conference", candidate(9, 2, "Hội nghị triển khai", "2026-06-01T08:00", { relatedMeetingId: 103 }), false],
    ["linked to a reaching upper conference", candidate(10, 2, "Hội nghị triển khai", "2026-06-01T08:00", { relatedMeetingId: 101 }), true],
    ["citing the upper conference's document", candidate(11, 3, "Hội nghị triển khai", "2026-06-01T08:00", { relatedDocument: "57-NQ/TW" }), true],
  ])("%s", (_, c, expected) => {
    expect(flagged([c], uppers)).toEqual(expected ? [c.id] : []);
    expect(reference([c], uppers, S)).toEqual(expected ? [c.id] : []);
  });

  it("gives the same verdicts as isFlaggedRepeat on a generated year, whatever the threshold and window", () => {
    let seed = 226;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const titles = [NQ57, NQ18, KL226, KL226_LOWER, "Hội nghị quán triệt Chỉ thị 45-CT/TW về đại hội đảng bộ các cấp", "Hội nghị phổ biến Luật Đất đai năm 2024", "Hội nghị phổ biến Luật Đất đai năm 2025"];
    const day = () => `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}T0${Math.floor(random() * 9)}:00`;
    const ups = Array.from({ length: 60 }, (_, i) =>
      upper(1000 + i, pick([1, 2, 9]), pick(titles), day(), pick(["truc_tuyen", "ket_hop", "truc_tiep"] as const), pick(["toan_tinh", "nganh", "noi_bo"] as const)));
    const cands = Array.from({ length: 400 }, (_, i) => {
      const linked = random() < 0.1 ? { relatedMeetingId: 1000 + Math.floor(random() * 60) } : random() < 0.1 ? { relatedDocument: pick(["57-NQ/TW", "18-NQ/TW", "226-KL/TW"]) } : {};
      return candidate(i + 1, pick([1, 2, 3]), pick(titles), day(), linked);
    });
    for (const s of [S, { ...S, repeatTitleSimilarityPercent: 30, repeatWindowDays: 60 }, { ...S, repeatTitleSimilarityPercent: 0 }, { ...S, repeatWindowDays: 0 }]) {
      const expected = reference(cands, ups, s);
      expect(flagged(cands, ups, s)).toEqual(expected);
    }
    expect(reference(cands, ups, S).length).toBeGreaterThan(20);
  });
});

