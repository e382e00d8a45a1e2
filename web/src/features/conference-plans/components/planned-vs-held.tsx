import { Link } from "react-router-dom";
import { formatDateTime, formatNumber } from "../../../ui/format";
import { FORMAT_LABEL, labelOf } from "../../../ui/texts";
import type { ConferencePlanView } from "../api/conference-plans.api";
import { CONFERENCE_PLAN_TEXT as T } from "../texts";

type Props = { view: ConferencePlanView; search: string };

/** Planned vs held month by month, and the year's conferences with their link to the plan. */
export function PlannedVsHeld({ view, search }: Props) {
  const { progress, items } = view;
  const titleOf = new Map(items.map((i) => [i.id, i.title]));
  return (
    <section className="panel" aria-labelledby="progress-title" data-testid="plan-progress">
      <div className="panel__head"><h2 id="progress-title">{T.progressTitle}</h2></div>
      <p className="page-sub">{T.progressSummary(progress.planned, progress.held, progress.unplannedHeld)}</p>
      <div className="table-wrap">
        <table className="table month-table">
          <thead>
            <tr>
              <th scope="col">{T.colMonth}</th>
              <th scope="col" className="num">{T.colPlanned}</th>
              <th scope="col" className="num">{T.colHeldPlanned}</th>
              <th scope="col" className="num">{T.colUnplanned}</th>
            </tr>
          </thead>
          <tbody>
            {progress.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{T.month(m.month)}</th>
                <td className="num">{formatNumber(m.planned)}</td>
                <td className="num">{formatNumber(m.held)}</td>
                <td className={`num ${m.unplanned > 0 ? "is-warn" : ""}`}>{formatNumber(m.unplanned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="sub-title">{T.meetingsTitle}</h3>
      {progress.meetings.length === 0 ? <p className="empty">{T.noMeetings}</p> : (
        <ul className="held-list">
          {progress.meetings.map((m) => (
            <li key={m.id}>
              <span className="nowrap">{formatDateTime(m.startAt)}</span>{" "}
              <Link to={{ pathname: `/hoi-nghi/${m.id}`, search }}>{m.title}</Link>{" "}
              <span className="page-sub">({labelOf(FORMAT_LABEL, m.format)})</span>{" "}
              {m.isUnplanned ? <span className="badge">{T.unplannedBadge}</span>
                : m.plannedId !== null && titleOf.has(m.plannedId) ? <span className="badge badge--ok" title={titleOf.get(m.plannedId)}>{T.plannedBadge}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
