import { useEffect, useRef, useState } from "react";
import type { PlanFinding } from "@server/domain/conferences/conference-plan.js";
import { ApiError } from "../../../ui/api-client";
import { DateInput } from "../../../ui/date-input";
import { Field } from "../../../ui/field";
import { todayLocal } from "../../../ui/format";
import { APP_TEXT } from "../../../ui/texts";
import { CONFERENCE_PLAN_TEXT as T } from "../texts";

type Props = {
  open: boolean;
  deadline: string;
  defaultNumber: string;
  findings: PlanFinding[];
  busy: boolean;
  onIssue: (body: { number: string; issuedOn: string; acknowledge: boolean }) => Promise<unknown>;
  onClose: () => void;
};

/** Number, issue date and — when the plan misses a target — the issuer's acknowledgement. The
 * server checks again and refuses a plan missing a target that was not acknowledged. */
export function IssueDialog({ open, deadline, defaultNumber, findings, busy, onIssue, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [number, setNumber] = useState(defaultNumber);
  const [issuedOn, setIssuedOn] = useState(todayLocal());
  const [badDate, setBadDate] = useState(false);
  const [acknowledge, setAcknowledge] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocking = findings.some((f) => f.severity === "error");

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      setAcknowledge(false);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const canSubmit = number.trim() !== "" && issuedOn !== "" && !badDate && (!blocking || acknowledge) && !busy;
  const submit = () => {
    setError(null);
    onIssue({ number: number.trim(), issuedOn, acknowledge }).then(onClose, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };

  return (
    <dialog ref={ref} className="modal issue-dialog" aria-labelledby="issue-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="issue-title">{T.issueTitle}</h2>
      <Field label={T.issueNumber} hint={T.issueNumberHint} error={number.trim() === "" ? T.required : undefined}>
        {(p) => <input {...p} className="input" value={number} onChange={(e) => setNumber(e.target.value)} maxLength={100} />}
      </Field>
      <Field label={T.issuedOn} error={badDate ? T.badDate : undefined}>
        {(p) => <DateInput {...p} value={issuedOn} onChange={setIssuedOn} onInvalid={setBadDate} placeholder="dd/mm/yyyy" />}
      </Field>
      {issuedOn > deadline && <p className="alert alert--warn">{T.issueLate(deadline)}</p>}
      {findings.length > 0 && (
        <div className="issue-findings">
          <p>{T.issueFindings}</p>
          <ul>{findings.map((f, i) => <li key={i}><strong>{f.rule}</strong> {f.message}</li>)}</ul>
          {blocking && (
            <label className="check">
              <input type="checkbox" checked={acknowledge} onChange={(e) => setAcknowledge(e.target.checked)} /> {T.acknowledge}
            </label>
          )}
        </div>
      )}
      <p className="page-sub">{T.issueLockNote}</p>
      {error && <p className="alert alert--error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={submit} disabled={!canSubmit}>{T.issueConfirm}</button>
        <button type="button" className="btn" onClick={onClose}>{APP_TEXT.cancel}</button>
      </div>
    </dialog>
  );
}
