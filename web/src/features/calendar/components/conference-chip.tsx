import { Link } from "react-router-dom";
import { FORMAT_LABEL, labelOf } from "../../../ui/texts";
import type { CalendarConference } from "../api/calendar.api";
import { localOf } from "../calendar-dates";
import { CALENDAR_TEXT as T } from "../texts";
import { ClashPopover } from "./clash-popover";

/** A conference in a day cell, coloured by format; a clashing one carries a ⚠ with its list.
 * `detailed` (the week view) adds the host unit and the chairs. */
export function ConferenceChip({ c, day, detailed, search }: { c: CalendarConference; day: string; detailed: boolean; search: string }) {
  const start = localOf(c.start);
  const end = localOf(c.end);
  // on a later day of a conference of several days, the chip says it continues
  const time = start.day === day ? start.time : "…";
  const hasClash = c.clashes.length > 0;
  const label = [
    `${start.time}–${end.time}`, c.title, c.orgName, labelOf(FORMAT_LABEL, c.format),
    c.role === "invited" ? T.invited : null, hasClash ? T.clashBadge(c.clashes.length) : null,
  ].filter(Boolean).join(", ");
  return (
    <div className={`cal-chip cal-chip--${c.format}${hasClash ? " is-clash" : ""}${c.role === "invited" ? " is-invited" : ""}`} data-conference-id={c.id}>
      <Link className="cal-chip__link" to={{ pathname: `/hoi-nghi/${c.id}`, search }} aria-label={label} title={label}>
        <span className="cal-chip__time">{time}</span> <span className="cal-chip__title">{c.title}</span>
        {detailed && (
          <span className="cal-chip__detail">
            {c.orgName}{c.role === "invited" ? ` (${T.invited})` : ""} · {labelOf(FORMAT_LABEL, c.format)}
            <br />
            {T.chairs}: {c.chairs.length > 0 ? c.chairs.join("; ") : T.noChair}
          </span>
        )}
      </Link>
      {hasClash && <ClashPopover c={c} search={search} />}
    </div>
  );
}
