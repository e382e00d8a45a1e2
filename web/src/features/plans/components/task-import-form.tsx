import { useState, type FormEvent } from "react";
import { ApiError } from "../../../ui/api-client";
import { ErrorView } from "../../../ui/error-view";
import { FileField } from "../../../ui/file-field";
import type { TaskImportResult } from "../api/plans.api";
import { PLAN_TEXT as T } from "../texts";

const ACCEPT = ".xlsx,.docx,.md,.markdown,.tsv,.txt,.pdf";

type Props = { busy: boolean; error: unknown; onSubmit: (file: File) => void };

/** Rows the server refused (422 IMPORT_INVALID: "row N: column: reason"). */
function importErrorsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== "IMPORT_INVALID") return null;
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors.filter((e): e is string => typeof e === "string") : [];
}

/** Upload a task table (XLSX, DOCX, Markdown/TSV) or the plan's document (TXT, PDF…) into the plan. */
export function TaskImportForm({ busy, error, onSubmit }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setProblem(T.needFile);
    if (!/\.(xlsx|docx|md|markdown|tsv|txt|text|pdf)$/i.test(file.name)) return setProblem(T.badExtension);
    setProblem(undefined);
    onSubmit(file);
  };
  const rowErrors = importErrorsOf(error);
  return (
    <form onSubmit={submit} noValidate aria-label={T.importTitle}>
      <p className="page-sub">{T.importHint}</p>
      <FileField label={T.file} accept={ACCEPT} file={file} disabled={busy} error={problem}
        onChange={(f) => { setFile(f); setProblem(undefined); }} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>{busy ? T.uploading : T.upload}</button>
      </div>
      {rowErrors ? (
        <div className="alert alert--error" role="alert" data-testid="task-import-errors">
          <p>{T.importFailed}</p>
          <ul>{rowErrors.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      ) : error ? <ErrorView error={error} /> : null}
    </form>
  );
}

/** What an import or a rematch did: counts, fan-out, T2 breaches, deadlines not understood, warnings. */
export function TaskImportSummary({ result, rematch }: { result: TaskImportResult; rematch: boolean }) {
  const changed = result.tasks.updated;
  return (
    <div className="alert alert--ok" role="status" data-testid="task-import-result">
      <p>{rematch ? T.rematchDone(changed) : T.importDone(result.rows, result.tasks.created, result.tasks.updated, result.tasks.unchanged)}</p>
      {result.groups.created + result.groups.updated + result.groups.unchanged > 0 && (
        <p>{T.groupsDone(result.groups.created + result.groups.updated + result.groups.unchanged)}</p>
      )}
      {result.breaches.length > 0 && <p>{T.breachesFound(result.breaches.map((b) => b.tt))}</p>}
      {result.unknownDeadlines.length > 0 && <p>{T.unknownFound(result.unknownDeadlines.length)}</p>}
      {result.readFrom === "document" && result.warnings.length > 0 ? (
        <div data-testid="task-import-not-read">
          <p>{T.readFromDocument}</p>
          <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      ) : result.warnings.length > 0 && (
        <details>
          <summary>{T.warnings} ({result.warnings.length})</summary>
          <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </details>
      )}
    </div>
  );
}
