import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import type { CalendarConference } from "../features/calendar/api/calendar.api";
import { daysCovered, daysOf, rangeOf, shiftAnchor, type CalendarMode } from "../features/calendar/calendar-dates";
import { BunchingBanner } from "../features/calendar/components/bunching-banner";
import { CalendarGrid } from "../features/calendar/components/calendar-grid";
import { ClashList } from "../features/calendar/components/clash-list";
import { FeedPanel } from "../features/calendar/components/feed-panel";
import { useCalendar } from "../features/calendar/hooks/use-calendar";
import { CALENDAR_TEXT as T } from "../features/calendar/texts";
import { UnitBreadcrumbs, useUnitName } from "../features/scope/components/scope-bar";
import { useScope } from "../features/scope/hooks/use-scope";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { parseDayInput, todayLocal } from "../ui/format";
import { FORMAT_LABEL } from "../ui/texts";
import "../features/calendar/calendar.css";

/** Lịch hội nghị: the unit's (or subtree's) conferences by month or week, with clash and
 * bunching warnings (M9) and the iCalendar feeds. View and day live in the URL. */
export function CalendarPage() {
  const { org, subtree, scopeSearch } = useScope();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const mode: CalendarMode = params.get("view") === "week" ? "week" : "month";
  const today = todayLocal();
  const anchor = parseDayInput(params.get("date") ?? "") ?? today;
  const range = rangeOf(mode, anchor);
  const calendar = useCalendar({ org, subtree, from: range.from, to: range.to });

  const setView = (change: { view?: CalendarMode; date?: string }) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (change.view) next.set("view", change.view);
      if (change.date) next.set("date", change.date);
      return next;
    });

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarConference[]>();
    for (const c of calendar.data?.conferences ?? []) {
      for (const day of daysCovered(c.start, c.end)) map.set(day, [...(map.get(day) ?? []), c]);
    }
    return map;
  }, [calendar.data]);

  if (hasForbidden(calendar.error)) return <ForbiddenView />;
  const month = Number(anchor.slice(5, 7));
  const title = mode === "month" ? T.monthTitle(month, Number(anchor.slice(0, 4))) : T.weekTitle(range.from, range.to);
  const data = calendar.data;
  return (
    <>
      <UnitBreadcrumbs />
      <div className="page-head">
        <h1>{T.title}</h1>
        <span className="page-sub">{T.subtitle}</span>
      </div>
      {data && <BunchingBanner items={data.bunching} rootOrgId={data.org.id} />}
      <section className="panel" aria-labelledby="cal-range-title">
        <div className="cal-toolbar">
          <div className="cal-toolbar__nav">
            <button type="button" className="btn btn--small" onClick={() => setView({ date: shiftAnchor(mode, anchor, -1) })}>
              {mode === "month" ? T.previousMonth : T.previousWeek}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setView({ date: today })}>{T.today}</button>
            <button type="button" className="btn btn--small" onClick={() => setView({ date: shiftAnchor(mode, anchor, 1) })}>
              {mode === "month" ? T.nextMonth : T.nextWeek}
            </button>
          </div>
          <h2 id="cal-range-title" className="cal-toolbar__title" aria-live="polite">{title}</h2>
          <div className="segmented" role="group" aria-label={T.view}>
            <button type="button" aria-pressed={mode === "month"} onClick={() => setView({ view: "month" })}>{T.month}</button>
            <button type="button" aria-pressed={mode === "week"} onClick={() => setView({ view: "week" })}>{T.week}</button>
          </div>
        </div>
        <ul className="cal-legend" aria-label={T.legend}>
          {(["truc_tiep", "truc_tuyen", "ket_hop"] as const).map((f) => (
            <li key={f}><span className={`cal-legend__swatch cal-chip--${f}`} aria-hidden="true" />{FORMAT_LABEL[f]}</li>
          ))}
          <li><span className="cal-legend__clash" aria-hidden="true">⚠</span>{T.clashPanel}</li>
        </ul>
        {calendar.error ? <ErrorView error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
        {!data && calendar.isLoading && <p className="page-sub" role="status">{T.loading}</p>}
        <div className={calendar.isPlaceholderData ? "cal-wrap is-busy" : "cal-wrap"} aria-busy={calendar.isFetching}>
          <CalendarGrid mode={mode} days={daysOf(range.from, range.to)} month={month} byDay={byDay} today={today} search={scopeSearch} />
        </div>
        {data && data.conferences.length === 0 && <p className="page-sub cal-empty">{T.empty}</p>}
      </section>
      {data && <ClashList conferences={data.conferences} search={scopeSearch} />}
      <FeedPanel orgCode={org} orgName={unitName} />
    </>
  );
}
