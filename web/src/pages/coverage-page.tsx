import { Link } from "react-router-dom";
import { CoverageList } from "../features/plans/components/coverage-list";
import { UnitPickerBar } from "../features/plans/components/unit-picker-bar";
import { useCoverage } from "../features/plans/hooks/use-plans";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** Coverage: per unit under the chosen one, upper tasks none of its own plans concretises. */
export function CoveragePage() {
  const { org, scopeSearch } = useScope();
  const coverage = useCoverage(org);
  if (hasForbidden(coverage.error)) return <ForbiddenView />;
  return (
    <>
      <UnitPickerBar />
      <p><Link to={{ pathname: "/ke-hoach", search: scopeSearch }}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{T.coverageTitle}</h1></div>
      <p className="page-sub">{T.coverageLead}</p>
      {coverage.error ? <ErrorView error={coverage.error} onRetry={() => void coverage.refetch()} /> : null}
      {coverage.data ? <CoverageList coverage={coverage.data} /> : !coverage.error ? <div className="skeleton" style={{ height: 300 }} aria-busy="true" /> : null}
    </>
  );
}
