import { Link, useNavigate } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { combinedExportUrl } from "../features/reports/api/reports.api";
import { BreakdownTable, FigureTables } from "../features/reports/components/figure-tables";
import { ReportScopeBar, useReportScope } from "../features/reports/components/report-scope-bar";
import { ReportTabs } from "../features/reports/components/report-tabs";
import { ActionError } from "../features/reports/components/workflow-panel";
import { useCombined, useOpenReport, useSchedule } from "../features/reports/hooks/use-reports";
import { lastDayBefore } from "../features/reports/report-format";
import { capitalize, REPORT_TEXT as T } from "../features/reports/texts";
import "../features/reports/reports.css";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** The DOCX/XLSX of the combined report, and the unit's own report of the period whose text
 * (assessment, number, signer, Nơi nhận) the exports carry. */
function CombinedExport({ org, period }: { org: string; period: string }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const schedule = useSchedule(org, Number(period.slice(0, 4)));
  const open = useOpenReport();
  const item = schedule.data?.items.find((i) => i.period === period);
  return (
    <section className="panel" aria-labelledby="combined-export-title" data-testid="combined-export">
      <h2 id="combined-export-title">{T.combinedExport}</h2>
      <p className="page-sub">{T.combinedExportLead}</p>
      <div className="form-actions">
        <a className="btn" href={combinedExportUrl(org, period, "docx")} download>{T.combinedExportDocx}</a>
        <a className="btn" href={combinedExportUrl(org, period, "xlsx")} download>{T.combinedExportXlsx}</a>
      </div>
      {schedule.error ? <ErrorView error={schedule.error} /> : null}
      {schedule.data && !item && <p className="page-sub">{T.combinedNoOwn}</p>}
      {item && (
        <>
          {item.reportId !== null ? (
            <div className="form-actions">
              <Link className="btn btn--ghost" to={`/bao-cao/${item.reportId}`}>{T.combinedOpenOwn}</Link>
            </div>
          ) : canWrite(user.role) ? (
            <div className="form-actions">
              <button type="button" className="btn btn--primary" disabled={open.isPending}
                onClick={() => open.mutate({ org, period }, { onSuccess: (v) => navigate(`/bao-cao/${v.id}`) })}>{T.prepareReport}</button>
            </div>
          ) : <p className="page-sub">{T.notOpened}</p>}
          <ActionError error={open.error} />
        </>
      )}
    </section>
  );
}

/** Báo cáo tổng hợp: the accepted reports addressed to a unit, unit by unit, with its own
 * figures and the totals, and the exports of the unit's report for the period. */
export function ReportCombinedPage() {
  const { org, period } = useReportScope();
  const combined = useCombined(org, period.id);
  if (hasForbidden(combined.error)) return <ForbiddenView />;
  const data = combined.data;
  return (
    <>
      <ReportTabs />
      <ReportScopeBar withYear={false} withPeriod />
      <div className="page-head"><h1>{T.combinedTitle}</h1></div>
      {combined.error ? <ErrorView error={combined.error} onRetry={() => void combined.refetch()} /> : null}
      {data ? (
        <>
          <p className="page-sub" data-testid="combined-lead">
            {T.combinedLead(data.org.name, data.periodName)} {T.dataRange(data.range.start, lastDayBefore(data.range.end))}.
          </p>
          {data.breakdown ? (
            <section className="panel" aria-labelledby="combined-breakdown-title">
              <div className="panel__head"><h2 id="combined-breakdown-title">{T.breakdownTitle(data.breakdown.accepted, data.breakdown.expected)}</h2></div>
              <BreakdownTable breakdown={data.breakdown} year={period.year} />
            </section>
          ) : <div className="alert alert--info">{T.combinedNoSenders(data.org.name)}</div>}
          <section className="panel" aria-labelledby="combined-totals-title">
            <div className="panel__head"><h2 id="combined-totals-title">{T.combinedTotals} — {capitalize(data.periodName)}</h2></div>
            <FigureTables figures={data.breakdown?.combined ?? data.own} />
          </section>
          <CombinedExport org={org} period={period.id} />
        </>
      ) : !combined.error ? <div className="skeleton" style={{ height: 360 }} aria-busy="true" /> : null}
    </>
  );
}
