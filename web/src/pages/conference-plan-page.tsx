import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { checkConferencePlan, type PlannedConferenceInput as CheckInput } from "@server/domain/conferences/conference-plan.js";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import type { ConferencePlanView, PlannedConferenceInput } from "../features/conference-plans/api/conference-plans.api";
import { IssueDialog } from "../features/conference-plans/components/issue-dialog";
import { ItemForm } from "../features/conference-plans/components/item-form";
import { PlannedTable } from "../features/conference-plans/components/planned-table";
import { PlannedVsHeld } from "../features/conference-plans/components/planned-vs-held";
import { TargetCheck } from "../features/conference-plans/components/target-check";
import "../features/conference-plans/conference-plans.css";
import { useConferencePlan, useConferencePlanWrites } from "../features/conference-plans/hooks/use-conference-plan";
import { CONFERENCE_PLAN_TEXT as T } from "../features/conference-plans/texts";
import { OrgPicker } from "../features/scope/components/org-picker";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { todayLocal } from "../ui/format";

/** The year in the URL (?year=), this year by default. */
function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayLocal().slice(0, 4));
  const raw = Number(params.get("year"));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : thisYear;
  const setYear = (y: number) => setParams((prev) => { const next = new URLSearchParams(prev); next.set("year", String(y)); return next; });
  return [year, setYear];
}

/** The row being typed (new or edited), so the check runs on the list as it will be. */
type Pending = { editId: number | null; edit: PlannedConferenceInput | null; added: PlannedConferenceInput | null };

/** The plan's list as the live check sees it: the edited row replaced, the new row appended. */
function listToCheck(view: ConferencePlanView, pending: Pending): { list: CheckInput[]; ids: Array<number | null> } {
  const list: CheckInput[] = view.items.map((i) => (pending.editId === i.id && pending.edit ? pending.edit : i));
  const ids: Array<number | null> = view.items.map((i) => i.id);
  if (pending.added) { list.push(pending.added); ids.push(null); }
  return { list, ids };
}

/** Kế hoạch tổ chức hội nghị: a unit's annual conference plan (M7), its live target check,
 * its deadline and issue, and planned vs held through the year. */
