import { describe, expect, it } from "vitest";
import { KL226_DEFAULTS, resolveSettings } from "../domain/settings.js";
import { planTargetsOf, tightenTargets } from "./plan.targets.js";

describe("tightenTargets (plan targets never loosen)", () => {
  it.each([
    ["D3 raised to 100 (seed 004 §I.2.a)", { D3: 100 }, "D3", 100],
    ["D3 at 90 is looser than 95: ignored", { D3: 90 }, "D3", 95],
    ["D1 raised to 20", { D1: 20 }, "D1", 20],
    ["M2 at 50 is looser than 60: ignored", { M2: 50 }, "M2", 60],
    ["M3Commune lowered to 2", { M3Commune: 2 }, "M3Commune", 2],
    ["M3Commune at 5 is looser than 3: ignored", { M3Commune: 5 }, "M3Commune", 3],
    ["M3Province lowered to 1", { M3Province: 1 }, "M3Province", 1],
  ] as const)("%s", (_name, plan, key, expected) => {
    expect(tightenTargets(KL226_DEFAULTS, [plan]).targets[key]).toBe(expected);
  });

  it("takes the strictest of several plans and of the jurisdiction override, whatever the order", () => {
    const base = resolveSettings([{ targets: { D3: 98 } }]);
    expect(tightenTargets(base, [{ D3: 97 }]).targets.D3).toBe(98);
    expect(tightenTargets(base, [{ D3: 99 }, { D3: 100 }, { M3Commune: 2 }]).targets).toMatchObject({ D3: 100, M3Commune: 2 });
    expect(tightenTargets(base, [{ D3: 100 }, { D3: 99 }]).targets.D3).toBe(100);
  });

  it("leaves its input and everything but the targets untouched", () => {
    const out = tightenTargets(KL226_DEFAULTS, [{ D4: 100, T1: 100, D3: 100 }]);
    expect(KL226_DEFAULTS.targets.D3).toBe(95);
    expect(out.sessionLimits).toEqual(KL226_DEFAULTS.sessionLimits);
  });

  it("reads a stored override as JSON text or object, and ignores what is not one", () => {
    expect(planTargetsOf('{"targets":{"D3":100}}')).toEqual({ D3: 100 });
    expect(planTargetsOf({ targets: { M3Commune: 2 } })).toEqual({ M3Commune: 2 });
    expect(planTargetsOf(null)).toBeNull();
    expect(planTargetsOf({ targets: { D9: 1 } })).toBeNull();
  });
});
