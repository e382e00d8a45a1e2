// Comments anchored to a figure or a section, shown where they belong: under the table row of
// the figure, under the section. A "Góp ý" button opens a composer in place; the receiving level
// reviewing a report collects its comments as drafts sent together with "Trả lại".
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { CommentInput, ReportComment } from "../api/reports.api";
import { anchorBelongs } from "../report-format";
import { REPORT_TEXT as T } from "../texts";

export type CommentTools = {
  comments: ReportComment[];
  drafts: CommentInput[];
  canComment: boolean;
  /** drafts for a return instead of comments sent at once */
  reviewMode: boolean;
  composing: string | null;
  startComment: (anchor: string) => void;
  cancelComment: () => void;
  addDraft: (c: CommentInput) => void;
  removeDraft: (index: number) => void;
  send: (c: CommentInput) => Promise<void>;
  sending: boolean;
  sendError: unknown;
};

const CommentContext = createContext<CommentTools | null>(null);

export function CommentProvider({ tools, children }: { tools: CommentTools; children: ReactNode }) {
  return <CommentContext.Provider value={tools}>{children}</CommentContext.Provider>;
}

/** The comment tools of the page, or null where comments are not shown (e.g. the combined report). */
export function useCommentTools(): CommentTools | null {
  return useContext(CommentContext);
}

/** Which comments belong at a place: a figure row (by its base path) or an exact anchor. */
export type CommentMatch = { base: string } | { anchor: string };
const matches = (m: CommentMatch, anchor: string) => ("base" in m ? anchorBelongs(anchor, m.base) : anchor === m.anchor);

export function useCommentsAt(m: CommentMatch) {
  const tools = useCommentTools();
  if (!tools) return { comments: [], drafts: [] as Array<CommentInput & { index: number }> };
  return {
    comments: tools.comments.filter((c) => matches(m, c.anchor)),
    drafts: tools.drafts.map((d, index) => ({ ...d, index })).filter((d) => matches(m, d.anchor)),
  };
}

/** The "Góp ý" button of a place (only for those who may comment). */
export function CommentButton({ anchor, label }: { anchor: string; label: string }) {
  const tools = useCommentTools();
  if (!tools?.canComment) return null;
  return (
    <button type="button" className="btn btn--comment" aria-label={T.commentOn(label)} aria-expanded={tools.composing === anchor}
      onClick={() => (tools.composing === anchor ? tools.cancelComment() : tools.startComment(anchor))}>
      {T.comment}
    </button>
  );
}

function Composer({ anchor, label }: { anchor: string; label: string }) {
  const tools = useCommentTools();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  useEffect(() => ref.current?.focus(), []);
  if (!tools) return null;
  const done = async () => {
    const text = body.trim();
    if (!text) return;
    if (tools.reviewMode) tools.addDraft({ anchor, body: text });
    else {
      try {
        await tools.send({ anchor, body: text });
      } catch {
        return; // the page shows the server's message; the text stays for another try
      }
    }
    tools.cancelComment();
  };
  return (
    <form className="comment-form" onSubmit={(e) => { e.preventDefault(); void done(); }}>
      <label htmlFor={id} className="field__label">{T.commentBody(label)}</label>
      <textarea id={id} ref={ref} className="textarea" value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000}
        onKeyDown={(e) => { if (e.key === "Escape") tools.cancelComment(); }} />
      <div className="form-actions">
        <button type="submit" className="btn btn--small btn--primary" disabled={!body.trim() || tools.sending}>
          {tools.reviewMode ? T.commentAddToReturn : T.commentSend}
        </button>
        <button type="button" className="btn btn--small" onClick={tools.cancelComment}>{T.commentCancel}</button>
      </div>
    </form>
  );
}

/** The comments of a place, the drafts for a return, and the composer when open here. */
export function CommentThread({ match, anchor, label }: { match: CommentMatch; anchor: string; label: string }) {
  const tools = useCommentTools();
  const { comments, drafts } = useCommentsAt(match);
  const open = tools?.composing === anchor;
  if (comments.length === 0 && drafts.length === 0 && !open) return null;
  return (
    <div data-testid="comment-thread" data-anchor={anchor}>
      {(comments.length > 0 || drafts.length > 0) && (
        <ul className="comments">
          {comments.map((c) => (
            <li key={c.id} className="comment" data-testid="comment">
              {c.body}
              <span className="comment__by">{c.anchorLabel} · {T.commentBy(c.by, c.at, c.version)}</span>
            </li>
          ))}
          {drafts.map((d) => (
            <li key={`d${d.index}`} className="comment comment--draft" data-testid="comment-draft">
              {d.body}
              <span className="comment__by">
                {T.commentDraft} ·{" "}
                <button type="button" className="row-link" onClick={() => tools?.removeDraft(d.index)}>{T.commentRemove}</button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && <Composer anchor={anchor} label={label} />}
    </div>
  );
}

/** True when there is something to show under a row (to draw the extra table row). */
export function useHasThread(match: CommentMatch, anchor: string): boolean {
  const tools = useCommentTools();
  const { comments, drafts } = useCommentsAt(match);
  return comments.length > 0 || drafts.length > 0 || tools?.composing === anchor;
}
