// Administrative-procedure (TTHC) statistics of one unit, month by month (T1).
import type { Window } from "./document-generator.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoTthc, UnitProfile } from "./demo.types.js";

const pad = (n: number): string => String(n).padStart(2, "0");

/** Monthly TTHC figures for the months the unit existed, up to the last month completed before
 * `today` ("YYYY-MM-DD"): 90–97 % processed digitally in 2025, 95–100 % in 2026. */
export function generateUnitTthc(unit: UnitProfile, years: readonly number[], windowOf: (year: number) => Window | null, today: string, rng: SeededRandom): DemoTthc[] {
  if (unit.tthcPerMonth === 0) return [];
  const out: DemoTthc[] = [];
  const currentMonth = `${today.slice(0, 7)}-01`;
  for (const year of years) {
    const window = windowOf(year);
    const r = rng.fork(`tthc:${year}`);
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${pad(m)}-01`;
      const received = Math.max(1, Math.round(unit.tthcPerMonth * r.between(0.8, 1.2)));
      const rate = year > 2025 ? (r.chance(0.3) ? 1 : r.between(0.95, 1)) : r.between(0.9, 0.97);
      if (window === null || month >= currentMonth) continue;
      // a month counts for the unit when the unit existed on its first or last working day
      if (`${year}-${pad(m)}-28` < window.from || month > window.to) continue;
      out.push({ orgCode: unit.org.code, month, received, processedDigitally: Math.min(received, Math.round(received * rate)) });
    }
  }
  return out;
}
