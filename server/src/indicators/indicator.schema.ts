import { z } from "zod";

const ZFlag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");

/** GET /api/indicators — data-contract.md §Indicator sheet. */
export const ZIndicatorQuerySchema = z.object({
  org: z.string().min(1).describe("mã đơn vị"),
  period: z.string().min(4).describe("2026, 2026Q1, 2026S1, 2026-05"),
  subtree: ZFlag.describe("1 = cả đơn vị cấp dưới"),
});

/** GET /api/quota — remaining quota and year-end projection. */
export const ZQuotaQuerySchema = z.object({
  org: z.string().min(1),
  year: z.coerce.number().int().min(2000).max(2100),
  subtree: ZFlag,
});

/** GET /api/dashboard — the dashboard's parts in one call, for the same unit, period and scope. */
export const ZDashboardQuerySchema = ZIndicatorQuerySchema;
