import { Controller, useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { KL226_DEFAULTS } from "@server/domain/settings.js";
import { BLOC_LABEL, BLOCS } from "@server/domain/conferences/invitations.js";
import { Field } from "../../../ui/field";
import { formatDate, formatDateTime } from "../../../ui/format";
import type { Finding } from "../api/meetings.api";
import { useInvitableUnits, usePlannedConferences, useUpperConferences } from "../hooks/use-meeting-planning";
import { readDateTime, type MeetingFormInput, type MeetingFormOutput } from "../schema";
import { MEETING_TEXT as T } from "../texts";
import { UnitMultiSelect } from "./unit-multi-select";

type Props = {
  control: Control<MeetingFormInput, unknown, MeetingFormOutput>;
  register: UseFormRegister<MeetingFormInput>;
  errors: FieldErrors<MeetingFormInput>;
  /** the latest check's findings: a reason field shows when a flag asks for it */
  findings: Finding[] | null;
  readOnly: boolean;
};

const OFFSET = KL226_DEFAULTS.sessionConvention.utcOffsetMinutes;
const hasText = (v: unknown) => typeof v === "string" && v.trim() !== "";

/** Local year of a typed date-time (the plan year it belongs to), or null. */
function yearOf(start: unknown): number | null {
  const at = typeof start === "string" ? readDateTime(start) : null;
  return at ? new Date(at.getTime() + OFFSET * 60_000).getUTCFullYear() : null;
}

/** The planning part of the conference form: plan item, chair(s), invitations (M8), the upper
 * conference or guiding document (M6), agenda and papers sent ahead. */
export function MeetingPlanningFields({ control, register, errors: e, findings, readOnly }: Props) {
  const [orgCode, start, invitationReason, repeatReason] = useWatch({ control, name: ["orgCode", "start", "invitationReason", "repeatReason"] });
  const org = typeof orgCode === "string" && orgCode !== "" ? orgCode : null;
  const units = useInvitableUnits(readOnly ? null : org);
  const uppers = useUpperConferences(readOnly ? null : org);
  const planned = usePlannedConferences(org, yearOf(start));
  const asks = (rule: string, fields: string[]) => Boolean(findings?.some((f) => f.rule === rule && f.severity === "warning" && fields.includes(f.field)));
  const showInvitationReason = asks("M8", ["chairs", "invitedBlocs", "invitedOrgCodes"]) || hasText(invitationReason);
  const showRepeatReason = asks("M6", ["repeatReason"]) || hasText(repeatReason);
  const plannedItems = planned.data ?? null;

  return (
    <fieldset style={{ border: 0, padding: 0, margin: "6px 0 0" }} data-testid="meeting-planning">
      <legend className="field__label">{T.planningLegend}</legend>
      <div className="form-grid">
        {plannedItems !== null && !planned.isError && (
          <Field label={T.plannedId} error={e.plannedId?.message} className="span-all">
            {(p) => (
              <select {...p} {...register("plannedId")} className="select">
                <option value="">{T.plannedNone}</option>
                {plannedItems.map((i) => (
                  <option key={i.id} value={String(i.id)}>
                    {i.title} ({i.plannedDate ? formatDate(i.plannedDate) : i.plannedMonth ? T.plannedMonth(i.plannedMonth) : ""})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={T.chairs} hint={T.chairsHint} error={e.chairsText?.message} className="span-all">
          {(p) => <textarea {...p} {...register("chairsText")} className="input" rows={2} />}
        </Field>
        <fieldset className="span-all" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field__label">{T.invitedBlocs}</legend>
          {BLOCS.map((b) => (
            <label key={b} style={{ marginRight: 16 }}>
              <input type="checkbox" value={b} {...register("invitedBlocs")} /> {BLOC_LABEL[b]}
            </label>
          ))}
        </fieldset>
        <Controller
          control={control}
          name="invitedOrgCodes"
          render={({ field }) => (
            <UnitMultiSelect label={T.invitedUnits} units={units.data?.items ?? []} value={(field.value ?? []) as string[]} onChange={field.onChange} disabled={readOnly} />
          )}
        />
        {showInvitationReason && (
          <Field label={T.invitationReason} hint={T.invitationReasonHint} error={e.invitationReason?.message} className="span-all">
            {(p) => <input {...p} {...register("invitationReason")} className="input" autoComplete="off" />}
          </Field>
        )}
        <Field label={T.relatedMeetingId} error={e.relatedMeetingId?.message} className="span-all">
          {(p) => (
            <select {...p} {...register("relatedMeetingId")} className="select">
              <option value="">{T.relatedNone}</option>
              {(uppers.data?.items ?? []).map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.orgName}: {u.title} ({formatDateTime(u.start)}{u.reachedThisLevel ? `, ${T.relatedReached}` : ""})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={T.relatedDocument} hint={T.relatedDocumentHint} error={e.relatedDocument?.message}>
          {(p) => <input {...p} {...register("relatedDocument")} className="input" autoComplete="off" />}
        </Field>
        {showRepeatReason && (
          <Field label={T.repeatReason} hint={T.repeatReasonHint} error={e.repeatReason?.message} className="span-all">
            {(p) => <input {...p} {...register("repeatReason")} className="input" autoComplete="off" />}
          </Field>
        )}
        <Field label={T.agenda} error={e.agenda?.message} className="span-all">
          {(p) => <textarea {...p} {...register("agenda")} className="input" rows={3} />}
        </Field>
        <Field label={T.papersSentAt} hint={T.papersSentAtHint} error={e.papersSentAt?.message}>
          {(p) => <input {...p} {...register("papersSentAt")} className="input" placeholder={T.dateTimePlaceholder} autoComplete="off" />}
        </Field>
      </div>
    </fieldset>
  );
}
