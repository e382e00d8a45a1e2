import { useId, useState, type FormEvent } from "react";
import { DateInput } from "../../../ui/date-input";
import { ErrorView } from "../../../ui/error-view";
import { Field } from "../../../ui/field";
import { FileField } from "../../../ui/file-field";
import { formatDate, todayLocal } from "../../../ui/format";
import { useDebounced } from "../../../ui/use-debounced";
import { useDocumentList } from "../../documents/hooks/use-documents";
import type { Occurrence, UpdateInput } from "../api/plans.api";
import { periodText } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";

type Evidence = "none" | "document" | "file";

export type ProgressReport = { update: UpdateInput | null; completedOn: string | null };

type Props = {
  occurrence: Occurrence;
  /** the lead unit: evidence documents come from its register (and its subtree's) */
  leadCode: string;
  busy: boolean;
  error: unknown;
  onSubmit: (report: ProgressReport) => void;
  onCancel?: () => void;
};

/** Documents of the lead unit's register to pick as evidence; the search ignores diacritics. */
function DocumentPicker({ leadCode, value, onChange, error }: { leadCode: string; value: string; onChange: (id: string) => void; error?: string | undefined }) {
  const [q, setQ] = useState("");
  const query = useDebounced(q, 300);
  const list = useDocumentList({ org: leadCode, subtree: true, q: query, sort: "-issuedOn", pageSize: 20 });
  const items = list.data?.items ?? [];
  return (
    <div className="form-grid">
      <Field label={T.documentSearch}>
        {(p) => <input {...p} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={T.documentPick} error={error} hint={list.data && items.length === 0 ? T.documentNone : undefined}>
        {(p) => (
          <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{T.pickDocument}</option>
            {items.map((d) => <option key={d.id} value={String(d.id)}>{d.number} ({formatDate(d.issuedOn)}) — {d.subject.slice(0, 80)}</option>)}
          </select>
        )}
      </Field>
    </div>
  );
}

/** Report progress on one occurrence: a note, evidence (a register document or a file) and,
 * when done, the completion day. The status then follows from the dates. */
export function ProgressForm({ occurrence, leadCode, busy, error, onSubmit, onCancel }: Props) {
  const radioName = useId();
  const [note, setNote] = useState("");
  const [evidence, setEvidence] = useState<Evidence>("none");
  const [documentId, setDocumentId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [completed, setCompleted] = useState(false);
  const [completedOn, setCompletedOn] = useState(todayLocal());
  const [badDate, setBadDate] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [docProblem, setDocProblem] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setDocProblem(undefined);
    if (evidence === "document" && documentId === "") return setDocProblem(T.needDocument);
    const hasEvidence = (evidence === "document" && documentId !== "") || (evidence === "file" && file !== null);
    if (note.trim() === "" && !hasEvidence && !completed) return setProblem(T.needSomething);
    if (completed && (badDate || completedOn === "")) return setProblem(T.badDate);
    const update: UpdateInput | null = note.trim() === "" && !hasEvidence ? null : {
      note: note.trim(),
      evidenceDocumentId: evidence === "document" ? Number(documentId) : undefined,
      file: evidence === "file" && file ? file : undefined,
    };
    onSubmit({ update, completedOn: completed ? completedOn : null });
  };

  return (
    <form className="occ-form" onSubmit={submit} noValidate aria-label={T.progressTitle(periodText(occurrence.period), occurrence.due)}>
      <h3>{T.progressTitle(periodText(occurrence.period), occurrence.due)}</h3>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <Field label={T.note} hint={T.noteHint} error={problem}>
          {(p) => <textarea {...p} className="textarea" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <fieldset style={{ border: 0, padding: 0, margin: "4px 0" }}>
          <legend className="field__label">{T.evidence}</legend>
          <div className="radio-row">
            {(["none", "document", "file"] as const).map((k) => (
              <label key={k} className="check">
                <input type="radio" name={radioName} value={k} checked={evidence === k} onChange={() => setEvidence(k)} />
                {k === "none" ? T.evidenceNone : k === "document" ? T.evidenceDocument : T.evidenceFile}
              </label>
            ))}
          </div>
        </fieldset>
        {evidence === "document" && <DocumentPicker leadCode={leadCode} value={documentId} onChange={setDocumentId} error={docProblem} />}
        {evidence === "file" && (
          <FileField label={T.evidenceFileLabel} file={file} onChange={setFile} />
        )}
        <label className="check"><input type="checkbox" checked={completed} onChange={(e) => setCompleted(e.target.checked)} /> {T.completed}</label>
        {completed && (
          <Field label={T.completedDate} hint={T.datePlaceholder} error={badDate ? T.badDate : undefined}>
            {(p) => <DateInput {...p} value={completedOn} onChange={setCompletedOn} onInvalid={setBadDate} placeholder={T.datePlaceholder} />}
          </Field>
        )}
      </fieldset>
      {error ? <ErrorView error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? T.sending : T.submit}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel} disabled={busy}>{T.closeForm}</button>}
      </div>
    </form>
  );
}
