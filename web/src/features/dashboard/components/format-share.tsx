import { formatNumber, formatPercent } from "../../../ui/format";
import { DASHBOARD_TEXT as T } from "../texts";

type Props = { online: number; hybrid: number; inPerson: number; hybridCountsAsOnline: boolean };

/** Online, hybrid and in-person conferences as one bar with a legend (M2). */
export function FormatShare({ online, hybrid, inPerson, hybridCountsAsOnline }: Props) {
  const total = online + hybrid + inPerson;
  const parts = [
    { key: "online", label: T.online, n: online, color: "var(--online)" },
    { key: "hybrid", label: T.hybrid, n: hybrid, color: "var(--hybrid)" },
    { key: "inPerson", label: T.inPerson, n: inPerson, color: "var(--in-person)" },
  ];
  return (
    <div>
      <div className="share-bar" aria-hidden="true">
        {total > 0 && parts.map((p) => <span key={p.key} style={{ width: `${(p.n / total) * 100}%`, background: p.color }} />)}
      </div>
      {total === 0 ? (
        <p className="page-sub">{T.noConferences}</p>
      ) : (
        <ul className="legend">
          {parts.map((p) => (
            <li key={p.key}>
              <span className="legend__swatch" style={{ background: p.color }} aria-hidden="true" />
              {p.label}
              <span className="legend__value">{formatNumber(p.n)} ({formatPercent((p.n / total) * 100)})</span>
            </li>
          ))}
        </ul>
      )}
      {hybrid > 0 && <p className="page-sub">{T.hybridNote(hybridCountsAsOnline)}</p>}
    </div>
  );
}
