import { useEffect, useRef } from "react";
import { APP_TEXT } from "./texts";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal confirmation (native <dialog>: focus trapped, Escape cancels). */
export function ConfirmDialog({ open, title, body, confirmLabel, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="confirm-title">{title}</h2>
      <p>{body}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--danger" onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
        <button type="button" className="btn" onClick={onCancel} autoFocus>{APP_TEXT.cancel}</button>
      </div>
    </dialog>
  );
}
