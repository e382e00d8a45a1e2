// Annual scorecards and the four levels of Quy định 366-QĐ/TW (kl226-rules.md §6), ranking.
import { describe, expect, it } from "vitest";
import { rankPeers, scoreUnit, type ScorecardInput } from "./rating.js";
import { REPORTING_DEFAULTS, type RatingSettings } from "./reporting-settings.js";

const S = REPORTING_DEFAULTS.rating;
const input = (o: Partial<ScorecardInput> = {}): ScorecardInput => ({
  orgId: 1, code: "X", name: "Xã X", level: "commune",
  indicators: { met: ["D1", "D3", "D4", "M1", "M2", "T1", "P1", "T3"], failed: [] },
  tasks: { known: 10, onTime: 10, doneLate: 0, overdue: 0, violations: [] },
  reports: { due: 4, onTime: 4, lateReports: [] },
  breaches: [{ id: "M4", count: 0, refs: { kind: "meeting", ids: [] } }],
  ...o,
});

describe("scoreUnit", () => {
  it("everything met and on time: 100 points, xuất sắc", () => {
    const c = scoreUnit(input(), S);
    expect(c).toMatchObject({ score: 100, rating: "xuat_sac", ratingLabel: "Hoàn thành xuất sắc nhiệm vụ" });
    expect(c.criteria.map((x) => [x.id, x.score, x.points])).toEqual([["indicators", 100, 40], ["tasks", 100, 30], ["reports", 100, 20], ["breaches", 100, 10]]);
  });

  it("weights the criteria: 6/8 indicators, 2 breaches", () => {
    const c = scoreUnit(input({
      indicators: { met: ["D1", "D3", "D4", "M2", "T1", "T3"], failed: ["M1", "P1"] },
      breaches: [{ id: "M4", count: 2, refs: { kind: "meeting", ids: ["11", "12"] } }],
    }), S);
    // 40 × 0,75 + 30 + 20 + 10 × 0,8 = 88
    expect(c.score).toBe(88);
    expect(c.rating).toBe("tot");
    expect(c.criteria.find((x) => x.id === "breaches")?.refs).toEqual([{ kind: "meeting", ids: ["11", "12"] }]);
    expect(c.criteria.find((x) => x.id === "indicators")?.basis).toContain("chưa đạt: M1, P1");
  });

  it("a good score with a late task falls to hoàn thành (tốt needs every task on time)", () => {
    const c = scoreUnit(input({ tasks: { known: 10, onTime: 9, doneLate: 1, overdue: 0, violations: ["7"] } }), S);
    expect(c.score).toBe(97);
    expect(c.rating).toBe("hoan_thanh");
    expect(c.gates).toEqual([
      { text: "Mức xuất sắc, tốt: mọi nhiệm vụ hoàn thành đúng hạn", passed: false },
      { text: "Mức hoàn thành: mọi nhiệm vụ đến hạn đã hoàn thành", passed: true },
      { text: "Mức hoàn thành: không quá 20% nhiệm vụ chậm (thực tế 10%)", passed: true },
    ]);
  });

  it("a task still overdue, or more than 20 % late, means không hoàn thành", () => {
    expect(scoreUnit(input({ tasks: { known: 10, onTime: 9, doneLate: 0, overdue: 1, violations: ["7"] } }), S).rating).toBe("khong_hoan_thanh");
    expect(scoreUnit(input({ tasks: { known: 10, onTime: 7, doneLate: 3, overdue: 0, violations: [] } }), S).rating).toBe("khong_hoan_thanh");
  });

  it.each<[number, string]>([[95, "xuat_sac"], [90, "xuat_sac"], [89.9, "tot"], [70, "tot"], [69.9, "hoan_thanh"], [50, "hoan_thanh"], [49.9, "khong_hoan_thanh"]])(
    "score %s → %s by the thresholds", (score, level) => {
      // indicators alone, weight 100: the score is the share of indicators met
      const settings: RatingSettings = { ...S, criteria: [{ id: "indicators", weight: 100 }] };
      const met = Math.round(score * 10);
      const c = scoreUnit(input({ indicators: { met: Array.from({ length: met }, (_, i) => `I${i}`), failed: Array.from({ length: 1000 - met }, (_, i) => `F${i}`) } }), settings);
      expect(c.score).toBe(score);
      expect(c.rating).toBe(level);
    });

  it("leaves out a criterion with nothing to count and re-weights the rest", () => {
    const c = scoreUnit(input({ reports: { due: 0, onTime: 0, lateReports: [] }, indicators: { met: ["D1"], failed: ["D3"] } }), S);
    expect(c.criteria.find((x) => x.id === "reports")).toMatchObject({ score: null, points: null });
    // (40 × 50 + 30 × 100 + 10 × 100) / 80 = 75
    expect(c.score).toBe(75);
  });

  it("thresholds and gates are settings", () => {
    const lenient: RatingSettings = { ...S, gates: { excellentAndGoodNeedAllOnTime: false, completeNeedsAllDone: false, completeMaxLatePercent: 100 } };
    expect(scoreUnit(input({ tasks: { known: 10, onTime: 9, doneLate: 1, overdue: 0, violations: [] } }), lenient).rating).toBe("xuat_sac");
    expect(scoreUnit(input(), { ...S, thresholds: { excellent: 101, good: 100, complete: 50 } }).rating).toBe("tot");
  });
});

describe("rankPeers", () => {
  const card = (orgId: number, level: string, met: number) =>
    scoreUnit(input({ orgId, code: `U${orgId}`, name: `Đơn vị ${orgId}`, level, indicators: { met: Array.from({ length: met }, (_, i) => `M${i}`), failed: Array.from({ length: 8 - met }, (_, i) => `F${i}`) } }), S);

  it("ranks within each level and explains the change of rank", () => {
    const now = [card(1, "commune", 8), card(2, "commune", 6), card(3, "commune", 7), card(4, "department", 5)];
    const before = [card(1, "commune", 5), card(2, "commune", 8), card(3, "commune", 7), card(4, "department", 8)];
    const rows = rankPeers(now, before);
    expect(rows.map((r) => [r.code, r.peerGroup, r.rank, r.previousRank, r.rankChange])).toEqual([
      ["U1", "commune", 1, 3, 2], ["U3", "commune", 2, 2, 0], ["U2", "commune", 3, 1, -2], ["U4", "department", 1, 1, 0],
    ]);
    expect(rows[0]?.changeReason).toBe("Tăng 2 bậc; thay đổi lớn nhất: Chỉ tiêu KL 226 đạt 62,5 → 100 điểm");
    expect(rows[2]?.changeReason).toBe("Giảm 2 bậc; thay đổi lớn nhất: Chỉ tiêu KL 226 đạt 100 → 75 điểm");
    expect(rows[1]?.changeReason).toBe("Giữ nguyên thứ hạng; điểm các tiêu chí không đổi");
  });

  it("ties share a rank; no previous period gives no change", () => {
    const rows = rankPeers([card(1, "commune", 6), card(2, "commune", 6), card(3, "commune", 4)], []);
    expect(rows.map((r) => [r.code, r.rank, r.rankChange, r.changeReason])).toEqual([["U1", 1, null, null], ["U2", 1, null, null], ["U3", 3, null, null]]);
  });
});
