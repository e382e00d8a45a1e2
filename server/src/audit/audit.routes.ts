import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZAuditQuery } from "./audit.schema.js";
import { listAudit } from "./audit.service.js";

/** The audit log, read by admins and aggregators (`audit`) within their subtree. */
export async function auditRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/audit", { schema: { querystring: ZAuditQuery, tags: ["audit"] } }, async (req) => {
    const user = requireUser(req);
    return listAudit(ctx, user, req.query);
  });
}
