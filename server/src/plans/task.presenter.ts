// JSON of tasks and occurrences: camelCase, org units by code and name, statuses derived at
// read time (progress.ts statusOf) with their Vietnamese labels.
import type { AppContext } from "../context.js";
import type { PlanTaskRow, TaskOccurrenceRow } from "../db/schema.js";
import type { Schedule } from "../domain/plans/deadline.js";
import type { SixClearResult } from "../domain/plans/six-clear.js";
import { PROGRESS_STATUS_LABELS, statusOf, type ProgressStatus } from "../domain/plans/progress.js";
import type { LeadGroup } from "../domain/plans/leads.js";
import { toIsoInstant } from "../registers/present.js";
import { jsonOf } from "./plan.json.js";
import { flagsOf } from "./task.sync.js";
import type { UpdateSummary } from "./occurrence.repository.js";

/** A unit as the API names it. */
export type OrgRefJson = { code: string; name: string };

/** The T2 / "6 rõ" / deadline flags of a task. */
export type TaskFlagsJson = {
  t2: {
    breach: boolean; leadNames: string[]; leads: OrgRefJson[]; unmatched: string[];
    ambiguous: Array<{ name: string; candidates: Array<OrgRefJson & { score: number }> }>; notes: string[];
  };
  sixClear: SixClearResult | null;
  allClear: boolean | null;
  deadlineUnderstood: boolean;
  group: { group: LeadGroup; units: number; excluded: OrgRefJson[] } | null;
};

/** A task of a plan; `kind: "group"` is a table row fanned out into `fannedFromTaskId` tasks. */
export type TaskJson = {
  id: number; planId: number; kind: "task" | "group";
  tt: string; content: string; leadText: string; lead: OrgRefJson | null; leadManual: boolean; leadGroup: string | null;
  coordinatorsText: string; product: string; deadlineText: string; schedule: Schedule; reviewCadence: string | null;
  parentTaskId: number | null; fannedFromTaskId: number | null; sourceRow: number | null;
  /** the recorded day of the event an event-bound deadline waits for, and the due a user gave with it */
  event: { on: string; dueOn: string | null } | null;
  flags: TaskFlagsJson;
};

/** One due of a task, its status derived on `today`. */
export type OccurrenceJson = {
  id: number; taskId: number; period: string; due: string; startedOn: string | null; completedOn: string | null;
  status: ProgressStatus; statusLabel: string;
};

/** A progress update (the file itself is fetched from its own route). */
export type UpdateJson = {
  id: number; occurrenceId: number; at: string; user: string | null; note: string;
  evidenceDocumentId: number | null; evidenceFile: { name: string; contentType: string | null; size: number | null } | null;
};

/** A unit by id as {code, name}; an id missing from the tree keeps its number as code. */
export function orgRef(ctx: AppContext, id: number): OrgRefJson {
  const o = ctx.orgs.get(id);
  return o ? { code: o.code, name: o.name } : { code: String(id), name: "" };
}

/** The JSON of a task. */
export function presentTask(ctx: AppContext, t: PlanTaskRow): TaskJson {
  const f = flagsOf(t);
  const group = f.group;
  return {
    id: t.id, planId: t.plan_id, kind: t.lead_group === null ? "task" : "group",
    tt: t.tt, content: t.content, leadText: t.lead_text,
    lead: t.lead_org_id === null ? null : orgRef(ctx, t.lead_org_id), leadManual: t.lead_manual, leadGroup: t.lead_group,
    coordinatorsText: t.coordinators_text, product: t.product, deadlineText: t.deadline_text,
    schedule: jsonOf<Schedule>(t.schedule), reviewCadence: t.review_cadence,
    parentTaskId: t.parent_task_id, fannedFromTaskId: t.fanned_from_task_id, sourceRow: t.source_row,
    event: t.event_on === null ? null : { on: t.event_on, dueOn: t.event_due_on },
    flags: {
      t2: {
        breach: f.t2.breach, leadNames: f.t2.leadNames, leads: f.t2.leadOrgIds.map((id) => orgRef(ctx, id)), unmatched: f.t2.unmatched,
        ambiguous: f.t2.ambiguous.map((a) => ({ name: a.name, candidates: a.candidates.map((c) => ({ ...orgRef(ctx, c.orgId), score: c.score })) })),
        notes: f.t2.notes,
      },
      sixClear: f.sixClear,
      allClear: f.sixClear === null ? null : f.sixClear.allClear,
      deadlineUnderstood: f.deadlineUnderstood,
      group: group === null ? null : { group: group.group, units: group.units, excluded: (group.excluded ?? []).map((id) => orgRef(ctx, Number(id))) },
    },
  };
}

/** The JSON of an occurrence on `today`. */
export function presentOccurrence(o: TaskOccurrenceRow, today: string): OccurrenceJson {
  const status = statusOf({ due: o.due_on, completedOn: o.completed_on, startedOn: o.started_on }, today);
  return {
    id: o.id, taskId: o.task_id, period: o.period, due: o.due_on, startedOn: o.started_on, completedOn: o.completed_on,
    status, statusLabel: PROGRESS_STATUS_LABELS[status],
  };
}

/** The JSON of an update. */
export function presentUpdate(u: UpdateSummary): UpdateJson {
  return {
    id: u.id, occurrenceId: u.occurrence_id, at: toIsoInstant(u.at), user: u.username, note: u.note,
    evidenceDocumentId: u.evidence_document_id,
    evidenceFile: u.evidence_file_name === null ? null : { name: u.evidence_file_name, contentType: u.evidence_content_type, size: u.evidence_size },
  };
}
