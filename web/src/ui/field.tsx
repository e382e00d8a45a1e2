import { useId, type ReactNode } from "react";

/** Props a control needs to be tied to its label, hint and error. */
export type FieldControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  /** renders the control with the ids that link it to the label and messages */
  children: (control: FieldControlProps) => ReactNode;
};

/** A labelled form control with its hint and (live) error message. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(error), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint && <span id={hintId} className="field__hint">{hint}</span>}
      <span id={errorId} className="field__error" role={error ? "alert" : undefined}>{error ?? ""}</span>
    </div>
  );
}
