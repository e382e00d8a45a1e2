import { Field } from "../../../ui/field";
import { PLAN_TEXT as T } from "../texts";

type Props = { label: string; accept: string; file: File | null; disabled: boolean; error: string | undefined; onChange: (file: File | null) => void };

/** A keyboard-reachable file field with the chosen file's name (the task table, the plan's document). */
export function FileField({ label, accept, file, disabled, error, onChange }: Props) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <div className="file-picker">
          <input {...p} type="file" accept={accept} disabled={disabled} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
          <label htmlFor={p.id} className="btn" aria-hidden="true">{T.chooseFile}</label>
          <span className="file-picker__name">{file ? file.name : T.noFile}</span>
        </div>
      )}
    </Field>
  );
}
