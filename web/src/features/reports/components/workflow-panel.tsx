import { useState } from "react";
import { ApiError } from "../../../ui/api-client";
import { APP_TEXT } from "../../../ui/texts";
import type { ReportView } from "../api/reports.api";
import { REPORT_TEXT as T } from "../texts";

/** A failed action: the server's own message (a 403 here names the missing right). */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? (error.status === 0 ? APP_TEXT.networkError : error.message) : APP_TEXT.genericError;
  return <div className="alert alert--error" role="alert" data-testid="action-error"><strong>{T.errorTitle}:</strong> {message}</div>;
}

type Props = {
  view: ReportView;
  editable: boolean;
  dirty: boolean;
  unexplained: number;
  drafts: number;
  busy: boolean;
  message: string | null;
  error: unknown;
  onSave: () => void;
  onSubmit: () => void;
  onAccept: (note: string) => void;
  onReturn: (reason: string) => void;
  onCorrect: (reason: string) => void;
};

function stageText(v: ReportView): string {
  if (v.stage === "submitted") return T.stageSubmitted;
  if (v.stage === "accepted") return T.stageAccepted;
  if (v.stage === "returned") return T.stageReturned;
  if (v.acceptedVersion !== null) return T.stageCorrecting(v.acceptedVersion);
  return T.stageDraft;
}

/** What the user may do with the report now: save and send (the unit), accept or return (the
 * receiving level), ask for a correction of an accepted report. */
export function WorkflowPanel(p: Props) {
  const { view: v } = p;
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [reasonTouched, setReasonTouched] = useState(false);
  const [correction, setCorrection] = useState("");
  const [correctionTouched, setCorrectionTouched] = useState(false);
  const reviewing = v.stage === "submitted" && v.rights.review;
  return (
    <section className="panel workflow" aria-labelledby="workflow-title" data-testid="workflow">
      <h2 id="workflow-title">{T.workflowTitle}</h2>
      <p className="workflow__stage" data-testid="workflow-stage">{stageText(v)}</p>
      {p.message && <div className="alert alert--ok" role="status">{p.message}</div>}
      <ActionError error={p.error} />

      {p.editable && v.rights.prepare && (
        <div className="form-actions">
          <button type="button" className="btn" disabled={!p.dirty || p.busy} onClick={p.onSave}>{p.busy ? T.saving : T.save}</button>
          {p.dirty && <span className="page-sub">{T.unsaved}</span>}
        </div>
      )}
      {p.editable && v.rights.submit && (
        <div className="form-actions">
          <button type="button" className="btn btn--primary" disabled={p.busy || p.unexplained > 0} onClick={p.onSubmit}
            aria-describedby={p.unexplained > 0 ? "submit-blocked" : undefined}>
            {p.busy ? T.submitting : T.submit}
          </button>
          {p.unexplained > 0 && <span id="submit-blocked" className="field__error">{T.submitNeedsExplanations(p.unexplained)}</span>}
        </div>
      )}
      {p.editable && !v.rights.submit && v.rights.prepare && <p className="page-sub" data-testid="submit-not-allowed">{T.submitNotAllowed}</p>}

      {reviewing && (
        <div className="workflow" aria-labelledby="review-title">
          <h3 id="review-title">{T.reviewTitle}</h3>
          <div className="field">
            <label htmlFor="accept-note">{T.acceptNote}</label>
            <textarea id="accept-note" className="textarea" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" disabled={p.busy} onClick={() => p.onAccept(note.trim())}>{T.accept}</button>
          </div>
          <div className="field">
            <label htmlFor="return-reason">{T.returnReason}</label>
            <textarea id="return-reason" className="textarea" value={reason} maxLength={2000} aria-invalid={reasonTouched && !reason.trim()}
              aria-describedby="return-reason-error return-drafts" onChange={(e) => setReason(e.target.value)} />
            <span id="return-reason-error" className="field__error">{reasonTouched && !reason.trim() ? T.returnReasonRequired : ""}</span>
            <span id="return-drafts" className="field__hint" data-testid="return-drafts">{T.returnWithComments(p.drafts)}</span>
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn--danger" disabled={p.busy}
              onClick={() => { setReasonTouched(true); if (reason.trim()) p.onReturn(reason.trim()); }}>{T.returnAction}</button>
          </div>
        </div>
      )}

      {v.stage === "accepted" && v.rights.prepare && (
        <div className="workflow">
          <div className="field">
            <label htmlFor="correct-reason">{T.correctReason}</label>
            <textarea id="correct-reason" className="textarea" value={correction} maxLength={2000} aria-invalid={correctionTouched && !correction.trim()}
              onChange={(e) => setCorrection(e.target.value)} />
            <span className="field__error">{correctionTouched && !correction.trim() ? T.correctReasonRequired : ""}</span>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" disabled={p.busy}
              onClick={() => { setCorrectionTouched(true); if (correction.trim()) p.onCorrect(correction.trim()); }}>{T.correct}</button>
          </div>
        </div>
      )}
    </section>
  );
}
