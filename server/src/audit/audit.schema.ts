import { z } from "zod";
import { ZOrgCode, ZSubtreeFlag } from "../orgs/org.schema.js";

/** Rows per page of the audit log: enough for one screen, bounded so one query stays cheap. */
export const AUDIT_PAGE = { default: 50, max: 200 } as const;

/** Query of GET /api/audit: unit (default: the user's own), subtree flag, filters, paging. */
export const ZAuditQuery = z.strictObject({
  org: ZOrgCode.optional(),
  subtree: ZSubtreeFlag,
  entity: z.string().trim().min(1).max(64).optional(),
  /** a day (YYYY-MM-DD or DD/MM/YYYY, local) or an ISO date-time; inclusive */
  from: z.string().trim().min(1).max(40).optional(),
  /** a day (the whole day is included) or an ISO date-time (exclusive) */
  to: z.string().trim().min(1).max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(AUDIT_PAGE.max).default(AUDIT_PAGE.default),
});

export type TAuditQuery = z.infer<typeof ZAuditQuery>;
