import type { AppContext } from "../context.js";
import { resolveSettings, type JurisdictionSettings, type TSettingsOverride } from "../domain/settings.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { deleteOverride, findOverrides, upsertOverride } from "./settings.repository.js";
import { findPlanTargets } from "../plans/plan.repository.js";
import { tightenTargets } from "../plans/plan.targets.js";

/** The settings in force for a unit: the KL 226 defaults, then each ancestor's overrides from
 * the root down to the unit itself (a province may tighten a target, a commune tighten it more),
 * then the targets of plans issued by the unit or its ancestors where they are stricter (a plan
 * may tighten a target for the units under it, never loosen it — plans/plan.targets.ts). */
export async function getSettingsFor(ctx: AppContext, orgId: number): Promise<JurisdictionSettings> {
  const [settings] = await getSettingsForMany(ctx, [orgId]);
  return settings as JurisdictionSettings;
}

/** {@link getSettingsFor} for several units with two queries in all (a province's children). */
export async function getSettingsForMany(ctx: AppContext, orgIds: readonly number[]): Promise<JurisdictionSettings[]> {
  const chains = orgIds.map((id) => ctx.orgs.ancestors(id).map((o) => o.id));
  const all = [...new Set(chains.flat())];
  const overrides = await findOverrides(ctx.handle.db, all);
  const planTargets = await findPlanTargets(ctx.handle.db, all);
  return chains.map((chain) => {
    const resolved = resolveSettings(chain.flatMap((id) => {
      const o = overrides.get(id);
      return o ? [o] : [];
    }));
    return tightenTargets(resolved, planTargets.filter((p) => chain.includes(p.orgId)).map((p) => p.targets));
  });
}

/** What the settings screen shows for a unit. */
export type SettingsView = {
  org: string;
  /** the unit's own stored override ({} when it has none) */
  overrides: TSettingsOverride;
  /** the settings in force (defaults + ancestors' overrides + its own) */
  effective: JurisdictionSettings;
  /** codes of the unit's ancestors that have an override, root first (applied before its own) */
  inheritedFrom: string[];
};

/** The settings of a unit, for anyone who may read it. */
export async function readSettings(ctx: AppContext, user: SessionUser, code: string | undefined): Promise<SettingsView> {
  const org = await findOrgOrOwn(ctx, user, code);
  authorize(user, "read", org.id, ctx.orgs);
  return settingsView(ctx, org.id);
}

/** Replaces a unit's override (`{}` removes it) — admins within their subtree; audited. */
export async function writeSettings(ctx: AppContext, user: SessionUser, code: string | undefined, override: TSettingsOverride): Promise<SettingsView> {
  const org = await findOrgOrOwn(ctx, user, code);
  authorize(user, "manage", org.id, ctx.orgs);
  const before = (await findOverrides(ctx.handle.db, [org.id])).get(org.id) ?? null;
  const isEmpty = Object.keys(override).length === 0;
  await ctx.handle.db.transaction().execute(async (trx) => {
    if (isEmpty) await deleteOverride(trx, org.id);
    else await upsertOverride(trx, org.id, override);
    await recordAudit(trx, { userId: user.id, action: "settings", entity: "jurisdiction_settings", entityId: org.id, orgId: org.id, before, after: isEmpty ? null : override });
  });
  return settingsView(ctx, org.id);
}

async function settingsView(ctx: AppContext, orgId: number): Promise<SettingsView> {
  const chain = ctx.orgs.ancestors(orgId);
  const overrides = await findOverrides(ctx.handle.db, chain.map((o) => o.id));
  return {
    org: ctx.orgs.get(orgId)?.code ?? "",
    overrides: overrides.get(orgId) ?? {},
    effective: await getSettingsFor(ctx, orgId),
    inheritedFrom: chain.filter((o) => o.id !== orgId && overrides.has(o.id)).map((o) => o.code),
  };
}
