import { useState, type FormEvent } from "react";
import { ErrorView } from "../../../ui/error-view";
import { Field } from "../../../ui/field";
import { FileField } from "../../../ui/file-field";
import type { TextUpload } from "../api/document-text.api";
import { DOCUMENT_TEXT as T } from "../texts";

export const TEXT_FILE_ACCEPT = ".txt,.md,.markdown,.docx,.pdf";
export const isTextFileName = (name: string): boolean => /\.(txt|text|md|markdown|docx|pdf)$/i.test(name);

type Props = { busy: boolean; error: unknown; replacing: boolean; onSubmit: (upload: TextUpload) => void };

/** A document's text: a file (TXT, MD, DOCX, PDF) or pasted text. */
export function TextUploadForm({ busy, error, replacing, onSubmit }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) {
      if (!isTextFileName(file.name)) return setProblem(T.badExtension);
      setProblem(undefined);
      return onSubmit({ file });
    }
    if (pasted.trim() === "") return setProblem(T.needTextOrFile);
    setProblem(undefined);
    onSubmit({ text: pasted, format: "text" });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={T.textTitle} data-testid="text-upload">
      <div className="form-grid">
        <FileField label={T.textFile} hint={T.textFileHint} accept={TEXT_FILE_ACCEPT} file={file} disabled={busy} error={problem}
          onChange={(f) => { setFile(f); setProblem(undefined); }} />
        {!file && (
          <Field label={T.orPaste} hint={T.pasteHint}>
            {(p) => <textarea {...p} className="textarea" rows={4} value={pasted} disabled={busy} onChange={(e) => setPasted(e.target.value)} />}
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? T.uploading : replacing ? T.replace : T.upload}</button>
      </div>
      {error ? <ErrorView error={error} /> : null}
    </form>
  );
}
