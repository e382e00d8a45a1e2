import type { ReportMeta } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

type Props = { meta: ReportMeta; editable: boolean; onChange: (meta: ReportMeta) => void };

/** Number and symbol, place, signer and "Nơi nhận" of the exported document (Nghị định 30/2020). */
export function MetaForm({ meta, editable, onChange }: Props) {
  const set = (k: keyof ReportMeta, v: string) => onChange({ ...meta, [k]: v });
  const fields: Array<[keyof ReportMeta, string, string | undefined]> = [
    ["number", T.metaNumber, T.metaNumberHint],
    ["place", T.metaPlace, undefined],
    ["signerTitle", T.metaSignerTitle, undefined],
    ["signerName", T.metaSignerName, undefined],
  ];
  return (
    <details className="panel" data-testid="report-meta">
      <summary style={{ cursor: "pointer", fontWeight: 600 }}>{T.metaTitle}</summary>
      <div className="form-grid" style={{ marginTop: 10 }}>
        {fields.map(([k, label, hint]) => (
          <div key={k} className="field">
            <label htmlFor={`meta-${k}`}>{label}</label>
            <input id={`meta-${k}`} className="input" value={(meta[k] as string | undefined) ?? ""} readOnly={!editable} maxLength={k === "number" || k === "place" ? 60 : 120}
              onChange={(e) => set(k, e.target.value)} />
            {hint && <span className="field__hint">{hint}</span>}
          </div>
        ))}
        <div className="field span-all">
          <label htmlFor="meta-recipients">{T.metaRecipients}</label>
          <textarea id="meta-recipients" className="textarea" readOnly={!editable} value={(meta.recipients ?? []).join("\n")}
            onChange={(e) => onChange({ ...meta, recipients: e.target.value.split("\n").slice(0, 20) })} />
        </div>
      </div>
    </details>
  );
}
