import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "../../../ui/confirm-dialog";
import { DateInput } from "../../../ui/date-input";
import { ErrorView } from "../../../ui/error-view";
import { Field } from "../../../ui/field";
import { FileField } from "../../../ui/file-field";
import { APP_TEXT } from "../../../ui/texts";
import { paperFileUrl, type Paper, type PapersView } from "../api/conference-page.api";
import { CONFERENCE_TEXT as T } from "../texts";

const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp";
const MAX_BYTES = 10 * 1024 * 1024;

type Props = {
  view: PapersView;
  uploading: boolean;
  uploadError: unknown;
  onUpload: (file: File, title: string, done: () => void) => void;
  deleting: boolean;
  deleteError: unknown;
  onDelete: (paper: Paper, done: () => void) => void;
  marking: boolean;
  markError: unknown;
  onMarkSent: (sentAt: string | null) => void;
};

/** The papers of the conference: list and download; for writers, upload, delete and "sent to delegates". */
export function PapersPanel({ view, uploading, uploadError, onUpload, deleting, deleteError, onDelete, marking, markError, onMarkSent }: Props) {
  const [confirming, setConfirming] = useState<Paper | null>(null);
  const sent = view.sent;
  return (
    <section className="panel" aria-labelledby="papers-title" data-testid="papers-panel">
      <div className="panel__head"><h2 id="papers-title">{T.papersTitle}</h2></div>
      <p className="page-sub">{T.papersHint(sent.daysAhead)}</p>
      {view.papers.length === 0 ? <p className="page-sub">{T.papersEmpty}</p> : (
        <ul className="paper-list" data-testid="paper-list">
          {view.papers.map((p) => (
            <li key={p.id} data-paper={p.id}>
              <a href={paperFileUrl(view.meetingId, p.id)} aria-label={T.download(p.title)} download>{p.title}</a>
              <span className="paper-list__meta">{p.fileName} · {T.size(p.size)}</span>
              {view.canEdit && (
                <button type="button" className="btn btn--small" aria-label={T.deletePaper(p.title)} onClick={() => setConfirming(p)}>{APP_TEXT.delete}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleteError ? <ErrorView error={deleteError} /> : null}
      {view.canEdit && <PaperUploadForm busy={uploading} error={uploadError} onSubmit={onUpload} />}
      <div className="sent-box" data-testid="papers-sent">
        <h3 className="fact-list__sub">{T.sentTitle}</h3>
        <p className="sent-box__line">
          <span className={`status status--${sent.status}`} data-status={sent.status}>{T.timing[sent.status] ?? sent.status}</span>
          <span>{sent.sentAt ? T.sentOn(sent.sentAt) : T.notSent}</span>
          <span className="page-sub">{T.dueBy(sent.dueBy)}</span>
        </p>
        {sent.finding && <div className="alert alert--warn" role="status">{sent.finding.message}</div>}
        {view.canEdit && <MarkSentForm busy={marking} error={markError} onSubmit={onMarkSent} />}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={T.confirmDeleteTitle}
        body={T.confirmDeleteBody(confirming?.title ?? "")}
        confirmLabel={APP_TEXT.delete}
        busy={deleting}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && onDelete(confirming, () => setConfirming(null))}
      />
    </section>
  );
}

function PaperUploadForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: Props["onUpload"] }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem(T.needFile);
    if (!/\.(pdf|docx|xlsx|png|jpe?g|gif|webp)$/i.test(file.name)) return setProblem(T.badType);
    if (file.size > MAX_BYTES) return setProblem(T.tooBig);
    setProblem(undefined);
    onSubmit(file, title, () => { setFile(null); setTitle(""); setFormKey((k) => k + 1); });
  };
  return (
    <form key={formKey} onSubmit={submit} noValidate aria-label={T.upload}>
      <div className="form-grid">
        <Field label={T.paperTitle} hint={T.paperTitleHint}>
          {(p) => <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" disabled={busy} />}
        </Field>
        <FileField label={T.paperFile} hint={T.paperFileHint} accept={ACCEPT} file={file} disabled={busy} error={problem}
          onChange={(f) => { setFile(f); setProblem(undefined); }} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? T.uploading : T.upload}</button>
      </div>
      {error ? <ErrorView error={error} /> : null}
    </form>
  );
}

function MarkSentForm({ busy, error, onSubmit }: { busy: boolean; error: unknown; onSubmit: (sentAt: string | null) => void }) {
  const [day, setDay] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (!invalid) onSubmit(day === "" ? null : day); }} noValidate aria-label={T.markSent}>
      <div className="form-grid">
        <Field label={T.sentAt} hint={T.sentAtHint} error={invalid ? T.badDate : undefined}>
          {(p) => <DateInput {...p} value={day} onChange={setDay} onInvalid={setInvalid} placeholder="dd/mm/yyyy" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy || invalid}>{busy ? T.marking : T.markSent}</button>
      </div>
      {error ? <ErrorView error={error} /> : null}
    </form>
  );
}
