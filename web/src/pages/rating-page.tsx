import { ratingsXlsxUrl } from "../features/ratings/api/ratings.api";
import { ScorecardTable } from "../features/ratings/components/scorecard-table";
import { useRatings } from "../features/ratings/hooks/use-ratings";
import { RATING_TEXT as T } from "../features/ratings/texts";
import { ReportScopeBar, useReportScope } from "../features/reports/components/report-scope-bar";
import { ReportTabs } from "../features/reports/components/report-tabs";
import "../features/reports/reports.css";
import "../features/plans/plans.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** Xếp loại: the annual scorecards of the units below, by peer group, with the Quy định 366
 * level, the rank and its change with the reason, the records behind each point, and XLSX. */
export function RatingPage() {
  const { org, year } = useReportScope();
  const { tree } = useOrgs();
  const ratings = useRatings(org, year);
  if (hasForbidden(ratings.error)) return <ForbiddenView />;
  const data = ratings.data;
  const groups = data ? [...new Set(data.rows.map((r) => r.peerGroup))] : [];
  const t = data?.settings.thresholds;
  return (
    <>
      <ReportTabs />
      <ReportScopeBar />
      <div className="page-head">
        <h1>{T.title}</h1>
        <a className="btn" href={ratingsXlsxUrl(org, year)} download>{T.exportXlsx}</a>
      </div>
      <p className="page-sub">{T.lead(tree?.byCode.get(org)?.name ?? org, year)} {t ? T.thresholds(t.excellent, t.good, t.complete) : ""}</p>
      {ratings.error ? <ErrorView error={ratings.error} onRetry={() => void ratings.refetch()} /> : null}
      {data ? (
        groups.length === 0 ? <div className="panel empty">{T.empty}</div>
          : groups.map((g) => <ScorecardTable key={g} level={g} rows={data.rows.filter((r) => r.peerGroup === g)} year={data.year} />)
      ) : !ratings.error ? <div className="skeleton" style={{ height: 320 }} aria-busy="true" /> : null}
    </>
  );
}
