import { describe, expect, it } from "vitest";
import { mapHeader, templateHeaders } from "./import.columns.js";

describe("mapHeader", () => {
  it("reads English names and Vietnamese headers in any case, ignoring unknown columns", () => {
    const h = mapHeader("tthc", ["STT", "ORG_CODE", "tháng", "Tổng Hồ Sơ", " Xử lý trên   môi trường số "]);
    expect(h.problems).toEqual([]);
    expect(h.ignored).toEqual(["STT"]);
    expect(h.index).toEqual({ org_code: 1, period: 2, received: 3, processed_digitally: 4 });
  });

  it("reads the templates' 'Vietnamese [english]' headers back", () => {
    for (const kind of ["orgs", "documents", "meetings", "tthc"] as const) {
      const h = mapHeader(kind, templateHeaders(kind));
      expect(h.problems).toEqual([]);
      expect(Object.values(h.index)).toEqual(templateHeaders(kind).map((_, i) => i));
    }
  });

  it("matches decomposed Vietnamese (NFD) like composed text", () => {
    expect(mapHeader("documents", ["Mã đơn vị".normalize("NFD"), "number", "type", "issued_on", "subject"]).problems).toEqual([]);
  });

  it("reports missing required columns and a column given twice", () => {
    const h = mapHeader("documents", ["org_code", "Mã đơn vị", "number", "subject"]);
    expect(h.problems).toEqual([
      'header: org_code: cột bị lặp lại ("Mã đơn vị")',
      'header: type: thiếu cột bắt buộc (type hoặc "Loại")',
      'header: issued_on: thiếu cột bắt buộc (issued_on hoặc "Ngày ban hành")',
    ]);
  });

  it("leaves optional columns absent as −1", () => {
    const h = mapHeader("documents", ["org_code", "number", "type", "issued_on", "subject"]);
    expect(h.index.signer).toBe(-1);
    expect(h.index.digitized).toBe(-1);
  });
});
