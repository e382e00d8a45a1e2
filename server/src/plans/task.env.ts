// Loads what evaluating a plan's tasks needs (task.evaluate.ts): the issuer's subtree as it stands
// today, the aliases in scope and the plan's years. Read BEFORE opening a transaction: PGlite has
// one connection, and a read on ctx.handle.db inside a transaction callback would wait forever.
import type { AppContext } from "../context.js";
import type { PlanRow } from "../db/schema.js";
import type { SubtreeOrg } from "../domain/plans/fan-out.js";
import { findAliases } from "./alias.repository.js";
import { localToday } from "./plan.access.js";
import type { TaskEnv } from "./task.evaluate.js";

/** Year of a plan: the year it was issued. */
export const planYearOf = (plan: Pick<PlanRow, "issued_on">): number => Number(plan.issued_on.slice(0, 4));

/** The year recurring occurrences are generated to: the plan's own horizon, else the end of next year. */
export function horizonYearOf(plan: Pick<PlanRow, "issued_on" | "horizon_year">, today: string): number {
  return plan.horizon_year ?? Math.max(planYearOf(plan), Number(today.slice(0, 4))) + 1;
}

/** The evaluation context of a plan's tasks; `ctx.orgs` must be fresh. Needs only the issuer and
 * the years, so a plan about to be inserted (a conclusion notice) can be evaluated. */
export async function loadTaskEnv(ctx: AppContext, plan: Pick<PlanRow, "org_id" | "issued_on" | "horizon_year">): Promise<TaskEnv> {
  const today = localToday(ctx);
  const allIds = ctx.orgs.subtreeIds(plan.org_id);
  const orgs: SubtreeOrg[] = allIds.flatMap((id) => {
    const o = ctx.orgs.get(id);
    // units closed before today (merged, split) take no new tasks
    if (!o || (o.valid_to !== null && o.valid_to < today) || (o.valid_from !== null && o.valid_from > today)) return [];
    return [{ id: o.id, code: o.code, name: o.name, parentId: o.parent_id, level: o.level, bloc: o.bloc }];
  });
  const scopes = ctx.orgs.ancestors(plan.org_id).map((o) => o.id);
  const depth = new Map(scopes.map((id, i) => [id, i]));
  const rows = await findAliases(ctx.handle.db, scopes);
  // the nearest scope wins: apply root-first so deeper scopes overwrite
  rows.sort((a, b) => (depth.get(a.scope_org_id) ?? 0) - (depth.get(b.scope_org_id) ?? 0));
  const byKey = new Map<string, { alias: string; orgId: number }>();
  for (const r of rows) byKey.set(r.alias_key, { alias: r.alias, orgId: r.org_id });
  const aliases: Record<string, number> = {};
  for (const { alias, orgId } of byKey.values()) aliases[alias] = orgId;
  return {
    issuerId: plan.org_id,
    planYear: planYearOf(plan),
    horizonYear: horizonYearOf(plan, today),
    subtree: { rootId: plan.org_id, orgs },
    issuerSubtreeIds: new Set(allIds),
    aliases,
  };
}
