import { useMemo, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { DocumentForm } from "../features/documents/components/document-form";
import { CitationsPanel } from "../features/documents/components/citations-panel";
import { DocumentTextPanel } from "../features/documents/components/document-text-panel";
import { FillFromFile } from "../features/documents/components/fill-from-file";
import { uploadDocumentText, type DraftResult } from "../features/documents/api/document-text.api";
import { useDeleteDocument, useDocument, useSaveDocument } from "../features/documents/hooks/use-documents";
import type { DocumentFormInput } from "../features/documents/schema";
import { DOCUMENT_TEXT as T } from "../features/documents/texts";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ApiError, fieldProblemsOf } from "../ui/api-client";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { formatDate, todayLocal } from "../ui/format";
import { APP_TEXT } from "../ui/texts";

/** Add (/van-ban/moi) or view/edit/delete (/van-ban/:id) one document. */
export function DocumentEditPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const user = useCurrentUser();
  const { org } = useScope();
  const { tree } = useOrgs();
  const navigate = useNavigate();
  const location = useLocation();
  const existing = useDocument(id);
  const save = useSaveDocument(id);
  const remove = useDeleteDocument();
  const [confirming, setConfirming] = useState(false);
  // "register from file": the draft read from a file, and the file to attach as the text once saved
  const [fromFile, setFromFile] = useState<{ draft: DraftResult["draft"]; file: File; version: number } | null>(null);
  const writable = canWrite(user.role);
  const listLink = { pathname: "/van-ban", search: location.search };

  const initial = useMemo<DocumentFormInput | null>(() => {
    if (id === null) {
      const d = fromFile?.draft;
      return {
        orgCode: d?.orgCode ?? org, number: d?.number ?? "", type: d?.type ?? "CV", issuedOn: formatDate(d?.issuedOn ?? todayLocal()),
        subject: d?.subject ?? "", signer: d?.signer ?? "",
        digitized: true, sentElectronically: true, secret: false, legalNormative: false,
      };
    }
    const d = existing.data;
    if (!d) return null;
    return {
      orgCode: d.orgCode, number: d.number, type: d.type, issuedOn: formatDate(d.issuedOn), subject: d.subject, signer: d.signer ?? "",
      digitized: d.digitized, sentElectronically: d.sentElectronically, secret: d.secret, legalNormative: d.legalNormative,
    };
  }, [id, existing.data, org, fromFile]);

  if (hasForbidden(existing.error)) return <ForbiddenView />;
  if (id === null && !writable) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;
  const saveError = save.error instanceof ApiError ? save.error : null;
  const title = id === null ? T.newTitle : T.editTitle(existing.data?.number ?? "");
  return (
    <>
      <p><Link to={listLink}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{title}</h1></div>
      {existing.error ? <ErrorView error={existing.error} /> : null}
      {id !== null && !writable && <div className="alert alert--info">{T.viewOnly}</div>}
      {saveError && fieldProblemsOf(saveError.details).length === 0 && <div className="alert alert--error" role="alert">{saveError.message}</div>}
      {id === null && writable && (
        <FillFromFile onDraft={(r, file) => setFromFile((prev) => ({ draft: r.draft, file, version: (prev?.version ?? 0) + 1 }))} />
      )}
      <section className="panel">
        {initial && tree ? (
          <DocumentForm
            key={id === null ? `new-${fromFile?.version ?? 0}` : `${id}-${existing.data?.updatedAt ?? ""}`}
            initial={initial}
            units={tree.list}
            readOnly={!writable}
            busy={save.isPending}
            serverProblems={saveError ? fieldProblemsOf(saveError.details) : []}
            extraActions={id !== null && writable ? (
              <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>{T.delete}</button>
            ) : undefined}
            onSubmit={(values) =>
              save.mutate(values, {
                onSuccess: (saved) => {
                  if (id !== null || !fromFile) return navigate(listLink, { state: { flash: T.saved } });
                  // attach the file the form was filled from as the new document's text, then show it
                  const open = () => navigate({ pathname: `/van-ban/${saved.id}`, search: location.search });
                  uploadDocumentText(saved.id, { file: fromFile.file }).then(open, open);
                },
              })
            }
          />
        ) : <div className="skeleton" style={{ height: 360 }} aria-busy="true" />}
      </section>
      {id !== null && existing.data && <DocumentTextPanel id={id} writable={writable} />}
      {id !== null && existing.data && <CitationsPanel id={id} />}
      {remove.error ? <ErrorView error={remove.error} /> : null}
      <ConfirmDialog
        open={confirming}
        title={T.confirmDeleteTitle}
        body={T.confirmDeleteBody(existing.data?.number ?? "")}
        confirmLabel={APP_TEXT.delete}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          id !== null &&
          remove.mutate(id, {
            onSuccess: () => navigate(listLink, { state: { flash: APP_TEXT.deleted } }),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </>
  );
}
