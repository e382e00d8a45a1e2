// Use cases of the TTHC statistics (T1 — KL 226 §2.3): list a unit's (or subtree's) months,
// enter or correct one month, remove one month. Writes are audited in their transaction.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { resolveListScope, resolveWriteOrg } from "../registers/register-scope.js";
import { presentTthc, type TthcJson } from "./tthc.presenter.js";
import { deleteTthc, findTthc, listTthc, summariseTthc, upsertTthc } from "./tthc.repository.js";
import type { TTthcListQuery, TTthcPut } from "./tthc.schema.js";

const ENTITY = "tthc";

/** A page of months, with the sums over every row matching (not only the page). */
export type TthcPage = {
  items: TthcJson[];
  total: number;
  page: number;
  pageSize: number;
  sums: { received: number; processedDigitally: number };
};

const monthDate = (period: string) => `${period}-01`;
/** The audit id of one unit's month: stable even if the unit's code changes. */
const entityId = (orgId: number, period: string) => `${orgId}:${period}`;

/** Months of a unit (or its subtree) in a month range, latest first. */
export async function listTthcPage(ctx: AppContext, user: SessionUser, q: TTthcListQuery): Promise<TthcPage> {
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const filter = {
    orgIds: scope.orgIds,
    fromMonth: q.from ? monthDate(q.from) : undefined,
    toMonth: q.to ? monthDate(q.to) : undefined,
  };
  const db = ctx.handle.db;
  const [rows, summary] = await Promise.all([listTthc(db, filter, q.pageSize, (q.page - 1) * q.pageSize), summariseTthc(db, filter)]);
  return {
    items: rows.map((r) => presentTthc(ctx, r)),
    total: summary.rows,
    page: q.page,
    pageSize: q.pageSize,
    sums: { received: summary.received, processedDigitally: summary.processedDigitally },
  };
}

/** Enters or replaces one unit's month; `created` tells which. */
export async function putTthc(ctx: AppContext, user: SessionUser, input: TTthcPut): Promise<{ row: TthcJson; created: boolean }> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  const month = monthDate(input.period);
  return ctx.handle.db.transaction().execute(async (trx) => {
    const old = await findTthc(trx, org.id, month, true);
    const row = await upsertTthc(trx, { orgId: org.id, month, received: input.received, processedDigitally: input.processedDigitally });
    const after = presentTthc(ctx, row);
    await recordAudit(trx, {
      userId: user.id, action: old ? "update" : "create", entity: ENTITY, entityId: entityId(org.id, input.period), orgId: org.id,
      before: old ? presentTthc(ctx, old) : undefined, after,
    });
    return { row: after, created: old === undefined };
  });
}

/** Removes one unit's month; 404 when there is none. */
export async function removeTthc(ctx: AppContext, user: SessionUser, orgCode: string, period: string): Promise<void> {
  const org = await resolveWriteOrg(ctx, user, orgCode, "org");
  const month = monthDate(period);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const old = await findTthc(trx, org.id, month, true);
    if (!old) throw notFound(`số liệu TTHC tháng ${period} của đơn vị ${org.code}`);
    await deleteTthc(trx, org.id, month);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: entityId(org.id, period), orgId: org.id, before: presentTthc(ctx, old) });
  });
}
