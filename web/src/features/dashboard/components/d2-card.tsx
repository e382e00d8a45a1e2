import type { D2Value } from "../api/indicators.api";
import { formatNumber, formatPercent } from "../../../ui/format";
import { DASHBOARD_TEXT as T } from "../texts";
import { RuleTip, StatusPill } from "./indicator-card";

const ORDER = ["CV", "QĐ", "KH", "TB", "NQ", "other"] as const;

/** D2: administrative documents by type, this period against the same period last year. */
export function D2Card({ value, ruleText, source }: { value: D2Value | null; ruleText: string; source: string }) {
  return (
    <article className="card" data-status="neutral" aria-labelledby="d2-title" data-indicator="D2">
      <div className="card__top">
        <div>
          <div className="card__id">D2</div>
          <h3 className="card__title" id="d2-title">{T.short.D2}</h3>
        </div>
        <RuleTip id="D2" ruleText={ruleText} source={source} />
      </div>
      <table className="d2-table">
        <thead>
          <tr><th scope="col">{T.d2Type}</th><th scope="col">{T.d2Now}</th><th scope="col">{T.d2Before}</th><th scope="col">{T.d2Cut}</th></tr>
        </thead>
        <tbody>
          {ORDER.map((k) => {
            const b = value?.[k];
            return (
              <tr key={k}>
                <th scope="row" style={{ fontWeight: 500 }}>{T.d2Buckets[k]}</th>
                <td>{b ? formatNumber(b.cur) : "–"}</td>
                <td>{b?.prev === null || b === undefined ? "–" : formatNumber(b.prev)}</td>
                <td>{b?.cut === null || b === undefined ? "–" : formatPercent(b.cut)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="card__foot"><StatusPill status="neutral" label={T.tracked} /></div>
    </article>
  );
}
