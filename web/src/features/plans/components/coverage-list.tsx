import { Link } from "react-router-dom";
import type { Coverage } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

/** Per unit, the upper tasks assigned to it that none of its own plans concretises. */
export function CoverageList({ coverage }: { coverage: Coverage }) {
  if (coverage.units.length === 0) return <div className="alert alert--info" role="status">{T.noCoverage}</div>;
  return (
    <>
      {coverage.units.map((u) => {
        const headId = `coverage-${u.org.code}`;
        return (
          <section key={u.org.code} className="panel" aria-labelledby={headId} data-testid="coverage-unit" data-unit={u.org.code}>
            <div className="panel__head">
              <h2 id={headId}>{u.org.name}</h2>
              <span className={`status ${u.uncovered.length === 0 ? "status--met" : "status--failed"}`}>{T.coverageUnit(u.covered, u.assigned)}</span>
            </div>
            {u.uncovered.length === 0 ? <p className="page-sub">{T.coverageAllDone}</p> : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{T.colPlan}</th>
                      <th scope="col">{T.colTt}</th>
                      <th scope="col">{T.colContent}</th>
                      <th scope="col">{T.colDeadline}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {u.uncovered.map((t) => (
                      <tr key={t.id}>
                        <td className="nowrap"><Link to={`/ke-hoach/${t.plan.id}`}>{t.plan.number}</Link><div className="page-sub">{t.plan.org.name}</div></td>
                        <td className="nowrap"><Link to={`/nhiem-vu/${t.id}`}>{t.tt || "—"}</Link></td>
                        <td className="subject">{t.content}</td>
                        <td>{t.deadlineText}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
