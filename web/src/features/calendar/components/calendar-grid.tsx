import type { CalendarConference } from "../api/calendar.api";
import { weekdayIndex, type CalendarMode } from "../calendar-dates";
import { CALENDAR_TEXT as T, WEEKDAY_LONG, WEEKDAY_SHORT } from "../texts";
import { ConferenceChip } from "./conference-chip";

type GridProps = {
  mode: CalendarMode;
  days: string[];
  /** the month shown (1–12): days of other months are dimmed in the month view */
  month: number;
  byDay: Map<string, CalendarConference[]>;
  today: string;
  search: string;
};

/** The month grid (whole weeks, Monday first) or the week view, in CSS grid. Each day is a list
 * item named in full for screen readers; on a phone the grid becomes a list of the busy days. */
export function CalendarGrid({ mode, days, month, byDay, today, search }: GridProps) {
  return (
    <div className={`cal cal--${mode}`}>
      <div className="cal__head" aria-hidden="true">
        {WEEKDAY_SHORT.map((d, i) => <span key={d} className={i >= 5 ? "is-weekend" : undefined}>{mode === "week" ? WEEKDAY_LONG[i] : d}</span>)}
      </div>
      <ol className="cal__days">
        {days.map((day) => {
          const items = byDay.get(day) ?? [];
          const weekday = weekdayIndex(day);
          const outside = mode === "month" && Number(day.slice(5, 7)) !== month;
          const classes = ["cal-day", outside ? "is-outside" : "", day === today ? "is-today" : "", weekday >= 5 ? "is-weekend" : "", items.length === 0 ? "is-empty" : ""];
          return (
            <li key={day} className={classes.filter(Boolean).join(" ")} aria-label={T.dayLabel(WEEKDAY_LONG[weekday] ?? "", day, items.length)} data-day={day}>
              <div className="cal-day__num" aria-hidden="true">
                <span className="cal-day__weekday">{WEEKDAY_LONG[weekday]}, </span>
                {mode === "week" || Number(day.slice(8, 10)) === 1 ? `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}` : Number(day.slice(8, 10))}
              </div>
              {items.length > 0 && (
                <ul className="cal-day__items">
                  {items.map((c) => <li key={c.id}><ConferenceChip c={c} day={day} detailed={mode === "week"} search={search} /></li>)}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
