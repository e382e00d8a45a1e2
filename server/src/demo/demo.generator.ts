import { KL226_DEFAULTS } from "../domain/settings.js";
import { localDay } from "./demo-calendar.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { buildProvinceUnits } from "./demo-province.js";
import { generateUnitDocuments, type Window } from "./document-generator.js";
import { generateUnitMeetings } from "./meeting-generator.js";
import { SeededRandom } from "./seeded-random.js";
import { generateUnitTthc } from "./tthc-generator.js";
import type { DemoOrg, DemoProvince, UnitProfile } from "./demo.types.js";

/** The years the demo registers cover: the year before KL 226 and the year it took effect. */
export const DEMO_YEARS: readonly number[] = [2025, 2026];
/** Without a `now`, the demo fills 2026 to its last day. */
const END_OF_DEMO = new Date("2026-12-31T16:59:59Z");

/** The days of `year` a unit existed on, up to `today`; null when none. */
export function windowOf(org: DemoOrg, today: string): (year: number) => Window | null {
  return (year) => {
    const from = [`${year}-01-01`, org.validFrom ?? ""].sort().at(-1) ?? `${year}-01-01`;
    const to = [`${year}-12-31`, org.validTo ?? "9999-12-31", today].sort()[0] ?? `${year}-12-31`;
    return from <= to ? { from, to } : null;
  };
}

/** Registers of a list of units, generated unit by unit from its own random stream. */
export function generateRegisters(units: readonly UnitProfile[], rng: SeededRandom, now: Date) {
  const today = localDay(now, KL226_DEFAULTS.sessionConvention.utcOffsetMinutes);
  const documents = [];
  const meetings = [];
  const tthc = [];
  for (const unit of units) {
    const r = rng.fork(`unit:${unit.org.code}`);
    const window = windowOf(unit.org, today);
    documents.push(...generateUnitDocuments(unit, DEMO_YEARS, window, r));
    meetings.push(...generateUnitMeetings(unit, DEMO_YEARS, window, now, r));
    tthc.push(...generateUnitTthc(unit, DEMO_YEARS, window, today, r));
  }
  return { documents, meetings, tthc };
}

/**
 * The demo province (Tỉnh Tuyên Quang: Party bloc, Front, 13 departments, 25 communes and
 * wards with their offices, one commune merged from three on 2025-07-01) and its registers
 * for 2025 and 2026 up to `now`, as plain rows. Pure: the same seed and `now` give the same rows.
 */
export function generateDemoProvince(seed: number, now: Date = END_OF_DEMO): DemoProvince {
  const rng = new SeededRandom(seed);
  const units = buildProvinceUnits(rng.fork("orgs"), { extraCommunes: 0, withOffices: true });
  const registers = generateRegisters(units, rng.fork("registers"), now);
  const heads = units.map((u) => ({ orgCode: u.org.code, name: u.signers[0] ?? "", issuer: u.numbering.issuer, party: u.numbering.style === "party" }));
  return { orgs: units.map((u) => u.org), ...registers, users: DEMO_ACCOUNTS.map((a) => ({ ...a })), heads };
}
