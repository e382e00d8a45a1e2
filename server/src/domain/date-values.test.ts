import { describe, it, expect } from "vitest";
import { parseDate, parseDateTime, parseDateValue } from "./date-values.js";

const VN = 420;

describe("parseDate", () => {
  it.each([
    ["2026-05-15", "2026-05-15"],
    ["15/05/2026", "2026-05-15"],
    ["5/1/2026", "2026-01-05"],
    [" 29/02/2024 ", "2024-02-29"],
    ["31-12-2025", "2025-12-31"],
    ["31.12.2025", "2025-12-31"],
    ["2026-5-1", "2026-05-01"],
  ])("%j → %s", (raw, want) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: want });
  });
  it.each([
    ["31/02/2026", "không tồn tại"],
    ["29/02/2025", "không tồn tại"],
    ["2026-13-01", "không tồn tại"],
    ["00/01/2026", "không tồn tại"],
    ["15/05/26", "YYYY-MM-DD hoặc DD/MM/YYYY"],
    ["05/15/2026", "không tồn tại"],
    ["hôm qua", "không phải ngày hợp lệ"],
    ["15/05-2026", "không phải ngày hợp lệ"],
    ["", "trống"],
    ["01/01/1899", "không tồn tại"],
  ])("%j fails (%s)", (raw, part) => {
    const r = parseDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(part);
  });
});

describe("parseDateValue", () => {
  it.each<[string, unknown, string]>([
    ["string", "15/05/2026", "2026-05-15"],
    ["XLSX Date at UTC midnight", new Date(Date.UTC(2026, 4, 15)), "2026-05-15"],
    ["XLSX Date with a time", new Date(Date.UTC(2026, 4, 15, 23, 30)), "2026-05-15"],
    ["Excel serial", 46157, "2026-05-15"],
    ["Excel serial with time", 46157.75, "2026-05-15"],
    ["Excel serial 1900-03-01", 61, "1900-03-01"],
  ])("%s", (_name, raw, want) => {
    expect(parseDateValue(raw)).toEqual({ ok: true, value: want });
  });
  it.each<[string, unknown]>([
    ["invalid Date", new Date("x")],
    ["NaN", Number.NaN],
    ["serial before March 1900", 10],
    ["negative", -5],
    ["boolean", true],
    ["object", {}],
    ["null", null],
    ["bad string", "31/02/2026"],
  ])("%s fails", (_name, raw) => {
    expect(parseDateValue(raw).ok).toBe(false);
  });
});

describe("parseDateTime", () => {
  it.each<[string, unknown, string]>([
    ["ISO without offset = local", "2026-03-02T08:00", "2026-03-02T01:00:00.000Z"],
    ["ISO with seconds, no offset", "2026-03-02T08:00:30", "2026-03-02T01:00:30.000Z"],
    ["ISO with +07:00", "2026-03-02T08:00:00+07:00", "2026-03-02T01:00:00.000Z"],
    ["ISO with Z", "2026-03-01T23:30:00Z", "2026-03-01T23:30:00.000Z"],
    ["ISO with +0700 and millis", "2026-03-02T08:00:00.250+0700", "2026-03-02T01:00:00.250Z"],
    ["ISO with -05", "2026-03-02T08:00-05", "2026-03-02T13:00:00.000Z"],
    ["YYYY-MM-DD HH:mm", "2026-03-02 13:30", "2026-03-02T06:30:00.000Z"],
    ["DD/MM/YYYY HH:mm", "02/03/2026 08:00", "2026-03-02T01:00:00.000Z"],
    ["D/M/YYYY H:mm", "2/3/2026 7:05", "2026-03-02T00:05:00.000Z"],
    ["DD/MM/YYYY 08h30", "02/03/2026 08h30", "2026-03-02T01:30:00.000Z"],
    ["local midnight is the previous UTC day", "02/03/2026 00:00", "2026-03-01T17:00:00.000Z"],
    ["XLSX Date (UTC fields = local wall clock)", new Date(Date.UTC(2026, 2, 2, 8, 0)), "2026-03-02T01:00:00.000Z"],
    ["Excel serial 08:00", 46083 + 8 / 24, "2026-03-02T01:00:00.000Z"],
  ])("%s", (_name, raw, want) => {
    const r = parseDateTime(raw, VN);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.toISOString()).toBe(want);
  });

  it("uses the offset it is given", () => {
    const r = parseDateTime("2026-03-02 08:00", 0);
    expect(r.ok && r.value.toISOString()).toBe("2026-03-02T08:00:00.000Z");
  });

  it.each<[string, unknown, string]>([
    ["date only", "2026-03-02", "thiếu giờ"],
    ["date only, Vietnamese", "02/03/2026", "thiếu giờ"],
    ["hour 24", "2026-03-02T24:00", "không phải ngày giờ hợp lệ"],
    ["minute 60", "02/03/2026 08:60", "không phải ngày giờ hợp lệ"],
    ["day 30 February", "30/02/2026 08:00", "không phải ngày giờ hợp lệ"],
    ["offset +15:00", "2026-03-02T08:00+15:00", "không phải ngày giờ hợp lệ"],
    ["text", "sáng mai", "không phải ngày giờ hợp lệ"],
    ["empty", "  ", "trống"],
    ["undefined", undefined, "trống"],
    ["invalid Date", new Date("x"), "không phải ngày giờ hợp lệ"],
    ["object", { a: 1 }, "không phải ngày giờ hợp lệ"],
  ])("%s fails (%s)", (_name, raw, part) => {
    const r = parseDateTime(raw, VN);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(part);
  });
});
