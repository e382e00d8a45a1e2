import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { formatNumber } from "../../../ui/format";
import type { Breakdown, ReportContent, ReportFigures } from "../api/reports.api";
import { cellText, figureTablesOf, indicatorRowsOf, type Cell, type FigureRow } from "../report-format";
import { REPORT_TEXT as T } from "../texts";
import { CommentButton, CommentThread, useCommentTools, useHasThread } from "./comments";
import { ReportStatusBadge } from "./report-status";

function CellTd({ cell }: { cell: Cell }) {
  const tone = cell.kind === "cut" && cell.value !== null && cell.value !== 0 ? (cell.value > 0 ? "cut--down" : "cut--up") : undefined;
  return <td className={`num${tone ? ` ${tone}` : ""}`}>{cellText(cell)}</td>;
}

/** A row of a figure table with its comments (and composer) in a row below it. */
function Row({ row, width, children }: { row: FigureRow; width: number; children?: ReactNode }) {
  const tools = useCommentTools();
  const match = { base: row.base };
  const hasThread = useHasThread(match, row.anchor);
  return (
    <>
      <tr className={`${row.strong ? "is-strong" : ""}${hasThread ? " has-comments" : ""}`} data-figure={row.base}>
        <th scope="row" style={{ fontWeight: row.strong ? 700 : 400 }}>{row.label}</th>
        {children ?? row.cells.map((c, i) => <CellTd key={i} cell={c} />)}
        {tools?.canComment && <td className="act"><CommentButton anchor={row.anchor} label={row.label} /></td>}
      </tr>
      {hasThread && (
        <tr className="comment-row">
          <td colSpan={width}><CommentThread match={match} anchor={row.anchor} label={row.label} /></td>
        </tr>
      )}
    </>
  );
}

/** The statistical tables of a report: documents by type with the cut, conferences by format,
 * TTHC, digitisation and e-sending, tasks. */
export function FigureTables({ figures }: { figures: ReportFigures }) {
  const tools = useCommentTools();
  return (
    <div className="fig-tables">
      {figureTablesOf(figures).map((t) => {
        const width = t.columns.length + (tools?.canComment ? 1 : 0);
        return (
          <div key={t.id} className={`fig-wrap${t.columns.length > 2 ? " fig-wrap--wide" : ""}`}>
            <table className="fig-table" data-testid={`figures-${t.id}`}>
              <caption>{t.title}</caption>
              <thead>
                <tr>
                  {t.columns.map((c, i) => <th key={c} scope="col" className={i > 0 ? "num" : undefined}>{c}</th>)}
                  {tools?.canComment && <th scope="col"><span className="sr-only">{T.comment}</span></th>}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => <Row key={r.base} row={r} width={width} />)}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

/** The indicator sheet of the report, each indicator open to comments. */
export function IndicatorTable({ content }: { content: ReportContent }) {
  const tools = useCommentTools();
  const rows = indicatorRowsOf(content.indicators);
  const width = 5 + (tools?.canComment ? 1 : 0);
  return (
    <div className="fig-wrap fig-wrap--wide">
      <table className="fig-table fig-table--indicators" data-testid="indicator-table">
        <caption>{T.indicatorsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{T.colIndicator}</th>
            <th scope="col">{T.colId}</th>
            <th scope="col" className="num">{T.colResult}</th>
            <th scope="col" className="num">{T.colTarget}</th>
            <th scope="col">{T.colAssessment}</th>
            {tools?.canComment && <th scope="col"><span className="sr-only">{T.comment}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={{ base: r.base, anchor: r.anchor, label: `${r.id} — ${r.title}`, cells: [] }} width={width}>
              <td>{r.id}</td>
              <td className="num">{r.value}</td>
              <td className="num">{r.target}</td>
              <td className={r.met === true ? "met-yes" : r.met === false ? "met-no" : undefined}>{r.met === true ? T.met : r.met === false ? T.notMet : T.unknown}</td>
            </Row>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The indicators not met, with the number of records breaking them. */
export function BreachList({ content }: { content: ReportContent }) {
  if (content.breaches.length === 0) return <p className="page-sub">{T.noBreaches}</p>;
  return (
    <ul className="flag-list" data-testid="report-breaches">
      {content.breaches.map((b) => (
        <li key={b.id} className="flag--bad">
          <strong>{b.id}</strong> — {b.title}{b.count !== null && b.count > 0 ? ` (${T.breachCount(b.count)})` : ""}
          {b.source && <span className="page-sub"> · {b.source}</span>}
        </li>
      ))}
    </ul>
  );
}

const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${formatNumber(n)}%`);
const num = (n: number | null | undefined) => (n === null || n === undefined ? "—" : formatNumber(n));
const cut = (n: number | null | undefined) => (n === null || n === undefined ? "—" : T.cut(n));

function BreakdownCells({ f }: { f: ReportFigures | null }) {
  if (!f) return <td colSpan={7} className="page-sub">{T.bdNoFigures}</td>;
  return (
    <>
      <td className="num">{num(f.documents.administrative.current)}</td>
      <td className="num">{num(f.documents.administrative.previous)}</td>
      <td className="num">{cut(f.documents.administrative.cut)}</td>
      <td className="num">{num(f.conferences.total.current)}</td>
      <td className="num">{pct(f.conferences.onlineShare)}</td>
      <td className="num">{pct(f.tthc.share)}</td>
      <td className="num">{pct(f.digital.sentShare)}</td>
    </>
  );
}

/** The per-unit table of a receiving unit: each sender's status and accepted figures, the unit's
 * own figures and the totals. `year` links each unit to its schedule. */
export function BreakdownTable({ breakdown, year }: { breakdown: Breakdown; year: number }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="breakdown-table">
        <caption className="sr-only">{T.breakdownTitle(breakdown.accepted, breakdown.expected)}</caption>
        <thead>
          <tr>
            <th scope="col">{T.bdUnit}</th>
            <th scope="col">{T.bdStatus}</th>
            <th scope="col" className="num">{T.bdAdmin}</th>
            <th scope="col" className="num">{T.bdAdminBefore}</th>
            <th scope="col" className="num">{T.bdCut}</th>
            <th scope="col" className="num">{T.bdConf}</th>
            <th scope="col" className="num">{T.bdOnline}</th>
            <th scope="col" className="num">{T.bdTthc}</th>
            <th scope="col" className="num">{T.bdSent}</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.units.map((u) => (
            <tr key={u.code} data-unit={u.code}>
              <th scope="row" style={{ fontWeight: 500 }}><Link to={`/bao-cao?org=${encodeURIComponent(u.code)}&year=${year}`}>{u.name}</Link></th>
              <td><ReportStatusBadge status={u.status} />{u.version !== null && <span className="page-sub"> {T.version(u.version)}</span>}</td>
              <BreakdownCells f={u.figures} />
            </tr>
          ))}
          <tr>
            <th scope="row" style={{ fontWeight: 500 }}>{T.bdOwn}</th>
            <td />
            <BreakdownCells f={breakdown.own} />
          </tr>
          <tr className="is-strong" style={{ fontWeight: 700 }}>
            <th scope="row">{T.bdTotal}</th>
            <td />
            <BreakdownCells f={breakdown.combined} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
