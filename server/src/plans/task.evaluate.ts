// What a task's cells mean once read against the issuer's tree: its schedule (deadline
// language, kl226-rules.md §5), its one lead or the group it fans out to (T2 — KL 226 §2.3),
// its "6 rõ" (T3 — KL 226 §2.3) and its dues. Pure: the caller loads the tree and aliases.
import { parseDeadline, occurrencesOf } from "../domain/plans/deadline.js";
import type { Cadence, Occurrence, Schedule } from "../domain/plans/deadline.js";
import { fanOutTask, type IssuerSubtree, type SubtreeOrg } from "../domain/plans/fan-out.js";
import { parseLeadCell, type LeadGroup } from "../domain/plans/leads.js";
import { checkSixClear, type SixClearResult } from "../domain/plans/six-clear.js";

/** What the evaluation needs to know about the plan and the issuer's tree. */
export type TaskEnv = {
  issuerId: number;
  /** the year of the plan: anchors "Định kỳ hằng năm" and bounds plausible years */
  planYear: number;
  /** recurring occurrences are generated to the end of this year */
  horizonYear: number;
  /** the issuer's subtree as it stands today (units a group fans out to, names matched against) */
  subtree: IssuerSubtree;
  /** every unit ever under the issuer (for "rõ thẩm quyền") */
  issuerSubtreeIds: ReadonlySet<number>;
  /** alias text → org id ("map once"), nearest scope winning */
  aliases: Readonly<Record<string, number>>;
};

/** The editable cells of a task. */
export type TaskCells = {
  tt: string;
  content: string;
  coordinatorsText: string;
  product: string;
  deadlineText: string;
  reviewCadence: Cadence | null;
};

/** How the lead is found: matched from the lead cell, or fixed (a fanned task's unit, a user's choice). */
export type LeadMode = { kind: "cell"; text: string } | { kind: "fixed"; orgId: number | null; text: string };

/** A name of the lead cell that matched several units: the user picks one. */
export type AmbiguousName = { name: string; candidates: Array<{ orgId: number; name: string; score: number }> };

/** The stored flags of a task (plan_tasks.flags). */
export type TaskFlags = {
  /** T2 — one task, one lead */
  t2: { breach: boolean; leadNames: string[]; leadOrgIds: number[]; unmatched: string[]; ambiguous: AmbiguousName[]; notes: string[] };
  /** T3 — "6 rõ"; null for a group task (its fanned tasks are checked) */
  sixClear: SixClearResult | null;
  /** false when the deadline text was not understood (kept, never guessed) */
  deadlineUnderstood: boolean;
  /** set on a group task: the group, how many units it fanned out to, and units a user removed */
  group: { group: LeadGroup; units: number; excluded?: number[] } | null;
};

/** The outcome of evaluating a task's cells. */
export type EvaluatedTask = {
  schedule: Schedule;
  leadOrgId: number | null;
  /** the group the lead cell names (the task is then a group task) */
  group: LeadGroup | null;
  /** the units a group task fans out to, by name */
  groupUnits: SubtreeOrg[];
  flags: TaskFlags;
};

/**
 * Evaluate a task: parse its deadline against the plan's year; find its lead — a cell naming a
 * group gives a group task with the units it fans out to; a cell naming one unit gives that unit;
 * two or more names is a T2 breach (no lead until a user picks one); a fixed lead is kept — and
 * check "6 rõ" with the issuer's subtree as authority.
 */
