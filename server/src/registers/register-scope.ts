import { foldDiacritics } from "../domain/normalize.js";
// Which units a register request may touch. Every list, read and write goes through here, so
// "a unit sees and edits only its own subtree" (auth/policy.ts) holds on every route.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import type { OrgRow } from "../orgs/org.types.js";
import { invalidFields } from "./register-errors.js";

/** The unit a list is asked for and the units whose records it shows. */
export type ListScope = { org: OrgRow; orgIds: number[] };

/**
 * The unit named by `orgCode` (the user's own unit when absent) and, with `subtree`, all units
 * below it. Unknown code → 404; a unit outside the user's subtree → 403. Since the unit is in
 * the user's subtree, so is everything below it.
 */
export async function resolveListScope(ctx: AppContext, user: SessionUser, orgCode: string | undefined, subtree: boolean): Promise<ListScope> {
  await ctx.orgs.refresh();
  const org = orgCode === undefined ? ctx.orgs.get(user.orgId) : ctx.orgs.byCode(orgCode);
  if (!org) throw notFound(`đơn vị ${orgCode ?? user.orgId}`);
  authorize(user, "read", org.id, ctx.orgs);
  return { org, orgIds: subtree ? ctx.orgs.subtreeIds(org.id) : [org.id] };
}

/** The unit a record is written for: unknown code → 400 on `field`; no write right → 403. */
export async function resolveWriteOrg(ctx: AppContext, user: SessionUser, orgCode: string, field = "orgCode"): Promise<OrgRow> {
  await ctx.orgs.refresh();
  const org = ctx.orgs.byCode(orgCode);
  if (!org) throw invalidFields([{ field, reason: `không tìm thấy đơn vị có mã "${orgCode}"` }]);
  authorize(user, "write", org.id, ctx.orgs);
  return org;
}

/** The code of a unit for presenters (the id as text if the unit vanished from the tree). */
export function orgCodeOf(ctx: AppContext, orgId: number): string {
  return ctx.orgs.get(orgId)?.code ?? String(orgId);
}

/** `%q%` for ILIKE with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  // folded like the stored search_text (migration 0006), so "hoi nghi" finds "Hội nghị"
  return `%${foldDiacritics(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