export function ConferencePlanPage() {
  const user = useCurrentUser();
  const { tree } = useOrgs();
  const { org, setScope, scopeSearch } = useScope();
  const [year, setYear] = useYear();
  const query = useConferencePlan(org, year);
  const view = query.data;
  const writes = useConferencePlanWrites(org, year, view?.plan?.id ?? null);
  const [pending, setPending] = useState<Pending>({ editId: null, edit: null, added: null });
  const [issuing, setIssuing] = useState(false);
  const [deletingPlan, setDeletingPlan] = useState(false);
  const onAddDraft = useCallback((added: PlannedConferenceInput | null) => setPending((p) => ({ ...p, added })), []);
  const onEditDraft = useCallback((editId: number | null, edit: PlannedConferenceInput | null) => setPending((p) => ({ ...p, editId, edit })), []);

  const live = useMemo(() => {
    if (!view) return null;
    const { list, ids } = listToCheck(view, pending);
    const check = checkConferencePlan(list, { year: view.year, lastYearHeld: view.check.counts.lastYearHeld, rules: view.check.rules });
    const flags = new Map<number, string[]>();
    for (const f of check.findings) for (const i of f.items) {
      const id = ids[i];
      if (id !== null && id !== undefined) flags.set(id, [...new Set([...(flags.get(id) ?? []), f.rule])]);
    }
    return { check, flags };
  }, [view, pending]);

  if (hasForbidden(query.error)) return <ForbiddenView />;
  const busy = Object.values(writes).some((m) => m.isPending);
  const years = Array.from({ length: 5 }, (_, i) => Number(todayLocal().slice(0, 4)) + 1 - i);
  if (!years.includes(year)) years.push(year);
  const plan = view?.plan ?? null;
  const editable = Boolean(view?.canEdit && plan && !plan.isIssued);

  return (
    <>
      <div className="page-head">
        <h1>{T.title(year)}</h1>
      </div>
      <p className="page-sub">{T.lead}</p>
      <div className="plan-filters">
        <OrgPicker tree={tree} value={org} onChange={(code) => setScope({ org: code })} label={T.unit} />
        <div className="field">
          <label htmlFor="plan-year">{T.year}</label>
          <select id="plan-year" className="select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      </div>
      {query.error ? <ErrorView error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!view ? (!query.error && <div className="skeleton" style={{ height: 300 }} aria-busy="true" />) : (
        <>
          <section className="panel plan-status" data-testid="plan-status">
            <div className="plan-status__line">
              <strong>{view.org.name}</strong>
              <span>{T.deadline(view.timeliness.deadline)}</span>
              <span className={`status status--${view.timeliness.status}`} data-status={view.timeliness.status}>{view.timeliness.statusText}</span>
            </div>
            {plan ? <p>{plan.isIssued && plan.issuedOn ? T.issued(plan.number, plan.issuedOn) : T.draft}</p> : <p>{T.noPlan}</p>}
            {plan?.isIssued && <p className="page-sub">{T.locked}</p>}
            {!view.canEdit && !plan?.isIssued && <p className="page-sub">{T.viewOnly}</p>}
            <div className="form-actions">
              {!plan && view.canEdit && canWrite(user.role) && (
                <button type="button" className="btn btn--primary" disabled={busy} onClick={() => writes.create.mutate()}>{T.createPlan(year)}</button>
              )}
              {editable && <button type="button" className="btn btn--primary" onClick={() => setIssuing(true)}>{T.issue}</button>}
              {editable && <button type="button" className="btn btn--ghost" onClick={() => setDeletingPlan(true)}>{T.deletePlan}</button>}
            </div>
            {writes.create.error ? <ErrorView error={writes.create.error} /> : null}
          </section>

          {plan && live && (
            <div className="plan-grid">
              <section className="panel" aria-labelledby="items-title">
                <div className="panel__head"><h2 id="items-title">{T.itemsTitle}</h2></div>
                <PlannedTable items={view.items} canEdit={editable} busy={busy} flags={live.flags} search={scopeSearch} meetings={view.progress.meetings}
                  onSave={(itemId, body) => writes.update.mutateAsync({ itemId, body })}
                  onDelete={(itemId) => writes.removeItem.mutateAsync(itemId)}
                  onEditDraft={onEditDraft} />
                {[writes.add.error, writes.update.error, writes.removeItem.error].map((e, i) => (e ? <ErrorView key={i} error={e} /> : null))}
                {editable && (
                  <div className="add-item">
                    <h3 className="sub-title">{T.addTitle}</h3>
                    <ItemForm label={T.addTitle} busy={busy} submitLabel={T.add} onSubmit={(body) => writes.add.mutateAsync(body)} onDraft={onAddDraft} />
                  </div>
                )}
              </section>
              <TargetCheck check={live.check} rules={view.check.rules} hasDraftRow={pending.added !== null || pending.edit !== null} />
            </div>
          )}
          <PlannedVsHeld view={view} search={scopeSearch} />
          {plan && (
            <IssueDialog open={issuing} deadline={view.timeliness.deadline} defaultNumber={plan.number ?? ""} findings={view.check.findings}
              busy={writes.issue.isPending} onIssue={(body) => writes.issue.mutateAsync(body)} onClose={() => setIssuing(false)} />
          )}
          <ConfirmDialog open={deletingPlan} title={T.confirmDeletePlanTitle} body={T.confirmDeletePlanBody} confirmLabel={T.deletePlan} busy={busy}
            onConfirm={() => writes.remove.mutate(undefined, { onSettled: () => setDeletingPlan(false) })} onCancel={() => setDeletingPlan(false)} />
        </>
      )}
    </>
  );
}
