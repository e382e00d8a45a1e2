// The reporting regime in force across the tree: every unit's settings (KL 226 defaults, then
// the overrides of its ancestors and its own) read with ONE query, and the reports each unit
// owes. Reporting needs no plan targets, so this skips what getSettingsFor adds for the sheet.
import type { AppContext } from "../context.js";
import { resolveSettings, type JurisdictionSettings } from "../domain/settings.js";
import type { Period } from "../domain/period.js";
import { obligationOf, obligationsOfYear, type Obligation, type ReportingUnit } from "../domain/reports/schedule.js";
import { localDay } from "../domain/reports/report-dates.js";
import type { OrgRow } from "../orgs/org.types.js";
import { findAllOverrides } from "./report.repository.js";

/** Settings per unit and the obligations they give, for one request. */
export type Regime = {
  settingsOf(orgId: number): JurisdictionSettings;
  obligation(orgId: number, period: Period): Obligation | null;
  obligationsOfYear(orgId: number, year: number): Obligation[];
  /** local "today" at the unit (its settings' UTC offset) */
  todayAt(orgId: number): string;
};

export const reportingUnitOf = (o: OrgRow): ReportingUnit => ({
  id: o.id, code: o.code, level: o.level, bloc: o.bloc, parentId: o.parent_id, validFrom: o.valid_from, validTo: o.valid_to,
});

/** The last regime of each context, reused while the tree and the overrides are unchanged: the
 * obligations of a province's 300 units take tens of milliseconds to work out, and the indicator
 * sheet (R1) asks for them on every request. */
const lastRegime = new WeakMap<AppContext, { signature: string; regime: Regime }>();

/** Loads every override once and resolves units lazily (memoised by unit). Refreshes the tree. */
export async function loadRegime(ctx: AppContext): Promise<Regime> {
  await ctx.orgs.refresh();
  const overrides = await findAllOverrides(ctx.handle.db);
  const signature = `${ctx.orgs.version}|${JSON.stringify([...overrides])}`;
  const last = lastRegime.get(ctx);
  if (last?.signature === signature) return last.regime;
  const regime = buildRegime(ctx, overrides);
  lastRegime.set(ctx, { signature, regime });
  return regime;
}

function buildRegime(ctx: AppContext, overrides: Awaited<ReturnType<typeof findAllOverrides>>): Regime {
  const yearly = new Map<string, Obligation[]>();
  const memo = new Map<number, JurisdictionSettings>();
  const settingsOf = (orgId: number): JurisdictionSettings => {
    const hit = memo.get(orgId);
    if (hit) return hit;
    const chain = ctx.orgs.ancestors(orgId).flatMap((o) => {
      const x = overrides.get(o.id);
      return x ? [x] : [];
    });
    const s = resolveSettings(chain);
    memo.set(orgId, s);
    return s;
  };
  const idOfCode = (code: string) => ctx.orgs.byCode(code)?.id;
  const unit = (orgId: number): ReportingUnit | null => {
    const o = ctx.orgs.get(orgId);
    return o ? reportingUnitOf(o) : null;
  };
  return {
    settingsOf,
    obligation(orgId, period) {
      const u = unit(orgId);
      if (!u) return null;
      const s = settingsOf(orgId);
      return obligationOf(u, period, s.reporting, s.sessionConvention.utcOffsetMinutes, idOfCode);
    },
    obligationsOfYear(orgId, year) {
      const key = `${orgId}:${year}`;
      let list = yearly.get(key);
      if (!list) {
        const u = unit(orgId);
        const s = u ? settingsOf(orgId) : null;
        list = u && s ? obligationsOfYear(u, year, s.reporting, s.sessionConvention.utcOffsetMinutes, idOfCode) : [];
        yearly.set(key, list);
      }
      return [...list];
    },
    todayAt(orgId) {
      return localDay(ctx.now(), settingsOf(orgId).sessionConvention.utcOffsetMinutes);
    },
  };
}

/**
 * The units whose records a unit's report counts as its own: the unit and, recursively, the
 * units below it that owe no report of their own for the period (a commune's offices); a unit
 * below that reports itself is left to its own report (and reaches the recipient's breakdown).
 */
export function ownScopeOf(ctx: AppContext, regime: Regime, orgId: number, period: Period): { orgIds: number[]; wholeSubtree: boolean } {
  const out: number[] = [orgId];
  let wholeSubtree = true;
  const stack = [...ctx.orgs.childrenOf(orgId)];
  while (stack.length > 0) {
    const o = stack.pop() as OrgRow;
    if (regime.obligation(o.id, period)) {
      wholeSubtree = false;
      continue;
    }
    out.push(o.id);
    stack.push(...ctx.orgs.childrenOf(o.id));
  }
  return { orgIds: out, wholeSubtree };
}
