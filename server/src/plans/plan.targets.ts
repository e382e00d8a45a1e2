// Targets a plan sets for the units under it (issue "Plans and tasks" §1; seed 004 §I.2.a sets
// D3 to 100 % where KL 226's chain says 95 %). A plan may only TIGHTEN what is in force: a
// commune plan promising 100 % digitisation raises D3, one writing 90 % changes nothing.
import { z } from "zod";
import { ZSettingsOverrideSchema, type JurisdictionSettings } from "../domain/settings.js";

type TargetKey = keyof JurisdictionSettings["targets"];

/** Which way is stricter for each target: a higher share/cut, or fewer wide conferences (M3). */
const STRICTER: Readonly<Record<TargetKey, "higher" | "lower">> = {
  D1: "higher",
  D3: "higher",
  D4: "higher",
  M1: "higher",
  M2: "higher",
  T1: "higher",
  P1: "higher",
  T3: "higher",
  M3Province: "lower",
  M3Commune: "lower",
};

/** The targets part of a settings override (strict, partial), as a plan stores it. */
export const ZPlanTargetsSchema = ZSettingsOverrideSchema.shape.targets.unwrap();

/** Targets a plan sets, e.g. `{ D3: 100 }`. */
export type PlanTargets = z.infer<typeof ZPlanTargetsSchema>;

/** The stored form of a plan's targets: a settings override `{ targets: { D3: 100 } }`. */
export const ZPlanTargetsOverride = z.strictObject({ targets: ZPlanTargetsSchema });

/**
 * The settings with each plan's targets applied where stricter than what is already in force
 * (never looser): D1/D3/D4/M1/M2/T1 rise, M3Province/M3Commune fall. Order does not matter;
 * neither input is mutated.
 */
export function tightenTargets(settings: JurisdictionSettings, planTargets: readonly PlanTargets[]): JurisdictionSettings {
  if (planTargets.length === 0) return settings;
  const targets = { ...settings.targets };
  for (const t of planTargets) {
    for (const key of Object.keys(t) as TargetKey[]) {
      const v = t[key];
      if (v === undefined) continue;
      targets[key] = STRICTER[key] === "higher" ? Math.max(targets[key], v) : Math.min(targets[key], v);
    }
  }
  return { ...settings, targets };
}

/** The targets of a stored override (JSON text or object); null when absent or invalid. */
export function planTargetsOf(stored: unknown): PlanTargets | null {
  if (stored === null || stored === undefined) return null;
  const value: unknown = typeof stored === "string" ? JSON.parse(stored) : stored;
  const parsed = ZPlanTargetsOverride.safeParse(value);
  return parsed.success ? parsed.data.targets : null;
}
