import { BLOC_LABEL, CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL, labelOf } from "../../../ui/texts";
import type { ConferenceFacts } from "../api/conference-page.api";
import { CONFERENCE_TEXT as T } from "../texts";

/** What the conference is: host unit, time, kind, format, chair(s), who is invited, the agenda. */
export function ConferenceFactsPanel({ facts, unitName }: { facts: ConferenceFacts; unitName: string }) {
  const invited = [
    ...(facts.invitedBlocs ?? []).map((b) => labelOf(BLOC_LABEL, b)),
    ...((facts.invitedOrgCodes ?? []).length > 0 ? [T.invitedUnits(facts.invitedOrgCodes ?? [])] : []),
  ];
  const rows: Array<[string, string]> = [
    [T.unit, unitName],
    [T.time, T.timeRange(facts.start, facts.end)],
    [T.category, labelOf(CATEGORY_LABEL, facts.category)],
    [T.scope, labelOf(SCOPE_LABEL, facts.scope)],
    [T.format, labelOf(FORMAT_LABEL, facts.format)],
    [T.chairs, (facts.chairs ?? []).join("; ") || T.none],
    [T.invited, invited.join("; ") || T.none],
  ];
  return (
    <section className="panel" aria-labelledby="facts-title" data-testid="conference-facts">
      <div className="panel__head"><h2 id="facts-title">{T.factsTitle}</h2></div>
      <dl className="fact-list">
        {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      {facts.agenda ? (
        <>
          <h3 className="fact-list__sub">{T.agenda}</h3>
          <p className="agenda">{facts.agenda}</p>
        </>
      ) : null}
    </section>
  );
}

/** The KL 226 findings the register reports for this conference (when it reports them). */
export function ConferenceFindingsList({ findings }: { findings: NonNullable<ConferenceFacts["findings"]> }) {
  return (
    <section className="panel" aria-labelledby="conf-findings-title" data-testid="conference-findings">
      <div className="panel__head"><h2 id="conf-findings-title">{T.findingsTitle}</h2></div>
      {findings.length === 0 ? (
        <div className="alert alert--ok"><span aria-hidden="true">✓ </span>{T.findingsNone}</div>
      ) : (
        <ul className="findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.field}-${i}`} className={`finding ${f.severity === "error" ? "finding--error" : ""}`} data-rule={f.rule}>
              <span className="finding__rule">{f.severity === "error" ? "⛔" : "⚠"} {f.rule}</span>
              <span className="finding__msg">{f.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
