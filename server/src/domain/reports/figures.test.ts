// Report figures from counts, sums for combined reports, flattening and labels, diffs.
import { describe, expect, it } from "vitest";
import { diffVersions } from "./diff.js";
import { buildFigures, figureLabel, flattenFigures, sumFigures, type DocTally } from "./figures.js";
import { EMPTY_NARRATIVE, narrativeOf } from "./narrative.js";

const tally = (cv: number, qd: number, other: number): DocTally => ({
  byType: { NQ: 0, QĐ: qd, CV: cv, KH: 0, TB: 0, other }, administrative: cv + qd + other, legalNormative: 2, total: cv + qd + other + 2,
  nonSecret: cv + qd + other, digitized: cv + qd, sentElectronically: cv,
});
const build = (cur: DocTally, prev: DocTally | null) => buildFigures({
  documents: { current: cur, previous: prev },
  conferences: { current: { total: 10, inPerson: 3, online: 5, hybrid: 2 }, previous: { total: 20, inPerson: 15, online: 5, hybrid: 0 } },
  tthc: { current: { received: 80, processedDigitally: 60 }, previous: { received: 50, processedDigitally: 25 } },
  tasks: { due: 4, done: 3, doneOnTime: 2, doneLate: 1, overdue: 1, notYetDue: 2 },
  hybridCountsAsOnline: true,
});

describe("buildFigures", () => {
  it("gives each document type with its cut vs the same period last year", () => {
    const f = build(tally(80, 10, 10), tally(100, 10, 0));
    expect(f.documents.byType.CV).toEqual({ current: 80, previous: 100, cut: 20 });
    expect(f.documents.byType.QĐ).toEqual({ current: 10, previous: 10, cut: 0 });
    expect(f.documents.byType.other).toEqual({ current: 10, previous: 0, cut: null });
    expect(f.documents.administrative).toEqual({ current: 100, previous: 110, cut: 9.1 });
  });
  it("conferences, TTHC, digitisation, tasks", () => {
    const f = build(tally(80, 10, 10), null);
    expect(f.documents.byType.CV).toEqual({ current: 80, previous: null, cut: null });
    expect(f.conferences).toMatchObject({ total: { current: 10, previous: 20, cut: 50 }, online: 5, hybrid: 2, onlineShare: 70 });
    expect(f.tthc).toEqual({ received: 80, processedDigitally: 60, share: 75, previousShare: 50 });
    expect(f.digital).toMatchObject({ nonSecret: 100, digitized: 90, sentElectronically: 80, digitizedShare: 90, sentShare: 80 });
    expect(f.tasks.overdue).toBe(1);
  });
});

describe("sumFigures", () => {
  it("adds counts and recomputes shares and cuts; a missing baseline leaves the previous unknown", () => {
    const a = build(tally(80, 10, 10), tally(100, 10, 0));
    const b = build(tally(20, 0, 0), tally(25, 0, 0));
    const s = sumFigures([a, b], true);
    expect(s.documents.byType.CV).toEqual({ current: 100, previous: 125, cut: 20 });
    expect(s.conferences.total).toEqual({ current: 20, previous: 40, cut: 50 });
    expect(s.tthc.share).toBe(75);
    expect(sumFigures([a, build(tally(1, 0, 0), null)], true).documents.byType.CV.previous).toBeNull();
  });
});

describe("flattenFigures and figureLabel", () => {
  it("names every numeric leaf by its path", () => {
    const flat = flattenFigures(build(tally(80, 10, 10), null));
    expect(flat["documents.byType.CV.current"]).toBe(80);
    expect(flat["documents.byType.CV.previous"]).toBeNull();
    expect(flat["tasks.overdue"]).toBe(1);
    expect(Object.keys(flat)).not.toContain("conferences.hybridCountsAsOnline");
    for (const path of Object.keys(flat)) expect(figureLabel(path), path).not.toBeNull();
  });
  it("labels in Vietnamese", () => {
    expect(figureLabel("documents.byType.CV.cut")).toBe("Công văn — % giảm");
    expect(figureLabel("conferences.online")).toBe("Hội nghị trực tuyến");
    expect(figureLabel("nope")).toBeNull();
  });
});

describe("diffVersions", () => {
  it("lists changed figures and sections only", () => {
    const before = { figures: build(tally(80, 10, 10), null), narrative: { ...EMPTY_NARRATIVE, ketQua: "Đã giảm văn bản." } };
    const after = { figures: build(tally(81, 10, 10), null), narrative: { ...EMPTY_NARRATIVE, ketQua: "Đã giảm văn bản.", hanChe: "Còn chậm." } };
    const d = diffVersions(before, after);
    expect(d.figures.map((c) => c.path)).toEqual([
      "digital.digitized", "digital.digitizedShare", "digital.nonSecret", "digital.sentElectronically", "digital.sentShare",
      "documents.administrative.current", "documents.byType.CV.current", "documents.total.current",
    ]);
    expect(d.figures.find((c) => c.path === "documents.byType.CV.current")).toEqual({ path: "documents.byType.CV.current", label: "Công văn — kỳ này", before: 80, after: 81 });
    expect(d.sections).toEqual([{ section: "hanChe", label: "Hạn chế", before: "", after: "Còn chậm." }]);
    expect(diffVersions(before, before)).toEqual({ figures: [], sections: [] });
  });
  it("narrativeOf completes stored narratives", () => {
    expect(narrativeOf({ ketQua: "x", extra: 1, hanChe: 5 })).toEqual({ ketQua: "x", hanChe: "", nguyenNhan: "", kienNghi: "" });
    expect(narrativeOf(null)).toEqual(EMPTY_NARRATIVE);
  });
});
