// Task-table import (issue "Plans and tasks" §2–§5): file → readTaskTable → every row's deadline,
// lead (group fan-out, T2 breach), "6 rõ" → one transaction, all or nothing, audited. Re-importing
// the same table changes nothing: rows are identified by (plan, TT, lead cell), fanned tasks by
// (group task, unit). Names matched to no unit are listed for the user to map once (aliases),
// after which a rematch applies the mapping.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { AppError } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { PlanRow, PlanTaskRow } from "../db/schema.js";
import type { RawTaskRow } from "./readers/task-table.reader.js";
import { readTaskFile, type TaskRowsSource } from "./task-file.js";
import { TASK_COLUMN_TITLES } from "./readers/task-table.columns.js";
import { writeTaskTableDocx, writeTaskTableXlsx, type TaskTableRowOut } from "./readers/task-table.writer.js";
import { loadReadablePlan, loadWritablePlan } from "./plan.access.js";
import { summarizeTasks, type PlanSummaryJson } from "./plan.presenter.js";
import { findTasksOfPlan } from "./task.repository.js";
import { loadTaskEnv } from "./task.env.js";
import { ALL_CELLS, CELL_SOURCE, cellsOf, findRoot, flagsOf, loadSyncState, syncRoot, type SourceCells, type SyncCounts } from "./task.sync.js";
import type { TaskCells } from "./task.evaluate.js";
import { orgRef, type OrgRefJson } from "./task.presenter.js";
import { jsonOf } from "./plan.json.js";

/** A unit name of the table matched to no unit (or to several): map it once with an alias. */
export type UnmatchedName = { name: string; rows: number[]; tts: string[]; candidates: Array<OrgRefJson & { score: number }> };

/** What an import or a rematch did, and what the user should fix. */
export type TaskImportResult = {
  planId: number;
  fileName: string | null;
  rows: number;
  /** "document": the rows were read out of a plan document's text (an OCR'd table) */
  readFrom: TaskRowsSource | null;
  /** what the reader could not read (for a document: the tasks left out, by TT and line) */
  warnings: string[];
  tasks: SyncCounts;
  groups: SyncCounts;
  summary: PlanSummaryJson;
  breaches: Array<{ taskId: number; tt: string; sourceRow: number | null; leadNames: string[] }>;
  unmatched: UnmatchedName[];
  unknownDeadlines: Array<{ taskId: number; tt: string; deadlineText: string }>;
};

/** Uploaded bytes of a task table. */
export type TaskTableFile = { fileName: string; content: Buffer };

const rowLabel = (r: RawTaskRow): string => `row ${r.sourceRow}`;

/** Every problem that stops an import, as "row N: column: reason" (N = the row in the file). */
function rowErrors(rows: readonly RawTaskRow[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.content.trim() === "") errors.push(`${rowLabel(r)}: ${TASK_COLUMN_TITLES.content}: không được để trống`);
    const key = JSON.stringify([r.tt, r.lead]);
    const first = seen.get(key);
    if (first !== undefined) errors.push(`${rowLabel(r)}: ${TASK_COLUMN_TITLES.tt}: số TT «${r.tt}» với cùng cơ quan chủ trì đã có ở dòng ${first}`);
    else seen.set(key, r.sourceRow);
  }
  return errors;
}

const cellsOfRow = (r: RawTaskRow, reviewCadence: TaskCells["reviewCadence"]): TaskCells => ({
  tt: r.tt, content: r.content, coordinatorsText: r.coordinators, product: r.product, deadlineText: r.deadline, reviewCadence,
});

const sourceOf = (r: RawTaskRow): SourceCells => ({ tt: r.tt, content: r.content, lead: r.lead, coordinators: r.coordinators, product: r.product, deadline: r.deadline });

/** The cells a file changed since the last import of that row (all of them the first time). */
function changedCells(previous: SourceCells | null, r: RawTaskRow): Set<keyof TaskCells> {
  if (previous === null) return new Set([...ALL_CELLS].filter((f) => f !== "reviewCadence"));
  const now = sourceOf(r);
  return new Set(CELL_SOURCE.filter(([, s]) => previous[s] !== now[s]).map(([c]) => c));
}

/**
 * Import a task table into a plan (write on the issuer): 422 IMPORT_INVALID with every bad row
 * when the file has no table or a row is invalid — nothing is written then. A plan document
 * whose table has no columns to read (TXT/PDF, OCR'd) gives the rows the document parse reads
 * (task-file.ts); the tasks it could not read are the warnings.
 */
export async function importTaskTable(ctx: AppContext, user: SessionUser, planId: number, file: TaskTableFile): Promise<TaskImportResult> {
  const plan = await loadWritablePlan(ctx, user, planId);
  const table = await readTaskFile(file);
  if (table.rows.length === 0) {
    throw new AppError("IMPORT_INVALID", "Không đọc được nhiệm vụ nào từ tệp", { errors: table.warnings });
  }
  const errors = rowErrors(table.rows);
  if (errors.length > 0) throw new AppError("IMPORT_INVALID", `Tệp có ${errors.length} lỗi, chưa nhập nhiệm vụ nào`, { errors });
  const env = await loadTaskEnv(ctx, plan);
  const counts = await ctx.handle.db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, plan.id);
    for (const r of table.rows) {
      const existing = findRoot(state, r.tt, r.lead);
      const previous = existing ? jsonOf<SourceCells | null>(existing.source_cells) : null;
      await syncRoot(trx, state, env, r.lead, existing, {
        cells: cellsOfRow(r, existing?.review_cadence ?? null),
        apply: existing ? changedCells(previous, r) : ALL_CELLS,
        sourceRow: r.sourceRow,
        sourceCells: sourceOf(r),
      });
    }
    const after = { fileName: file.fileName, rows: table.rows.length, readFrom: table.readFrom, notRead: table.readFrom === "document" ? table.warnings : undefined, tasks: state.tasksCount, groups: state.groupsCount };
    await recordAudit(trx, { userId: user.id, action: "import", entity: "plans", entityId: plan.id, orgId: plan.org_id, after });
    return { tasks: state.tasksCount, groups: state.groupsCount };
  });
  return resultOf(ctx, plan, { fileName: file.fileName, rows: table.rows.length, readFrom: table.readFrom, warnings: table.warnings }, counts);
}

