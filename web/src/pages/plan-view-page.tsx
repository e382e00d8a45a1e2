import { useMemo } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { exportUrl, type PlanView } from "../features/plans/api/plans.api";
import { TaskImportForm, TaskImportSummary } from "../features/plans/components/task-import-form";
import { TaskTable } from "../features/plans/components/task-table";
import { UnmatchedNames } from "../features/plans/components/unmatched-names";
import { usePlanChain } from "../features/plans/hooks/use-plan-chain";
import { useFixLead, useImportTaskTable, usePlan, useRematch, useSaveAlias, type PlanSavedState } from "../features/plans/hooks/use-plans";
import { unmatchedNamesOf } from "../features/plans/plan-format";
import { PLAN_TEXT as T, TARGET_FIELDS } from "../features/plans/texts";
import "../features/plans/plans.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { Flash } from "../ui/flash";
import { formatNumber } from "../ui/format";

function Summary({ plan }: { plan: PlanView }) {
  const s = plan.summary;
  const items: Array<{ label: string; value: string; tone?: "bad" | "ok" }> = [
    { label: T.sumTasks, value: formatNumber(s.tasks) },
    { label: T.sumGroups, value: formatNumber(s.groups) },
    { label: T.sumAllClear, value: T.shareOf(s.shareAllClear, s.allClear, s.tasks), tone: s.shareAllClear === 100 ? "ok" : "bad" },
    { label: T.sumT2, value: formatNumber(s.t2Breaches), tone: s.t2Breaches > 0 ? "bad" : "ok" },
    { label: T.sumUnmatched, value: formatNumber(s.unmatchedLeads), tone: s.unmatchedLeads > 0 ? "bad" : "ok" },
    { label: T.sumTimeNotClear, value: formatNumber(s.timeNotClear), tone: s.timeNotClear > 0 ? "bad" : "ok" },
    { label: T.sumUnknown, value: formatNumber(s.unknownDeadlines), tone: s.unknownDeadlines > 0 ? "bad" : "ok" },
  ];
  return (
    <dl className="summary-grid" data-testid="plan-summary">
      {items.map((i) => (
        <div key={i.label} className={i.tone ? `is-${i.tone}` : undefined}><dt>{i.label}</dt><dd>{i.value}</dd></div>
      ))}
    </dl>
  );
}

/** A plan: its chain, targets, task table with every check, import, export and name mapping. */
export function PlanViewPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const plan = usePlan(id);
  const chain = usePlanChain(plan.data);
  const { tree } = useOrgs();
  const upload = useImportTaskTable(id ?? 0);
  const rematch = useRematch(id ?? 0);
  const saveAlias = useSaveAlias();
  const fixLead = useFixLead();
  const p = plan.data;
  // a plan just saved from its document: the task-table import made with it (plan-new-page.tsx)
  const saved = useLocation().state as PlanSavedState | null;
  // names may only be mapped to units of the issuer's subtree
  const issuerUnits = useMemo(
    () => (tree && p ? tree.list.filter((u) => tree.pathTo(u.code).some((a) => a.code === p.org.code)) : []),
    [tree, p],
  );
  const unmatched = useMemo(() => (p ? unmatchedNamesOf(p.tasks) : []), [p]);

  if (hasForbidden(plan.error)) return <ForbiddenView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!p) return <div className="skeleton" style={{ height: 420 }} aria-busy="true" />;
  const lastResult = rematch.data ?? upload.data ?? (upload.isIdle ? saved?.imported : undefined);
  const savedProblems = upload.isIdle && !rematch.data ? saved?.importProblems : undefined;
  const targets = p.targets ? TARGET_FIELDS.filter((f) => p.targets?.[f.key] !== undefined) : [];
  return (
    <>
      <p><Link to="/ke-hoach">‹ {T.backToList}</Link></p>
      <div className="page-head">
        <h1>{T.viewTitle(p.type, p.number)}</h1>
        <a className="btn" href={exportUrl(p.id, "xlsx")} download>{T.exportXlsx}</a>
        <a className="btn" href={exportUrl(p.id, "docx")} download>{T.exportDocx}</a>
      </div>
      <Flash />
      <section className="panel" aria-label={p.title}>
        <p style={{ fontWeight: 600 }}>{p.title}</p>
        <p className="plan-meta">{T.issuedBy(p.org.name, p.issuedOn)}</p>
        {chain.data && chain.data.length > 0 && (
          <nav aria-label={T.chain} className="plan-meta">
            <span>{T.chain}:</span>
            <ol className="chain">
              {chain.data.map((c) => <li key={c.id} title={`${c.title} — ${c.org.name}`}>{c.readable ? <Link to={`/ke-hoach/${c.id}`}>{c.number}</Link> : c.number}</li>)}
              <li aria-current="page">{p.number}</li>
            </ol>
          </nav>
        )}
        <h2 style={{ marginTop: 10 }}>{T.targets}</h2>
        {targets.length > 0 ? (
          <ul className="target-list" data-testid="plan-targets">
            {targets.map((f) => <li key={f.key}>{f.label}: <strong>{formatNumber(p.targets?.[f.key] ?? 0)}{f.unit}</strong></li>)}
          </ul>
        ) : <p className="page-sub">{T.noTargets}</p>}
        <p className="page-sub">{T.horizon(p.horizonYear)}</p>
      </section>

      {p.canEdit && (
        <section className="panel" aria-labelledby="import-title">
          <div className="panel__head"><h2 id="import-title">{T.importTitle}</h2></div>
          <TaskImportForm busy={upload.isPending} error={upload.error} onSubmit={(file) => { rematch.reset(); upload.mutate(file); }} />
          {lastResult && <TaskImportSummary result={lastResult} rematch={rematch.data !== undefined} />}
          {savedProblems && savedProblems.length > 0 && (
            <div className="alert alert--error" role="alert" data-testid="task-import-errors">
              <p>{T.importAfterSaveFailed}</p>
              <ul>{savedProblems.map((m) => <li key={m}>{m}</li>)}</ul>
            </div>
          )}
        </section>
      )}
      {p.canEdit && (
        <UnmatchedNames
          names={unmatched}
          units={issuerUnits}
          saving={saveAlias.isPending}
          saveError={saveAlias.error}
          rematching={rematch.isPending}
          onSave={(alias, orgCode) => saveAlias.mutateAsync({ alias, orgCode, scopeCode: p.org.code })}
          onRematch={() => { upload.reset(); rematch.mutate(); }}
        />
      )}
      {rematch.error ? <ErrorView error={rematch.error} /> : null}

      <section className="panel" aria-labelledby="tasks-title">
        <div className="panel__head"><h2 id="tasks-title">{T.summaryTitle}</h2></div>
        <Summary plan={p} />
        {fixLead.error ? <ErrorView error={fixLead.error} /> : null}
        <TaskTable tasks={p.tasks} canEdit={p.canEdit} fixingLead={fixLead.isPending}
          onFixLead={(taskId, orgCode) => fixLead.mutate({ taskId, orgCode })} />
      </section>
    </>
  );
}
