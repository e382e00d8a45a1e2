import { Link, useParams } from "react-router-dom";
import { CopyCompare } from "../features/documents/components/copy-compare";
import { useCopyView } from "../features/documents/hooks/use-document-text";
import { DOCUMENT_TEXT as T } from "../features/documents/texts";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** /van-ban/:id/doi-chieu — side by side: the document's copied passages and their sources (D5). */
export function DocumentTextPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const view = useCopyView(id);
  if (hasForbidden(view.error)) return <ForbiddenView />;
  return (
    <>
      <p><Link to={id === null ? "/van-ban" : `/van-ban/${id}`}>‹ {T.backToDocument}</Link></p>
      <div className="page-head"><h1>{T.compareTitle(view.data?.document.number ?? "")}</h1></div>
      {view.error ? <ErrorView error={view.error} onRetry={() => void view.refetch()} /> : null}
      {view.data ? <CopyCompare view={view.data} /> : !view.error ? <div className="skeleton" style={{ height: 480 }} aria-busy="true" /> : null}
    </>
  );
}
