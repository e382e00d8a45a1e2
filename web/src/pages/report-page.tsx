import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { exportUrl, type CommentInput, type Narrative, type NarrativeSection, type ReportMeta, type ReportPatch, type ReportView } from "../features/reports/api/reports.api";
import { CommentButton, CommentProvider, CommentThread, type CommentTools } from "../features/reports/components/comments";
import { BreachList, BreakdownTable, FigureTables, IndicatorTable } from "../features/reports/components/figure-tables";
import { MetaForm } from "../features/reports/components/meta-form";
import { NarrativeSections } from "../features/reports/components/narrative-sections";
import { QualityFlags } from "../features/reports/components/quality-flags";
import { ReportStatusBadge } from "../features/reports/components/report-status";
import { EventLog, VersionHistory } from "../features/reports/components/version-history";
import { ActionError, WorkflowPanel } from "../features/reports/components/workflow-panel";
import {
  useAcceptReport, useAddComment, useCorrectReport, usePatchReport, useReport, useReturnReport, useSubmitReport,
} from "../features/reports/hooks/use-reports";
import { lastDayBefore, shownBases, anchorBelongs } from "../features/reports/report-format";
import { capitalize, REPORT_TEXT as T } from "../features/reports/texts";
import "../features/reports/reports.css";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

type Edits = { narrative?: Partial<Narrative>; explanations?: Record<string, string>; meta?: ReportMeta };

/** The patch of the unsaved edits (recipients trimmed, empty lines dropped), or null. */
function patchOf(edits: Edits): ReportPatch | null {
  const patch: ReportPatch = {};
  if (edits.narrative && Object.keys(edits.narrative).length) patch.narrative = edits.narrative;
  if (edits.explanations && Object.keys(edits.explanations).length) patch.explanations = edits.explanations;
  if (edits.meta) {
    const m = edits.meta;
    patch.meta = {
      number: m.number?.trim() ?? "", place: m.place?.trim() ?? "", signerTitle: m.signerTitle?.trim() ?? "", signerName: m.signerName?.trim() ?? "",
      recipients: (m.recipients ?? []).map((r) => r.trim()).filter(Boolean),
    };
  }
  return Object.keys(patch).length ? patch : null;
}

