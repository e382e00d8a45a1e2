import { useId, useMemo, useState } from "react";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { NoticesPanel } from "../features/plans/components/notices-panel";
import { UnitPickerBar } from "../features/plans/components/unit-picker-bar";
import { nextOpenDue, UnitTaskCard, worstStatus } from "../features/plans/components/unit-task-card";
import { useNotices, useUnitTasks } from "../features/plans/hooks/use-plans";
import { PLAN_TEXT as T, STATUS_LABEL } from "../features/plans/texts";
import "../features/plans/plans.css";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

const RANK: Record<string, number> = { qua_han_chua_hoan_thanh: 0, hoan_thanh_qua_han: 1, dang_thuc_hien: 2, chua_thuc_hien: 3, hoan_thanh_dung_han: 4 };

/** Việc của đơn vị tôi: notices first, then the tasks the unit leads, most pressing first,
 * each occurrence with its status and a progress form. */
export function MyTasksPage() {
  const user = useCurrentUser();
  const { org } = useScope();
  const filterId = useId();
  const notices = useNotices();
  const tasks = useUnitTasks(org);
  const [status, setStatus] = useState("");
  const [flash, setFlash] = useState<string | null>(null);
  const items = useMemo(() => {
    const list = (tasks.data?.items ?? []).filter((t) => status === "" || t.occurrences.some((o) => o.status === status));
    return [...list].sort((a, b) => (RANK[worstStatus(a) ?? ""] ?? 5) - (RANK[worstStatus(b) ?? ""] ?? 5) || nextOpenDue(a).localeCompare(nextOpenDue(b)));
  }, [tasks.data, status]);
  if (hasForbidden(tasks.error)) return <ForbiddenView />;
  return (
    <>
      <UnitPickerBar />
      <div className="page-head"><h1>{T.myTasksTitle}</h1></div>
      {flash && <div className="alert alert--ok" role="status">{flash}</div>}
      <NoticesPanel data={notices.data} error={notices.error} />
      {tasks.data && <p className="page-sub">{T.myTasksLead(tasks.data.org.name)}</p>}
      <div className="filters">
        <div className="field">
          <label htmlFor={filterId}>{T.filterStatus}</label>
          <select id={filterId} className="select" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{T.allStatuses}</option>
            {Object.entries(STATUS_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
      </div>
      {tasks.error ? <ErrorView error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data ? (
        items.length === 0 ? <div className="panel empty">{T.noMyTasks}</div> : (
          <ul className="task-cards" aria-label={T.myTasksTitle}>
            {items.map((t) => <UnitTaskCard key={t.id} task={t} canReport={canWrite(user.role)} onReported={() => setFlash(T.progressSaved)} />)}
          </ul>
        )
      ) : !tasks.error ? <div className="skeleton" style={{ height: 300 }} aria-busy="true" /> : null}
    </>
  );
}
