import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError } from "../errors.js";
import { parseDate, parseDateTime } from "../domain/normalize.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { findAuditPage, type AuditRowJoined } from "./audit.repository.js";
import type { TAuditQuery } from "./audit.schema.js";

const DAY_MS = 86_400_000;

/** An audit row as the API shows it. */
export type AuditView = {
  id: number;
  at: string;
  user: { id: number; username: string | null } | null;
  action: string;
  entity: string;
  entityId: string | null;
  org: string | null;
  before: unknown;
  after: unknown;
};

/** One page of the audit log with the total for the pager. */
export type AuditPage = { items: AuditView[]; total: number; page: number; pageSize: number };

/** The audit log of a unit (or its subtree) for admins and aggregators, newest first. */
export async function listAudit(ctx: AppContext, user: SessionUser, q: TAuditQuery): Promise<AuditPage> {
  const org = await findOrgOrOwn(ctx, user, q.org);
  authorize(user, "audit", org.id, ctx.orgs);
  // a bare day means that local calendar day, in the unit's configured time zone
  const { utcOffsetMinutes } = (await getSettingsFor(ctx, org.id)).sessionConvention;
  const from = q.from === undefined ? undefined : parseBound(q.from, utcOffsetMinutes, "from");
  const to = q.to === undefined ? undefined : parseBound(q.to, utcOffsetMinutes, "to");
  const { rows, total } = await findAuditPage(
    ctx.handle.db,
    { orgIds: q.subtree ? ctx.orgs.subtreeIds(org.id) : [org.id], entity: q.entity, from, to },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return { items: rows.map(presentAudit), total, page: q.page, pageSize: q.pageSize };
}

function parseBound(raw: string, utcOffsetMinutes: number, which: "from" | "to"): Date {
  const day = parseDate(raw);
  if (day.ok) {
    const localMidnight = Date.parse(`${day.value}T00:00:00Z`) - utcOffsetMinutes * 60_000;
    return new Date(which === "from" ? localMidnight : localMidnight + DAY_MS);
  }
  const instant = parseDateTime(raw, utcOffsetMinutes);
  if (!instant.ok) throw new AppError("VALIDATION", `${which}: ${instant.reason}`);
  return instant.value;
}

function presentAudit(r: AuditRowJoined): AuditView {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    user: r.user_id === null ? null : { id: r.user_id, username: r.username },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    org: r.org_code,
    // jsonb arrives parsed on both drivers
    before: r.before,
    after: r.after,
  };
}
