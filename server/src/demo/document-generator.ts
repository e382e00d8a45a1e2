// The document register (sổ văn bản đi) of one unit: volumes, type mix, flags and numbers as a
// real office's register has them (numbering per Nghị định 30/2020 and Party guidance 36-HD/VPTW).
import { calendarOf } from "./demo-calendar.js";
import { documentSubject } from "./demo-vocabulary.js";
import type { SeededRandom } from "./seeded-random.js";
import type { DemoDocument, UnitProfile } from "./demo.types.js";

/** Type mix of a State body: công văn ≈ 60 %, quyết định ≈ 15 %, kế hoạch and thông báo ≈ 8 % each. */
const STATE_MIX = { CV: 60, QĐ: 15, KH: 8, TB: 8, BC: 5, TTr: 2.5, HD: 0.8, CTr: 0.7 } as const;
/** Province and commune registers also hold the People's Council resolutions (nghị quyết). */
const COUNCIL_MIX = { ...STATE_MIX, NQ: 0.6 } as const;
/** Party committees write more notices, reports and conclusions. */
const PARTY_MIX = { CV: 45, TB: 14, BC: 12, KH: 10, QĐ: 10, NQ: 2, KL: 3, HD: 2, CTr: 1, TT: 1 } as const;

/** Share of legal normative documents (QPPL) among the types that can be one, by unit kind. */
const QPPL_SHARE: Partial<Record<UnitProfile["kind"], Partial<Record<string, number>>>> = {
  province: { QĐ: 0.03, NQ: 0.4 },
  commune: { QĐ: 0.004, NQ: 0.05 },
};

/** The provincial Party congress of October 2025 opened a new term: Party numbers run per type
 * over a term, so they restart at 01 on this day (kl226-rules.md §8). */
const PARTY_TERM_START = "2025-10-01";

/** Days (inclusive) a unit may issue documents in: its validity cut by the year and today. */
export type Window = { from: string; to: string };

type Draft = Omit<DemoDocument, "number" | "orgCode" | "subject" | "signer"> & { order: number };

/** Documents of one unit over the given years, in date order, numbered. */
export function generateUnitDocuments(unit: UnitProfile, years: readonly number[], windowOf: (year: number) => Window | null, rng: SeededRandom): DemoDocument[] {
  const out: DemoDocument[] = [];
  const partyCounters = new Map<string, number>();
  let partyTermStarted = false;
  for (const year of years) {
    const window = windowOf(year);
    const r = rng.fork(`docs:${year}`);
    const drafts = draftYear(unit, year, window, r);
    const stateCounters = new Map<string, number>();
    const taken = new Set<string>();
    for (const d of drafts) {
      if (unit.numbering.style === "party" && !partyTermStarted && d.issuedOn >= PARTY_TERM_START) {
        partyCounters.clear();
        partyTermStarted = true;
      }
      const counters = unit.numbering.style === "party" ? partyCounters : stateCounters;
      // secret documents have their own sequence (Nghị định 30, Art. 15)
      const key = `${d.secret ? "M:" : ""}${d.typeCode}`;
      let n = counters.get(key) ?? firstNumber(unit, d.typeCode, d.issuedOn, r);
      let number = formatNumber(unit, d.typeCode, n, r);
      while (taken.has(`${number}|${d.issuedOn}`)) number = formatNumber(unit, d.typeCode, ++n, r);
      counters.set(key, n + 1);
      taken.add(`${number}|${d.issuedOn}`);
      out.push({
        orgCode: unit.org.code,
        number,
        typeCode: d.typeCode,
        issuedOn: d.issuedOn,
        subject: documentSubject(r, d.typeCode, unit.topics, d.issuedOn),
        legalNormative: d.legalNormative,
        secret: d.secret,
        sentElectronically: d.sentElectronically,
        digitized: d.digitized,
        signer: r.chance(0.45) ? (unit.signers[0] ?? "") : r.pick(unit.signers),
      });
    }
  }
  return out;
}

/** The year's documents before numbering: day, type and flags, sorted by day. */
function draftYear(unit: UnitProfile, year: number, window: Window | null, r: SeededRandom): Draft[] {
  const planned = Math.round(unit.docsPerYear * unit.docRatio ** (year - 2025) * r.between(0.98, 1.02));
  if (window === null || planned === 0) return [];
  const calendar = calendarOf(year);
  const mix = unit.numbering.style === "party" ? PARTY_MIX : unit.kind === "province" || unit.kind === "commune" ? COUNCIL_MIX : STATE_MIX;
  const qppl = QPPL_SHARE[unit.kind] ?? {};
  const later = year > 2025;
  // digitisation and electronic sending improve in 2026; some units reach 100 %
  const digitizedRate = later ? (r.chance(0.25) ? 1 : r.between(0.955, 0.999)) : r.between(0.93, 0.985);
  const sentRate = later ? (r.chance(0.3) ? 1 : r.between(0.985, 0.999)) : r.between(0.97, 0.995);
  const secretRate = unit.numbering.style === "party" ? 0.02 : 0.004;
  const drafts: Draft[] = [];
  for (let i = 0; i < planned; i++) {
    const day = calendar.draw(r);
    const typeCode = r.weighted<string>(mix);
    const secret = r.chance(secretRate);
    const legalNormative = r.chance(qppl[typeCode] ?? 0);
    // drawn for every document so that the stream does not depend on the window
    const digitized = r.chance(digitizedRate);
    const sent = r.chance(sentRate);
    if (day < window.from || day > window.to) continue;
    drafts.push({ order: i, typeCode, issuedOn: day, secret, legalNormative, digitized: secret ? false : digitized, sentElectronically: secret ? false : sent });
  }
  return drafts.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.order - b.order));
}

/** Where a sequence starts: 1, except Party numbers issued before the new term, which carry on
 * from the previous term (2020–2025) and so are already high. */
function firstNumber(unit: UnitProfile, typeCode: string, day: string, r: SeededRandom): number {
  if (unit.numbering.style !== "party" || day >= PARTY_TERM_START) return 1;
  const share = (PARTY_MIX as Record<string, number>)[typeCode] ?? 1;
  return 1 + Math.round(unit.docsPerYear * (share / 100) * r.between(4.2, 4.6));
}

/** `15/QĐ-UBND`, `426/UBND-VP` (công văn: issuer and drafting unit, no type), `63-KH/TU`. */
function formatNumber(unit: UnitProfile, typeCode: string, n: number, r: SeededRandom): string {
  const num = n < 10 ? `0${n}` : String(n);
  const numbering = unit.numbering;
  if (numbering.style === "party") return `${num}-${typeCode}/${numbering.issuer}`;
  if (typeCode !== "CV") return `${num}/${typeCode}-${numbering.issuer}`;
  return numbering.drafting.length === 0 ? `${num}/${numbering.issuer}` : `${num}/${numbering.issuer}-${r.pick(numbering.drafting)}`;
}
