// Writes a plan's tasks from their cells: one code path for import, re-import, rematch and
// edits. A table row ("root") is identified by (plan, TT, lead cell); a group row fans out
// into one task per unit (identified by (group task, unit)); every task's schedule, lead and
// flags are recomputed from its cells, and its occurrences follow its schedule. Runs inside
// the caller's transaction and touches only `trx`.
import type { Transaction } from "kysely";
import type { Database, PlanTaskRow, PlanTasksTable, TaskOccurrenceRow } from "../db/schema.js";
import type { Insertable } from "kysely";
import { evaluateTask, diffOccurrences, occurrencesFor, type LeadMode, type TaskCells, type TaskEnv, type TaskFlags } from "./task.evaluate.js";
import { findTasksOfPlan, insertTask, updateTask } from "./task.repository.js";
import { deleteOccurrences, findOccurrencesOfTasks, insertOccurrences, moveOccurrenceDue } from "./occurrence.repository.js";
import { jsonOf, sameJson } from "./plan.json.js";
import { eventOccurrences } from "./task.event.js";
import type { Schedule } from "../domain/plans/deadline.js";

type Trx = Transaction<Database>;

/** The cells of a table row as last imported (plan_tasks.source_cells). */
export type SourceCells = { tt: string; content: string; lead: string; coordinators: string; product: string; deadline: string };

/** Cells a re-import may change, and their source-cell names. */
export const CELL_SOURCE: ReadonlyArray<[keyof TaskCells, keyof SourceCells]> = [
  ["tt", "tt"], ["content", "content"], ["coordinatorsText", "coordinators"], ["product", "product"], ["deadlineText", "deadline"],
];

/** Counts of what a sync wrote, for trackable tasks and group tasks apart. */
export type SyncCounts = { created: number; updated: number; unchanged: number };

/** A plan's tasks and occurrences as the transaction sees them, kept current while syncing. */
export type SyncState = {
  planId: number;
  tasks: Map<number, PlanTaskRow>;
  occurrences: Map<number, TaskOccurrenceRow[]>;
  tasksCount: SyncCounts;
  groupsCount: SyncCounts;
};

/** Loads the plan's tasks and occurrences with the transaction. */
export async function loadSyncState(trx: Trx, planId: number): Promise<SyncState> {
  const tasks = await findTasksOfPlan(trx, planId);
  const occ = await findOccurrencesOfTasks(trx, tasks.map((t) => t.id));
  const occurrences = new Map<number, TaskOccurrenceRow[]>();
  for (const o of occ) occurrences.set(o.task_id, [...(occurrences.get(o.task_id) ?? []), o]);
  const zero = (): SyncCounts => ({ created: 0, updated: 0, unchanged: 0 });
  return { planId, tasks: new Map(tasks.map((t) => [t.id, t])), occurrences, tasksCount: zero(), groupsCount: zero() };
}

/** The table row of the plan with this TT and lead cell, if any. */
export function findRoot(state: SyncState, tt: string, leadText: string): PlanTaskRow | undefined {
  for (const t of state.tasks.values()) {
    if (t.fanned_from_task_id === null && t.tt === tt && t.lead_text === leadText) return t;
  }
  return undefined;
}

/** The stored cells of a task. */
export function cellsOf(t: PlanTaskRow): TaskCells {
  return { tt: t.tt, content: t.content, coordinatorsText: t.coordinators_text, product: t.product, deadlineText: t.deadline_text, reviewCadence: t.review_cadence };
}

/** `current` with the fields of `apply` taken from `incoming`. */
function mergeCells(current: TaskCells, incoming: TaskCells, apply: ReadonlySet<keyof TaskCells>): TaskCells {
  const out = { ...current };
  for (const f of apply) (out as Record<string, unknown>)[f] = incoming[f];
  return out;
}

/** What to write into a root: cells, which of them apply over the stored ones, and its source. */
export type Incoming = {
  cells: TaskCells;
  apply: ReadonlySet<keyof TaskCells>;
  sourceRow?: number | null;
  sourceCells?: SourceCells | null;
  parentTaskId?: number | null;
};

/** Every cell: a new task takes them all. */
export const ALL_CELLS: ReadonlySet<keyof TaskCells> = new Set(["tt", "content", "coordinatorsText", "product", "deadlineText", "reviewCadence"]);

