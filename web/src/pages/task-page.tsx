import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { EventForm } from "../features/plans/components/event-form";
import { OccurrenceList } from "../features/plans/components/occurrence-list";
import { ParentTaskForm } from "../features/plans/components/parent-task-form";
import { TaskFlags } from "../features/plans/components/task-flags";
import { useLinkParent, useRecordEvent, useTask, useUnitTasks } from "../features/plans/hooks/use-plans";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** One task: its cells and checks, the upper task it concretises, the tasks fanned out of it,
 * the event day of an event-bound deadline, and every occurrence with its updates. */
export function TaskPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const task = useTask(id);
  const event = useRecordEvent(id ?? 0);
  const link = useLinkParent(id ?? 0);
  // upper tasks this task may concretise: those assigned to its plan's issuer by plans above
  const issuerCode = task.data?.canEdit && task.data.fannedFromTaskId === null ? task.data.plan.org.code : null;
  const assigned = useUnitTasks(issuerCode ?? "", issuerCode !== null);
  const [flash, setFlash] = useState<string | null>(null);
  if (hasForbidden(task.error)) return <ForbiddenView />;
  if (task.error) return <ErrorView error={task.error} onRetry={() => void task.refetch()} />;
  const t = task.data;
  if (!t) return <div className="skeleton" style={{ height: 420 }} aria-busy="true" />;
  const rows: Array<[string, string]> = [
    [T.colLead, t.lead?.name ?? t.leadText],
    [T.colCoordinators, t.coordinatorsText || "—"],
    [T.colProduct, t.product || "—"],
    [T.colDeadline, t.deadlineText || "—"],
  ];
  return (
    <>
      <p><Link to={`/ke-hoach/${t.plan.id}`}>‹ {T.backToPlan} {t.plan.number}</Link></p>
      <div className="page-head"><h1>{T.taskTitle(t.tt)}{t.lead ? ` — ${t.lead.name}` : ""}</h1></div>
      {flash && <div className="alert alert--ok" role="status">{flash}</div>}
      <section className="panel">
        <p style={{ fontWeight: 600 }}>{t.content}</p>
        <dl className="summary-grid">
          {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd style={{ fontSize: "0.95rem", fontWeight: 500 }}>{v}</dd></div>)}
        </dl>
        <p className="page-sub">{T.plan}: <Link to={`/ke-hoach/${t.plan.id}`}>{t.plan.number}</Link> — {t.plan.title} ({t.plan.org.name})</p>
        {t.parentTask && (
          <p className="page-sub">{T.upperTask}: <Link to={`/nhiem-vu/${t.parentTask.id}`}>{t.parentTask.planNumber}, TT {t.parentTask.tt}</Link> — {t.parentTask.content}</p>
        )}
        <TaskFlags task={t} />
      </section>
      {t.schedule.kind === "event" && t.canEdit && t.fannedFromTaskId === null && (
        <section className="panel" id="su-kien" aria-labelledby="event-title">
          <div className="panel__head"><h2 id="event-title">{T.eventTitle}</h2></div>
          <EventForm key={`${t.event?.on ?? ""}-${t.event?.dueOn ?? ""}`} task={t} busy={event.isPending} error={event.error}
            onSubmit={(body) => event.mutate(body, { onSuccess: () => setFlash(T.eventSaved) })} />
        </section>
      )}
      {t.canEdit && t.fannedFromTaskId === null && assigned.data && (
        <section className="panel" aria-labelledby="parent-title">
          <div className="panel__head"><h2 id="parent-title">{T.parentTitle}</h2></div>
          <ParentTaskForm key={t.parentTaskId ?? "none"} value={t.parentTaskId} busy={link.isPending} error={link.error}
            candidates={assigned.data.items.filter((c) => c.plan.id !== t.plan.id)}
            onSubmit={(parentTaskId) => link.mutate(parentTaskId, { onSuccess: () => setFlash(T.parentSaved) })} />
        </section>
      )}
      {t.fannedTasks.length > 0 && (
        <section className="panel" aria-labelledby="fanned-title">
          <div className="panel__head"><h2 id="fanned-title">{T.fannedTasks} ({t.fannedTasks.length})</h2></div>
          <ul className="notice-list">
            {t.fannedTasks.map((f) => <li key={f.id}><Link to={`/nhiem-vu/${f.id}`}>{f.lead?.name ?? f.leadText}</Link></li>)}
          </ul>
        </section>
      )}
      {t.kind === "task" && (
        <section className="panel" aria-labelledby="occ-title">
          <div className="panel__head"><h2 id="occ-title">{T.occurrences}</h2></div>
          <OccurrenceList occurrences={t.occurrences} leadCode={t.lead?.code ?? null} canReport={t.canReport}
            taskLabel={T.taskTitle(t.tt)} onReported={() => setFlash(T.progressSaved)} />
        </section>
      )}
    </>
  );
}
