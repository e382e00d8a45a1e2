import { Link } from "react-router-dom";
import { formatDate, formatNumber } from "../../../ui/format";
import { tryParsePeriod, periodLabel } from "../../scope/period";
import type { CellCounts, Matrix, ReportStatus } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";
import { ReportStatusBadge } from "./report-status";

const STATUSES: ReportStatus[] = ["not_due", "due", "late", "submitted", "accepted", "returned"];
const periodName = (id: string) => {
  const p = tryParsePeriod(id);
  return p ? periodLabel(p) : id;
};

/** Completeness and timeliness of the whole matrix, and the colour legend with counts. */
export function MatrixSummary({ counts }: { counts: CellCounts }) {
  const items: Array<{ label: string; value: string; tone?: "ok" | "bad" }> = [
    { label: T.countOwed, value: formatNumber(counts.owed) },
    { label: T.countExpected, value: formatNumber(counts.expected) },
    { label: T.countReceived, value: formatNumber(counts.received) },
    { label: T.countOnTime, value: formatNumber(counts.onTime) },
    { label: T.countCompleteness, value: T.share(counts.completeness), tone: counts.completeness === null ? undefined : counts.completeness >= 100 ? "ok" : "bad" },
    { label: T.countTimeliness, value: T.share(counts.timeliness), tone: counts.timeliness === null ? undefined : counts.timeliness >= 100 ? "ok" : "bad" },
  ];
  const byStatus: Record<ReportStatus, number> = {
    not_due: counts.notDue, due: counts.due, late: counts.late, submitted: counts.submitted, accepted: counts.accepted, returned: counts.returned,
  };
  return (
    <>
      <dl className="summary-grid" data-testid="matrix-counts">
        {items.map((i) => <div key={i.label} className={i.tone ? `is-${i.tone}` : undefined}><dt>{i.label}</dt><dd>{i.value}</dd></div>)}
      </dl>
      <ul className="legend-row" aria-label={T.legend}>
        {STATUSES.map((s) => <li key={s} data-status={s}><ReportStatusBadge status={s} /> {formatNumber(byStatus[s])}</li>)}
      </ul>
    </>
  );
}

/** Units × periods; every cell says its status in words and colour, and opens the report (or the
 * unit's schedule when no report was opened yet). */
export function ReportMatrix({ matrix }: { matrix: Matrix }) {
  return (
    <div className="matrix-wrap" tabIndex={0} role="region" aria-label={T.matrixTitle}>
      <table className="matrix" data-testid="report-matrix">
        <thead>
          <tr>
            <th scope="col">{T.matrixUnit}</th>
            {matrix.periods.map((p) => <th key={p.period} scope="col">{periodName(p.period)}</th>)}
            <th scope="col">{T.matrixCompleteness}</th>
            <th scope="col">{T.matrixTimeliness}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r) => (
            <tr key={r.org.code} data-unit={r.org.code}>
              <th scope="row">{r.org.name}</th>
              {matrix.periods.map((p) => {
                const c = r.cells.find((x) => x.period === p.period);
                if (!c) return <td key={p.period} className="cell" aria-label={`${r.org.name}, ${periodName(p.period)}: —`}>—</td>;
                const label = T.cellLabel(r.org.name, periodName(c.period), c.statusLabel);
                const inner = (
                  <>
                    <span className="cell-box__status">{c.statusLabel}</span>
                    <span className="cell-box__day">{formatDate(c.lastDay)}</span>
                  </>
                );
                return (
                  <td key={p.period} className="cell" data-period={c.period} data-status={c.status}>
                    {c.reportId !== null
                      ? <Link className={`cell-box--${c.status}`} to={`/bao-cao/${c.reportId}`} aria-label={label}>{inner}</Link>
                      : <Link className={`cell-box--${c.status}`} to={`/bao-cao?org=${encodeURIComponent(r.org.code)}&year=${matrix.year}`} aria-label={label}>{inner}</Link>}
                  </td>
                );
              })}
              <td>{T.share(r.counts.completeness)}</td>
              <td>{T.share(r.counts.timeliness)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{T.matrixPeriodTotal}</th>
            {matrix.periods.map((p) => <td key={p.period}>{T.ratio(p.counts.received, p.counts.expected)}</td>)}
            <td>{T.share(matrix.counts.completeness)}</td>
            <td>{T.share(matrix.counts.timeliness)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
