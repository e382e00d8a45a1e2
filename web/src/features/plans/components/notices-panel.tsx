import { Link } from "react-router-dom";
import { ErrorView } from "../../../ui/error-view";
import type { Notices, OpenOccurrence } from "../api/plans.api";
import { periodText } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";

const MAX_SHOWN = 8;

function NoticeList({ items, late }: { items: OpenOccurrence[]; late: boolean }) {
  return (
    <ul className="notice-list">
      {items.slice(0, MAX_SHOWN).map((o) => (
        <li key={o.id}>
          <span className="when">{late ? T.daysLate(o.daysLate) : T.dueOn(o.due)}</span>
          <Link to={`/nhiem-vu/${o.task.id}`}>{o.task.tt ? `TT ${o.task.tt}: ` : ""}{o.task.content.slice(0, 90)}</Link>
          <span className="page-sub">{periodText(o.period)}{o.task.lead ? ` · ${o.task.lead.name}` : ""}</span>
        </li>
      ))}
    </ul>
  );
}

/** In-app notices for the user's unit and below: occurrences overdue, and due within 7 days. */
export function NoticesPanel({ data, error }: { data: Notices | undefined; error: unknown }) {
  if (error) return <ErrorView error={error} />;
  if (!data) return <div className="skeleton" style={{ height: 90, marginBottom: 16 }} aria-busy="true" />;
  const { counts } = data;
  if (counts.overdue === 0 && counts.dueSoon === 0) {
    return <div className="alert alert--ok" role="status" data-testid="notices">{T.noNotices}</div>;
  }
  return (
    <div className="notices" data-testid="notices" role="region" aria-label={T.noticesTitle}>
      {counts.overdue > 0 && (
        <section className="panel panel--bad" aria-labelledby="notice-overdue">
          <h2 id="notice-overdue">{T.noticeOverdue(counts.overdue)}</h2>
          <NoticeList items={data.overdue} late />
        </section>
      )}
      {counts.dueSoon > 0 && (
        <section className="panel panel--warn" aria-labelledby="notice-soon">
          <h2 id="notice-soon">{T.noticeDueSoon(counts.dueSoon)}</h2>
          <NoticeList items={data.dueSoon} late={false} />
        </section>
      )}
    </div>
  );
}
