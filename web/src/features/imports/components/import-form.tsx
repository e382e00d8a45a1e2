import { useId, useState, type FormEvent } from "react";
import { Field } from "../../../ui/field";
import { formatPercent } from "../../../ui/format";
import { templateUrl, type ImportKind } from "../api/imports.api";
import { IMPORT_TEXT as T } from "../texts";

type Props = {
  kinds: ImportKind[];
  busy: boolean;
  /** 0..1 while uploading; the server then checks and writes (indeterminate) */
  progress: number;
  onSubmit: (kind: ImportKind, file: File) => void;
};

/** Choose what to import and the file; shows upload progress and the templates. */
export function ImportForm({ kinds, busy, progress, onSubmit }: Props) {
  const groupId = useId();
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? "documents");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(T.chooseFile);
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setError(T.badExtension);
    setError(undefined);
    onSubmit(kind, file);
  };
  const uploaded = progress >= 1;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field__label" id={groupId}>{T.kind}</legend>
        <div role="radiogroup" aria-labelledby={groupId} style={{ display: "flex", flexWrap: "wrap", gap: "0 20px", marginBottom: 8 }}>
          {kinds.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {T.kinds[k]}
            </label>
          ))}
        </div>
        <Field label={T.file} hint={T.fileHint} error={error}>
          {(p) => (
            // the native button would speak the browser's language; this one says "Chọn tệp"
            <div className="file-picker">
              <input {...p} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(undefined); }} />
              <label htmlFor={p.id} className="btn" aria-hidden="true">{T.chooseButton}</label>
              <span className="file-picker__name">{file ? file.name : T.noFile}</span>
            </div>
          )}
        </Field>
      </fieldset>
      <p className="page-sub">
        {T.templates}:{" "}
        <a href={templateUrl(kind, "csv")} download>{T.templateCsv(T.kinds[kind]?.toLowerCase() ?? kind)}</a>
        {" · "}
        <a href={templateUrl(kind, "xlsx")} download>{T.templateXlsx(T.kinds[kind]?.toLowerCase() ?? kind)}</a>
      </p>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{T.upload}</button>
      </div>
      <div style={{ minHeight: 44, marginTop: 10 }} aria-live="polite">
        {busy && (
          <>
            <div className="page-sub">{uploaded ? T.processing : T.uploading(formatPercent(progress * 100))}</div>
            <div className={`progress ${uploaded ? "progress--indeterminate" : ""}`} role="progressbar" aria-label={T.progressLabel}
              aria-valuemin={0} aria-valuemax={100} aria-valuenow={uploaded ? undefined : Math.round(progress * 100)}>
              <span style={{ width: `${Math.round(progress * 100)}%` }} />
            </div>
          </>
        )}
      </div>
    </form>
  );
}