export function evaluateTask(cells: TaskCells, lead: LeadMode, env: TaskEnv): EvaluatedTask {
  const schedule = parseDeadline(cells.deadlineText, { planYear: env.planYear });
  const deadlineUnderstood = schedule.kind !== "unknown";
  if (lead.kind === "cell") {
    const cell = parseLeadCell(lead.text, { knownNames: env.subtree.orgs.map((o) => o.name) });
    if (cell.kind === "group") {
      const fan = fanOutTask({}, lead.text, env.subtree, { aliases: env.aliases });
      const unitIds = new Set(fan.tasks.flatMap((t) => t.leadOrgIds));
      const groupUnits = env.subtree.orgs.filter((o) => unitIds.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
      const t2 = { breach: false, leadNames: [cell.text], leadOrgIds: [], unmatched: [], ambiguous: [], notes: fan.notes };
      return { schedule, leadOrgId: null, group: cell.group, groupUnits, flags: { t2, sixClear: null, deadlineUnderstood, group: { group: cell.group, units: groupUnits.length } } };
    }
  }
  const t2 = leadOf(lead, env);
  const leadOrgId = !t2.breach && t2.leadOrgIds.length === 1 ? (t2.leadOrgIds[0] ?? null) : null;
  const checked = checkSixClear({
    leadOrgIds: t2.leadOrgIds, content: cells.content, schedule, reviewCadence: cells.reviewCadence,
    coordinatorsText: cells.coordinatorsText, product: cells.product,
  }, { issuerSubtreeIds: env.issuerSubtreeIds });
  // checkSixClear counts the MATCHED leads; a cell naming two units of which one is unknown is
  // still two leads (T2): rõ trách nhiệm fails whatever the matching found
  const sixClear = t2.breach && checked.responsibility.ok
    ? { ...checked, responsibility: { ok: false, reason: `Có ${t2.leadNames.length} đơn vị chủ trì — vi phạm nguyên tắc «một việc một đầu mối»` }, allClear: false }
    : checked;
  return { schedule, leadOrgId, group: null, groupUnits: [], flags: { t2, sixClear, deadlineUnderstood, group: null } };
}

function leadOf(lead: LeadMode, env: TaskEnv): TaskFlags["t2"] {
  if (lead.kind === "fixed") {
    const ids = lead.orgId === null ? [] : [lead.orgId];
    return { breach: false, leadNames: lead.text === "" ? [] : [lead.text], leadOrgIds: ids, unmatched: [], ambiguous: [], notes: [] };
  }
  const fan = fanOutTask({}, lead.text, env.subtree, { aliases: env.aliases });
  const t = fan.tasks[0];
  return {
    breach: fan.breach, leadNames: t?.leadNames ?? [], leadOrgIds: t?.leadOrgIds ?? [],
    unmatched: fan.unmatched, ambiguous: fan.ambiguous, notes: fan.notes,
  };
}

/**
 * The dues of a task up to the plan's horizon: a recurring schedule to the end of
 * `env.horizonYear`; an ongoing task ("Thường xuyên") with a review cadence is reviewed once
 * per period of that cadence (our convention: the cadence is what makes its time clear, so it
 * is what gets tracked); a single due whatever its year; an event or unknown text, none.
 */
export function occurrencesFor(schedule: Schedule, reviewCadence: Cadence | null, env: Pick<TaskEnv, "planYear" | "horizonYear">): Occurrence[] {
  if (schedule.kind === "ongoing" && schedule.due === null && reviewCadence !== null) {
    const from = schedule.from ?? `${env.planYear}-01-01`;
    return occurrencesOf({ kind: "recurring", cadence: [reviewCadence], from, until: null, text: schedule.text }, env.horizonYear);
  }
  if (schedule.kind === "recurring") return occurrencesOf(schedule, env.horizonYear);
  return occurrencesOf(schedule, Number.MAX_SAFE_INTEGER);
}

/** An occurrence as stored, for the diff. */
export type StoredOccurrence = { id: number; period: string; due: string; completedOn: string | null };

/** What to change so the stored occurrences follow the schedule. */
export type OccurrenceDiff = { insert: Occurrence[]; moveDue: Array<{ id: number; due: string }>; remove: number[] };

/**
 * Regenerate a task's occurrences when its deadline changes: completed occurrences are kept as
 * they are (their outcome was earned against their due); an open one whose period is still
 * due moves to the new due (its updates stay with it); an open one whose period is no longer
 * due goes; periods newly due are added.
 */
export function diffOccurrences(stored: readonly StoredOccurrence[], wanted: readonly Occurrence[]): OccurrenceDiff {
  const byPeriod = new Map(stored.map((o) => [o.period, o]));
  const wantedPeriods = new Set(wanted.map((o) => o.period));
  const insert = wanted.filter((w) => !byPeriod.has(w.period));
  const moveDue = wanted.flatMap((w) => {
    const o = byPeriod.get(w.period);
    return o && o.completedOn === null && o.due !== w.due ? [{ id: o.id, due: w.due }] : [];
  });
  const remove = stored.filter((o) => o.completedOn === null && !wantedPeriods.has(o.period)).map((o) => o.id);
  return { insert, moveDue, remove };
}
