import { Link, useLocation } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { PlanTable } from "../features/plans/components/plan-table";
import { usePlanList } from "../features/plans/hooks/use-plans";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { UnitBreadcrumbs } from "../features/scope/components/scope-bar";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { Flash } from "../ui/flash";

/** Kế hoạch: plans the unit (or its subtree) issued, and plans above that assign it tasks. */
export function PlansPage() {
  const user = useCurrentUser();
  const { org, subtree } = useScope();
  const location = useLocation();
  const list = usePlanList(org, subtree);
  if (hasForbidden(list.error)) return <ForbiddenView />;
  return (
    <>
      <UnitBreadcrumbs />
      <div className="page-head">
        <h1>{T.listTitle}</h1>
        <Link className="btn" to={{ pathname: "/bao-phu", search: location.search }}>{T.coverageLink}</Link>
        {canWrite(user.role) && <Link className="btn btn--primary" to={{ pathname: "/ke-hoach/moi", search: location.search }}>+ {T.add}</Link>}
      </div>
      <p className="page-sub">{T.listLead}</p>
      <Flash />
      {list.error ? <ErrorView error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? <PlanTable items={list.data.items} /> : !list.error ? <div className="skeleton" style={{ height: 300 }} aria-busy="true" /> : null}
    </>
  );
}
