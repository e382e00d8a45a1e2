import { Link } from "react-router-dom";
import type { ScheduleItem } from "../api/reports.api";
import { lastDayBefore } from "../report-format";
import { capitalize, REPORT_TEXT as T } from "../texts";
import { ReportStatusBadge } from "./report-status";

type Props = {
  items: ScheduleItem[];
  canPrepare: boolean;
  opening: string | null;
  onOpen: (period: string) => void;
};

/** The reports a unit owes in a year: period, data range, deadline, recipient, status, open. */
export function ScheduleTable({ items, canPrepare, opening, onOpen }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="report-schedule">
        <thead>
          <tr>
            <th scope="col">{T.colPeriod}</th>
            <th scope="col">{T.colRange}</th>
            <th scope="col">{T.colDeadline}</th>
            <th scope="col">{T.colRecipient}</th>
            <th scope="col">{T.colStatus}</th>
            <th scope="col">{T.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const name = capitalize(i.periodName);
            return (
              <tr key={i.period} data-period={i.period} data-status={i.status}>
                <th scope="row" style={{ fontWeight: 600 }}>{name}</th>
                <td className="nowrap">{T.range(i.range.start, lastDayBefore(i.range.end))}</td>
                <td>
                  <div>{i.deadline}</div>
                  <div className="page-sub">{T.lastDay(i.lastDay)}</div>
                </td>
                <td>{i.recipientName ?? i.recipient ?? "—"}{i.via && <div className="page-sub">{T.via(i.via)}</div>}</td>
                <td>
                  <ReportStatusBadge status={i.status} label={i.statusLabel} />
                  {i.onTime !== null && (i.status === "submitted" || i.status === "accepted" || i.status === "returned") && (
                    <div className={i.onTime ? "flag-yes" : "flag-no"} style={{ fontSize: "0.82rem" }}>{i.onTime ? T.onTime : T.late}</div>
                  )}
                </td>
                <td className="nowrap">
                  {i.reportId !== null ? (
                    <Link className="btn btn--small" to={`/bao-cao/${i.reportId}`} aria-label={`${T.openReport}: ${name}`}>{T.openReport}</Link>
                  ) : canPrepare ? (
                    <button type="button" className="btn btn--small btn--primary" disabled={opening !== null}
                      aria-label={`${T.prepareReport}: ${name}`} onClick={() => onOpen(i.period)}>
                      {opening === i.period ? "…" : T.prepareReport}
                    </button>
                  ) : <span className="page-sub">{T.notOpened}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

