import type { ReportFlag } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

type Props = {
  flags: ReportFlag[];
  explanations: Record<string, string>;
  editable: boolean;
  onChange: (key: string, text: string) => void;
};

/** Data-quality flags (an empty month, a robust-z outlier, figures that cannot both be true),
 * each asking for an explanation before the report can be sent. */
export function QualityFlags({ flags, explanations, editable, onChange }: Props) {
  if (flags.length === 0) return <p className="alert alert--ok" data-testid="quality-flags">{T.noFlags}</p>;
  return (
    <ul className="flags" data-testid="quality-flags">
      {flags.map((f) => {
        const text = explanations[f.key] ?? "";
        const explained = text.trim().length > 0;
        const fieldId = `flag-${f.key.replace(/[^a-zA-Z0-9]/g, "-")}`;
        return (
          <li key={f.key} className="flag" data-flag={f.key} data-explained={explained} data-testid="quality-flag">
            <div className="flag__head">
              <span className="flag__kind">{T.flagKinds[f.kind] ?? f.kind}</span>
              <span className={`flag__state ${explained ? "flag-yes" : "flag-no"}`}>{explained ? `✓ ${T.explained}` : `✗ ${T.notExplained}`}</span>
            </div>
            <p style={{ marginTop: 0 }}>{f.message}</p>
            {editable ? (
              <div className="field">
                <label htmlFor={fieldId}>{T.explanation}</label>
                <textarea id={fieldId} className="textarea" value={text} maxLength={2000} aria-invalid={!explained}
                  onChange={(e) => onChange(f.key, e.target.value)} />
              </div>
            ) : explained ? <p><strong>{T.explanation}:</strong> {text}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
