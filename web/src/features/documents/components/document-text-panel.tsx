import { useState } from "react";
import { Link } from "react-router-dom";
import { ConfirmDialog } from "../../../ui/confirm-dialog";
import { ErrorView } from "../../../ui/error-view";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../../ui/format";
import { APP_TEXT } from "../../../ui/texts";
import type { DocumentText, OfferedFields } from "../api/document-text.api";
import { useApplyOffered, useDeleteText, useDocumentText, useRecheckText, useUploadText } from "../hooks/use-document-text";
import { DOCUMENT_TEXT as T } from "../texts";
import { sharePercent } from "./copied-share";
import { TextUploadForm } from "./text-upload-form";
import "../documents.css";

type Props = { id: number; writable: boolean };

/** A document's text: its copy check (D5), what was read from it, upload / replace / remove. */
export function DocumentTextPanel({ id, writable }: Props) {
  const text = useDocumentText(id);
  const upload = useUploadText(id);
  const remove = useDeleteText(id);
  const recheck = useRecheckText(id);
  const [offered, setOffered] = useState<{ fields: OfferedFields; rechecked: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const data = text.data;
  return (
    <section className="panel" aria-labelledby="text-title" data-testid="document-text">
      <div className="panel__head"><h2 id="text-title">{T.textTitle}</h2></div>
      {text.error ? <ErrorView error={text.error} onRetry={() => void text.refetch()} /> : null}
      {text.isPending ? <div className="skeleton" style={{ height: 120 }} aria-busy="true" /> : null}
      {offered && (
        <OfferedPanel id={id} offered={offered.fields} rechecked={offered.rechecked} writable={writable} onDone={() => setOffered(null)} />
      )}
      {data === null && (
        <>
          <p className="muted">{T.noText}</p>
          {writable && (
            <TextUploadForm busy={upload.isPending} error={upload.error} replacing={false}
              onSubmit={(u) => upload.mutate(u, { onSuccess: (r) => setOffered({ fields: r.offered ?? {}, rechecked: r.rechecked ?? 0 }) })} />
          )}
        </>
      )}
      {data && (
        <>
          <CheckSummary text={data} />
          <p className="muted">{T.fileLine(data.fileName, formatNumber(data.charCount, 0), formatDateTime(data.updatedAt))}</p>
          <div className="text-actions">
            {data.copyCheck && <Link className="btn btn--primary" to={`/van-ban/${id}/doi-chieu`}>{T.openCompare}</Link>}
            {writable && <button type="button" className="btn" disabled={recheck.isPending} onClick={() => recheck.mutate()}>{T.recheck}</button>}
            {writable && <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>{T.deleteText}</button>}
          </div>
          {recheck.error ? <ErrorView error={recheck.error} /> : null}
          {remove.error ? <ErrorView error={remove.error} /> : null}
          {(data.metadata.notes ?? []).length > 0 && (
            <div className="alert alert--info">
              <p>{T.notes}</p>
              <ul>{(data.metadata.notes ?? []).map((n) => <li key={n}>{n}</li>)}</ul>
            </div>
          )}
          <details>
            <summary>{T.showText}</summary>
            <pre className="text-full" data-testid="document-full-text">{data.text}</pre>
          </details>
          {typeof data.metadata.restoredText === "string" && (
            <details data-testid="document-restored-text">
              <summary>{T.showRestored(data.metadata.restorations ?? 0)}</summary>
              <p className="muted">{T.restoredNote}</p>
              <pre className="text-full">{data.metadata.restoredText}</pre>
            </details>
          )}
          {writable && (
            <details>
              <summary>{T.replace}</summary>
              <TextUploadForm busy={upload.isPending} error={upload.error} replacing
                onSubmit={(u) => upload.mutate(u, { onSuccess: (r) => setOffered({ fields: r.offered ?? {}, rechecked: r.rechecked ?? 0 }) })} />
            </details>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={T.confirmDeleteText}
        body={T.confirmDeleteTextBody}
        confirmLabel={APP_TEXT.delete}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirming(false) })}
      />
    </section>
  );
}

/** The share copied from the upper levels against the threshold. */
function CheckSummary({ text }: { text: DocumentText }) {
  const c = text.copyCheck;
  if (!c) return null;
  const threshold = formatPercent(c.thresholdPercent);
  return (
    <div data-testid="copy-summary">
      <div className="text-summary">
        <span>{T.copiedShare}</span>
        <span className={`text-summary__share ${c.overThreshold ? "text-summary__share--over" : ""}`}>{sharePercent(c.copiedShare)}</span>
        <span className="muted">{T.copiedDetail(c.passageCount, c.sourcesCompared)}</span>
      </div>
      <p className={c.overThreshold ? "alert alert--warn" : "muted"}>
        {c.overThreshold ? T.overThreshold(threshold) : T.underThreshold(threshold)} {T.checkedAt(formatDateTime(c.checkedAt))}
      </p>
    </div>
  );
}

/** After an upload: what the text reads differently from the register, to apply in one click. */
function OfferedPanel({ id, offered, rechecked, writable, onDone }: { id: number; offered: OfferedFields; rechecked: number; writable: boolean; onDone: () => void }) {
  const apply = useApplyOffered(id);
  const entries = Object.entries(offered).filter(([, v]) => typeof v === "string" && v !== "");
  const show = (field: string, value: string) => (field === "issuedOn" ? formatDate(value) : value);
  return (
    <div className="alert alert--ok" role="status" data-testid="text-uploaded">
      <p>{T.uploaded(rechecked)}</p>
      {entries.length > 0 && (
        <>
          <p>{T.offeredTitle}:</p>
          <ul className="offered-list">
            {entries.map(([field, value]) => <li key={field}><strong>{T.offeredField[field] ?? field}:</strong> {show(field, value as string)}</li>)}
          </ul>
          {writable && (
            <button type="button" className="btn btn--small" disabled={apply.isPending} onClick={() => apply.mutate(offered, { onSuccess: onDone })}>
              {T.offeredApply}
            </button>
          )}
          {apply.error ? <ErrorView error={apply.error} /> : null}
        </>
      )}
    </div>
  );
}
