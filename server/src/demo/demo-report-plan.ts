// When each unit of the demo opened, sent and had its periodic reports decided: a pure plan from
// the seed, `now` and the reports the units owe (report.regime.ts obligationsOfYear). Most units
// send on time a day or a few before the deadline, some a few days late, a few never; the
// receiving level accepts most within days and returns one now and then with comments, after
// which the unit sends a second version. Reports whose deadline is still ahead are mostly drafts
// or not started. The two demo accounts' units (Xã Kiến Thiết, Sở Y tế) follow a fixed story.
import { addDays, daysBetween, isWeekend, localDay, localMidnight } from "../domain/reports/report-dates.js";
import { SeededRandom } from "./seeded-random.js";

/** One report a unit owes, as the planner needs it. */
export type OwedReport = {
  orgCode: string;
  period: string;
  /** first day of the period (a draft is not opened before it) */
  periodStart: string;
  /** the deadline's last day (local) */
  lastDay: string;
};

/** One version sent: when it was prepared and sent, and the receiving level's decision. */
export type PlannedSubmission = { editAt: Date; submitAt: Date; decision: { kind: "accepted" | "returned"; at: Date } | null };

export type PlannedReport = OwedReport & {
  createdAt: Date;
  /** versions sent, oldest first (a returned one is followed by the next); none: a draft never sent */
  submissions: PlannedSubmission[];
  /** the last edit of a draft never sent */
  draftEditAt: Date | null;
};

/** How a unit keeps its deadlines: the share of reports it sends late and never sends. */
const TIERS = {
  model: { late: 0, never: 0 },
  good: { late: 0.06, never: 0.03 },
  fair: { late: 0.14, never: 0.08 },
  poor: { late: 0.25, never: 0.2 },
} as const;
type Tier = keyof typeof TIERS;

/** Units whose history is written out: which period they are returned once, and (late) sent late. */
export type ScriptedUnit = { returned: string; late?: string };

export type PlanOptions = {
  seed: number;
  now: Date;
  utcOffsetMinutes: number;
  /** days before the deadline a report counts as due (reporting.openDaysBefore) */
  openDaysBefore: number;
  scripted: Readonly<Record<string, ScriptedUnit>>;
  /** units that always send on time (the aggregator's own unit) */
  punctual: readonly string[];
  /** reports of other units returned once, then corrected */
  otherReturns: number;
};

/** A working day at or after (step 1) / before (step −1) `day`. */
function workday(day: string, step: 1 | -1): string {
  let d = day;
  while (isWeekend(d)) d = addDays(d, step);
  return d;
}

/** A moment of office hours on a local day (8:00–11:30, 13:30–16:45). */
function atWork(day: string, r: SeededRandom, offset: number): Date {
  const minute = r.chance(0.5) ? r.int(8 * 60, 11 * 60 + 30) : r.int(13 * 60 + 30, 16 * 60 + 45);
  return new Date(localMidnight(day, offset).getTime() + minute * 60_000);
}

const later = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/**
 * The plan of every owed report. Steps after `now` are left out: a report sent but not yet
 * decided stays submitted, one not yet sent stays a draft or is absent.
 */
export function planReportHistory(owed: readonly OwedReport[], o: PlanOptions): PlannedReport[] {
  const rng = new SeededRandom(o.seed).fork("reports");
  const off = o.utcOffsetMinutes;
  const today = localDay(o.now, off);
  const tierOf = new Map<string, Tier>();
  const unitTier = (code: string): Tier => {
    let t = tierOf.get(code);
    if (!t) {
      t = o.scripted[code] || o.punctual.includes(code) ? "model" : rng.fork(`tier:${code}`).weighted({ good: 60, fair: 30, poor: 10 });
      tierOf.set(code, t);
    }
    return t;
  };
  // the other reports returned once: the lowest draws among past reports of ordinary units
  const returnScore = (x: OwedReport) => rng.fork(`return:${x.orgCode}:${x.period}`).next();
  const returned = new Set(
    owed.filter((x) => !o.scripted[x.orgCode] && !o.punctual.includes(x.orgCode) && daysBetween(x.lastDay, today) > 10)
      .sort((a, b) => returnScore(a) - returnScore(b)).slice(0, o.otherReturns).map((x) => `${x.orgCode}:${x.period}`),
  );

  const plans: PlannedReport[] = [];
  for (const x of owed) {
    const r = rng.fork(`report:${x.orgCode}:${x.period}`);
    const script = o.scripted[x.orgCode];
    const tier = TIERS[unitTier(x.orgCode)];
    const isPast = x.lastDay < today;
    let sendDay: string | null;
    if (isPast) {
      const roll = r.next();
      const late = script ? script.late === x.period : roll < tier.late;
      const never = !script && !late && roll < tier.late + tier.never;
      const daysEarly = Number(r.weighted({ 0: 3, 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 }));
      sendDay = never ? null : late ? workday(addDays(x.lastDay, r.int(1, 5)), 1) : workday(addDays(x.lastDay, -daysEarly), -1);
      if (never && r.chance(0.5)) continue; // half of the missing reports were never even started
    } else {
      // the current period: mostly drafts or not started, a few sent early
      const left = daysBetween(today, x.lastDay);
      const open = left <= o.openDaysBefore;
      const roll = r.next();
      sendDay = !script && open && roll < 0.12 ? workday(addDays(today, -r.int(0, 3)), -1) : null;
      const drafting = script ? open : roll < (open ? 0.6 : 0.1);
      if (sendDay === null && !drafting) continue;
    }
    const anchor = sendDay ?? (isPast ? addDays(x.lastDay, -r.int(1, 6)) : today);
    const createDay = workday([addDays(anchor, -r.int(3, 9)), x.periodStart].sort().at(-1) as string, 1);
    const createdAt = atWork(createDay, r, off);
    if (createdAt > o.now) continue;
    const submissions: PlannedSubmission[] = [];
    let draftEditAt: Date | null = null;
    if (sendDay === null) {
      const edit = later(createdAt, r.int(30, 60 * 24 * 2));
      draftEditAt = edit < o.now ? edit : null;
    } else {
      let submitAt = atWork(sendDay, r, off);
      if (submitAt <= createdAt) submitAt = later(createdAt, r.int(60, 180));
      const isReturned = script ? script.returned === x.period : returned.has(`${x.orgCode}:${x.period}`);
      for (let v = 1; submitAt < o.now; v += 1) {
        const editAt = later(submitAt, -r.int(20, 240));
        const decidedAt = atWork(workday(addDays(localDay(submitAt, off), r.int(1, 4)), 1), r, off);
        const kind = isReturned && v === 1 ? "returned" : "accepted";
        submissions.push({ editAt: editAt > createdAt ? editAt : later(createdAt, 5), submitAt, decision: decidedAt < o.now ? { kind, at: decidedAt } : null });
        if (kind === "accepted" || decidedAt >= o.now) break;
        submitAt = atWork(workday(addDays(localDay(decidedAt, off), r.int(1, 3)), 1), r, off);
      }
      if (submissions.length === 0) draftEditAt = later(createdAt, r.int(30, 300));
    }
    plans.push({ ...x, createdAt, submissions, draftEditAt: draftEditAt && draftEditAt < o.now ? draftEditAt : null });
  }
  return plans;
}
