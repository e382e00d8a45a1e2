import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { computeChildrenRanking, computeMonthlySeries, computeQuotaView, computeSheet } from "./indicator.service.js";
import { computeDashboard } from "./dashboard.service.js";
import { ZDashboardQuerySchema, ZIndicatorQuerySchema, ZQuotaQuerySchema } from "./indicator.schema.js";

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

  app.get("/api/indicators/monthly", { schema: { tags: ["indicators"], querystring: ZQuotaQuerySchema } }, async (req) => {
    const user = requireUser(req);
    const { org, year, subtree } = req.query;
    return computeMonthlySeries(ctx, { orgCode: org, year, subtree, user });
  });

  app.get("/api/indicators/children", { schema: { tags: ["indicators"], querystring: ZIndicatorQuerySchema } }, async (req) => {
    const user = requireUser(req);
    const { org, period } = req.query;
    return computeChildrenRanking(ctx, { orgCode: org, period, subtree: true, user });
  });

  app.get("/api/dashboard", { schema: { tags: ["indicators"], querystring: ZDashboardQuerySchema } }, async (req) => {
    const user = requireUser(req);
    const { org, period, subtree } = req.query;
    return computeDashboard(ctx, { orgCode: org, period, subtree, user });
  });
}
