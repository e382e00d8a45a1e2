import { useState, type FormEvent } from "react";
import { fieldProblemsOf, ApiError } from "../../../ui/api-client";
import { DateInput } from "../../../ui/date-input";
import { ErrorView } from "../../../ui/error-view";
import { Field } from "../../../ui/field";
import type { TaskDetail } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

type Props = {
  task: TaskDetail;
  busy: boolean;
  error: unknown;
  onSubmit: (body: { eventOn: string | null; dueOn?: string | null }) => void;
};

/** Records the day the event of an event-bound deadline happened ("Sau khi …"): the due then
 * follows from the offset the text names, or is typed here when it names none. */
export function EventForm({ task, busy, error, onSubmit }: Props) {
  const schedule = task.schedule;
  const [eventOn, setEventOn] = useState(task.event?.on ?? "");
  const [dueOn, setDueOn] = useState(task.event?.dueOn ?? "");
  const [badEvent, setBadEvent] = useState(false);
  const [badDue, setBadDue] = useState(false);
  if (schedule.kind !== "event") return null;
  const offset = schedule.offset;
  const problems = error instanceof ApiError ? fieldProblemsOf(error.details) : [];
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.reason;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (badEvent || eventOn === "" || (offset === null && (badDue || dueOn === ""))) return;
    onSubmit(offset === null ? { eventOn, dueOn } : { eventOn });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={T.eventTitle}>
      <p>{T.eventWaits(schedule.event)}</p>
      <p className="page-sub">{offset ? T.eventOffset(offset.days, offset.workingDays) : T.eventNoOffset}</p>
      {task.kind === "group" && <p className="page-sub">{T.eventGroupNote}</p>}
      <div className="form-grid">
        <Field label={T.eventOn} hint={T.datePlaceholder} error={badEvent ? T.badDate : problemOf("eventOn")}>
          {(p) => <DateInput {...p} value={eventOn} onChange={setEventOn} onInvalid={setBadEvent} placeholder={T.datePlaceholder} />}
        </Field>
        {offset === null && (
          <Field label={T.eventDue} hint={T.datePlaceholder} error={badDue ? T.badDate : problemOf("dueOn")}>
            {(p) => <DateInput {...p} value={dueOn} onChange={setDueOn} onInvalid={setBadDue} placeholder={T.datePlaceholder} />}
          </Field>
        )}
      </div>
      {error && problems.length === 0 ? <ErrorView error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{T.eventSave}</button>
        {task.event && <button type="button" className="btn" disabled={busy} onClick={() => onSubmit({ eventOn: null })}>{T.eventClear}</button>}
      </div>
    </form>
  );
}
