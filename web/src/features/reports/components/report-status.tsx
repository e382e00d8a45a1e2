import type { ReportStatus } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

/** The status of an owed report, coloured and always written out. */
export function ReportStatusBadge({ status, label }: { status: ReportStatus; label?: string }) {
  return <span className={`rstatus rstatus--${status}`} data-status={status}>{label ?? T.statuses[status] ?? status}</span>;
}
