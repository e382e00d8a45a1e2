import { useEffect, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Field } from "../../../ui/field";
import { APP_TEXT, CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL } from "../../../ui/texts";
import type { OrgUnit } from "../../scope/api/orgs.api";
import type { Finding, MeetingInput } from "../api/meetings.api";
import { planningInput, readDateTime, ZMeetingForm, type MeetingFormInput, type MeetingFormOutput } from "../schema";
import { MEETING_TEXT as T } from "../texts";
import { MeetingPlanningFields } from "./meeting-planning-fields";

export type FieldProblem = { field: string; reason: string };

type Props = {
  initial: MeetingFormInput;
  units: OrgUnit[];
  readOnly: boolean;
  busy: boolean;
  serverProblems: FieldProblem[];
  /** show the standing committee's decision field (an M3 finding asks for it) */
  askException: boolean;
  /** the draft to check, or null while it is not yet checkable */
  onDraftChange: (draft: MeetingInput | null) => void;
  onSubmit: (values: MeetingFormOutput) => void;
  /** more buttons on the actions row (e.g. delete) */
  extraActions?: ReactNode;
  /** a reminder next to the save button of the warnings found (shown in full beside the form) */
  findingSummary?: string | null;
  /** the latest check's findings (a reason field shows when a flag asks for one) */
  findings?: Finding[] | null;
};

const MINUTES = /^\s*\d*\s*$/;
const text = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

/** What the preventive check can already judge: unit, kind, scope, format and a valid time
 * range; a missing title or a half-typed number does not stop the check. */
export function checkableDraft(v: Partial<MeetingFormInput>): MeetingInput | null {
  const start = readDateTime(text(v.start));
  const end = readDateTime(text(v.end));
  if (!v.orgCode || !v.category || !v.scope || !v.format || !start || !end || end <= start) return null;
  const minutes = (raw: unknown) => (MINUTES.test(text(raw)) ? text(raw).trim() || null : undefined);
  return {
    orgCode: v.orgCode,
    title: text(v.title).trim() || "—",
    category: v.category,
    scope: v.scope,
    format: v.format,
    start: text(v.start),
    end: text(v.end),
    openingMin: minutes(v.openingMin),
    conclusionMin: minutes(v.conclusionMin),
    maxContributionMin: minutes(v.maxContributionMin),
    exceptionDecision: text(v.exceptionDecision).trim() || null,
    ...planningInput(v),
  };
}

/** Add or edit a conference, validated as the user types; the page runs the KL 226 check. */
export function MeetingForm({ initial, units, readOnly, busy, serverProblems, askException, onDraftChange, onSubmit, extraActions, findingSummary, findings = null }: Props) {
  const { register, handleSubmit, formState, setError, control } = useForm<MeetingFormInput, unknown, MeetingFormOutput>({
    resolver: zodResolver(ZMeetingForm),
    mode: "onChange",
    defaultValues: initial,
  });
  const values = useWatch({ control });
  const draftKey = JSON.stringify(checkableDraft(values));
  useEffect(() => {
    onDraftChange(JSON.parse(draftKey) as MeetingInput | null);
  }, [draftKey, onDraftChange]);
  useEffect(() => {
    for (const p of serverProblems) setError(p.field as keyof MeetingFormInput, { type: "server", message: p.reason });
  }, [serverProblems, setError]);

  const e = formState.errors;
  const showException = askException || text(values.exceptionDecision).trim() !== "";
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label={T.newTitle}>
      <fieldset disabled={readOnly || busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <div className="form-grid">
          <Field label={T.unit} error={e.orgCode?.message} className="span-all">
            {(p) => (
              <select {...p} {...register("orgCode")} className="select">
                {units.map((u) => <option key={u.code} value={u.code}>{u.name} ({u.code})</option>)}
              </select>
            )}
          </Field>
          <Field label={T.title} error={e.title?.message} className="span-all">
            {(p) => <input {...p} {...register("title")} className="input" autoComplete="off" />}
          </Field>
          <Field label={T.category} error={e.category?.message}>
            {(p) => (
              <select {...p} {...register("category")} className="select">
                {Object.entries(CATEGORY_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </select>
            )}
          </Field>
          <Field label={T.scope} error={e.scope?.message}>
            {(p) => (
              <select {...p} {...register("scope")} className="select">
                {Object.entries(SCOPE_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </select>
            )}
          </Field>
          <Field label={T.format} error={e.format?.message}>
            {(p) => (
              <select {...p} {...register("format")} className="select">
                {Object.entries(FORMAT_LABEL).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </select>
            )}
          </Field>
          <Field label={T.start} hint={T.dateTimeHint} error={e.start?.message}>
            {(p) => <input {...p} {...register("start", { deps: ["end"] })} className="input" placeholder={T.dateTimePlaceholder} autoComplete="off" />}
          </Field>
          <Field label={T.end} hint={T.dateTimeHint} error={e.end?.message}>
            {(p) => <input {...p} {...register("end")} className="input" placeholder={T.dateTimePlaceholder} autoComplete="off" />}
          </Field>
          <Field label={T.communeParticipants} error={e.communeParticipants?.message}>
            {(p) => (
              <select {...p} {...register("communeParticipants")} className="select">
                <option value="">{T.participantsUnknown}</option>
                <option value="1">{T.participantsYes}</option>
                <option value="0">{T.participantsNo}</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: "6px 0 0" }}>
          <legend className="field__label">{T.speechesLegend}</legend>
          <div className="form-grid">
            <Field label={T.openingMin} error={e.openingMin?.message}>
              {(p) => <input {...p} {...register("openingMin")} className="input" type="number" min={0} inputMode="numeric" />}
            </Field>
            <Field label={T.conclusionMin} error={e.conclusionMin?.message}>
              {(p) => <input {...p} {...register("conclusionMin")} className="input" type="number" min={0} inputMode="numeric" />}
            </Field>
            <Field label={T.maxContributionMin} error={e.maxContributionMin?.message}>
              {(p) => <input {...p} {...register("maxContributionMin")} className="input" type="number" min={0} inputMode="numeric" />}
            </Field>
          </div>
        </fieldset>
        {showException && (
          <div className="form-grid">
            <Field label={T.exceptionDecision} hint={T.exceptionHint} error={e.exceptionDecision?.message} className="span-all">
              {(p) => <input {...p} {...register("exceptionDecision")} className="input" autoComplete="off" />}
            </Field>
          </div>
        )}
        <MeetingPlanningFields control={control} register={register} errors={e} findings={findings} readOnly={readOnly} />
      </fieldset>
      {findingSummary && !readOnly && (
        <p className="alert alert--warn" style={{ marginBottom: 0 }}>
          <span aria-hidden="true">⚠ </span><a href="#check-heading">{findingSummary}</a>
        </p>
      )}
      <div className="form-actions">
        {!readOnly && <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? APP_TEXT.saving : T.save}</button>}
        {extraActions && <span className="form-actions__end">{extraActions}</span>}
      </div>
    </form>
  );
}
