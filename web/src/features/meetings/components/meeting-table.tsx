import { Link } from "react-router-dom";
import { formatDateTime, formatNumber } from "../../../ui/format";
import { SortHeader } from "../../../ui/sort-header";
import { CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL, labelOf } from "../../../ui/texts";
import type { MeetingItem } from "../api/meetings.api";
import { MEETING_TEXT as T } from "../texts";

type Props = { items: MeetingItem[]; sort: string; onSort: (sort: string) => void; unitName: (code: string) => string; busy: boolean; search: string };

/** One page of conferences; the title opens the record, «Chi tiết» its page (papers, conclusions). */
export function MeetingTable({ items, sort, onSort, unitName, busy, search }: Props) {
  return (
    <div className="table-wrap">
      <table className={`table ${busy ? "table--loading" : ""}`} aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{T.colTitle}</th>
            <th scope="col">{T.colCategory}</th>
            <th scope="col">{T.colScope}</th>
            <th scope="col">{T.colFormat}</th>
            <SortHeader label={T.colStart} field="start" sort={sort} onSort={onSort} />
            <th scope="col" className="num">{T.colSessions}</th>
            <th scope="col">{T.colUnit}</th>
            <th scope="col"><span className="sr-only">{T.colDetail}</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td className="subject"><Link to={{ pathname: `/hoi-nghi/${m.id}`, search }}>{m.title}</Link></td>
              <td>{labelOf(CATEGORY_LABEL, m.category)}</td>
              <td>{labelOf(SCOPE_LABEL, m.scope)}</td>
              <td>{labelOf(FORMAT_LABEL, m.format)}</td>
              <td className="nowrap">{formatDateTime(m.start)}</td>
              <td className="num">{formatNumber(m.sessions)}</td>
              <td>{unitName(m.orgCode)}</td>
              <td className="nowrap"><Link to={`/hoi-nghi/${m.id}/chi-tiet`} aria-label={`${T.detail}: ${m.title}`}>{T.detail}</Link></td>
            </tr>
          ))}
          {items.length === 0 && <tr><td colSpan={8} className="empty">{T.empty}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
