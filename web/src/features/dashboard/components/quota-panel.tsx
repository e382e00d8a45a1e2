import { formatNumber, formatPercent } from "../../../ui/format";
import type { QuotaLine, QuotaView } from "../api/indicators.api";
import { DASHBOARD_TEXT as T } from "../texts";
import { StatusPill } from "./indicator-card";

function Line({ title, line }: { title: string; line: QuotaLine }) {
  const usedShare = line.allowed ? Math.min(1, line.used / line.allowed) : 0;
  return (
    <div className="quota-line">
      <h3>{title}</h3>
      {line.allowed === null ? (
        <p className="page-sub">{T.quotaNoBase}</p>
      ) : (
        <div className={`meter ${line.used > line.allowed ? "meter--over" : ""}`} role="progressbar" aria-label={title}
          aria-valuemin={0} aria-valuemax={line.allowed} aria-valuenow={Math.min(line.used, line.allowed)}>
          <span style={{ width: `${usedShare * 100}%` }} />
        </div>
      )}
      <dl>
        {line.allowed !== null && <><dt>{T.quotaAllowed}</dt><dd>{formatNumber(line.allowed)}</dd></>}
        <dt>{T.quotaUsed}</dt><dd>{formatNumber(line.used)}</dd>
        {line.remaining !== null && <><dt>{T.quotaRemaining}</dt><dd>{formatNumber(line.remaining)}</dd></>}
        <dt>{T.quotaProjected}</dt><dd>{formatNumber(line.projectedYearEnd)}</dd>
        {line.projectedCut !== null && <><dt>{T.quotaProjectedCut}</dt><dd>{formatPercent(line.projectedCut)}</dd></>}
      </dl>
      {line.onTrack !== null && (
        <p><StatusPill status={line.onTrack ? "met" : "failed"} label={line.onTrack ? T.quotaOnTrack : T.quotaOffTrack} /></p>
      )}
    </div>
  );
}

/** The year's budget of documents and conferences left, and where the year will end. */
export function QuotaPanel({ quota, wideScope }: { quota: QuotaView; wideScope: string | null }) {
  return (
    <div>
      <p className="page-sub">{T.quotaElapsed(formatPercent(quota.elapsedFraction * 100))}</p>
      <Line title={T.quotaDocuments} line={quota.documents} />
      <Line title={T.quotaMeetings} line={quota.meetings} />
      {quota.wide.limit !== null && (
        <div className="quota-line">
          <h3>{T.quotaWide(wideScope ?? "")}</h3>
          <dl>
            <dt>{T.quotaWideLimit}</dt><dd>{formatNumber(quota.wide.limit)}</dd>
            <dt>{T.quotaUsed}</dt><dd>{formatNumber(quota.wide.used)}</dd>
            <dt>{T.quotaRemaining}</dt><dd>{formatNumber(quota.wide.remaining ?? 0)}</dd>
          </dl>
        </div>
      )}
    </div>
  );
}
