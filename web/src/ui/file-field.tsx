import { Field } from "./field";
import { APP_TEXT } from "./texts";

type Props = {
  label: string;
  hint?: string | undefined;
  accept?: string | undefined;
  file: File | null;
  disabled?: boolean | undefined;
  error?: string | undefined;
  onChange: (file: File | null) => void;
};

/** A labelled, keyboard-reachable file field that shows the chosen file's name; its button
 * says "Chọn tệp" (the native one would speak the browser's language). */
export function FileField({ label, hint, accept, file, disabled, error, onChange }: Props) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <div className="file-picker">
          <input {...p} type="file" accept={accept} disabled={disabled} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
          <label htmlFor={p.id} className="btn" aria-hidden="true">{APP_TEXT.chooseFile}</label>
          <span className="file-picker__name">{file ? file.name : APP_TEXT.noFile}</span>
        </div>
      )}
    </Field>
  );
}
