import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS } from "../domain/settings.js";
import { papersTimingOf } from "./papers-timing.js";

// a conference starting 18/06/2026 08:00 Hà Nội (01:00 UTC); papers 3 days ahead → by 15/06 08:00
const start = new Date("2026-06-18T01:00:00Z");
const settings = { ...KL226_DEFAULTS.conferencePlanning, papersDaysAhead: 3 };

describe("papers ahead as the papers panel reads it (domain/conferences/papers.ts)", () => {
  it.each([
    // sentAt (UTC), now (UTC), status, late, whole days before start
    ["2026-06-10T02:00:00Z", "2026-06-20T00:00:00Z", "sent_on_time", false, 7],
    ["2026-06-15T01:00:00Z", "2026-06-20T00:00:00Z", "sent_on_time", false, 3], // exactly at the due time
    ["2026-06-15T01:01:00Z", "2026-06-20T00:00:00Z", "sent_late", true, 2],
    ["2026-06-18T00:30:00Z", "2026-06-20T00:00:00Z", "sent_late", true, 0],
    [null, "2026-06-15T00:00:00Z", "not_sent", false, null],
    [null, "2026-06-15T02:00:00Z", "not_sent_late", true, null],
  ] as const)("sent %s, now %s → %s", (sentAt, now, status, late, days) => {
    const t = papersTimingOf({ start, sentAt: sentAt === null ? null : new Date(sentAt), now: new Date(now) }, settings, 420);
    expect(t).toMatchObject({ status, isLate: late, daysBeforeStart: days, dueBy: "2026-06-15T01:00:00.000Z", daysAhead: 3 });
    expect(t.finding?.rule ?? null).toBe(late ? "PAPERS" : null);
  });

  it("follows the setting", () => {
    const sentAt = new Date("2026-06-16T03:00:00Z");
    expect(papersTimingOf({ start, sentAt, now: start }, settings, 420).status).toBe("sent_late");
    expect(papersTimingOf({ start, sentAt, now: start }, { ...settings, papersDaysAhead: 1 }, 420)).toMatchObject({ status: "sent_on_time", finding: null });
  });
});
