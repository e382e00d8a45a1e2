import type { AppContext } from "../../server/src/context.js";
import { buildOrg, buildUser } from "../helpers/test-app.js";

/** Two provinces under one root, a commune below each, and a signed-in user per role that the
 * tests need — the smallest tree that shows "inside my subtree" vs "another province". */
export async function buildAdminTree(ctx: AppContext) {
  const root = await buildOrg(ctx, { level: "central" });
  const p1 = await buildOrg(ctx, { parentId: root.id, level: "province" });
  const p2 = await buildOrg(ctx, { parentId: root.id, level: "province" });
  const x1 = await buildOrg(ctx, { parentId: p1.id, level: "commune" });
  const x2 = await buildOrg(ctx, { parentId: p2.id, level: "commune" });
  return {
    root, p1, p2, x1, x2,
    adminP1: await buildUser(ctx, p1.id, "admin"),
    adminP2: await buildUser(ctx, p2.id, "admin"),
    aggregatorP1: await buildUser(ctx, p1.id, "aggregator"),
    aggregatorP2: await buildUser(ctx, p2.id, "aggregator"),
    officerP1: await buildUser(ctx, p1.id, "officer"),
    officerX1: await buildUser(ctx, x1.id, "officer"),
    viewerX2: await buildUser(ctx, x2.id, "viewer"),
  };
}

export type AdminTree = Awaited<ReturnType<typeof buildAdminTree>>;
