import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { ReportNotices } from "../features/reports/components/report-notices";
import { ReportScopeBar, useReportScope } from "../features/reports/components/report-scope-bar";
import { ReportTabs } from "../features/reports/components/report-tabs";
import { ScheduleTable } from "../features/reports/components/schedule-table";
import { ActionError } from "../features/reports/components/workflow-panel";
import { useOpenReport, useReportNotices, useSchedule } from "../features/reports/hooks/use-reports";
import { REPORT_TEXT as T } from "../features/reports/texts";
import "../features/reports/reports.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** Báo cáo định kỳ của đơn vị: the reports it owes in a year with deadline, recipient and status;
 * open one, or prepare it (the draft is created already filled from the registers). */
export function ReportSchedulePage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { org, year } = useReportScope();
  const { tree } = useOrgs();
  const schedule = useSchedule(org, year);
  const notices = useReportNotices(org);
  const open = useOpenReport();
  const [opening, setOpening] = useState<string | null>(null);
  const unitName = tree?.byCode.get(org)?.name ?? org;

  if (hasForbidden(schedule.error)) return <ForbiddenView />;
  const data = schedule.data;
  return (
    <>
      <ReportTabs />
      <ReportScopeBar />
      <div className="page-head"><h1>{T.scheduleTitle}</h1></div>
      <ReportNotices notices={notices.data?.notices} error={notices.error} />
      <p className="page-sub">{T.scheduleLead(unitName, year)} {data ? (data.cutoff === "decree09" ? T.cutoffDecree09 : T.cutoffCalendar) : ""}</p>
      <ActionError error={open.error} />
      {schedule.error ? <ErrorView error={schedule.error} onRetry={() => void schedule.refetch()} /> : null}
      {data ? (
        data.items.length === 0 ? <div className="panel empty">{T.noObligations(unitName, year)}</div> : (
          <ScheduleTable items={data.items} canPrepare={canWrite(user.role)} opening={opening}
            onOpen={(period) => {
              setOpening(period);
              open.mutate({ org, period }, { onSuccess: (v) => navigate(`/bao-cao/${v.id}`), onSettled: () => setOpening(null) });
            }} />
        )
      ) : !schedule.error ? <div className="skeleton" style={{ height: 260 }} aria-busy="true" /> : null}
    </>
  );
}
