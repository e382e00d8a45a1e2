import type { AppContext } from "../context.js";
import { resolveSettings, type JurisdictionSettings } from "../domain/settings.js";
import { findOverrides } from "./settings.repository.js";

/** The settings in force for a unit: the KL 226 defaults, then each ancestor's overrides from
 * the root down to the unit itself (a province may tighten a target, a commune tighten it more). */
export async function getSettingsFor(ctx: AppContext, orgId: number): Promise<JurisdictionSettings> {
  const chain = ctx.orgs.ancestors(orgId).map((o) => o.id);
  const overrides = await findOverrides(ctx.handle.db, chain);
  return resolveSettings(chain.flatMap((id) => {
    const o = overrides.get(id);
    return o ? [o] : [];
  }));
}
