import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { computeQuotaView, computeSheet } from "./indicator.service.js";
import { ZIndicatorQuerySchema, ZQuotaQuerySchema } from "./indicator.schema.js";

export async function indicatorRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/indicators", { schema: { tags: ["indicators"], querystring: ZIndicatorQuerySchema } }, async (req) => {
    const user = requireUser(req);
    const { org, period, subtree } = req.query;
    return computeSheet(ctx, { orgCode: org, period, subtree, user });
  });

  app.get("/api/quota", { schema: { tags: ["indicators"], querystring: ZQuotaQuerySchema } }, async (req) => {
    const user = requireUser(req);
    const { org, year, subtree } = req.query;
    return computeQuotaView(ctx, { orgCode: org, year, subtree, user });
  });
}
