// JSON of plans: the plan, its parent link, and the summary of its task table (T2, "6 rõ").
import type { AppContext } from "../context.js";
import type { PlanRow, PlanTaskRow } from "../db/schema.js";
import { shareAllClear } from "../domain/plans/six-clear.js";
import { orgRef, type OrgRefJson } from "./task.presenter.js";
import { planTargetsOf, type PlanTargets } from "./plan.targets.js";
import { horizonYearOf } from "./task.env.js";
import { flagsOf } from "./task.sync.js";
import { toIsoInstant } from "../registers/present.js";

/** A plan. */
export type PlanJson = {
  id: number; org: OrgRefJson; number: string; type: string; issuedOn: string; title: string;
  parentPlan: { id: number; number: string; title: string; org: OrgRefJson } | null;
  targets: PlanTargets | null;
  /** occurrences of recurring tasks run to the end of this year; `horizonYearSet` when the plan fixes it */
  horizonYear: number; horizonYearSet: boolean;
  updatedAt: string;
};

/** The task table at a glance: T2 breaches, unmatched leads, "6 rõ" share (trackable tasks only). */
export type PlanSummaryJson = {
  tasks: number; groups: number; allClear: number; shareAllClear: number | null;
  t2Breaches: number; unmatchedLeads: number; unknownDeadlines: number; timeNotClear: number;
};

/** The JSON of a plan; `parent` is its parent plan row when it has one. */
export function presentPlan(ctx: AppContext, p: PlanRow, parent: PlanRow | undefined, today: string): PlanJson {
  return {
    id: p.id, org: orgRef(ctx, p.org_id), number: p.number, type: p.type_code, issuedOn: p.issued_on, title: p.title,
    parentPlan: parent ? { id: parent.id, number: parent.number, title: parent.title, org: orgRef(ctx, parent.org_id) } : null,
    targets: planTargetsOf(p.targets),
    horizonYear: horizonYearOf(p, today), horizonYearSet: p.horizon_year !== null,
    updatedAt: toIsoInstant(p.updated_at),
  };
}

/** The summary of a plan's tasks. */
export function summarizeTasks(tasks: readonly PlanTaskRow[]): PlanSummaryJson {
  const trackable = tasks.filter((t) => t.lead_group === null);
  const flags = trackable.map(flagsOf);
  const checks = flags.flatMap((f) => (f.sixClear ? [f.sixClear] : []));
  return {
    tasks: trackable.length,
    groups: tasks.length - trackable.length,
    allClear: checks.filter((c) => c.allClear).length,
    shareAllClear: shareAllClear(checks),
    t2Breaches: trackable.filter((t, i) => !t.lead_manual && flags[i]?.t2.breach === true).length,
    unmatchedLeads: trackable.filter((t, i) => t.lead_org_id === null && !(flags[i]?.t2.breach ?? false)).length,
    unknownDeadlines: flags.filter((f) => !f.deadlineUnderstood).length,
    timeNotClear: checks.filter((c) => !c.time.ok).length,
  };
}
