import { RULE_SOURCES } from "@server/domain/settings.js";
import type { Finding, FindingRecord } from "../api/meetings.api";
import { formatDateTime } from "../../../ui/format";
import { FORMAT_LABEL } from "../../../ui/texts";
import { MEETING_TEXT as T } from "../texts";

type Props = { findings: Finding[] | null; sessions: number | null; checking: boolean };

/** The short name of a finding's rule ("PAPERS" has no rule id of its own). */
export function ruleLabel(rule: Finding["rule"]): string {
  return rule === "PAPERS" ? "Tài liệu" : rule;
}

const ruleTitle = (rule: Finding["rule"]) => (rule === "PAPERS" ? T.papersRuleTitle : RULE_SOURCES[rule].title);

/** A note (not a breach) in neutral colours rather than the warning's yellow. */
const NOTE_STYLE = { background: "#f4f6f8", borderColor: "#d0d7de" } as const;

const ICON: Record<Finding["severity"], string> = { error: "⛔", warning: "⚠", info: "ℹ" };

/** A record a finding concerns: the other conference (with its unit and time) or a unit. */
function RecordLine({ r }: { r: FindingRecord }) {
  if (r.kind === "org") return <li>{r.name} ({r.code})</li>;
  const format = (FORMAT_LABEL as Record<string, string>)[r.format] ?? r.format;
  return <li data-meeting-id={r.id}>{r.orgName}: “{r.title}” — {formatDateTime(r.start)}, {format}</li>;
}

/** The KL 226 verdict on the form as it stands (M3–M6, M8, M9, papers ahead) — shown before
 * anything is saved. */
export function ConferenceFindings({ findings, sessions, checking }: Props) {
  const onlyNotes = findings !== null && findings.every((f) => f.severity === "info");
  return (
    <section className="panel" aria-labelledby="check-heading" aria-live="polite" aria-busy={checking} data-testid="conference-check">
      <div className="panel__head">
        <h2 id="check-heading">{T.checkHeading}</h2>
        {checking && <span className="page-sub">{T.checking}</span>}
      </div>
      {sessions !== null && <p className="page-sub">{T.sessions(sessions)}</p>}
      {findings === null ? (
        <p className="page-sub">{T.checkIdle}</p>
      ) : (
        <>
          {onlyNotes && <div className="alert alert--ok"><span aria-hidden="true">✓ </span>{T.checkOk}</div>}
          {findings.length > 0 && (
            <ul className="findings">
              {findings.map((f, i) => (
                <li key={`${f.rule}-${f.field}-${i}`} className={`finding ${f.severity === "error" ? "finding--error" : ""}`} style={f.severity === "info" ? NOTE_STYLE : undefined} data-rule={f.rule} data-severity={f.severity}>
                  <span className="finding__rule">{ICON[f.severity]} {ruleLabel(f.rule)}</span>
                  <span className="finding__msg">{f.message.replace(` — ${f.source}`, "")}</span>
                  <span className="finding__rule-text">
                    {T.ruleLabel}: {ruleTitle(f.rule)}. {f.severity === "error" ? T.severityError : f.severity === "info" ? T.severityInfo : T.severityWarning}.
                    {f.records && f.records.length > 0 && (
                      <span style={{ display: "block", marginTop: 2 }} data-testid="finding-records">
                        {T.recordsLabel}:
                        <ul style={{ margin: "2px 0 0", paddingLeft: 18 }}>{f.records.map((r, j) => <RecordLine key={j} r={r} />)}</ul>
                      </span>
                    )}
                  </span>
                  <span className="finding__source">{T.sourceLabel}: {f.source}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
