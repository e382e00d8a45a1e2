import { useState } from "react";
import { ConfirmDialog } from "../../../ui/confirm-dialog";
import { ErrorView } from "../../../ui/error-view";
import { formatDateTime } from "../../../ui/format";
import type { CalendarFeed } from "../api/calendar.api";
import { useCreateFeed, useFeeds, useRevokeFeed } from "../hooks/use-calendar";
import { CALENDAR_TEXT as T } from "../texts";

/** The absolute URL a mail client subscribes to. */
const absoluteUrl = (path: string): string => new URL(path, window.location.origin).toString();

/** "Đăng ký lịch (iCalendar)": create a feed URL (shown once, to copy), list and revoke feeds. */
export function FeedPanel({ orgCode, orgName }: { orgCode: string; orgName: string }) {
  const feeds = useFeeds();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [created, setCreated] = useState<CalendarFeed | null>(null);
  const [copied, setCopied] = useState(false);
  const [toRevoke, setToRevoke] = useState<CalendarFeed | null>(null);

  const make = (body: { kind: "unit" | "person"; org?: string }) => {
    setCopied(false);
    create.mutate(body, { onSuccess: (feed) => setCreated(feed) });
  };
  const url = created?.url ? absoluteUrl(created.url) : null;
  return (
    <section className="panel cal-feeds" aria-labelledby="cal-feeds-title">
      <div className="panel__head"><h2 id="cal-feeds-title">{T.feeds}</h2></div>
      <p className="page-sub">{T.feedsHint}</p>
      <div className="cal-feeds__actions">
        <button type="button" className="btn" disabled={create.isPending} onClick={() => make({ kind: "unit", org: orgCode })}>{T.feedUnit(orgName)}</button>
        <button type="button" className="btn" disabled={create.isPending} onClick={() => make({ kind: "person" })} title={T.feedPersonHint}>{T.feedPerson}</button>
      </div>
      <p className="field__hint">{T.feedPersonHint}</p>
      {create.error ? <ErrorView error={create.error} /> : null}
      {url && (
        <div className="alert alert--info" role="status">
          <p>{T.feedCreated}</p>
          <div className="cal-feeds__url">
            <label className="sr-only" htmlFor="cal-feed-url">{T.feedUrl}</label>
            <input id="cal-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="btn btn--small btn--primary"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? T.copied : T.copy}
            </button>
          </div>
        </div>
      )}
      <h3 className="cal-feeds__list-title">{T.feedList}</h3>
      {feeds.error ? <ErrorView error={feeds.error} onRetry={() => void feeds.refetch()} /> : null}
      {feeds.data && feeds.data.length === 0 && <p className="page-sub">{T.noFeeds}</p>}
      {feeds.data && feeds.data.length > 0 && (
        <ul className="cal-feeds__list">
          {feeds.data.map((f) => (
            <li key={f.id}>
              <span>{f.kind === "unit" ? T.feedKindUnit(f.orgName) : T.feedKindPerson(f.orgName)} <span className="page-sub">— {T.feedCreatedAt(formatDateTime(f.createdAt))}</span></span>
              <button type="button" className="btn btn--small" onClick={() => setToRevoke(f)}>{T.revoke}</button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        title={T.revokeTitle}
        body={T.revokeBody}
        confirmLabel={T.revoke}
        busy={revoke.isPending}
        onCancel={() => setToRevoke(null)}
        onConfirm={() => {
          if (!toRevoke) return;
          revoke.mutate(toRevoke.id, {
            onSuccess: () => {
              if (created?.id === toRevoke.id) setCreated(null);
              setToRevoke(null);
            },
          });
        }}
      />
    </section>
  );
}
