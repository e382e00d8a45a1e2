// Splits a day range into whole calendar months and the partial days at either end, so a
// count over months can be read from a monthly rollup (document_monthly) and only the edge
// days from the register itself.

/** A half-open day range [from, to); an absent bound is open. Dates are "YYYY-MM-DD". */
export type DayRange = { from?: string | undefined; to?: string | undefined };

const pad = (n: number) => String(n).padStart(2, "0");

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function firstOfNextMonth(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
}

const isFirstOfMonth = (iso: string) => iso.endsWith("-01");
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/**
 * For the inclusive day range from..to (either may be absent): `months`, the half-open range of
 * month starts wholly inside it (null if none), and `edges`, the half-open day ranges not
 * covered by those months. Together they cover exactly the days from..to, without overlap.
 * @example splitByWholeMonths("2026-03-15", "2026-06-20")
 *   → months [2026-04-01, 2026-06-01), edges [2026-03-15, 2026-04-01) and [2026-06-01, 2026-06-21)
 */
export function splitByWholeMonths(from: string | undefined, to: string | undefined): { months: DayRange | null; edges: DayRange[] } {
  const toExclusive = to === undefined ? undefined : addDays(to, 1);
  const monthsFrom = from === undefined ? undefined : isFirstOfMonth(from) ? from : firstOfNextMonth(from);
  const monthsTo = toExclusive === undefined ? undefined : firstOfMonth(toExclusive);
  if (monthsFrom !== undefined && monthsTo !== undefined && monthsFrom >= monthsTo) {
    return { months: null, edges: [{ from, to: toExclusive }] };
  }
  const edges: DayRange[] = [];
  if (from !== undefined && monthsFrom !== undefined && from < monthsFrom) edges.push({ from, to: monthsFrom });
  if (toExclusive !== undefined && monthsTo !== undefined && monthsTo < toExclusive) edges.push({ from: monthsTo, to: toExclusive });
  return { months: { from: monthsFrom, to: monthsTo }, edges };
}
