import { useId, useState, type FormEvent } from "react";
import { ErrorView } from "../../../ui/error-view";
import type { UnitTask } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

type Props = {
  /** the tasks upper plans assign to this plan's issuer */
  candidates: UnitTask[];
  value: number | null;
  busy: boolean;
  error: unknown;
  onSubmit: (parentTaskId: number | null) => void;
};

/** Links a task of a lower plan to the upper task it concretises (cascade, coverage). */
export function ParentTaskForm({ candidates, value, busy, error, onSubmit }: Props) {
  const id = useId();
  const [choice, setChoice] = useState(value === null ? "" : String(value));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(choice === "" ? null : Number(choice));
  };
  if (candidates.length === 0) return <p className="page-sub">{T.parentNoCandidates}</p>;
  return (
    <form onSubmit={submit} aria-label={T.parentTitle}>
      <p className="page-sub">{T.parentHelp}</p>
      <div className="field">
        <label htmlFor={id}>{T.parentSelect}</label>
        <select id={id} className="select" value={choice} onChange={(e) => setChoice(e.target.value)} disabled={busy}>
          <option value="">{T.parentNoneOption}</option>
          {candidates.map((c) => (
            <option key={c.id} value={String(c.id)}>{c.plan.number} · TT {c.tt}: {c.content.slice(0, 120)}</option>
          ))}
        </select>
      </div>
      {error ? <ErrorView error={error} /> : null}
      <div className="form-actions"><button type="submit" className="btn" disabled={busy}>{T.parentSave}</button></div>
    </form>
  );
}
