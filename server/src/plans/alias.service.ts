// "Map once" (issue "Plans and tasks" §4): a unit name of task tables that matched no unit is
// mapped by a user to a unit; the mapping applies to every plan issued within its scope (the
// scope unit and below) from the next import or rematch on.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { orgNameKey } from "../domain/plans/org-match.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { invalidFields } from "../registers/register-errors.js";
import { deleteAlias, findAlias, findAliases, upsertAlias, type AliasRow } from "./alias.repository.js";
import { orgRef, type OrgRefJson } from "./task.presenter.js";
import type { TAliasBody } from "./task.schema.js";

const ENTITY = "org_aliases";

/** An alias: the name as written, the unit it means, and where it applies. */
export type AliasJson = { id: number; alias: string; org: OrgRefJson; scope: OrgRefJson };

const present = (ctx: AppContext, a: AliasRow): AliasJson => ({ id: a.id, alias: a.alias, org: orgRef(ctx, a.org_id), scope: orgRef(ctx, a.scope_org_id) });

/**
 * Maps `alias` to the unit `orgCode` for plans issued within `scopeCode` (default: the user's
 * unit): `write` on the scope; the unit must lie in the scope's subtree. Mapping a name again
 * replaces the earlier unit. Audited.
 */
export async function saveAlias(ctx: AppContext, user: SessionUser, body: TAliasBody): Promise<AliasJson> {
  const scope = await findOrgOrOwn(ctx, user, body.scopeCode);
  authorize(user, "write", scope.id, ctx.orgs);
  const target = ctx.orgs.byCode(body.orgCode);
  if (!target) throw invalidFields([{ field: "orgCode", reason: `không tìm thấy đơn vị có mã "${body.orgCode}"` }]);
  if (!ctx.orgs.isInSubtree(scope.id, target.id)) {
    throw invalidFields([{ field: "orgCode", reason: "đơn vị được chỉ phải thuộc phạm vi áp dụng của bí danh" }]);
  }
  const key = orgNameKey(body.alias);
  if (key === "") throw invalidFields([{ field: "alias", reason: "tên không có chữ nào để đối chiếu" }]);
  const before = (await findAliases(ctx.handle.db, [scope.id])).find((a) => a.alias_key === key) ?? null;
  const row = await ctx.handle.db.transaction().execute(async (trx) => {
    const saved = await upsertAlias(trx, { scope_org_id: scope.id, alias: body.alias, alias_key: key, org_id: target.id });
    await recordAudit(trx, {
      userId: user.id, action: before ? "update" : "create", entity: ENTITY, entityId: saved.id, orgId: scope.id,
      before: before ? { alias: before.alias, orgId: before.org_id } : undefined, after: { alias: saved.alias, orgId: saved.org_id },
    });
    return saved;
  });
  return present(ctx, row);
}

/** Aliases that apply to plans of a unit: its own and its ancestors' (read access). */
export async function listAliases(ctx: AppContext, user: SessionUser, orgCode: string | undefined): Promise<{ items: AliasJson[] }> {
  const org = await findOrgOrOwn(ctx, user, orgCode);
  authorize(user, "read", org.id, ctx.orgs);
  const rows = await findAliases(ctx.handle.db, ctx.orgs.ancestors(org.id).map((o) => o.id));
  return { items: rows.map((a) => present(ctx, a)) };
}

/** Removes an alias (`write` on its scope). Audited. */
export async function removeAlias(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  await ctx.orgs.refresh();
  const alias = await findAlias(ctx.handle.db, id);
  if (!alias) throw notFound(`bí danh #${id}`);
  authorize(user, "write", alias.scope_org_id, ctx.orgs);
  await ctx.handle.db.transaction().execute(async (trx) => {
    await deleteAlias(trx, id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: id, orgId: alias.scope_org_id, before: { alias: alias.alias, orgId: alias.org_id } });
  });
}
