import { Link } from "react-router-dom";
import { formatDateTime } from "../../../ui/format";
import type { CalendarConference } from "../api/calendar.api";
import { CALENDAR_TEXT as T } from "../texts";
import { ClashItems } from "./clash-popover";

/** Every clashing conference of the range with what it clashes with: the same warnings as the
 * chips, as a list to read through (and the way to see them on a small screen). */
export function ClashList({ conferences, search }: { conferences: CalendarConference[]; search: string }) {
  const clashing = conferences.filter((c) => c.clashes.length > 0);
  if (clashing.length === 0) return null;
  return (
    <section className="panel cal-clash-panel" aria-labelledby="cal-clash-title">
      <div className="panel__head">
        <h2 id="cal-clash-title"><span aria-hidden="true">⚠ </span>{T.clashPanel}</h2>
        <span className="page-sub">{T.clashSummary(clashing.length)}</span>
      </div>
      <p className="page-sub">{T.clashPanelHint}</p>
      <ul className="cal-clash-list">
        {clashing.map((c) => (
          <li key={c.id}>
            <Link to={{ pathname: `/hoi-nghi/${c.id}`, search }}>{c.title}</Link>
            <span className="cal-clash-items__meta"> — {c.orgName}, {formatDateTime(c.start)}</span>
            <ClashItems c={c} search={search} />
          </li>
        ))}
      </ul>
    </section>
  );
}
