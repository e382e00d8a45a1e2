import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../../ui/format";
import type { CalendarClash, CalendarConference } from "../api/calendar.api";
import { CALENDAR_TEXT as T } from "../texts";

/** What a clash shares, in words: the chair(s), the unit(s). */
export function clashReason(clash: CalendarClash): string {
  const parts: string[] = [];
  if (clash.sharedChairs.length > 0) parts.push(T.clashSharedChair(clash.sharedChairs));
  if (clash.sharedUnits.length > 0) parts.push(T.clashSharedUnit(clash.sharedUnits.map((u) => u.name)));
  return parts.join("; ");
}

/** The conferences `c` clashes with, each a link to its page. */
export function ClashItems({ c, search }: { c: CalendarConference; search: string }) {
  return (
    <ul className="cal-clash-items">
      {c.clashes.map((clash) => (
        <li key={clash.other.id}>
          <Link to={{ pathname: `/hoi-nghi/${clash.other.id}`, search }}>{clash.other.title}</Link>
          <span className="cal-clash-items__meta"> — {clash.other.orgName}, {formatDateTime(clash.other.start)}</span>
          <span className="cal-clash-items__why">{clashReason(clash)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The ⚠ button of a clashing chip and its pop-over list; Escape or a click elsewhere closes it. */
export function ClashPopover({ c, search }: { c: CalendarConference; search: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);
  return (
    <span
      className="cal-clash"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="cal-clash__toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={T.clashToggle(c.title, c.clashes.length)}
        title={T.clashBadge(c.clashes.length)}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">⚠ {c.clashes.length}</span>
      </button>
      {open && (
        <div className="cal-popover" id={id} role="region" aria-label={T.clashBadge(c.clashes.length)}>
          <p className="cal-popover__title">{T.clashBadge(c.clashes.length)}</p>
          <ClashItems c={c} search={search} />
          <button type="button" className="btn btn--small" onClick={() => { setOpen(false); button.current?.focus(); }}>{T.close}</button>
        </div>
      )}
    </span>
  );
}