/** Flags of a stored task. */
export const flagsOf = (t: Pick<PlanTaskRow, "flags">): TaskFlags => jsonOf<TaskFlags>(t.flags);

/** Units a user removed from a group task's fan-out (kept across re-imports). */
function excludedOf(t: PlanTaskRow | undefined): number[] {
  if (!t) return [];
  return flagsOf(t).group?.excluded ?? [];
}

/**
 * Write a table row (a root) and, for a group, its fanned tasks: the cells of `apply` come from
 * `incoming`, the others keep their stored value (so an edit made in the app to a cell the file
 * did not change survives a re-import). The lead is matched from `leadText` unless a user fixed it.
 */
export async function syncRoot(trx: Trx, state: SyncState, env: TaskEnv, leadText: string, existing: PlanTaskRow | undefined, incoming: Incoming): Promise<PlanTaskRow> {
  const cells = existing ? mergeCells(cellsOf(existing), incoming.cells, incoming.apply) : incoming.cells;
  const lead: LeadMode = existing?.lead_manual ? { kind: "fixed", orgId: existing.lead_org_id, text: leadText } : { kind: "cell", text: leadText };
  const ev = evaluateTask(cells, lead, env);
  const excluded = excludedOf(existing);
  const flags: TaskFlags = ev.flags.group && excluded.length > 0 ? { ...ev.flags, group: { ...ev.flags.group, excluded } } : ev.flags;
  const root = await writeTask(trx, state, env, existing, {
    plan_id: state.planId,
    tt: cells.tt, content: cells.content, coordinators_text: cells.coordinatorsText, product: cells.product,
    deadline_text: cells.deadlineText, review_cadence: cells.reviewCadence,
    lead_text: leadText,
    lead_org_id: existing?.lead_manual ? existing.lead_org_id : ev.leadOrgId,
    lead_manual: existing?.lead_manual ?? false,
    lead_group: ev.group,
    schedule: JSON.stringify(ev.schedule),
    flags: JSON.stringify(flags),
    parent_task_id: existing ? existing.parent_task_id : (incoming.parentTaskId ?? null),
    fanned_from_task_id: null,
    source_row: incoming.sourceRow === undefined ? (existing?.source_row ?? null) : incoming.sourceRow,
    source_cells: incoming.sourceCells === undefined ? (existing ? jsonText(existing.source_cells) : null) : jsonText(incoming.sourceCells),
  });
  if (ev.group === null) return root;

  const children = [...state.tasks.values()].filter((t) => t.fanned_from_task_id === root.id);
  const units = ev.groupUnits.filter((u) => !excluded.includes(u.id));
  for (const unit of units) {
    if (children.some((c) => c.lead_org_id === unit.id)) continue;
    await syncFanned(trx, state, env, root, undefined, cells, ALL_CELLS, unit);
  }
  for (const child of children) {
    const unit = env.subtree.orgs.find((o) => o.id === child.lead_org_id);
    const childCells = mergeCells(cellsOf(child), cells, incoming.apply);
    await syncFanned(trx, state, env, root, child, childCells, ALL_CELLS, unit ?? null);
  }
  return root;
}

/** Write one fanned task of a group: its unit is its one lead. */
async function syncFanned(
  trx: Trx, state: SyncState, env: TaskEnv, root: PlanTaskRow, existing: PlanTaskRow | undefined,
  cells: TaskCells, apply: ReadonlySet<keyof TaskCells>, unit: { id: number; name: string } | null,
): Promise<PlanTaskRow> {
  const own = existing ? mergeCells(cellsOf(existing), cells, apply) : cells;
  const orgId = existing ? existing.lead_org_id : (unit?.id ?? null);
  const ev = evaluateTask(own, { kind: "fixed", orgId, text: unit?.name ?? "" }, env);
  return writeTask(trx, state, env, existing, {
    plan_id: state.planId,
    tt: own.tt, content: own.content, coordinators_text: own.coordinatorsText, product: own.product,
    deadline_text: own.deadlineText, review_cadence: own.reviewCadence,
    lead_text: root.lead_text, lead_org_id: orgId, lead_manual: existing?.lead_manual ?? false, lead_group: null,
    schedule: JSON.stringify(ev.schedule), flags: JSON.stringify(ev.flags),
    parent_task_id: existing ? existing.parent_task_id : root.parent_task_id,
    fanned_from_task_id: root.id, source_row: root.source_row, source_cells: null,
    // a unit added to the group later shares the event day recorded for the group
    ...(existing ? {} : { event_on: root.event_on, event_due_on: root.event_due_on }),
  });
}

