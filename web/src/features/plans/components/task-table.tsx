import { Link } from "react-router-dom";
import type { PlanView } from "../api/plans.api";
import { waitsForEvent } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";
import { FixLeadForm } from "./fix-lead-form";
import { StatusBadge } from "./status-badge";
import { TaskFlags } from "./task-flags";

type Props = {
  tasks: PlanView["tasks"];
  canEdit: boolean;
  fixingLead: boolean;
  onFixLead: (taskId: number, orgCode: string) => void;
};

/** The plan's task table in its own layout, each row with its checks and progress; a group
 * row is followed by the tasks fanned out of it, one per unit. */
export function TaskTable({ tasks, canEdit, fixingLead, onFixLead }: Props) {
  return (
    <div className="table-wrap">
      <table className="table task-table" data-testid="task-table">
        <colgroup>
          <col style={{ width: "4%" }} /><col style={{ width: "23%" }} /><col style={{ width: "13%" }} /><col style={{ width: "11%" }} />
          <col style={{ width: "11%" }} /><col style={{ width: "9%" }} /><col style={{ width: "13%" }} /><col style={{ width: "16%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{T.colTt}</th>
            <th scope="col">{T.colContent}</th>
            <th scope="col">{T.colLead}</th>
            <th scope="col">{T.colCoordinators}</th>
            <th scope="col">{T.colProduct}</th>
            <th scope="col">{T.colDeadline}</th>
            <th scope="col">{T.colProgress}</th>
            <th scope="col">{T.colFlags}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => {
            const fanned = t.fannedFromTaskId !== null;
            const breach = t.flags.t2.breach && !t.leadManual;
            const rowClass = [t.kind === "group" ? "group-row" : "", fanned ? "fanned-row" : "", breach ? "row--breach" : ""].join(" ").trim();
            return (
              <tr key={t.id} className={rowClass} data-task-id={t.id} data-tt={t.tt} data-kind={fanned ? "fanned" : t.kind}>
                <td className="nowrap">
                  {fanned && <span className="fanned-mark" aria-hidden="true">↳</span>}
                  <Link to={`/nhiem-vu/${t.id}`} aria-label={`${T.openTask}: ${T.taskTitle(t.tt)}${t.lead ? ` — ${t.lead.name}` : ""}`}>{t.tt || "—"}</Link>
                </td>
                <td className="content">{fanned ? <span className="page-sub">{T.fannedMark}</span> : t.content}</td>
                <td className="lead">
                  {t.lead ? <strong>{t.lead.name}</strong> : <span>{t.leadText}</span>}
                  {canEdit && breach && (
                    <FixLeadForm taskTt={t.tt} options={t.flags.t2.leads} busy={fixingLead} onSubmit={(code) => onFixLead(t.id, code)} />
                  )}
                </td>
                <td>{fanned ? "" : t.coordinatorsText}</td>
                <td>{fanned ? "" : t.product}</td>
                <td>
                  {t.deadlineText}
                  {canEdit && waitsForEvent(t) && !fanned && (
                    <div><Link className="btn btn--small" to={`/nhiem-vu/${t.id}#su-kien`}>{T.recordEvent}</Link></div>
                  )}
                </td>
                <td>
                  {t.progress === null ? null : t.progress.next ? (
                    <>
                      <StatusBadge status={t.progress.next.status} />
                      <div className="page-sub">{T.nextDue(t.progress.next.due)}</div>
                      <div className="page-sub">{T.progressOf(t.progress.completed, t.progress.occurrences)}</div>
                      {t.progress.overdue > 0 && <div className="flag-no">{T.overdueCount(t.progress.overdue)}</div>}
                    </>
                  ) : <span className="page-sub">{T.noOccurrences}</span>}
                </td>
                <td className="flags"><TaskFlags task={t} /></td>
              </tr>
            );
          })}
          {tasks.length === 0 && <tr><td colSpan={8} className="empty">{T.noTasks}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
