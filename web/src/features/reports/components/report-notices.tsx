import { Link } from "react-router-dom";
import { ErrorView } from "../../../ui/error-view";
import type { ReportNotice } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

const MAX_SHOWN = 12;

/** In-app notices of reports: reminders 7 and 3 days before and on the deadline, late and
 * returned reports, and for the level above the late units (escalation) and those awaiting it. */
export function ReportNotices({ notices, error }: { notices: ReportNotice[] | undefined; error: unknown }) {
  if (error) return <ErrorView error={error} />;
  if (!notices) return <div className="skeleton" style={{ height: 60, marginBottom: 12 }} aria-busy="true" />;
  if (notices.length === 0) return <div className="alert alert--ok" role="status" data-testid="report-notices">{T.noNotices}</div>;
  return (
    <section className="panel" aria-labelledby="report-notices-title" data-testid="report-notices" style={{ marginBottom: 12 }}>
      <h2 id="report-notices-title">{T.noticesTitle} ({notices.length})</h2>
      <ul className="r-notices">
        {notices.slice(0, MAX_SHOWN).map((n) => (
          <li key={`${n.kind}-${n.org.code}-${n.period}`} className="r-notice" data-severity={n.severity} data-kind={n.kind}>
            <span className="r-notice__kind">{T.noticeKinds[n.kind] ?? n.kind}</span>
            <span>{n.message}</span>
            {n.reportId !== null
              ? <Link to={`/bao-cao/${n.reportId}`}>{T.noticeOpen}</Link>
              : <Link to={`/bao-cao?org=${encodeURIComponent(n.org.code)}&year=${n.period.slice(0, 4)}`}>{T.noticeSchedule}</Link>}
          </li>
        ))}
      </ul>
    </section>
  );
}
