import { Link } from "react-router-dom";
import { formatDate } from "../../../ui/format";
import type { SearchResult } from "../api/document-text.api";
import { DOCUMENT_TEXT as T } from "../texts";
import { CopiedShare } from "./copied-share";
import "../documents.css";

/** A snippet with its highlighted words. */
function Snippet({ snippet }: { snippet: SearchResult["items"][number]["snippet"] }) {
  const parts: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const h of [...snippet.highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    if (h.start > at) parts.push({ text: snippet.text.slice(at, h.start), mark: false });
    parts.push({ text: snippet.text.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), mark: false });
  return <p className="search-results__snippet">…{parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}…</p>;
}

type Props = { result: SearchResult; unitName: (code: string) => string };

/** Full-text search results, best first. */
export function SearchResults({ result, unitName }: Props) {
  if (result.items.length === 0) return <p className="muted">{T.searchEmpty}</p>;
  return (
    <ol className="search-results" data-testid="search-results">
      {result.items.map(({ document: d, snippet }) => (
        <li key={d.id}>
          <Link to={`/van-ban/${d.id}`}><strong>{d.typeName} {d.number}</strong></Link> ngày {formatDate(d.issuedOn)} — {unitName(d.orgCode)}
          {d.subject ? <> · {d.subject}</> : null}
          {" "}<span className="muted">({T.colCopied}: <CopiedShare share={d.copiedShare} threshold={undefined} />)</span>
          <Snippet snippet={snippet} />
        </li>
      ))}
    </ol>
  );
}