/**
 * Match every lead cell again (after aliases were added or units created) and fan group rows
 * out to units that joined the issuer's subtree; a lead chosen by a user is kept. Audited.
 */
export async function rematchPlan(ctx: AppContext, user: SessionUser, planId: number): Promise<TaskImportResult> {
  const plan = await loadWritablePlan(ctx, user, planId);
  const env = await loadTaskEnv(ctx, plan);
  const counts = await ctx.handle.db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, plan.id);
    const roots = [...state.tasks.values()].filter((t) => t.fanned_from_task_id === null);
    for (const root of roots) await syncRoot(trx, state, env, root.lead_text, root, { cells: cellsOf(root), apply: new Set() });
    await recordAudit(trx, { userId: user.id, action: "update", entity: "plans", entityId: plan.id, orgId: plan.org_id, after: { rematch: true, tasks: state.tasksCount, groups: state.groupsCount } });
    return { tasks: state.tasksCount, groups: state.groupsCount };
  });
  return resultOf(ctx, plan, { fileName: null, rows: 0, readFrom: null, warnings: [] }, counts);
}

type ReadSummary = Pick<TaskImportResult, "fileName" | "rows" | "readFrom" | "warnings">;

async function resultOf(ctx: AppContext, plan: PlanRow, read: ReadSummary, counts: { tasks: SyncCounts; groups: SyncCounts }): Promise<TaskImportResult> {
  const tasks = await findTasksOfPlan(ctx.handle.db, plan.id);
  const trackable = tasks.filter((t) => t.lead_group === null);
  return {
    planId: plan.id, ...read, tasks: counts.tasks, groups: counts.groups,
    summary: summarizeTasks(tasks),
    breaches: trackable.filter((t) => flagsOf(t).t2.breach).map((t) => ({ taskId: t.id, tt: t.tt, sourceRow: t.source_row, leadNames: flagsOf(t).t2.leadNames })),
    unmatched: unmatchedNames(ctx, trackable),
    unknownDeadlines: trackable.filter((t) => !flagsOf(t).deadlineUnderstood).map((t) => ({ taskId: t.id, tt: t.tt, deadlineText: t.deadline_text })),
  };
}

/** Names of lead cells matched to no single unit, each with the rows naming it and candidate units. */
export function unmatchedNames(ctx: AppContext, tasks: readonly PlanTaskRow[]): UnmatchedName[] {
  const byName = new Map<string, UnmatchedName>();
  const note = (name: string, t: PlanTaskRow, candidates: UnmatchedName["candidates"]) => {
    const entry = byName.get(name) ?? { name, rows: [], tts: [], candidates };
    if (t.source_row !== null && !entry.rows.includes(t.source_row)) entry.rows.push(t.source_row);
    if (!entry.tts.includes(t.tt)) entry.tts.push(t.tt);
    byName.set(name, entry);
  };
  for (const t of tasks) {
    if (t.lead_manual || t.fanned_from_task_id !== null) continue;
    const f = flagsOf(t).t2;
    for (const name of f.unmatched) note(name, t, []);
    for (const a of f.ambiguous) note(a.name, t, a.candidates.map((c) => ({ ...orgRef(ctx, c.orgId), score: c.score })));
  }
  return [...byName.values()];
}

/** The table rows of a plan as written back: group rows keep their group cell; a lead chosen by a user is named. */
async function exportRows(ctx: AppContext, plan: PlanRow): Promise<TaskTableRowOut[]> {
  const tasks = await findTasksOfPlan(ctx.handle.db, plan.id);
  return tasks.filter((t) => t.fanned_from_task_id === null).map((t) => ({
    tt: t.tt, content: t.content,
    lead: t.lead_manual && t.lead_org_id !== null ? (ctx.orgs.get(t.lead_org_id)?.name ?? t.lead_text) : t.lead_text,
    coordinators: t.coordinators_text, product: t.product, deadline: t.deadline_text,
  }));
}

/** The task table of a plan as XLSX or DOCX, in the layout it is imported in (read access). */
export async function exportTaskTable(ctx: AppContext, user: SessionUser, planId: number, format: "xlsx" | "docx"): Promise<{ fileName: string; content: Buffer }> {
  const plan = await loadReadablePlan(ctx, user, planId);
  const rows = await exportRows(ctx, plan);
  const title = `Phụ lục phân công nhiệm vụ — ${plan.number}: ${plan.title}`;
  const content = format === "xlsx" ? await writeTaskTableXlsx(rows, { title }) : await writeTaskTableDocx(rows, { title });
  const safe = plan.number.replace(/[^\p{L}\p{N}-]+/gu, "-").replace(/^-+|-+$/g, "") || `ke-hoach-${plan.id}`;
  return { fileName: `phan-cong-nhiem-vu-${safe}.${format}`, content };
}