/** Re-evaluate a stored task (after an edit of its cells or lead) and write what changed. */
export async function resyncTask(trx: Trx, state: SyncState, env: TaskEnv, task: PlanTaskRow, cells: TaskCells, apply: ReadonlySet<keyof TaskCells>): Promise<PlanTaskRow> {
  if (task.fanned_from_task_id === null) return syncRoot(trx, state, env, task.lead_text, task, { cells, apply });
  const root = state.tasks.get(task.fanned_from_task_id);
  if (!root) throw new Error(`group task ${task.fanned_from_task_id} missing`);
  const unit = env.subtree.orgs.find((o) => o.id === task.lead_org_id) ?? null;
  return syncFanned(trx, state, env, root, task, cells, apply, unit);
}

const jsonText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));

type TaskValues = Omit<Insertable<PlanTasksTable>, "schedule" | "flags" | "source_cells"> & { schedule: string; flags: string; source_cells: string | null };

const COMPARED: ReadonlyArray<keyof TaskValues> = [
  "tt", "content", "coordinators_text", "product", "deadline_text", "review_cadence", "lead_text", "lead_org_id", "lead_manual",
  "lead_group", "parent_task_id", "fanned_from_task_id", "source_row",
];

/** Insert or update a task when something differs, then follow its schedule with its occurrences. */
async function writeTask(trx: Trx, state: SyncState, env: TaskEnv, existing: PlanTaskRow | undefined, values: TaskValues): Promise<PlanTaskRow> {
  const counts = values.lead_group === null || values.lead_group === undefined ? state.tasksCount : state.groupsCount;
  let row: PlanTaskRow;
  let changed: boolean;
  if (!existing) {
    row = await insertTask(trx, values);
    changed = true;
  } else {
    changed = COMPARED.some((k) => (existing[k as keyof PlanTaskRow] ?? null) !== (values[k] ?? null))
      || !sameJson(existing.schedule, values.schedule) || !sameJson(existing.flags, values.flags) || !sameJson(existing.source_cells, values.source_cells);
    row = changed ? await updateTask(trx, existing.id, values) : existing;
  }
  state.tasks.set(row.id, row);
  const schedule = jsonOf<Schedule>(row.schedule);
  const wanted = row.lead_group === null
    ? [...occurrencesFor(schedule, row.review_cadence, env), ...eventOccurrences(schedule, { eventOn: row.event_on, eventDueOn: row.event_due_on })]
    : [];
  const moved = await syncOccurrences(trx, state, row.id, wanted);
  if (!existing) counts.created += 1;
  else if (changed || moved) counts.updated += 1;
  else counts.unchanged += 1;
  return row;
}

/** Make the stored occurrences follow `wanted`; true when anything changed. */
async function syncOccurrences(trx: Trx, state: SyncState, taskId: number, wanted: ReturnType<typeof occurrencesFor>): Promise<boolean> {
  const stored = state.occurrences.get(taskId) ?? [];
  const diff = diffOccurrences(stored.map((o) => ({ id: o.id, period: o.period, due: o.due_on, completedOn: o.completed_on })), wanted);
  if (diff.insert.length === 0 && diff.moveDue.length === 0 && diff.remove.length === 0) return false;
  const inserted = await insertOccurrences(trx, diff.insert.map((o) => ({ task_id: taskId, period: o.period, due_on: o.due })));
  for (const m of diff.moveDue) await moveOccurrenceDue(trx, m.id, m.due);
  await deleteOccurrences(trx, diff.remove);
  const moved = new Map(diff.moveDue.map((m) => [m.id, m.due]));
  const kept = stored.filter((o) => !diff.remove.includes(o.id)).map((o) => (moved.has(o.id) ? { ...o, due_on: moved.get(o.id) as string } : o));
  state.occurrences.set(taskId, [...kept, ...inserted]);
  return true;
}
