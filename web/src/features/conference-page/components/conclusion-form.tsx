import { useEffect } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Field } from "../../../ui/field";
import type { OrgUnit } from "../../scope/api/orgs.api";
import { conclusionFormSchema, EMPTY_CONCLUSION, type ConclusionFormInput, type ConclusionFormOutput } from "../schema";
import { CONFERENCE_TEXT as T } from "../texts";

type Props = {
  /** no notice yet: its number and date are asked for */
  isFirstNotice: boolean;
  /** units that may lead a conclusion: the host unit and its subtree */
  leads: OrgUnit[];
  busy: boolean;
  serverProblems: Array<{ field: string; reason: string }>;
  onSubmit: (values: ConclusionFormOutput, reset: () => void) => void;
};

/** Record the conclusion notice and its conclusions (or add conclusions to it): one row per
 * conclusion with its lead, due and product, each checked against "6 rõ" once saved. */
export function ConclusionForm({ isFirstNotice, leads, busy, serverProblems, onSubmit }: Props) {
  const defaults: ConclusionFormInput = { number: "", issuedOn: "", title: "", conclusions: [{ ...EMPTY_CONCLUSION }] };
  const { register, handleSubmit, formState, setError, control, reset } = useForm<ConclusionFormInput, unknown, ConclusionFormOutput>({
    resolver: zodResolver(conclusionFormSchema(isFirstNotice)),
    mode: "onSubmit",
    defaultValues: defaults,
  });
  const rows = useFieldArray({ control, name: "conclusions" });
  useEffect(() => {
    for (const p of serverProblems) setError(p.field as keyof ConclusionFormInput, { type: "server", message: p.reason });
  }, [serverProblems, setError]);
  const e = formState.errors;
  const rowError = (i: number, k: keyof typeof EMPTY_CONCLUSION) => e.conclusions?.[i]?.[k]?.message;
  return (
    <form onSubmit={handleSubmit((v) => onSubmit(v, () => reset(defaults)))} noValidate aria-label={isFirstNotice ? T.recordNotice : T.addConclusions}>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        {isFirstNotice && (
          <div className="form-grid">
            <Field label={T.noticeNumber} hint={T.noticeNumberHint} error={e.number?.message}>
              {(p) => <input {...p} {...register("number")} className="input" autoComplete="off" />}
            </Field>
            <Field label={T.noticeDate} hint="dd/mm/yyyy" error={e.issuedOn?.message}>
              {(p) => <input {...p} {...register("issuedOn")} className="input" inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" />}
            </Field>
            <Field label={T.noticeTitle} hint={T.noticeTitleHint} error={e.title?.message} className="span-all">
              {(p) => <input {...p} {...register("title")} className="input" autoComplete="off" />}
            </Field>
          </div>
        )}
        {rows.fields.map((f, i) => (
          <fieldset key={f.id} className="conclusion-row" data-testid="conclusion-input">
            <legend>{T.conclusionLegend(i + 1)}</legend>
            <div className="form-grid">
              <Field label={T.content(i + 1)} error={rowError(i, "content")} className="span-all">
                {(p) => <textarea {...p} {...register(`conclusions.${i}.content`)} className="textarea" rows={2} />}
              </Field>
              <Field label={T.lead(i + 1)} error={rowError(i, "lead")}>
                {(p) => (
                  <select {...p} {...register(`conclusions.${i}.lead`)} className="select">
                    <option value="">{T.leadNone}</option>
                    {leads.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
                  </select>
                )}
              </Field>
              <Field label={T.coordinators(i + 1)} hint={T.coordinatorsHint} error={rowError(i, "coordinators")}>
                {(p) => <input {...p} {...register(`conclusions.${i}.coordinators`)} className="input" autoComplete="off" />}
              </Field>
              <Field label={T.due(i + 1)} hint={T.dueHint} error={rowError(i, "due")}>
                {(p) => <input {...p} {...register(`conclusions.${i}.due`)} className="input" autoComplete="off" />}
              </Field>
              <Field label={T.product(i + 1)} error={rowError(i, "product")}>
                {(p) => <input {...p} {...register(`conclusions.${i}.product`)} className="input" autoComplete="off" />}
              </Field>
            </div>
            {rows.fields.length > 1 && (
              <button type="button" className="btn btn--small" onClick={() => rows.remove(i)}>{T.removeRow(i + 1)}</button>
            )}
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => rows.append({ ...EMPTY_CONCLUSION })}>{T.addRow}</button>
          <button type="submit" className="btn btn--primary">{busy ? T.savingConclusions : T.saveConclusions}</button>
        </div>
      </fieldset>
    </form>
  );
}
