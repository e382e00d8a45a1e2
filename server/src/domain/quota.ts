// The quota view: how many administrative documents and conferences a unit may still issue
// or hold this year to meet D1/M1 given last year, how many province-/commune-wide
// conferences remain (M3), and the year-end projection at the current pace.
// D1 — KL 226 §2.1; M1, M3 — KL 226 §2.2. Targets from settings.
import { roundTo } from "./format.js";
import { elapsedFraction, parsePeriod } from "./period.js";
import type { JurisdictionSettings, OrgLevel } from "./settings.js";

/** Counts for the quota view of one unit and year. */
export type QuotaInput = { year: number; now: Date; prevYearAdminDocs: number; adminDocsSoFar: number; prevYearMeetings: number; meetingsSoFar: number; wideUsed: number; level: OrgLevel };
/** One budget: documents (D1) or conferences (M1). */
export type QuotaLine = { allowed: number | null; used: number; remaining: number | null; projectedYearEnd: number; projectedCut: number | null; onTrack: boolean | null };
/** The quota view. */
export type Quota = {
  year: number; elapsedFraction: number; method: "linear_elapsed_days";
  documents: QuotaLine; meetings: QuotaLine;
  wide: { limit: number | null; used: number; remaining: number | null };
};

/**
 * One budget line. allowed = ⌊prev × (1 − target/100)⌋ (null when prev = 0: no base to cut
 * from); projectedYearEnd = round(used / fraction) — linear on elapsed days — and simply
 * `used` when the year has not started (fraction 0: nothing to extrapolate from).
 */
function lineOf(prev: number, used: number, targetPercent: number, fraction: number): QuotaLine {
  // integer arithmetic first, the tiny epsilon guards ⌊⌋ against binary noise for decimal targets
  const allowed = prev > 0 ? Math.floor((prev * (100 - targetPercent)) / 100 + 1e-9) : null;
  const projectedYearEnd = fraction > 0 ? Math.round(used / fraction) : used;
  return {
    allowed,
    used,
    remaining: allowed === null ? null : Math.max(0, allowed - used),
    projectedYearEnd,
    projectedCut: prev > 0 ? roundTo(((prev - projectedYearEnd) / prev) * 100, 1) : null,
    onTrack: allowed === null ? null : projectedYearEnd <= allowed,
  };
}

/**
 * Compute the quota view for `q.year` at `q.now` (elapsed fraction by local calendar days,
 * today counted, see {@link elapsedFraction}). The wide-conference limit is M3Province for a
 * province, M3Commune for a commune, null (unlimited, not tracked) for other levels.
 */
export function computeQuota(q: QuotaInput, settings: JurisdictionSettings): Quota {
  const fraction = elapsedFraction(parsePeriod(String(q.year)), q.now, settings.sessionConvention.utcOffsetMinutes);
  const t = settings.targets;
  const limit = q.level === "province" ? t.M3Province : q.level === "commune" ? t.M3Commune : null;
  return {
    year: q.year,
    elapsedFraction: fraction,
    method: "linear_elapsed_days",
    documents: lineOf(q.prevYearAdminDocs, q.adminDocsSoFar, t.D1, fraction), // D1 — KL 226 §2.1
    meetings: lineOf(q.prevYearMeetings, q.meetingsSoFar, t.M1, fraction), // M1 — KL 226 §2.2
    wide: { limit, used: q.wideUsed, remaining: limit === null ? null : Math.max(0, limit - q.wideUsed) }, // M3
  };
}
