import { Link } from "react-router-dom";
import type { ProgressStatus, UnitTask } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";
import { OccurrenceList } from "./occurrence-list";
import { TaskFlags } from "./task-flags";

const SEVERITY: ProgressStatus[] = ["qua_han_chua_hoan_thanh", "hoan_thanh_qua_han", "dang_thuc_hien", "chua_thuc_hien", "hoan_thanh_dung_han"];

/** The most pressing status among a task's occurrences (null: none yet). */
export function worstStatus(task: UnitTask): ProgressStatus | null {
  for (const s of SEVERITY) if (task.occurrences.some((o) => o.status === s)) return s;
  return null;
}

/** The next open due of a task ("9999" when none), to order the list. */
export function nextOpenDue(task: UnitTask): string {
  return task.occurrences.find((o) => o.completedOn === null)?.due ?? "9999";
}

/** One task of the unit's list: what, from which plan, its checks, and each occurrence. */
export function UnitTaskCard({ task, canReport, onReported }: { task: UnitTask; canReport: boolean; onReported?: () => void }) {
  const label = `${T.taskTitle(task.tt)} — ${task.plan.number}`;
  return (
    <li className="task-card" data-worst={worstStatus(task) ?? ""} data-testid="unit-task" data-task-id={task.id}>
      <h2><Link to={`/nhiem-vu/${task.id}`}>{task.tt ? `TT ${task.tt}. ` : ""}{task.content}</Link></h2>
      <p className="task-card__plan">
        {T.ofPlan(task.plan.number, task.plan.org.name)} · {T.colDeadline}: {task.deadlineText || "—"}
        {task.product ? ` · ${T.colProduct}: ${task.product}` : ""}
      </p>
      <TaskFlags task={task} />
      <OccurrenceList occurrences={task.occurrences} leadCode={task.lead?.code ?? null} canReport={canReport} taskLabel={label} onReported={onReported} />
    </li>
  );
}
