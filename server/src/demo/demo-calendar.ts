import type { SeededRandom } from "./seeded-random.js";

const DAY_MS = 86_400_000;

/** Public holidays when offices issue nothing (Tết dates differ each year). */
const HOLIDAYS: Record<number, ReadonlyArray<[string, string]>> = {
  2025: [["2025-01-01", "2025-01-01"], ["2025-01-25", "2025-02-02"], ["2025-04-07", "2025-04-07"], ["2025-04-30", "2025-05-02"], ["2025-09-01", "2025-09-02"]],
  2026: [["2026-01-01", "2026-01-01"], ["2026-02-14", "2026-02-22"], ["2026-04-27", "2026-04-27"], ["2026-04-30", "2026-05-01"], ["2026-09-01", "2026-09-02"]],
};

/** Relative activity by month: a lull around Tết, a rush of reports and plans in December. */
const MONTH_WEIGHT = [1.0, 0.75, 1.05, 1.0, 1.0, 1.05, 1.0, 0.95, 1.0, 1.0, 1.05, 1.3];

const pad = (n: number): string => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a UTC day number. */
export function isoDay(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** UTC day number of "YYYY-MM-DD". */
export function dayNumberOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** Local (Asia/Ho_Chi_Minh) calendar day of an instant, as "YYYY-MM-DD". */
export function localDay(instant: Date, utcOffsetMinutes: number): string {
  return isoDay(Math.floor((instant.getTime() + utcOffsetMinutes * 60_000) / DAY_MS));
}

/** The instant of a local wall-clock time on a day. */
export function localInstant(iso: string, hour: number, minute: number, utcOffsetMinutes: number): Date {
  return new Date(dayNumberOf(iso) * DAY_MS + (hour * 60 + minute - utcOffsetMinutes) * 60_000);
}

/** Working days of a year (Monday–Friday, not a public holiday), each with its draw weight,
 * so documents and meetings fall on days an office is open. */
export class WorkingCalendar {
  readonly days: string[] = [];
  private readonly cumulative: number[] = [];

  constructor(readonly year: number) {
    const closed = new Set<number>();
    for (const [from, to] of HOLIDAYS[year] ?? []) {
      for (let d = dayNumberOf(from); d <= dayNumberOf(to); d++) closed.add(d);
    }
    let total = 0;
    for (let d = dayNumberOf(`${year}-01-01`); d < dayNumberOf(`${year + 1}-01-01`); d++) {
      const weekday = new Date(d * DAY_MS).getUTCDay();
      if (weekday === 0 || weekday === 6 || closed.has(d)) continue;
      const iso = isoDay(d);
      total += MONTH_WEIGHT[Number(iso.slice(5, 7)) - 1] ?? 1;
      this.days.push(iso);
      this.cumulative.push(total);
    }
  }

  /** A working day drawn with the month weights. */
  draw(rng: SeededRandom): string {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.days[lo] ?? `${this.year}-01-02`;
  }

  /** The working days of one month ("YYYY-MM"). */
  daysOfMonth(month: string): string[] {
    return this.days.filter((d) => d.startsWith(month));
  }
}

/** The calendar of a year, built once per year. */
const calendars = new Map<number, WorkingCalendar>();
export function calendarOf(year: number): WorkingCalendar {
  let cal = calendars.get(year);
  if (!cal) {
    cal = new WorkingCalendar(year);
    calendars.set(year, cal);
  }
  return cal;
}
