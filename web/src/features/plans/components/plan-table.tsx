import { Link } from "react-router-dom";
import { formatDate } from "../../../ui/format";
import type { PlanListItem } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

type ChainLink = { id: number; number: string; title: string };

/** The upper documents a plan implements, top first (as far as the list knows them). */
export function chainOf(plan: PlanListItem, byId: Map<number, PlanListItem>): ChainLink[] {
  const out: ChainLink[] = [];
  let parent = plan.parentPlan;
  const seen = new Set([plan.id]);
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id);
    out.unshift({ id: parent.id, number: parent.number, title: parent.title });
    parent = byId.get(parent.id)?.parentPlan ?? null;
  }
  return out;
}

/** Plans of the unit: number, issuer, date, title, the chain it implements, "6 rõ" and T2. */
export function PlanTable({ items }: { items: PlanListItem[] }) {
  const byId = new Map(items.map((p) => [p.id, p]));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="plan-table">
        <thead>
          <tr>
            <th scope="col">{T.colNumber}</th>
            <th scope="col">{T.colIssuer}</th>
            <th scope="col">{T.colDate}</th>
            <th scope="col">{T.colTitle}</th>
            <th scope="col">{T.colChain}</th>
            <th scope="col" className="num">{T.colTasks}</th>
            <th scope="col" className="num">{T.colT3}</th>
            <th scope="col" className="num">{T.colT2}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const chain = chainOf(p, byId);
            return (
              <tr key={p.id}>
                <td className="nowrap">
                  <Link to={`/ke-hoach/${p.id}`}>{p.number}</Link>
                  <div className="page-sub">{p.type} · {p.relation === "issued" ? T.relationIssued : T.relationAssigned}</div>
                </td>
                <td>{p.org.name}</td>
                <td className="nowrap">{formatDate(p.issuedOn)}</td>
                <td className="subject">{p.title}</td>
                <td>
                  {chain.length === 0 ? "—" : (
                    <ol className="chain" aria-label={T.colChain}>
                      {chain.map((c) => <li key={c.id} title={c.title}>{byId.has(c.id) ? <Link to={`/ke-hoach/${c.id}`}>{c.number}</Link> : c.number}</li>)}
                    </ol>
                  )}
                </td>
                <td className="num">{p.summary.tasks}</td>
                <td className="num">{T.shareOf(p.summary.shareAllClear, p.summary.allClear, p.summary.tasks)}</td>
                <td className="num">{p.summary.t2Breaches > 0 ? <span className="flag-no">{p.summary.t2Breaches}</span> : "0"}</td>
              </tr>
            );
          })}
          {items.length === 0 && <tr><td colSpan={8} className="empty">{T.noPlans}</td></tr>}
        </tbody>
      </table>
    </div>
  );
}
