import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { ConclusionFormOutput } from "../features/conference-page/schema";
import { ConferenceFactsPanel, ConferenceFindingsList } from "../features/conference-page/components/conference-facts";
import { ConclusionForm } from "../features/conference-page/components/conclusion-form";
import { ConclusionsList } from "../features/conference-page/components/conclusions-panel";
import { PapersPanel } from "../features/conference-page/components/papers-panel";
import {
  useConclusions, useConference, useDeletePaper, useMarkPapersSent, usePapers, useRecordConclusions, useUploadPaper,
} from "../features/conference-page/hooks/use-conference-page";
import { CONFERENCE_TEXT as T } from "../features/conference-page/texts";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import "../features/plans/plans.css";
import "../features/conference-page/conference-page.css";
import { ApiError, fieldProblemsOf } from "../ui/api-client";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";

/** A conference (/hoi-nghi/:id/chi-tiet): its facts and findings, its papers and their sending to
 * delegates, and its conclusion notice with each conclusion followed as a task. */
export function ConferencePage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const facts = useConference(id);
  const papers = usePapers(id);
  const conclusions = useConclusions(id);
  const upload = useUploadPaper(id ?? 0);
  const removePaper = useDeletePaper(id ?? 0);
  const markSent = useMarkPapersSent(id ?? 0);
  const record = useRecordConclusions(id ?? 0);
  const { tree } = useOrgs();
  const [flash, setFlash] = useState<string | null>(null);
  const hostCode = facts.data?.orgCode ?? null;
  // who may lead a conclusion: the host unit and the units under it ("rõ thẩm quyền")
  const leads = useMemo(
    () => (tree && hostCode ? tree.list.filter((u) => tree.pathTo(u.code).some((a) => a.code === hostCode)) : []),
    [tree, hostCode],
  );
  if (hasForbidden(facts.error, papers.error, conclusions.error)) return <ForbiddenView />;
  if (facts.error) return <ErrorView error={facts.error} onRetry={() => void facts.refetch()} />;
  const f = facts.data;
  if (!f || id === null) return <div className="skeleton" style={{ height: 420 }} aria-busy="true" />;
  const unitName = tree?.byCode.get(f.orgCode)?.name ?? f.orgCode;
  const saveError = record.error instanceof ApiError ? record.error : null;
  const problems = saveError ? fieldProblemsOf(saveError.details) : [];
  const c = conclusions.data;
  return (
    <>
      <p><Link to="/hoi-nghi">‹ {T.backToList}</Link></p>
      <div className="page-head">
        <h1>{f.title}</h1>
        <Link className="btn" to={`/hoi-nghi/${f.id}`}>{T.edit}</Link>
      </div>
      {flash && <div className="alert alert--ok" role="status">{flash}</div>}
      <div className="conference-grid">
        <ConferenceFactsPanel facts={f} unitName={unitName} />
        {papers.data ? (
          <PapersPanel
            view={papers.data}
            uploading={upload.isPending}
            uploadError={upload.error}
            onUpload={(file, title, done) => upload.mutate({ file, title }, { onSuccess: () => { done(); setFlash(T.uploaded); } })}
            deleting={removePaper.isPending}
            deleteError={removePaper.error}
            onDelete={(paper, done) => removePaper.mutate(paper.id, { onSuccess: () => setFlash(T.deleted), onSettled: done })}
            marking={markSent.isPending}
            markError={markSent.error}
            onMarkSent={(sentAt) => markSent.mutate(sentAt, { onSuccess: () => setFlash(T.marked) })}
          />
        ) : papers.error ? <ErrorView error={papers.error} /> : <div className="skeleton" style={{ height: 240 }} aria-busy="true" />}
      </div>
      {f.findings && <ConferenceFindingsList findings={f.findings} />}
      <section className="panel" aria-labelledby="conclusions-title" data-testid="conclusions-panel">
        <div className="panel__head"><h2 id="conclusions-title">{T.conclusionsTitle}</h2></div>
        {conclusions.error ? <ErrorView error={conclusions.error} /> : null}
        {c ? <ConclusionsList view={c} /> : !conclusions.error && <div className="skeleton" style={{ height: 160 }} aria-busy="true" />}
        {c?.canEdit && c.ended && (
          <>
            <h3 className="fact-list__sub">{c.notice ? T.addConclusions : T.recordNotice}</h3>
            {saveError && problems.length === 0 && <div className="alert alert--error" role="alert">{saveError.message}</div>}
            <ConclusionForm
              key={c.notice?.planId ?? "new"}
              isFirstNotice={c.notice === null}
              leads={leads}
              busy={record.isPending}
              serverProblems={problems}
              onSubmit={(values: ConclusionFormOutput, reset) => record.mutate(values, {
                onSuccess: (saved) => {
                  reset();
                  const created = saved.conclusions.filter((x) => saved.createdTaskIds.includes(x.id));
                  setFlash(T.savedConclusions(created.length, created.filter((x) => x.flags.allClear !== true).length));
                },
              })}
            />
          </>
        )}
      </section>
    </>
  );
}
