import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { OrgRow } from "./org.types.js";
import { deleteOrg as deleteOrgRow, findOrgDependents, insertOrg, replacePredecessors, updateOrg as updateOrgRow } from "./org.repository.js";
import { predecessorsOf, presentOrg, snapshotOrg, type OrgView } from "./org.presenter.js";
import { resolvePredecessorLinks } from "./org.links.js";
import type { TCreateOrgBody, TUpdateOrgBody } from "./org.schema.js";

const DEPENDENT_NAMES: Record<string, string> = { documents: "văn bản", meetings: "hội nghị", tthc: "số liệu TTHC", users: "tài khoản" };

/** The unit of `code`, or the user's own unit when no code is given; 404 when unknown.
 * Refreshes the directory first, so callers may use `ctx.orgs` right after. */
export async function findOrgOrOwn(ctx: AppContext, user: SessionUser, code: string | undefined): Promise<OrgRow> {
  await ctx.orgs.refresh();
  const org = code === undefined ? ctx.orgs.get(user.orgId) : ctx.orgs.byCode(code);
  if (!org) throw notFound(`đơn vị ${code ?? user.orgId}`);
  return org;
}

/** The user's unit and its subtree, depth first, children by code. */
export async function listVisibleOrgs(ctx: AppContext, user: SessionUser): Promise<OrgView[]> {
  const root = await findOrgOrOwn(ctx, user, undefined);
  authorize(user, "read", root.id, ctx.orgs);
  const out: OrgView[] = [];
  const stack: OrgRow[] = [root];
  while (stack.length > 0) {
    const o = stack.pop() as OrgRow;
    out.push(presentOrg(o, ctx.orgs));
    stack.push(...ctx.orgs.childrenOf(o.id).sort((a, b) => b.code.localeCompare(a.code)));
  }
  return out;
}

/** One unit, for anyone who may read it. */
export async function getOrg(ctx: AppContext, user: SessionUser, code: string): Promise<OrgView> {
  const org = await findOrgOrOwn(ctx, user, code);
  authorize(user, "read", org.id, ctx.orgs);
  return presentOrg(org, ctx.orgs);
}

/** Creates a unit under a parent the admin manages. */
export async function createOrg(ctx: AppContext, user: SessionUser, body: TCreateOrgBody): Promise<OrgView> {
  await ctx.orgs.refresh();
  const parent = ctx.orgs.byCode(body.parentCode);
  if (!parent) throw new AppError("VALIDATION", `Không tìm thấy đơn vị cấp trên ${body.parentCode}`);
  authorize(user, "manage", parent.id, ctx.orgs);
  if (ctx.orgs.byCode(body.code)) throw new AppError("CONFLICT", `Mã đơn vị ${body.code} đã tồn tại`);
  assertValidityRange(body.validFrom ?? null, body.validTo ?? null);
  const { links, views } = resolvePredecessorLinks(ctx.orgs, user, null, body);

  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await insertOrg(trx, {
      code: body.code, name: body.name, parent_id: parent.id, level: body.level, bloc: body.bloc,
      valid_from: body.validFrom ?? null, valid_to: body.validTo ?? null,
    });
    if (!row) throw new AppError("CONFLICT", `Mã đơn vị ${body.code} đã tồn tại`);
    await replacePredecessors(trx, row.id, links);
    await recordAudit(trx, { userId: user.id, action: "create", entity: "org_units", entityId: row.id, orgId: row.id, after: snapshotOrg(row, parent.code, views) });
  });
  return presentAfterWrite(ctx, body.code);
}

/** Changes a unit the admin manages; a new parent must also be managed and not below the unit. */
export async function updateOrg(ctx: AppContext, user: SessionUser, code: string, body: TUpdateOrgBody): Promise<OrgView> {
  if (Object.values(body).every((v) => v === undefined)) throw new AppError("VALIDATION", "Không có thay đổi nào");
  const org = await findOrgOrOwn(ctx, user, code);
  authorize(user, "manage", org.id, ctx.orgs);
  let parentId = org.parent_id;
  if (body.parentCode !== undefined) {
    const parent = ctx.orgs.byCode(body.parentCode);
    if (!parent) throw new AppError("VALIDATION", `Không tìm thấy đơn vị cấp trên ${body.parentCode}`);
    authorize(user, "manage", parent.id, ctx.orgs);
    if (ctx.orgs.isInSubtree(org.id, parent.id)) {
      throw new AppError("VALIDATION", `Không thể đặt ${parent.code} làm cấp trên của ${org.code}: tạo thành vòng lặp`);
    }
    parentId = parent.id;
  }
  const validFrom = body.validFrom === undefined ? org.valid_from : body.validFrom;
  const validTo = body.validTo === undefined ? org.valid_to : body.validTo;
  assertValidityRange(validFrom, validTo);
  const relinks = body.mergedFrom !== undefined || body.splitFrom !== undefined;
  const resolved = relinks ? resolvePredecessorLinks(ctx.orgs, user, org.id, body) : undefined;
  const parentCodeOf = (id: number | null) => (id === null ? null : (ctx.orgs.get(id)?.code ?? null));
  const beforeLinks = predecessorsOf(ctx.orgs, org.id);

  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updateOrgRow(trx, org.id, {
      name: body.name ?? org.name, parent_id: parentId, level: body.level ?? org.level, bloc: body.bloc ?? org.bloc,
      valid_from: validFrom, valid_to: validTo,
    });
    if (resolved) await replacePredecessors(trx, org.id, resolved.links);
    await recordAudit(trx, {
      userId: user.id, action: "update", entity: "org_units", entityId: org.id, orgId: org.id,
      before: snapshotOrg(org, parentCodeOf(org.parent_id), beforeLinks),
      after: snapshotOrg(row, parentCodeOf(parentId), resolved?.views ?? beforeLinks),
    });
  });
  return presentAfterWrite(ctx, org.code);
}

/** Deletes a unit with no children, records or accounts (409 otherwise). The audit row is filed
 * under the parent: the deleted unit no longer exists in any subtree an auditor can query. */
export async function deleteOrg(ctx: AppContext, user: SessionUser, code: string): Promise<void> {
  const org = await findOrgOrOwn(ctx, user, code);
  authorize(user, "manage", org.id, ctx.orgs);
  if (ctx.orgs.childrenOf(org.id).length > 0) throw new AppError("CONFLICT", `Đơn vị ${org.code} còn đơn vị trực thuộc`);
  const dependents = await findOrgDependents(ctx.handle.db, org.id);
  if (dependents.length > 0) {
    throw new AppError("CONFLICT", `Đơn vị ${org.code} còn dữ liệu: ${dependents.map((d) => DEPENDENT_NAMES[d] ?? d).join(", ")}`, { dependents });
  }
  const before = snapshotOrg(org, org.parent_id === null ? null : (ctx.orgs.get(org.parent_id)?.code ?? null), predecessorsOf(ctx.orgs, org.id));
  await ctx.handle.db.transaction().execute(async (trx) => {
    await deleteOrgRow(trx, org.id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: "org_units", entityId: org.id, orgId: org.parent_id, before });
  });
  await ctx.orgs.refresh();
}

function assertValidityRange(from: string | null, to: string | null): void {
  if (from !== null && to !== null && to < from) {
    throw new AppError("VALIDATION", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực");
  }
}

async function presentAfterWrite(ctx: AppContext, code: string): Promise<OrgView> {
  await ctx.orgs.refresh();
  const org = ctx.orgs.byCode(code);
  if (!org) throw notFound(`đơn vị ${code}`);
  return presentOrg(org, ctx.orgs);
}
