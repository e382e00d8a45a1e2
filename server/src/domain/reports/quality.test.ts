// Data-quality checks before submission (issue "Periodic reports" §3).
import { describe, expect, it } from "vitest";
import { buildFigures, type DocTally } from "./figures.js";
import { checkConsistency, checkQuality, robustZ, unexplained, type MonthCounts } from "./quality.js";

const tally = (total: number): DocTally => ({
  byType: { NQ: 0, QĐ: 0, CV: total, KH: 0, TB: 0, other: 0 }, administrative: total, legalNormative: 0, total,
  nonSecret: total, digitized: total, sentElectronically: total,
});
const figures = (o: { online?: number; hybrid?: number; total?: number; received?: number; processed?: number } = {}) => buildFigures({
  documents: { current: tally(100), previous: tally(120) },
  conferences: { current: { total: o.total ?? 10, inPerson: 4, online: o.online ?? 5, hybrid: o.hybrid ?? 1 }, previous: null },
  tthc: { current: { received: o.received ?? 50, processedDigitally: o.processed ?? 50 }, previous: null },
  tasks: { due: 3, done: 2, doneOnTime: 2, doneLate: 0, overdue: 1, notYetDue: 0 },
  hybridCountsAsOnline: true,
});
const history: MonthCounts[] = Array.from({ length: 12 }, (_, i) => ({ month: `2025-${String(i + 1).padStart(2, "0")}`, documents: [100, 110, 95, 105, 98, 102, 107, 93, 101, 99, 104, 96][i] as number, conferences: 8 + (i % 3) }));
const QUALITY = { robustZ: 3.5, minHistoryMonths: 6 };

describe("robustZ", () => {
  it("uses the median and MAD", () => {
    // median 3, MAD 1 → z(10) = 0.6745 × 7
    expect(robustZ(10, [1, 2, 3, 4, 5])).toBeCloseTo(0.6745 * 7, 6);
    expect(robustZ(3, [1, 2, 3, 4, 5])).toBe(0);
  });
  it("falls back on the mean absolute deviation when MAD is 0, and flags any change of a flat history", () => {
    // median 5, MAD 0, mean AD = 10/5 = 2
    expect(robustZ(9, [5, 5, 5, 5, 15])).toBeCloseTo(4 / (1.2533 * 2), 6);
    expect(robustZ(5, [5, 5, 5])).toBe(0);
    expect(robustZ(6, [5, 5, 5])).toBe(Infinity);
    expect(robustZ(1, [])).toBeNull();
  });
  it("is robust: one past spike does not hide a new one", () => {
    expect(Math.abs(robustZ(300, [100, 102, 98, 101, 99, 1000]) ?? 0)).toBeGreaterThan(3.5);
  });
});

describe("checkQuality", () => {
  it("flags a month with no documents", () => {
    const flags = checkQuality({ months: [{ month: "2026-04", documents: 0, conferences: 9 }, { month: "2026-05", documents: 101, conferences: 9 }], history, figures: figures(), quality: QUALITY });
    expect(flags.map((f) => f.key)).toEqual(["empty-month:2026-04"]);
    expect(flags[0]?.message).toContain("Tháng 04/2026 không có văn bản");
  });
  it("flags a jump far outside the unit's own history, both ways", () => {
    const flags = checkQuality({ months: [{ month: "2026-04", documents: 400, conferences: 9 }, { month: "2026-05", documents: 20, conferences: 9 }, { month: "2026-06", documents: 108, conferences: 9 }], history, figures: figures(), quality: QUALITY });
    expect(flags.map((f) => f.key)).toEqual(["outlier:documents:2026-04", "outlier:documents:2026-05"]);
    expect(flags[0]?.message).toContain("cao bất thường");
    expect(flags[1]?.message).toContain("thấp bất thường");
    expect(flags[0]?.details).toMatchObject({ value: 400, median: 100.5 });
  });
  it("flags conferences too, and judges nothing without enough history", () => {
    const months = [{ month: "2026-04", documents: 100, conferences: 60 }];
    expect(checkQuality({ months, history, figures: figures(), quality: QUALITY }).map((f) => f.key)).toEqual(["outlier:conferences:2026-04"]);
    expect(checkQuality({ months, history: history.slice(0, 5), figures: figures(), quality: QUALITY })).toEqual([]);
  });
});

describe("checkConsistency", () => {
  it("flags online conferences exceeding the total", () => {
    expect(checkConsistency(figures({ online: 9, hybrid: 2, total: 10 })).map((f) => f.key)).toContain("inconsistent:conferences.online");
  });
  it("flags TTHC processed digitally exceeding those received", () => {
    const flags = checkConsistency(figures({ received: 40, processed: 55 }));
    expect(flags.map((f) => f.key)).toEqual(["inconsistent:tthc.processedDigitally"]);
    expect(flags[0]?.message).toContain("55 > 40");
  });
  it("passes consistent figures", () => {
    expect(checkConsistency(figures())).toEqual([]);
  });
});

describe("unexplained", () => {
  it("keeps flags with no or blank explanation", () => {
    const flags = checkConsistency(figures({ online: 9, hybrid: 2, total: 10, received: 40, processed: 55 }));
    expect(unexplained(flags, { "inconsistent:tthc.processedDigitally": "Tiếp nhận từ kỳ trước", "inconsistent:conferences.online": "  " }).map((f) => f.key))
      .toEqual(["inconsistent:conferences.online", "inconsistent:conferences.inPerson"]);
  });
});
