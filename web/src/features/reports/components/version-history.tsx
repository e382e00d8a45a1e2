import { useId, useState } from "react";
import { ErrorView } from "../../../ui/error-view";
import { formatDateTime, formatNumber } from "../../../ui/format";
import { exportUrl, type ReportEvent, type ReportView, type VersionDiff } from "../api/reports.api";
import { useReportDiff } from "../hooks/use-reports";
import { REPORT_TEXT as T } from "../texts";

const n = (v: number | null) => (v === null ? "—" : formatNumber(v));

function DiffView({ diff }: { diff: VersionDiff }) {
  if (diff.figures.length === 0 && diff.sections.length === 0) return <p className="alert alert--info" data-testid="report-diff">{T.diffNone}</p>;
  return (
    <div data-testid="report-diff">
      {diff.figures.length > 0 && (
        <div className="table-wrap" style={{ marginBottom: 10 }}>
          <table className="table">
            <caption style={{ textAlign: "left", fontWeight: 700, padding: 8 }}>{T.diffFigures}</caption>
            <thead><tr><th scope="col">{T.colItem}</th><th scope="col" className="num">{T.diffBefore}</th><th scope="col" className="num">{T.diffAfter}</th></tr></thead>
            <tbody>
              {diff.figures.map((f) => (
                <tr key={f.path} data-path={f.path}><th scope="row" style={{ fontWeight: 400 }}>{f.label}</th><td className="num">{n(f.before)}</td><td className="num">{n(f.after)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.sections.length > 0 && (
        <div className="table-wrap">
          <table className="table diff-table">
            <caption style={{ textAlign: "left", fontWeight: 700, padding: 8 }}>{T.diffSections}</caption>
            <thead><tr><th scope="col">{T.colItem}</th><th scope="col">{T.diffBefore}</th><th scope="col">{T.diffAfter}</th></tr></thead>
            <tbody>
              {diff.sections.map((s) => (
                <tr key={s.section} data-section={s.section}>
                  <th scope="row" style={{ fontWeight: 600 }}>{s.label}</th>
                  <td className="diff-before">{s.before || T.emptySection}</td>
                  <td className="diff-after">{s.after || T.emptySection}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The versions sent (each with its files and the decision on it) and the diff between two. */
export function VersionHistory({ view }: { view: ReportView }) {
  const id = useId();
  const versions = view.versions;
  const latest = versions[versions.length - 1]?.version ?? 0;
  const canDraft = view.live && versions.length > 0;
  const [from, setFrom] = useState<number>(Math.max(1, latest - 1));
  const [to, setTo] = useState<string>(canDraft ? "draft" : String(latest));
  const [pair, setPair] = useState<{ from: number; to: number | "draft" } | null>(null);
  const diff = useReportDiff(view.id, pair);
  if (versions.length === 0) return <p className="page-sub">{T.noVersions}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="report-versions">
          <thead>
            <tr>
              <th scope="col">{T.colVersion}</th><th scope="col">{T.colSentAt}</th><th scope="col">{T.colSentBy}</th>
              <th scope="col">{T.colTimely}</th><th scope="col">{T.colDecision}</th><th scope="col">{T.colFiles}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-version={v.version} data-decision={v.decision ?? "pending"}>
                <th scope="row">{T.version(v.version)}</th>
                <td className="nowrap">{formatDateTime(v.submittedAt)}</td>
                <td>{v.submittedBy ?? "—"}</td>
                <td className={v.onTime ? "flag-yes" : "flag-no"}>{v.onTime ? T.onTime : T.late}</td>
                <td>
                  <div>{v.decision ? T.decision[v.decision] : T.awaiting}</div>
                  {v.decision && <div className="page-sub">{T.decidedBy(v.decidedBy, v.decidedAt)}</div>}
                  {v.note && <div className="page-sub">«{v.note}»</div>}
                </td>
                <td className="nowrap">
                  <a href={exportUrl(view.id, "docx", v.version)} download>DOCX</a>{" · "}
                  <a href={exportUrl(view.id, "xlsx", v.version)} download>XLSX</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(versions.length > 1 || canDraft) && (
        <form className="filters" style={{ marginTop: 12 }} aria-label={T.diffTitle}
          onSubmit={(e) => { e.preventDefault(); setPair({ from, to: to === "draft" ? "draft" : Number(to) }); }}>
          <div className="field">
            <label htmlFor={`${id}-from`}>{T.diffFrom}</label>
            <select id={`${id}-from`} className="select" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              {versions.map((v) => <option key={v.version} value={v.version}>{T.version(v.version)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{T.diffTo}</label>
            <select id={`${id}-to`} className="select" value={to} onChange={(e) => setTo(e.target.value)}>
              {versions.map((v) => <option key={v.version} value={String(v.version)}>{T.version(v.version)}</option>)}
              {canDraft && <option value="draft">{T.diffDraft}</option>}
            </select>
          </div>
          <div className="field"><button type="submit" className="btn">{T.diffShow}</button></div>
        </form>
      )}
      {diff.error ? <ErrorView error={diff.error} /> : null}
      {pair && diff.data && <DiffView diff={diff.data.diff} />}
    </>
  );
}

/** Who did what and when: create, edit, submit, return, accept, correct, comment. */
export function EventLog({ events }: { events: ReportEvent[] }) {
  return (
    <ol className="events" data-testid="report-events" reversed>
      {[...events].reverse().map((e, i) => (
        <li key={`${e.at}-${i}`} data-step={e.step}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <span>
            <strong>{T.steps[e.step] ?? e.step}</strong>{e.version !== null ? ` (${T.version(e.version)})` : ""}
            {e.by ? ` — ${e.by}` : ""}{e.note && e.step !== "edit" && e.step !== "comment" ? `: ${e.note}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
