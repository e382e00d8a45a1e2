import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DOCUMENT_TYPES } from "@server/domain/document-types.js";
import { KL226_DEFAULTS } from "@server/domain/settings.js";
import { Field } from "../../../ui/field";
import { formatDate } from "../../../ui/format";
import { APP_TEXT } from "../../../ui/texts";
import type { OrgUnit } from "../../scope/api/orgs.api";
import type { ParentOption } from "../api/plans.api";
import { ZPlanForm, type PlanFormInput, type PlanFormOutput } from "../schema";
import { PLAN_TEXT as T, TARGET_FIELDS } from "../texts";

export type FieldProblem = { field: string; reason: string };

type Props = {
  initial: PlanFormInput;
  units: OrgUnit[];
  /** plans the chosen issuer may implement (its own and those of units above it) */
  parentOptions: ParentOption[];
  busy: boolean;
  /** the save button's text (default «Lưu kế hoạch») */
  submitLabel?: string;
  serverProblems: FieldProblem[];
  onIssuerChange: (orgCode: string) => void;
  onSubmit: (values: PlanFormOutput) => void;
};

/** Add a plan: issuer, number, type, date, title, the upper plan it implements, the targets it tightens. */
export function PlanForm({ initial, units, parentOptions, busy, submitLabel, serverProblems, onIssuerChange, onSubmit }: Props) {
  const { register, handleSubmit, formState, setError, control } = useForm<PlanFormInput, unknown, PlanFormOutput>({
    resolver: zodResolver(ZPlanForm),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: initial,
  });
  const orgCode = useWatch({ control, name: "orgCode" });
  useEffect(() => onIssuerChange(orgCode), [orgCode, onIssuerChange]);
  useEffect(() => {
    for (const p of serverProblems) setError(p.field as keyof PlanFormInput, { type: "server", message: p.reason });
  }, [serverProblems, setError]);
  const e = formState.errors;
  const targetError = (key: string) => (e.targets as Record<string, { message?: string }> | undefined)?.[key]?.message;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={T.newTitle}>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid form-grid--4">
          <Field label={T.issuer} error={e.orgCode?.message} className="span-2">
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
          <Field label={T.parentPlan} hint={T.parentHint} error={e.parentPlanId?.message} className="span-2">
            {(p) => (
              <select {...p} {...register("parentPlanId")} className="select">
                <option value="">{T.parentNone}</option>
                {parentOptions.map((o) => (
                  <option key={o.id} value={String(o.id)}>{o.number} — {o.org.name} ({formatDate(o.issuedOn)})</option>
                ))}
              </select>
            )}
          </Field>
          <Field label={T.horizonYear} hint={T.horizonHint} error={e.horizonYear?.message}>
            {(p) => <input {...p} {...register("horizonYear")} className="input" inputMode="numeric" />}
          </Field>
          <Field label={T.title} error={e.title?.message} className="span-all">
            {(p) => <textarea {...p} {...register("title")} className="textarea" rows={2} />}
          </Field>
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: "8px 0 0" }}>
          <legend className="field__label">{T.targetsLegend}</legend>
          <div className="form-grid">
            {TARGET_FIELDS.map((f) => (
              <Field key={f.key} label={f.label} hint={T.targetHint(KL226_DEFAULTS.targets[f.key], f.unit)} error={targetError(f.key)}>
                {(p) => <input {...p} {...register(`targets.${f.key}`)} className="input" inputMode="decimal" />}
              </Field>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : (submitLabel ?? T.save)}</button>
      </div>
    </form>
  );
}
