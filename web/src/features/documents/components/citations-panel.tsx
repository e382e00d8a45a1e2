import { Link } from "react-router-dom";
import { ErrorView } from "../../../ui/error-view";
import { formatDate } from "../../../ui/format";
import type { GraphDocument } from "../api/document-text.api";
import { useCitations } from "../hooks/use-document-text";
import { DOCUMENT_TEXT as T } from "../texts";
import "../documents.css";

/** A registered document in the graph: a link when the user may open it. */
function GraphLink({ doc }: { doc: GraphDocument }) {
  const label = `${doc.typeName} ${doc.number} ngày ${formatDate(doc.issuedOn)}`;
  return (
    <>
      {doc.readable ? <Link to={`/van-ban/${doc.id}`}>{label}</Link> : <strong>{label}</strong>}
      {" — "}{doc.orgName}
      {doc.subject ? <span className="muted"> · {doc.subject}</span> : null}
    </>
  );
}

/** What the document implements (the documents its text cites) and what implements it. */
export function CitationsPanel({ id }: { id: number }) {
  const q = useCitations(id);
  const data = q.data;
  return (
    <section className="panel" aria-labelledby="citations-title" data-testid="citations">
      <div className="panel__head"><h2 id="citations-title">{T.citationsTitle}</h2></div>
      {q.error ? <ErrorView error={q.error} onRetry={() => void q.refetch()} /> : null}
      {!data && !q.error ? <div className="skeleton" style={{ height: 80 }} aria-busy="true" /> : null}
      {data && (
        <div className="citations">
          <div data-testid="implements">
            <h3>{T.implementsTitle}</h3>
            {data.implements.length === 0 ? <p className="muted">{T.noReferences}</p> : (
              <ul>
                {data.implements.map((r) => (
                  <li key={`${r.number}-${r.citedOn ?? ""}`}>
                    {r.document ? <GraphLink doc={r.document} /> : (
                      <>
                        {r.number}{r.citedOn ? ` ${T.citedOn(formatDate(r.citedOn))}` : ""}{r.issuer ? ` — ${r.issuer}` : ""}{" "}
                        <span className="badge badge--neutral">{T.notRegistered}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div data-testid="implemented-by">
            <h3>{T.implementedByTitle}</h3>
            {data.implementedBy.length === 0 && data.implementedByHidden === 0 ? <p className="muted">{T.noImplementers}</p> : (
              <ul>
                {data.implementedBy.map((d) => <li key={d.id}><GraphLink doc={d} /></li>)}
                {data.implementedByHidden > 0 && <li className="muted">{T.hiddenImplementers(data.implementedByHidden)}</li>}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
