import { describe, it, expect } from "vitest";
import { countSessions } from "./sessions.js";
import { DomainError } from "./errors.js";

const VN = { noonMinutes: 720, utcOffsetMinutes: 420 };
/** Local Hà Nội wall-clock time → instant. */
const at = (local: string): Date => new Date(`${local}:00+07:00`);

describe("countSessions (M4 half-day sessions)", () => {
  it.each<[string, string, string, number]>([
    ["08:00–11:30", "2026-03-02T08:00", "2026-03-02T11:30", 1],
    ["08:00–12:00 ends at noon: no afternoon time", "2026-03-02T08:00", "2026-03-02T12:00", 1],
    ["08:00–12:01 touches the afternoon", "2026-03-02T08:00", "2026-03-02T12:01", 2],
    ["12:00–17:00 starts at noon: afternoon only", "2026-03-02T12:00", "2026-03-02T17:00", 1],
    ["13:30–17:00", "2026-03-02T13:30", "2026-03-02T17:00", 1],
    ["08:00–17:00", "2026-03-02T08:00", "2026-03-02T17:00", 2],
    ["07:30 day 1 → 11:30 day 2", "2026-03-02T07:30", "2026-03-03T11:30", 3],
    ["1.5 days 08:00 d1 → 11:30 d2", "2026-03-02T08:00", "2026-03-03T11:30", 3],
    ["14:00 day 1 → 11:00 day 2", "2026-03-02T14:00", "2026-03-03T11:00", 2],
    ["ends exactly at 00:00 of day 2", "2026-03-02T14:00", "2026-03-03T00:00", 1],
    ["across midnight 20:00 → 02:00", "2026-03-02T20:00", "2026-03-03T02:00", 2],
    ["two full days", "2026-03-02T08:00", "2026-03-03T17:00", 4],
    ["one minute", "2026-03-02T09:00", "2026-03-02T09:01", 1],
    ["three days, middle day whole", "2026-03-02T13:00", "2026-03-04T10:00", 4],
  ])("%s = %i", (_name, start, end, want) => {
    expect(countSessions(at(start), at(end), VN)).toBe(want);
  });

  it.each<[string, string, string, number]>([
    // 23:30Z on 03-01 is 06:30 local on 03-02; 04:30Z is 11:30 local: one morning
    ["UTC instants on another local day", "2026-03-01T23:30:00Z", "2026-03-02T04:30:00Z", 1],
    // 04:00Z–06:00Z is 11:00–13:00 local: crosses local noon
    ["UTC morning that crosses local noon", "2026-03-02T04:00:00Z", "2026-03-02T06:00:00Z", 2],
    // 16:00Z–18:00Z is 23:00–01:00 local: two local days
    ["UTC same day, two local days", "2026-03-02T16:00:00Z", "2026-03-02T18:00:00Z", 2],
  ])("%s = %i", (_name, start, end, want) => {
    expect(countSessions(new Date(start), new Date(end), VN)).toBe(want);
  });

  it.each<[string, { noonMinutes: number; utcOffsetMinutes: number }, number]>([
    ["noon moved to 11:30 makes 08:00–12:00 two sessions", { noonMinutes: 690, utcOffsetMinutes: 420 }, 2],
    ["in UTC the same instants (01:00Z–05:00Z) are one morning", { noonMinutes: 720, utcOffsetMinutes: 0 }, 1],
  ])("settings: %s", (_name, conv, want) => {
    expect(countSessions(at("2026-03-02T08:00"), at("2026-03-02T12:00"), conv)).toBe(want);
  });

  it.each<[string, Date, Date]>([
    ["end before start", at("2026-03-02T10:00"), at("2026-03-02T09:00")],
    ["end equals start", at("2026-03-02T10:00"), at("2026-03-02T10:00")],
    ["invalid date", new Date("x"), at("2026-03-02T09:00")],
  ])("%s throws INVALID_RANGE", (_name, start, end) => {
    expect(() => countSessions(start, end, VN)).toThrow(DomainError);
    try {
      countSessions(start, end, VN);
    } catch (e) {
      expect((e as DomainError).code).toBe("INVALID_RANGE");
    }
  });
});
