import { useState, type FormEvent } from "react";
import { ErrorView } from "../../../ui/error-view";
import { FileField } from "../../../ui/file-field";
import type { DraftResult } from "../api/document-text.api";
import { useDraftFromFile } from "../hooks/use-document-text";
import { DOCUMENT_TEXT as T } from "../texts";
import { isTextFileName, TEXT_FILE_ACCEPT } from "./text-upload-form";

type Props = { onDraft: (result: DraftResult, file: File) => void };

/** "Register from file": the file is read on the server into a draft of the form. */
export function FillFromFile({ onDraft }: Props) {
  const draft = useDraftFromFile();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<DraftResult | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem(T.needTextOrFile);
    if (!isTextFileName(file.name)) return setProblem(T.badExtension);
    setProblem(undefined);
    draft.mutate(file, { onSuccess: (r) => { setDone(r); onDraft(r, file); } });
  };
  return (
    <section className="panel" aria-labelledby="from-file-title" data-testid="fill-from-file">
      <div className="panel__head"><h2 id="from-file-title">{T.fromFileTitle}</h2></div>
      <p className="page-sub">{T.fromFileHint}</p>
      <form onSubmit={submit} noValidate className="form-actions">
        <FileField label={T.textFile} accept={TEXT_FILE_ACCEPT} file={file} disabled={draft.isPending} error={problem}
          onChange={(f) => { setFile(f); setProblem(undefined); }} />
        <button type="submit" className="btn" disabled={draft.isPending}>{draft.isPending ? T.fromFileReading : T.fromFileRead}</button>
      </form>
      {draft.error ? <ErrorView error={draft.error} /> : null}
      {done && file && (
        <div className="alert alert--ok" role="status">
          <p>{T.fromFileDone(file.name)}</p>
          {done.draft.orgCode === null && <p>{T.fromFileUnit}</p>}
          {done.unitCandidates.length > 0 && <p>{T.fromFileCandidates(done.unitCandidates.map((c) => c.name).join("; "))}</p>}
          {(done.parsed.notes ?? []).length > 0 && <ul>{(done.parsed.notes ?? []).map((n) => <li key={n}>{n}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