function Body({ view }: { view: ReportView }) {
  const [edits, setEdits] = useState<Edits>({});
  const [drafts, setDrafts] = useState<CommentInput[]>([]);
  const [composing, setComposing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const patch = usePatchReport(view.id);
  const submit = useSubmitReport(view.id);
  const accept = useAcceptReport(view.id);
  const ret = useReturnReport(view.id);
  const correct = useCorrectReport(view.id);
  const comment = useAddComment(view.id);
  const actions = [patch, submit, accept, ret, correct];
  const busy = actions.some((a) => a.isPending);
  const error = actions.find((a) => a.error)?.error ?? null;
  const resetOthers = (keep: { reset: () => void }) => actions.forEach((a) => a !== keep && a.reset());

  const editable = view.rights.prepare && (view.stage === "draft" || view.stage === "returned");
  const reviewMode = view.stage === "submitted" && view.rights.review;
  const narrative: Narrative = { ...view.narrative, ...edits.narrative };
  const explanations: Record<string, string> = {
    ...Object.fromEntries(view.flags.map((f) => [f.key, f.explanation ?? ""])),
    ...edits.explanations,
  };
  const meta: ReportMeta = edits.meta ?? view.meta;
  const pending = patchOf(edits);
  const dirty = pending !== null;
  const unexplained = view.flags.filter((f) => !(explanations[f.key] ?? "").trim()).length;

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const done = (text: string) => ({ onSuccess: () => { setEdits({}); setMessage(text); } });
  const tools: CommentTools = {
    comments: view.comments, drafts, canComment: view.rights.comment || view.rights.review, reviewMode, composing,
    startComment: (a) => { setComposing(a); setMessage(null); },
    cancelComment: () => setComposing(null),
    addDraft: (c) => setDrafts((d) => [...d, c]),
    removeDraft: (i) => setDrafts((d) => d.filter((_, j) => j !== i)),
    send: async (c) => { await comment.mutateAsync(c); setMessage(T.commentAdded); },
    sending: comment.isPending, sendError: comment.error,
  };
  const bases = useMemo(() => shownBases(view.content), [view.content]);
  const general = view.comments.filter((c) => c.anchor === "report" || (c.anchor.startsWith("figure:") && !bases.some((b) => anchorBelongs(c.anchor, b))));
  const c = view.content;
  const name = capitalize(view.periodName);
  const latest = view.versions[view.versions.length - 1];

  return (
    <CommentProvider tools={tools}>
      <p><Link to={`/bao-cao?org=${encodeURIComponent(view.org?.code ?? "")}&year=${view.period.slice(0, 4)}`}>‹ {T.backToSchedule}</Link></p>
      <div className="page-head">
        <h1 data-testid="report-title">{T.reportTitle(name)} — {view.org?.name ?? T.unknownUnit}</h1>
        <ReportStatusBadge status={view.status} label={view.statusLabel} />
        <a className="btn" href={exportUrl(view.id, "docx")} download>{T.exportDocx}</a>
        <a className="btn" href={exportUrl(view.id, "xlsx")} download>{T.exportXlsx}</a>
      </div>
      <ul className="report-meta" data-testid="report-facts">
        {view.deadline && <li>{T.deadline(view.deadline.text, view.deadline.lastDay)}</li>}
        {view.recipient && <li>{T.recipient(view.recipient.name, view.via)}</li>}
        <li>{T.dataRange(c.range.start, lastDayBefore(c.range.end))}</li>
        <li data-testid="figures-state">{view.live ? T.liveFigures(c.computedAt) : latest ? T.frozenFigures(latest.version, latest.submittedAt) : ""}</li>
        {view.firstSubmittedAt && <li>{T.firstSent(view.firstSubmittedAt, view.onTime)}</li>}
        {view.live && <li>{T.exportDraftNote}</li>}
      </ul>
      <ActionError error={comment.error} />

      <div className="report-layout">
        <div className="report-main">
          <section className="panel" aria-labelledby="flags-title">
            <div className="panel__head"><h2 id="flags-title">{T.flagsTitle}</h2>{view.flags.length > 0 && <span className="page-sub">{T.flagsLead}</span>}</div>
            <QualityFlags flags={view.flags} explanations={explanations} editable={editable}
              onChange={(k, text) => { setMessage(null); setEdits((e) => ({ ...e, explanations: { ...e.explanations, [k]: text } })); }} />
          </section>

          <section className="panel" aria-labelledby="narrative-title">
            <div className="panel__head"><h2 id="narrative-title">{T.narrativeTitle}</h2></div>
            <NarrativeSections narrative={narrative} editable={editable}
              onChange={(s: NarrativeSection, text) => { setMessage(null); setEdits((e) => ({ ...e, narrative: { ...e.narrative, [s]: text } })); }} />
          </section>

          <section className="panel" aria-labelledby="figures-title">
            <div className="panel__head"><h2 id="figures-title">{T.figuresTitle}</h2></div>
            <FigureTables figures={c.figures} />
            <IndicatorTable content={c} />
            <h3 style={{ marginTop: 12 }}>{T.breachesTitle}</h3>
            <BreachList content={c} />
            {c.notes.length > 0 && (
              <>
                <h3 style={{ marginTop: 12 }}>{T.notesTitle}</h3>
                <ul className="flag-list">{c.notes.map((note) => <li key={note} className="flag--note">{note}</li>)}</ul>
              </>
            )}
          </section>

          {c.breakdown && (
            <section className="panel" aria-labelledby="breakdown-title">
              <div className="panel__head"><h2 id="breakdown-title">{T.breakdownTitle(c.breakdown.accepted, c.breakdown.expected)}</h2></div>
              <BreakdownTable breakdown={c.breakdown} year={Number(view.period.slice(0, 4))} />
            </section>
          )}

          <MetaForm meta={meta} editable={editable} onChange={(m) => { setMessage(null); setEdits((e) => ({ ...e, meta: m })); }} />

          <section className="panel" aria-labelledby="versions-title">
            <div className="panel__head"><h2 id="versions-title">{T.versionsTitle}</h2></div>
            <VersionHistory key={`${latest?.version ?? 0}-${view.live}`} view={view} />
          </section>
        </div>

        <aside className="report-side" aria-label={T.workflowTitle}>
          <WorkflowPanel
            view={view} editable={editable} dirty={dirty} unexplained={unexplained} drafts={drafts.length} busy={busy} message={message} error={error}
            onSave={() => { resetOthers(patch); if (pending) patch.mutate(pending, done(T.saved)); }}
            onSubmit={() => { resetOthers(submit); submit.mutate(pending, done(T.submitted)); }}
            onAccept={(note) => { resetOthers(accept); accept.mutate(note, done(T.accepted)); }}
            onReturn={(reason) => { resetOthers(ret); ret.mutate({ reason, comments: drafts }, { onSuccess: () => { setDrafts([]); setComposing(null); setMessage(T.returned); } }); }}
            onCorrect={(reason) => { resetOthers(correct); correct.mutate(reason, done(T.corrected)); }}
          />
          <section className="panel" aria-labelledby="general-comments-title" data-testid="general-comments">
            <div className="panel__head">
              <h2 id="general-comments-title">{T.commentsTitle(general.length)}</h2>
              <CommentButton anchor="report" label={T.wholeReport} />
            </div>
            {general.length === 0 && composing !== "report" && <p className="page-sub">{T.noComments}</p>}
            <ul className="comments">
              {general.filter((g) => g.anchor !== "report").map((g) => (
                <li key={g.id} className="comment"><span className="comment__anchor">{g.anchorLabel}: </span>{g.body}</li>
              ))}
            </ul>
            <CommentThread match={{ anchor: "report" }} anchor="report" label={T.wholeReport} />
          </section>
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title">{T.historyTitle}</h2>
            <EventLog events={view.events} />
          </section>
        </aside>
      </div>
    </CommentProvider>
  );
}

/** A report: figures filled from the registers, quality flags with explanations, the four
 * written sections, the workflow (send, accept, return with comments, correct), versions with
 * their diff, comments where they belong, history and the DOCX/XLSX exports. */
export function ReportPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const report = useReport(id);
  if (hasForbidden(report.error)) return <ForbiddenView />;
  if (report.error) return <ErrorView error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <div className="skeleton" style={{ height: 480 }} aria-busy="true" />;
  return <Body key={report.data.id} view={report.data} />;
}
