import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canImport, canManage } from "../features/auth/permissions";
import type { ImportKind } from "../features/imports/api/imports.api";
import { ImportForm } from "../features/imports/components/import-form";
import { ImportErrors, ImportSuccess } from "../features/imports/components/import-result";
import { useImport } from "../features/imports/hooks/use-import";
import { IMPORT_TEXT as T } from "../features/imports/texts";
import { ApiError } from "../ui/api-client";
import { ErrorView, ForbiddenView } from "../ui/error-view";
import { APP_TEXT } from "../ui/texts";

/** Nhập dữ liệu: upload a register file, follow the server's progress, then see every row
 * written — or none, with every bad row listed. */
export function ImportPage() {
  const user = useCurrentUser();
  const upload = useImport();
  if (!canImport(user.role)) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;
  const kinds: ImportKind[] = ["documents", "meetings", "tthc", ...(canManage(user.role) ? (["orgs"] as const) : [])];
  const job = upload.data;
  const error = upload.error;
  // refused before the job existed (no right, bad extension, …); bad rows come in the job
  const details = error instanceof ApiError && error.code === "IMPORT_INVALID"
    ? (error.details as { errors?: string[]; errorCount?: number } | undefined)
    : undefined;
  const isAborted = error instanceof DOMException && error.name === "AbortError";
  return (
    <>
      <div className="page-head"><h1>{T.title}</h1></div>
      <p className="page-sub">{T.lead}</p>
      <section className="panel">
        <ImportForm kinds={kinds} busy={upload.isPending} stage={upload.stage} onSubmit={(kind, file) => upload.mutate({ kind, file })} />
      </section>
      {job?.status === "succeeded" && (
        <ImportSuccess key={job.id} result={{ rows: job.rowsDone, inserted: job.inserted, updated: job.updated, ignoredColumns: job.ignoredColumns }} />
      )}
      {job?.status === "failed" && (
        <ImportErrors key={job.id} message={job.error?.message ?? ""} errors={job.errors} errorCount={job.errorCount} />
      )}
      {details ? (
        <ImportErrors message={error instanceof ApiError ? error.message : ""} errors={details.errors ?? []} errorCount={details.errorCount ?? 0} />
      ) : error && !isAborted ? <ErrorView error={error} /> : null}
    </>
  );
}
