import { Fragment, useState } from "react";
import { Link } from "react-router-dom";
import { formatNumber } from "../../../ui/format";
import { LEVEL_LABEL, labelOf } from "../../../ui/texts";
import { periodLabel, tryParsePeriod } from "../../scope/period";
import type { RankedScorecard, RecordRef } from "../api/ratings.api";
import { RATING_TEXT as T } from "../texts";

const MAX_REFS = 8;
const num = (n: number | null) => (n === null ? "—" : formatNumber(n));

/** Links to the records behind a criterion: the sheet, the unit's tasks, reports, meetings. */
function RecordLinks({ refs, code, year }: { refs: RecordRef[]; code: string; year: number }) {
  const org = encodeURIComponent(code);
  const links: Array<{ key: string; to: string; label: string }> = [];
  for (const r of refs) {
    if (r.kind === "indicator" && r.ids.length > 0) links.push({ key: "ind", to: `/?org=${org}&period=${year}&subtree=1`, label: T.indicatorsLink(r.ids) });
    if (r.kind === "occurrence" && r.ids.length > 0) links.push({ key: "occ", to: `/viec-cua-toi?org=${org}`, label: T.tasksLink(r.ids.length) });
    if (r.kind === "report") {
      for (const id of r.ids.slice(0, MAX_REFS)) {
        const [unit, period] = id.split(":");
        const p = tryParsePeriod(period ?? "");
        links.push({ key: `r${id}`, to: `/bao-cao?org=${encodeURIComponent(unit ?? code)}&year=${p?.year ?? year}`, label: T.reportLink(p ? periodLabel(p) : (period ?? id)) });
      }
    }
    if (r.kind === "meeting") {
      if (r.ids.length === 0) links.push({ key: "meetings", to: `/hoi-nghi?org=${org}&subtree=1&from=${year}-01-01&to=${year}-12-31`, label: T.meetingsLink });
      for (const id of r.ids.slice(0, MAX_REFS)) links.push({ key: `m${id}`, to: `/hoi-nghi/${id}`, label: T.meetingLink(id) });
    }
    if (r.kind === "task") for (const id of r.ids.slice(0, MAX_REFS)) links.push({ key: `t${id}`, to: `/nhiem-vu/${id}`, label: T.taskLink(id) });
  }
  const hidden = refs.reduce((n, r) => n + (r.kind === "report" || r.kind === "meeting" || r.kind === "task" ? Math.max(0, r.ids.length - MAX_REFS) : 0), 0);
  if (links.length === 0) return <>{T.noRecords}</>;
  return (
    <ul className="refs">
      {links.map((l) => <li key={l.key}><Link to={l.to}>{l.label}</Link></li>)}
      {hidden > 0 && <li className="page-sub">{T.more(hidden)}</li>}
    </ul>
  );
}

function RankChange({ row }: { row: RankedScorecard }) {
  if (row.rankChange === null) return <span className="rank-same" title={T.newLabel}>{T.unranked}</span>;
  const prev = row.previousRank === null ? "" : ` (${T.previousRank(row.previousRank)})`;
  if (row.rankChange > 0) return <span className="rank-up" aria-label={`${T.upLabel(row.rankChange)}${prev}`}>{T.up(row.rankChange)}</span>;
  if (row.rankChange < 0) return <span className="rank-down" aria-label={`${T.downLabel(-row.rankChange)}${prev}`}>{T.down(-row.rankChange)}</span>;
  return <span className="rank-same" aria-label={`${T.sameLabel}${prev}`}>{T.same}</span>;
}

function Details({ row, year }: { row: RankedScorecard; year: number }) {
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{T.criterion}</th><th scope="col" className="num">{T.weight}</th><th scope="col" className="num">{T.score}</th>
              <th scope="col" className="num">{T.points}</th><th scope="col">{T.basis}</th><th scope="col">{T.records}</th>
            </tr>
          </thead>
          <tbody>
            {row.criteria.map((c) => (
              <tr key={c.id} data-criterion={c.id}>
                <th scope="row" style={{ fontWeight: 500 }}>{c.label}</th>
                <td className="num">{formatNumber(c.weight)}</td>
                <td className="num">{num(c.score)}</td>
                <td className="num">{num(c.points)}</td>
                <td>{c.basis}</td>
                <td><RecordLinks refs={c.refs} code={row.code} year={year} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {row.gates.length > 0 && (
        <>
          <h4 style={{ margin: "8px 0 0" }}>{T.gates}</h4>
          <ul className="gates flag-list">
            {row.gates.map((g) => <li key={g.text} className={g.passed ? "flag--ok" : "flag--bad"}>{g.text} — {g.passed ? T.gatePassed : T.gateFailed}</li>)}
          </ul>
        </>
      )}
    </>
  );
}

/** The scorecards of one peer group, ranked, each opening to its criteria and records. */
export function ScorecardTable({ level, rows, year }: { level: string; rows: RankedScorecard[]; year: number }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (code: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });
  const title = T.group(labelOf(LEVEL_LABEL, level), rows.length);
  return (
    <section className="panel" aria-label={title} data-testid="rating-group" data-level={level}>
      <div className="panel__head"><h2>{title}</h2></div>
      <div className="table-wrap">
        <table className="table" data-testid="rating-table">
          <thead>
            <tr>
              <th scope="col" className="num">{T.colRank}</th><th scope="col">{T.colChange}</th><th scope="col">{T.colUnit}</th>
              <th scope="col" className="num">{T.colScore}</th><th scope="col">{T.colLevel}</th><th scope="col">{T.colReason}</th>
              <th scope="col">{T.colDetails}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const isOpen = open.has(r.code);
              const detailId = `scorecard-${r.code}`;
              return (
                <Fragment key={r.code}>
                  <tr data-unit={r.code} data-rating={r.rating ?? "none"}>
                    <td className="num">{r.rank ?? T.unranked}</td>
                    <td><RankChange row={r} /></td>
                    <th scope="row" style={{ fontWeight: 600 }}>{r.name}</th>
                    <td className="num">{num(r.score)}</td>
                    <td>{r.ratingLabel ? <span className={`rating-level rating-level--${r.rating}`}>{r.ratingLabel}</span> : <span className="page-sub">{T.noScore}</span>}</td>
                    <td>{r.changeReason ?? "—"}</td>
                    <td>
                      <button type="button" className="btn btn--small" aria-expanded={isOpen} aria-controls={detailId}
                        aria-label={`${isOpen ? T.hide : T.show}: ${T.details(r.name)}`} onClick={() => toggle(r.code)}>
                        {isOpen ? T.hide : T.show}
                      </button>
                    </td>
                  </tr>
                  {isOpen && (
                    <tr className="scorecard" id={detailId}>
                      <td colSpan={7}><Details row={r} year={year} /></td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
