import type { AppContext } from "../context.js";
import type { PlanRow, PlanTaskRow, TaskOccurrenceRow } from "../db/schema.js";
import { statusOf } from "../domain/plans/progress.js";
import { orgRef, presentTask, type OrgRefJson, type TaskJson } from "../plans/task.presenter.js";
import { toIsoInstant } from "../registers/present.js";
import { CONCLUSION_STATUS_LABELS, conclusionStatusOf, summarizeConclusions, type ConclusionStatus, type ConclusionSummary } from "./conclusion-progress.js";

/** The notice (thông báo kết luận): a plan of type TB of the conference's unit. */
export type NoticeJson = { planId: number; number: string; type: string; issuedOn: string; title: string; org: OrgRefJson };

/** A conclusion: its task, with the status of its progress. */
export type ConclusionJson = TaskJson & {
  status: ConclusionStatus;
  statusLabel: string;
  progress: { occurrences: number; completed: number; overdue: number; nextDue: string | null };
};

/** The conclusions panel of the conference page. */
export type ConclusionsView = {
  meetingId: number;
  /** the conference has ended: conclusions may be recorded */
  ended: boolean;
  end: string;
  canEdit: boolean;
  notice: NoticeJson | null;
  conclusions: ConclusionJson[];
  summary: ConclusionSummary;
};

export function presentNotice(ctx: AppContext, plan: PlanRow): NoticeJson {
  return { planId: plan.id, number: plan.number, type: plan.type_code, issuedOn: plan.issued_on, title: plan.title, org: orgRef(ctx, plan.org_id) };
}

/** The conclusions (group rows left out: each unit a group fans out to has its own task). */
export function presentConclusions(ctx: AppContext, tasks: readonly PlanTaskRow[], occurrences: readonly TaskOccurrenceRow[], today: string): { conclusions: ConclusionJson[]; summary: ConclusionSummary } {
  const conclusions = tasks.filter((t) => t.lead_group === null).map((t): ConclusionJson => {
    const own = occurrences.filter((o) => o.task_id === t.id);
    const statuses = own.map((o) => statusOf({ due: o.due_on, completedOn: o.completed_on, startedOn: o.started_on }, today));
    const status = conclusionStatusOf(statuses);
    const next = own.find((o) => o.completed_on === null);
    return {
      ...presentTask(ctx, t),
      status, statusLabel: CONCLUSION_STATUS_LABELS[status],
      progress: {
        occurrences: own.length,
        completed: own.filter((o) => o.completed_on !== null).length,
        overdue: statuses.filter((s) => s === "qua_han_chua_hoan_thanh").length,
        nextDue: next?.due_on ?? null,
      },
    };
  });
  return { conclusions, summary: summarizeConclusions(conclusions.map((c) => ({ status: c.status, allClear: c.flags.allClear }))) };
}

export const endOf = (end: Date) => toIsoInstant(end);
