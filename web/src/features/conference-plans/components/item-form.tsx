import { useEffect, useRef, useState, type FormEvent } from "react";
import { Field } from "../../../ui/field";
import { formatDate, parseDayInput } from "../../../ui/format";
import { BLOC_LABEL, CATEGORY_LABEL, FORMAT_LABEL, SCOPE_LABEL } from "../../../ui/texts";
import type { BlocCode, Category, Format, PlannedConference, PlannedConferenceInput, Scope } from "../api/conference-plans.api";
import { CONFERENCE_PLAN_TEXT as T } from "../texts";

/** The fields as typed: month and sessions as select/text values, the date as dd/mm/yyyy. */
type Draft = {
  title: string; category: Category; scope: Scope; format: Format; month: string; date: string; sessions: string; chair: string; blocs: BlocCode[];
};

const EMPTY: Draft = { title: "", category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen", month: "", date: "", sessions: "", chair: "", blocs: [] };

function draftOf(item: PlannedConference | undefined): Draft {
  if (!item) return EMPTY;
  return {
    title: item.title, category: item.category, scope: item.scope, format: item.format,
    month: item.plannedMonth === null ? "" : String(item.plannedMonth), date: item.plannedDate ? formatDate(item.plannedDate) : "",
    sessions: item.expectedSessions === null ? "" : String(item.expectedSessions), chair: item.chair, blocs: item.invitedBlocs,
  };
}

type Parsed = { input: PlannedConferenceInput | null; errors: Partial<Record<"title" | "when" | "date" | "sessions", string>> };

/** The request body of a draft, or what is wrong with it. */
function parseDraft(d: Draft): Parsed {
  const errors: Parsed["errors"] = {};
  const date = d.date.trim() === "" ? null : parseDayInput(d.date);
  if (d.date.trim() !== "" && date === null) errors.date = T.badDate;
  if (d.month === "" && d.date.trim() === "") errors.when = T.needWhen;
  const sessions = d.sessions.trim() === "" ? null : Number(d.sessions);
  if (sessions !== null && !(Number.isInteger(sessions) && sessions >= 1)) errors.sessions = "1, 2, 3…";
  if (d.title.trim() === "") errors.title = T.required;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      title: d.title.trim(), category: d.category, scope: d.scope, format: d.format,
      plannedMonth: d.month === "" ? null : Number(d.month), plannedDate: date, expectedSessions: sessions, chair: d.chair.trim(), invitedBlocs: d.blocs,
    },
    errors,
  };
}

/** What the target check reads of the row as typed (null without a title): a half-typed date
 * or duration counts as unset. */
function liveInput(d: Draft): PlannedConferenceInput | null {
  if (d.title.trim() === "") return null;
  const sessions = Number(d.sessions);
  return {
    title: d.title.trim(), category: d.category, scope: d.scope, format: d.format,
    plannedMonth: d.month === "" ? null : Number(d.month), plannedDate: d.date.trim() === "" ? null : parseDayInput(d.date),
    expectedSessions: d.sessions.trim() !== "" && Number.isInteger(sessions) && sessions >= 1 ? sessions : null, chair: d.chair.trim(), invitedBlocs: d.blocs,
  };
}

type Props = {
  /** the planned conference edited; absent = a new one */
  item?: PlannedConference;
  label: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (input: PlannedConferenceInput) => Promise<unknown>;
  onCancel?: () => void;
  /** the row as it stands whenever it changes (null while it has no title yet), for the live check */
  onDraft: (input: PlannedConferenceInput | null) => void;
};

/** A planned conference's fields, inline in the table (edit) or under it (add). */
export function ItemForm({ item, label, busy, submitLabel, onSubmit, onCancel, onDraft }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const [showErrors, setShowErrors] = useState(false);
  const parsed = parseDraft(draft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  // the live check counts the row from its first letter, before it is valid or saved
  const live = liveInput(draft);
  const liveKey = JSON.stringify(live);
  const onDraftRef = useRef(onDraft);
  onDraftRef.current = onDraft;
  useEffect(() => onDraftRef.current(live), [liveKey]); // keyed on the value, not on the object
  useEffect(() => () => onDraftRef.current(null), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (!parsed.input) return;
    await onSubmit(parsed.input);
    if (!item) {
      setDraft(EMPTY);
      setShowErrors(false);
    }
  };
  const err = (k: keyof Parsed["errors"]) => (showErrors ? parsed.errors[k] : undefined);

  return (
    <form className="item-form" aria-label={label} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid form-grid--4">
        <Field label={T.colTitle} error={err("title")} className="span-2">
          {(p) => <input {...p} className="input" value={draft.title} onChange={(e) => set("title", e.target.value)} maxLength={500} />}
        </Field>
        <Field label={T.colCategory}>
          {(p) => (
            <select {...p} className="select" value={draft.category} onChange={(e) => set("category", e.target.value as Category)}>
              {Object.entries(CATEGORY_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.colScope}>
          {(p) => (
            <select {...p} className="select" value={draft.scope} onChange={(e) => set("scope", e.target.value as Scope)}>
              {Object.entries(SCOPE_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.colFormat}>
          {(p) => (
            <select {...p} className="select" value={draft.format} onChange={(e) => set("format", e.target.value as Format)}>
              {Object.entries(FORMAT_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.plannedMonth} error={err("when")}>
          {(p) => (
            <select {...p} className="select" value={draft.month} onChange={(e) => set("month", e.target.value)}>
              <option value="">{T.monthNone}</option>
              {Array.from({ length: 12 }, (_, i) => <option key={i + 1} value={String(i + 1)}>{T.month(i + 1)}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.plannedDate} error={err("date")}>
          {(p) => <input {...p} className="input" inputMode="numeric" placeholder="dd/mm/yyyy" value={draft.date} onChange={(e) => set("date", e.target.value)} />}
        </Field>
        <Field label={T.colSessions} hint={T.sessionsHint} error={err("sessions")}>
          {(p) => <input {...p} className="input" inputMode="numeric" value={draft.sessions} onChange={(e) => set("sessions", e.target.value)} />}
        </Field>
        <Field label={T.colChair}>
          {(p) => <input {...p} className="input" value={draft.chair} onChange={(e) => set("chair", e.target.value)} maxLength={200} />}
        </Field>
        <fieldset className="field bloc-choice">
          <legend>{T.colBlocs}</legend>
          {(Object.keys(BLOC_LABEL) as BlocCode[]).map((b) => (
            <label key={b} className="check">
              <input type="checkbox" checked={draft.blocs.includes(b)}
                onChange={(e) => set("blocs", e.target.checked ? [...draft.blocs, b] : draft.blocs.filter((x) => x !== b))} />
              {BLOC_LABEL[b]}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>{T.cancel}</button>}
      </div>
    </form>
  );
}
