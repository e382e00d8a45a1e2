import { Link } from "react-router-dom";
import { sixClearFailures } from "../../plans/plan-format";
import { PLAN_TEXT } from "../../plans/texts";
import type { Conclusion, ConclusionSummary, ConclusionsView } from "../api/conference-page.api";
import { CONFERENCE_TEXT as T } from "../texts";

const STATUS_CLASS: Record<Conclusion["status"], string> = {
  done: "status--ontime", on_time: "status--doing", overdue: "status--overdue", not_started: "status--todo",
};

/** The notice, the progress bar of its conclusions, and each conclusion as a task. */
export function ConclusionsList({ view }: { view: ConclusionsView }) {
  if (!view.notice) return <p className="page-sub" data-testid="no-notice">{view.ended ? T.noNotice : T.notYetEnded(view.end)}</p>;
  return (
    <>
      <p data-testid="notice">
        <strong>{T.notice(view.notice.number, view.notice.issuedOn)}</strong> — {view.notice.title}{" "}
        (<Link to={`/ke-hoach/${view.notice.planId}`}>{T.openPlan}</Link>)
      </p>
      <ConclusionSummaryBar summary={view.summary} />
      <div className="table-wrap">
        <table className="table conclusion-table" data-testid="conclusion-table">
          <thead>
            <tr>
              <th scope="col">{T.colTt}</th><th scope="col">{T.colContent}</th><th scope="col">{T.colLead}</th>
              <th scope="col">{T.colDue}</th><th scope="col">{T.colProduct}</th><th scope="col">{T.colSix}</th><th scope="col">{T.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {view.conclusions.map((c) => <ConclusionRow key={c.id} c={c} />)}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ConclusionRow({ c }: { c: Conclusion }) {
  const failures = sixClearFailures(c.flags.sixClear);
  return (
    <tr data-tt={c.tt} data-status={c.status}>
      <td className="nowrap"><Link to={`/nhiem-vu/${c.id}`} aria-label={T.openTask(c.tt)}>{c.tt}</Link></td>
      <td>{c.content}</td>
      <td>{c.lead ? <strong>{c.lead.name}</strong> : <span className="flag--bad">{c.leadText ? `${c.leadText} — ` : ""}{T.noLead}</span>}</td>
      <td>{c.deadlineText || "—"}</td>
      <td>{c.product || "—"}</td>
      <td>
        <ul className="flag-list" data-testid="conclusion-six">
          {c.flags.t2.breach && <li className="flag--bad">{PLAN_TEXT.t2Breach(c.flags.t2.leadNames)}</li>}
          {failures.map((f) => <li key={f.key} className="flag--bad" data-testid={`flag-six-${f.key}`}>{f.text}</li>)}
          {c.flags.allClear && <li className="flag--ok">{PLAN_TEXT.allClear}</li>}
        </ul>
      </td>
      <td>
        <span className={`status ${STATUS_CLASS[c.status]}`} data-testid="conclusion-status">{c.statusLabel}</span>
        {c.progress.nextDue && <div className="page-sub">{T.nextDue(c.progress.nextDue)}</div>}
      </td>
    </tr>
  );
}

/** Done / under way / overdue / not started as one bar, each part also written out. */
export function ConclusionSummaryBar({ summary: s }: { summary: ConclusionSummary }) {
  const pct = (n: number) => (s.total === 0 ? 0 : (n / s.total) * 100);
  const parts: Array<[string, number, string]> = [
    ["done", s.done, T.sumDone], ["on_time", s.onTime, T.sumOnTime], ["overdue", s.overdue, T.sumOverdue],
  ];
  return (
    <div data-testid="conclusion-summary">
      <p><strong>{T.summary(s.done, s.total)}</strong></p>
      <div className="conclusion-bar" role="img" aria-label={T.summary(s.done, s.total)}>
        {parts.map(([k, n]) => (n > 0 ? <span key={k} className={`is-${k}`} style={{ width: `${pct(n)}%` }} /> : null))}
      </div>
      <dl className="summary-grid">
        <div className="is-ok" data-key="done"><dt>{T.sumDone}</dt><dd>{s.done}</dd></div>
        <div data-key="onTime"><dt>{T.sumOnTime}</dt><dd>{s.onTime}</dd></div>
        <div className={s.overdue > 0 ? "is-bad" : ""} data-key="overdue"><dt>{T.sumOverdue}</dt><dd>{s.overdue}</dd></div>
        <div data-key="notStarted"><dt>{T.sumNotStarted}</dt><dd>{s.notStarted}</dd></div>
        <div className={s.sixClearIncomplete > 0 ? "is-bad" : ""} data-key="sixClearIncomplete"><dt>{T.sumSixIncomplete}</dt><dd>{s.sixClearIncomplete}</dd></div>
      </dl>
    </div>
  );
}

