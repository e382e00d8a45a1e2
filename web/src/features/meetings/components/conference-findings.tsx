import { RULE_SOURCES } from "@server/domain/settings.js";
import type { Finding } from "../api/meetings.api";
import { MEETING_TEXT as T } from "../texts";

type Props = { findings: Finding[] | null; sessions: number | null; checking: boolean };

/** The M3/M4/M5 verdict on the form as it stands — shown before anything is saved. */
export function ConferenceFindings({ findings, sessions, checking }: Props) {
  return (
    <section className="panel" aria-labelledby="check-heading" aria-live="polite" aria-busy={checking} data-testid="conference-check">
      <div className="panel__head">
        <h2 id="check-heading">{T.checkHeading}</h2>
        {checking && <span className="page-sub">{T.checking}</span>}
      </div>
      {sessions !== null && <p className="page-sub">{T.sessions(sessions)}</p>}
      {findings === null ? (
        <p className="page-sub">{T.checkIdle}</p>
      ) : findings.length === 0 ? (
        <div className="alert alert--ok"><span aria-hidden="true">✓ </span>{T.checkOk}</div>
      ) : (
        <ul className="findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.field}-${i}`} className={`finding ${f.severity === "error" ? "finding--error" : ""}`} data-rule={f.rule}>
              <span className="finding__rule">{f.severity === "error" ? "⛔" : "⚠"} {f.rule}</span>
              <span className="finding__msg">{f.message.replace(` — ${f.source}`, "")}</span>
              <span className="finding__rule-text">{T.ruleLabel}: {RULE_SOURCES[f.rule].title}. {f.severity === "error" ? T.severityError : T.severityWarning}.</span>
              <span className="finding__source">{T.sourceLabel}: {f.source}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
