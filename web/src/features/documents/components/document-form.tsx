import { useEffect, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DOCUMENT_TYPES } from "@server/domain/document-types.js";
import { Field } from "../../../ui/field";
import { APP_TEXT } from "../../../ui/texts";
import type { OrgUnit } from "../../scope/api/orgs.api";
import { ZDocumentForm, type DocumentFormInput, type DocumentFormOutput } from "../schema";
import { DOCUMENT_TEXT as T } from "../texts";

export type FieldProblem = { field: string; reason: string };

type Props = {
  initial: DocumentFormInput;
  units: OrgUnit[];
  readOnly: boolean;
  busy: boolean;
  /** per-field reasons the server gave (after the form's own checks passed) */
  serverProblems: FieldProblem[];
  onSubmit: (values: DocumentFormOutput) => void;
  /** more buttons on the actions row (e.g. delete) */
  extraActions?: ReactNode;
};

/** Add or edit a document; checked as the user types with the API's own schema. */
export function DocumentForm({ initial, units, readOnly, busy, serverProblems, onSubmit, extraActions }: Props) {
  const { register, handleSubmit, formState, setError } = useForm<DocumentFormInput, unknown, DocumentFormOutput>({
    resolver: zodResolver(ZDocumentForm),
    mode: "onChange",
    defaultValues: initial,
  });
  useEffect(() => {
    for (const p of serverProblems) setError(p.field as keyof DocumentFormInput, { type: "server", message: p.reason });
  }, [serverProblems, setError]);
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={T.newTitle}>
      <fieldset disabled={readOnly || busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid form-grid--4">
          <Field label={T.unit} error={e.orgCode?.message} className="span-2">
            {(p) => (
              <select {...p} {...register("orgCode")} className="select">
                {units.map((u) => <option key={u.code} value={u.code}>{u.name} ({u.code})</option>)}
              </select>
            )}
          </Field>
          <Field label={T.number} hint={T.numberHint} error={e.number?.message}>
            {(p) => <input {...p} {...register("number")} className="input" autoComplete="off" />}
          </Field>
          <Field label={T.type} error={e.type?.message}>
            {(p) => (
              <select {...p} {...register("type")} className="select">
                {DOCUMENT_TYPES.map((t) => <option key={t.code} value={t.code}>{t.code} — {t.name}</option>)}
              </select>
            )}
          </Field>
          <Field label={T.issuedOn} hint={T.datePlaceholder} error={e.issuedOn?.message}>
            {(p) => <input {...p} {...register("issuedOn")} className="input" inputMode="numeric" placeholder={T.datePlaceholder} />}
          </Field>
          <Field label={T.signer} error={e.signer?.message}>
            {(p) => <input {...p} {...register("signer")} className="input" />}
          </Field>
          <Field label={T.subject} error={e.subject?.message} className="span-all">
            {(p) => <textarea {...p} {...register("subject")} className="textarea" rows={3} />}
          </Field>
          <fieldset className="span-all" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field__label">{T.flagsLegend}</legend>
            <div style={{ display: "flex", flexWrap: "wrap", gap: "0 24px" }}>
              <label className="check"><input type="checkbox" {...register("digitized")} /> {T.digitizedField}</label>
              <label className="check"><input type="checkbox" {...register("sentElectronically")} /> {T.sentElectronically}</label>
              <label className="check"><input type="checkbox" {...register("secret")} /> {T.secret}</label>
              <label className="check"><input type="checkbox" {...register("legalNormative")} /> {T.legalNormative}</label>
            </div>
          </fieldset>
        </div>
      </fieldset>
      <div className="form-actions">
        {!readOnly && <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : T.save}</button>}
        {extraActions && <span className="form-actions__end">{extraActions}</span>}
      </div>
    </form>
  );
}
