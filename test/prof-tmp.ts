import { openTestDatabase } from "../test/helpers/test-db.js";
import { OrgDirectory } from "../server/src/orgs/org.directory.js";
import { loadDemoProvince } from "../server/src/demo/demo.loader.js";
import { computeSheet } from "../server/src/indicators/indicator.service.js";
import { computeMeetingPlanningIndicators } from "../server/src/meetings/meeting-planning.indicators.js";
import { computeConferencePlanIndicators } from "../server/src/conference-plans/conference-plan.indicators.js";
import { parsePeriod } from "../server/src/domain/period.js";
import { KL226_DEFAULTS } from "../server/src/domain/settings.js";
import type { AppContext } from "../server/src/context.js";

const db = await openTestDatabase();
const now = new Date("2026-11-23T03:00:00Z");
const ctx: AppContext = { handle: db.handle, orgs: new OrgDirectory(db.handle.db), now: () => now };
await loadDemoProvince(ctx, { now });
await ctx.orgs.refresh();
const tq = ctx.orgs.byCode("TQ")!;
const ids = ctx.orgs.subtreeIds(tq.id);
const period = parsePeriod("2026");
const time = async (label: string, f: () => Promise<unknown>) => {
  const ts: number[] = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); await f(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(label, ts.map((t) => Math.round(t)).join(" "));
};
await time("sheet", () => computeSheet(ctx, { orgCode: "TQ", period: "2026", subtree: true } as never));
await time("M6-M9", () => computeMeetingPlanningIndicators(ctx, { orgIds: ids, period, settings: KL226_DEFAULTS }));
await time("M7", () => computeConferencePlanIndicators(ctx, { orgIds: ids, period, today: "2026-11-23", settings: KL226_DEFAULTS }));
const { listClashingConferenceIds, listDisseminationWithoutReason, listInvitingConferences } = await import("../server/src/meetings/meeting-planning.repository.js");
const { conferenceAreaOf } = await import("../server/src/meetings/meeting-planning.service.js");
const from = new Date("2025-12-31T17:00:00Z"), to = new Date("2026-12-31T17:00:00Z");
const area = conferenceAreaOf(ctx, tq.id);
await time("M9 sql", () => listClashingConferenceIds(ctx.handle.db, { orgIds: ids, areaOrgIds: area, from, to }));
await time("M8 sql", () => listInvitingConferences(ctx.handle.db, { orgIds: ids, from, to }));
await time("M6 sql", () => listDisseminationWithoutReason(ctx.handle.db, { orgIds: ids, from, to }));
console.log("meetings", (await ctx.handle.db.selectFrom("meetings").select((e) => e.fn.countAll().as("n")).executeTakeFirst())?.n,
  "candidates", (await listDisseminationWithoutReason(ctx.handle.db, { orgIds: ids, from, to })).length);
await db.drop();
process.exit(0);
