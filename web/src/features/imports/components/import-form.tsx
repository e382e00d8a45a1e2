import { useId, useState, type FormEvent } from "react";
import { FileField } from "../../../ui/file-field";
import { templateUrl, type ImportKind } from "../api/imports.api";
import type { ImportStage } from "../hooks/use-import";
import { IMPORT_TEXT as T } from "../texts";
import { ImportProgress } from "./import-progress";

type Props = {
  kinds: ImportKind[];
  busy: boolean;
  /** the upload, then the server's progress */
  stage: ImportStage;
  onSubmit: (kind: ImportKind, file: File) => void;
};

/** Choose what to import and the file; shows the templates, then the upload's and the server's progress. */
export function ImportForm({ kinds, busy, stage, onSubmit }: Props) {
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
        <FileField label={T.file} hint={T.fileHint} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" file={file} error={error}
          onChange={(f) => { setFile(f); setError(undefined); }} />
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
      {/* the same height whether empty, uploading or processing: nothing below jumps */}
      <div style={{ minHeight: 44, marginTop: 10 }}>
        <ImportProgress stage={stage} />
      </div>
    </form>
  );
}
