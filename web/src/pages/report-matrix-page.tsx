import { ReportMatrix, MatrixSummary } from "../features/reports/components/report-matrix";
import { ReportNotices } from "../features/reports/components/report-notices";
import { ReportScopeBar, useReportScope } from "../features/reports/components/report-scope-bar";
import { ReportTabs } from "../features/reports/components/report-tabs";
import { useMatrix, useReportNotices } from "../features/reports/hooks/use-reports";
import { REPORT_TEXT as T } from "../features/reports/texts";
import "../features/plans/plans.css";
import "../features/reports/reports.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** The aggregator's view: units × periods with statuses, completeness and timeliness, and the
 * notices of late units (escalation) and reports awaiting a decision. */
export function ReportMatrixPage() {
  const { org, year, kind } = useReportScope();
  const { tree } = useOrgs();
  const matrix = useMatrix(org, year, kind);
  const notices = useReportNotices(org);
  if (hasForbidden(matrix.error)) return <ForbiddenView />;
  const data = matrix.data;
  return (
    <>
      <ReportTabs />
      <ReportScopeBar withKind />
      <div className="page-head"><h1>{T.matrixTitle}</h1></div>
      <ReportNotices notices={notices.data?.notices} error={notices.error} />
      <p className="page-sub">{T.matrixLead(tree?.byCode.get(org)?.name ?? org, year)}</p>
      {matrix.error ? <ErrorView error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      {data ? (
        data.rows.length === 0 ? <div className="panel empty">{T.matrixEmpty}</div> : (
          <>
            <MatrixSummary counts={data.counts} />
            <ReportMatrix matrix={data} />
          </>
        )
      ) : !matrix.error ? <div className="skeleton" style={{ height: 320 }} aria-busy="true" /> : null}
    </>
  );
}
