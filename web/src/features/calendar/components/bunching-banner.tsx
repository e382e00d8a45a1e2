import type { UnitBunching } from "../api/calendar.api";
import { CALENDAR_TEXT as T } from "../texts";

/** M9 bunching of the years shown: a warning per unit whose year crowds its first or last
 * weeks, and the shares of the unit viewed when it is fine. */
export function BunchingBanner({ items, rootOrgId }: { items: UnitBunching[]; rootOrgId: number }) {
  const bunched = items.filter((b) => b.findings.length > 0);
  // a unit with no conference that year has nothing to say about bunching
  const root = items.filter((b) => b.orgId === rootOrgId && b.findings.length === 0 && b.total > 0);
  return (
    <>
      {bunched.length > 0 && (
        <div className="alert alert--warn cal-bunching" role="status">
          {[...new Set(bunched.map((b) => b.year))].map((year) => (
            <div key={year}>
              <h3>{T.bunchingTitle(year)}</h3>
              <ul>
                {bunched.filter((b) => b.year === year).flatMap((b) => b.findings.map((f) => (
                  <li key={`${b.orgId}-${f.edge}`}><strong>{b.orgName}</strong>: {f.message}</li>
                )))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {root.map((b) => {
        const [start, end] = b.edges;
        return (
          <p key={b.year} className="page-sub cal-bunching-ok">
            {b.orgName} — {b.isJudged && start && end
              ? T.bunchingShare(b.year, b.total, start, end)
              : T.bunchingNotJudged(b.year, b.total, b.minConferences)}
          </p>
        );
      })}
    </>
  );
}
