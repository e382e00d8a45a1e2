import { useState, type FormEvent } from "react";
import { ErrorView } from "../../../ui/error-view";
import { isTextFileName, TEXT_FILE_ACCEPT } from "../../documents/components/text-upload-form";
import type { PlanDraftResult } from "../api/plans.api";
import { useDraftPlan } from "../hooks/use-plans";
import { FileField } from "../../../ui/file-field";
import { PLAN_TEXT as T } from "../texts";

type Props = { onDraft: (result: PlanDraftResult, file: File) => void };

/** "Điền từ văn bản": the plan's document is read on the server into the form; its task table is imported once the plan is saved. */
export function PlanFromDocument({ onDraft }: Props) {
  const draft = useDraftPlan();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<{ result: PlanDraftResult; fileName: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem(T.fromDocNeedFile);
    if (!isTextFileName(file.name)) return setProblem(T.fromDocBadExtension);
    setProblem(undefined);
    draft.mutate(file, { onSuccess: (r) => { setDone({ result: r, fileName: file.name }); onDraft(r, file); } });
  };
  const r = done?.result;
  return (
    <section className="panel" aria-labelledby="from-doc-title" data-testid="plan-from-document">
      <div className="panel__head"><h2 id="from-doc-title">{T.fromDocTitle}</h2></div>
      <p className="page-sub">{T.fromDocHint}</p>
      <form onSubmit={submit} noValidate className="form-actions">
        <FileField label={T.fromDocFile} accept={TEXT_FILE_ACCEPT} file={file} disabled={draft.isPending} error={problem}
          onChange={(f) => { setFile(f); setProblem(undefined); }} />
        <button type="submit" className="btn" disabled={draft.isPending}>{draft.isPending ? T.fromDocReading : T.fromDocRead}</button>
      </form>
      {draft.error ? <ErrorView error={draft.error} /> : null}
      {r && done && (
        <div className="alert alert--ok" role="status" data-testid="plan-from-document-result">
          <p>{T.fromDocDone(done.fileName)}</p>
          {r.draft.orgCode === null && <p>{T.fromDocNoUnit(r.unitCandidates.map((c) => c.name))}</p>}
          {r.parentPlan && <p>{T.fromDocParent(r.parentPlan.number)}</p>}
          <p>{r.tasks > 0 ? T.fromDocTasks(r.tasks) : T.fromDocNoTasks}</p>
          {r.notes.length > 0 && <ul>{r.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
