import { RULE_SOURCES } from "@server/domain/settings.js";
import type { PlanCheck, PlanCheckRules } from "@server/domain/conferences/conference-plan.js";
import { CONFERENCE_PLAN_TEXT as T } from "../texts";

type Props = { check: PlanCheck; rules: PlanCheckRules; hasDraftRow: boolean };

/** The plan against the year's targets (M1–M4), recomputed in the browser with the server's own
 * rule (domain/conferences/conference-plan.ts) as the list or the row being typed changes. */
export function TargetCheck({ check, rules, hasDraftRow }: Props) {
  const { counts, findings } = check;
  const over = (rule: string) => findings.some((f) => f.rule === rule);
  return (
    <section className="panel plan-check" aria-labelledby="plan-check-title" aria-live="polite" data-testid="plan-check">
      <div className="panel__head">
        <h2 id="plan-check-title">{T.checkTitle}</h2>
        {hasDraftRow && <span className="page-sub">{T.checkLive}</span>}
      </div>
      <ul className="check-lines">
        <li className={over("M1") ? "is-bad" : ""} data-rule="M1">
          <strong>M1</strong> {T.countLine(counts.planned, counts.allowed, counts.lastYearHeld, rules.targets.M1)}
        </li>
        <li className={over("M2") ? "is-bad" : ""} data-rule="M2">
          <strong>M2</strong> {T.onlineLine(counts.online, counts.planned, counts.onlineShare, rules.targets.M2, rules.hybridCountsAsOnline)}
        </li>
        <li className={over("M3") ? "is-bad" : ""} data-rule="M3">
          <strong>M3</strong> {T.quotaLine(counts.wideProvince, rules.targets.M3Province, counts.wideCommune, rules.targets.M3Commune)}
        </li>
      </ul>
      {findings.length === 0 ? (
        <div className="alert alert--ok"><span aria-hidden="true">✓ </span>{T.checkOk}</div>
      ) : (
        <ul className="findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={`finding ${f.severity === "error" ? "finding--error" : ""}`} data-rule={f.rule}>
              <span className="finding__rule">{f.severity === "error" ? "⛔" : "⚠"} {f.rule}</span>
              <span className="finding__msg">{f.message.replace(` — ${f.source}`, "")}</span>
              <span className="finding__rule-text">{T.ruleLabel}: {RULE_SOURCES[f.rule].title}. {f.severity === "error" ? T.blocking : T.warning}.</span>
              <span className="finding__source">{T.sourceLabel}: {f.source}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
