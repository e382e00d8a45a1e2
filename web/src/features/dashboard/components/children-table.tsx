import { formatNumber, formatPercent } from "../../../ui/format";
import { LEVEL_LABEL, labelOf } from "../../../ui/texts";
import type { ChildRow } from "../api/indicators.api";
import { DASHBOARD_TEXT as T } from "../texts";

const COLUMNS = ["D1", "D3", "D4", "M1", "M2", "M4"] as const;
const PERCENT = new Set(["D1", "D3", "D4", "M1", "M2"]);

function Cell({ ind, id }: { ind: ChildRow["indicators"][string] | undefined; id: string }) {
  const v = typeof ind?.value === "number" ? ind.value : null;
  if (v === null) return <td className="num" title={T.unknown}>–</td>;
  const text = PERCENT.has(id) ? formatPercent(v) : formatNumber(v);
  const cls = ind?.met === true ? "flag-yes" : ind?.met === false ? "flag-no" : "";
  return (
    <td className={`num ${cls}`}>
      {ind?.met === false && <span aria-hidden="true">✗ </span>}
      {text}
      {ind?.met === false && <span className="sr-only"> ({T.failed})</span>}
    </td>
  );
}

/** Subordinate units, most breaches first; choosing one drills down into it. */
export function ChildrenTable({ rows, onDrill }: { rows: ChildRow[]; onDrill: (code: string) => void }) {
  if (rows.length === 0) return <p className="empty">{T.childrenNone}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{T.childrenUnit}</th>
            <th scope="col" className="num">{T.childrenBreaches}</th>
            <th scope="col">{T.childrenFailed}</th>
            {COLUMNS.map((c) => <th key={c} scope="col" className="num" title={T.short[c]}>{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.org.code}>
              <th scope="row" style={{ fontWeight: 500 }}>
                <button type="button" className="row-link" onClick={() => onDrill(r.org.code)}>{r.org.name}</button>
                <div className="page-sub" style={{ fontSize: "0.78rem" }}>{r.org.code} · {labelOf(LEVEL_LABEL, r.org.level)}</div>
              </th>
              <td className="num">{formatNumber(r.breaches)}</td>
              <td>{r.failed.length === 0 ? <span className="badge badge--ok">{T.childrenAllMet}</span> : r.failed.map((f) => <span key={f} className="badge" style={{ marginRight: 4 }} title={T.short[f]}>{f}</span>)}</td>
              {COLUMNS.map((c) => <Cell key={c} id={c} ind={r.indicators[c]} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
