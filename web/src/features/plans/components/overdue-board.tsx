import { Link } from "react-router-dom";
import { formatDate } from "../../../ui/format";
import type { OpenOccurrence, OverdueBoard as Board } from "../api/plans.api";
import { periodText } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";

/** Overdue occurrences grouped by lead unit, the unit with most first; in a unit, the latest first. */
export function OverdueBoard({ board }: { board: Board }) {
  if (board.total === 0) return <div className="alert alert--ok" role="status">{T.noOverdue}</div>;
  const keyOf = (code: string | undefined) => code ?? "";
  const groups = board.byUnit.map((u) => ({
    unit: u,
    items: board.items.filter((i) => keyOf(i.task.lead?.code) === keyOf(u.org?.code)).sort((a, b) => b.daysLate - a.daysLate),
  }));
  return (
    <>
      <p className="page-sub" data-testid="overdue-total">{T.overdueTotal(board.total, board.today)}</p>
      {board.items.length < board.total && <p className="page-sub">{T.moreItems(board.items.length, board.total)}</p>}
      {groups.map(({ unit, items }) => {
        const name = unit.org?.name ?? T.noSingleLead;
        const headId = `overdue-${unit.org?.code ?? "none"}`;
        return (
          <section key={headId} className="panel board-unit" aria-labelledby={headId} data-testid="overdue-unit" data-unit={unit.org?.code ?? ""}>
            <div className="board-unit__head">
              <h2 id={headId}>{name}</h2>
              <span className="status status--overdue">{T.unitOverdue(unit.overdue)}</span>
            </div>
            <OverdueTable items={items} />
          </section>
        );
      })}
    </>
  );
}

function OverdueTable({ items }: { items: OpenOccurrence[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{T.colTask}</th>
            <th scope="col">{T.colPlan}</th>
            <th scope="col">{T.colPeriod}</th>
            <th scope="col">{T.colDue}</th>
            <th scope="col" className="num">{T.colLate}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td className="subject"><Link to={`/nhiem-vu/${o.task.id}`}>{o.task.tt ? `TT ${o.task.tt}: ` : ""}{o.task.content}</Link></td>
              <td className="nowrap"><Link to={`/ke-hoach/${o.plan.id}`}>{o.plan.number}</Link><div className="page-sub">{o.plan.org.name}</div></td>
              <td className="nowrap">{periodText(o.period)}</td>
              <td className="nowrap">{formatDate(o.due)}</td>
              <td className="num nowrap flag-no">{T.daysLate(o.daysLate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
