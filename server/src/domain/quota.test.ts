import { describe, it, expect } from "vitest";
import { computeQuota } from "./quota.js";
import type { QuotaInput } from "./quota.js";
import { KL226_DEFAULTS, resolveSettings } from "./settings.js";
import { DomainError } from "./errors.js";

function buildQuotaInput(o: Partial<QuotaInput> = {}): QuotaInput {
  return {
    year: 2026, now: new Date("2026-07-02T03:00:00Z"), // 2 July local: 183/365 of the year
    prevYearAdminDocs: 1000, adminDocsSoFar: 400, prevYearMeetings: 100, meetingsSoFar: 50, wideUsed: 1, level: "province",
    ...o,
  };
}

describe("computeQuota", () => {
  it("computes both budgets and the wide limit", () => {
    const q = computeQuota(buildQuotaInput(), KL226_DEFAULTS);
    expect(q.year).toBe(2026);
    expect(q.method).toBe("linear_elapsed_days");
    expect(q.elapsedFraction).toBeCloseTo(183 / 365, 10);
    // 1000 × 0.85 = 850 allowed; 400 at 183/365 → 798 at year end → 20.2 % cut
    expect(q.documents).toEqual({ allowed: 850, used: 400, remaining: 450, projectedYearEnd: 798, projectedCut: 20.2, onTrack: true });
    // 100 × 0.9 = 90 allowed; 50 at 183/365 → 100 → 0 % cut
    expect(q.meetings).toEqual({ allowed: 90, used: 50, remaining: 40, projectedYearEnd: 100, projectedCut: 0, onTrack: false });
    expect(q.wide).toEqual({ limit: 2, used: 1, remaining: 1 });
  });

  it.each<[string, Partial<QuotaInput>, string, Record<string, unknown>]>([
    ["allowed is floored", { prevYearAdminDocs: 999 }, "documents", { allowed: 849 }],
    ["Tuyên Quang scale", { prevYearAdminDocs: 991_447, adminDocsSoFar: 0 }, "documents", { allowed: 842_729, remaining: 842_729 }],
    ["over budget: remaining 0, never negative", { adminDocsSoFar: 900 }, "documents", { remaining: 0, onTrack: false }],
    ["no previous year: nothing to cut from", { prevYearAdminDocs: 0 }, "documents", { allowed: null, remaining: null, projectedCut: null, onTrack: null, projectedYearEnd: 798 }],
    ["before the year: projection = used", { now: new Date("2025-12-01T00:00:00Z"), adminDocsSoFar: 3 }, "documents", { projectedYearEnd: 3 }],
    ["after the year: projection = used", { now: new Date("2027-02-01T00:00:00Z"), adminDocsSoFar: 860 }, "documents", { projectedYearEnd: 860, projectedCut: 14, onTrack: false }],
    ["first local day of the year", { now: new Date("2025-12-31T18:00:00Z"), meetingsSoFar: 1 }, "meetings", { projectedYearEnd: 365, onTrack: false }],
    ["commune wide limit 3", { level: "commune", wideUsed: 1 }, "wide", { limit: 3, used: 1, remaining: 2 }],
    ["wide used beyond the limit", { wideUsed: 4 }, "wide", { limit: 2, used: 4, remaining: 0 }],
    ["department has no wide limit", { level: "department", wideUsed: 0 }, "wide", { limit: null, used: 0, remaining: null }],
  ])("%s", (_name, o, key, want) => {
    const q = computeQuota(buildQuotaInput(o), KL226_DEFAULTS);
    expect(q[key as "documents" | "meetings" | "wide"]).toMatchObject(want);
  });

  it.each<[string, Parameters<typeof resolveSettings>[0], string, Record<string, unknown>]>([
    ["D1 tightened to 20 %", [{ targets: { D1: 20 } }], "documents", { allowed: 800 }],
    ["D1 of 15.5 % on 1000", [{ targets: { D1: 15.5 } }], "documents", { allowed: 845 }],
    ["M1 tightened to 12 %", [{ targets: { M1: 12 } }], "meetings", { allowed: 88 }],
    ["province allows 3", [{ targets: { M3Province: 3 } }], "wide", { limit: 3, remaining: 2 }],
  ])("settings: %s", (_name, overrides, key, want) => {
    const q = computeQuota(buildQuotaInput(), resolveSettings(overrides));
    expect(q[key as "documents" | "meetings" | "wide"]).toMatchObject(want);
  });

  it("rejects a year before 1900", () => {
    expect(() => computeQuota(buildQuotaInput({ year: 1800 }), KL226_DEFAULTS)).toThrow(DomainError);
  });
});
