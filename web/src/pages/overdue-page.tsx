import { OverdueBoard } from "../features/plans/components/overdue-board";
import { useOverdueBoard } from "../features/plans/hooks/use-plans";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { UnitBreadcrumbs } from "../features/scope/components/scope-bar";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** Theo dõi quá hạn: the aggregator's board of overdue occurrences in the unit's subtree. */
export function OverduePage() {
  const { org, subtree } = useScope();
  const board = useOverdueBoard(org, subtree);
  if (hasForbidden(board.error)) return <ForbiddenView />;
  return (
    <>
      <UnitBreadcrumbs />
      <div className="page-head"><h1>{T.overdueTitle}</h1></div>
      <p className="page-sub">{T.overdueLead}</p>
      {board.error ? <ErrorView error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? <OverdueBoard board={board.data} /> : !board.error ? <div className="skeleton" style={{ height: 300 }} aria-busy="true" /> : null}
    </>
  );
}
