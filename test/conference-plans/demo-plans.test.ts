// The demo's annual conference plans (server/src/demo/demo-conference-plans.ts), written in a
// bulk session like the demo loader does, read back through the API: on time, late, missing,
// planned vs held with conferences linked to their planned items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoConferencePlans, insertDemoConferencePlans } from "../../server/src/demo/demo-conference-plans.js";
import type { DemoMeeting } from "../../server/src/demo/demo.types.js";
import { computeConferencePlanIndicators } from "../../server/src/conference-plans/conference-plan.indicators.js";
import { parsePeriod } from "../../server/src/domain/period.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import { buildOrg, startTestApp, type TestApp } from "../helpers/test-app.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { headersOf, local, viewOf, type Headers } from "./conference-plans-setup.js";

const NOW = new Date("2026-11-23T03:00:00Z");
const CODES = ["TQ", "SYT", "SXD", "X_KIEN_THIET"] as const;

/** Eight conferences a unit held in 2026 (one a month, Feb–Sep) and one in 2025. */
function meetingsOf(orgCode: string): DemoMeeting[] {
  const at = (day: string, i: number): DemoMeeting => ({
    orgCode, title: `Hội nghị ${orgCode} số ${i}`, category: "chuyen_mon", scope: "noi_bo", format: i % 3 === 0 ? "truc_tiep" : "truc_tuyen",
    start: local(`${day} 08:00`), end: local(`${day} 11:00`), sessions: 1, openingMin: null, conclusionMin: null, maxContributionMin: null,
    exceptionDecision: null, communeParticipants: null,
  });
  return [at("2025-06-10", 0), ...Array.from({ length: 8 }, (_, i) => at(`2026-${String(i + 2).padStart(2, "0")}-12`, i + 1))];
}

describe(`demo conference plans (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: Headers;
  const ids = new Map<string, number>();
  const meetings = CODES.flatMap(meetingsOf);

  beforeAll(async () => {
    t = await startTestApp(NOW);
    const tq = await buildOrg(t.ctx, { code: "TQ", name: "Tỉnh Tuyên Quang", level: "province" });
    ids.set("TQ", tq.id);
    for (const [code, level] of [["SYT", "department"], ["SXD", "department"], ["X_KIEN_THIET", "commune"]] as const) {
      ids.set(code, (await buildOrg(t.ctx, { code, parentId: tq.id, level })).id);
    }
    await t.ctx.handle.db.insertInto("meetings").values(meetings.map((m) => ({
      org_id: ids.get(m.orgCode) ?? 0, title: m.title, category: m.category, scope: m.scope, format: m.format, start_at: m.start, end_at: m.end, sessions: m.sessions,
    }))).execute();
    await t.ctx.handle.bulk((s) => insertDemoConferencePlans(s, t.ctx.handle.db, ids, meetings, NOW));
    admin = await headersOf(t, tq.id, "admin");
  });
  afterAll(async () => t.close());

  it("shows the province on time, Xã Kiến Thiết late, Sở Xây dựng missing", async () => {
    expect((await viewOf(t, admin, "TQ", 2026)).plan).toMatchObject({ number: "18/KH-UBND", issuedOn: "2026-02-10", onTime: true });
    expect((await viewOf(t, admin, "SYT", 2026)).plan).toMatchObject({ issuedOn: "2026-02-18", onTime: true });
    expect((await viewOf(t, admin, "X_KIEN_THIET", 2026)).plan).toMatchObject({ issuedOn: "2026-03-02", onTime: false, daysLate: 10 });
    const sxd = await viewOf(t, admin, "SXD", 2026);
    expect(sxd.plan).toBeNull();
    expect(sxd.timeliness).toMatchObject({ status: "overdue", onTime: false });
  });

  it("links most 2026 conferences to planned items, leaves some unplanned and some planned ones not held", async () => {
    const v = await viewOf(t, admin, "SYT", 2026);
    // 8 held in 2026: 6 planned (every fourth left out), plus 3 planned and not held
    expect(v.progress).toMatchObject({ planned: 9, held: 6, unplannedHeld: 2 });
    expect(v.items.filter((i) => i.heldMeetingIds.length === 0).map((i) => i.title)).toContain("Hội nghị chuyên đề chuyển đổi số trong cơ quan");
    // one was planned a month before it was held
    expect(v.progress.months.some((m) => m.held > m.planned)).toBe(true);
  });

  it("shows a 2027 draft of the province whose online share misses M2", async () => {
    const v = await viewOf(t, admin, "TQ", 2027);
    expect(v.plan).toMatchObject({ issuedOn: null, status: "pending" });
    expect(v.check.findings.map((f) => f.rule)).toEqual(["M2"]);
  });

  it("gives M7 of the province's subtree: three of four expected units on time", async () => {
    const r = (await computeConferencePlanIndicators(t.ctx, { orgIds: [...ids.values()], period: parsePeriod("2026"), today: "2026-11-23", settings: KL226_DEFAULTS })).M7;
    expect(r).toMatchObject({ value: 2, target: 4, met: false, violations: [String(ids.get("SXD")), String(ids.get("X_KIEN_THIET"))].sort((a, b) => Number(a) - Number(b)) });
  });

  it("issues nothing in the future when the demo is loaded early in the year", () => {
    const plans = buildDemoConferencePlans(meetings, new Date("2026-02-15T03:00:00Z"));
    expect(plans.map((p) => [p.orgCode, p.issuedOn])).toEqual([["TQ", "2026-02-10"], ["SYT", null], ["X_KIEN_THIET", null]]);
  });
});
