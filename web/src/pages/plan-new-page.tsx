import { useCallback, useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import type { PlanDraftResult } from "../features/plans/api/plans.api";
import { PlanForm } from "../features/plans/components/plan-form";
import { PlanFromDocument } from "../features/plans/components/plan-from-document";
import { useCreatePlanFromDocument, usePlanList, type PlanSavedState } from "../features/plans/hooks/use-plans";
import type { PlanFormInput } from "../features/plans/schema";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ApiError, fieldProblemsOf } from "../ui/api-client";
import { ErrorView, ForbiddenView } from "../ui/error-view";
import { formatDate, todayLocal } from "../ui/format";
import { APP_TEXT } from "../ui/texts";

type FromDocument = { result: PlanDraftResult; file: File; version: number };

/** Thêm kế hoạch: the form — filled by hand or from the plan's document, whose task table is then imported; then the plan's page. */
export function PlanNewPage() {
  const user = useCurrentUser();
  const { org } = useScope();
  const { tree } = useOrgs();
  const navigate = useNavigate();
  const location = useLocation();
  const create = useCreatePlanFromDocument();
  const [issuer, setIssuer] = useState(org);
  const [fromDoc, setFromDoc] = useState<FromDocument | null>(null);
  const parents = usePlanList(issuer, false);
  const onIssuerChange = useCallback((code: string) => setIssuer(code), []);
  const initial = useMemo<PlanFormInput>(() => {
    const d = fromDoc?.result.draft;
    return {
      orgCode: d?.orgCode ?? org, number: d?.number ?? "", type: d?.type ?? "KH",
      issuedOn: formatDate(d?.issuedOn ?? todayLocal()), title: d?.title ?? "",
      parentPlanId: d?.parentPlanId ? String(d.parentPlanId) : "", horizonYear: "", targets: {},
    };
  }, [org, fromDoc]);
  // the upper plan the document cites may assign no task to the issuer: list it all the same
  const parentOptions = useMemo(() => {
    const listed = parents.data?.items ?? [];
    const cited = fromDoc?.result.parentPlan;
    return cited && !listed.some((p) => p.id === cited.id) ? [cited, ...listed] : listed;
  }, [parents.data, fromDoc]);
  if (!canWrite(user.role)) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;
  const saveError = create.error instanceof ApiError ? create.error : null;
  const problems = saveError ? fieldProblemsOf(saveError.details) : [];
  const withTasks = fromDoc !== null && fromDoc.result.tasks > 0;
  return (
    <>
      <p><Link to={{ pathname: "/ke-hoach", search: location.search }}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{T.newTitle}</h1></div>
      <PlanFromDocument onDraft={(result, file) => setFromDoc((prev) => ({ result, file, version: (prev?.version ?? 0) + 1 }))} />
      {create.error && problems.length === 0 ? <ErrorView error={create.error} /> : null}
      <section className="panel">
        {tree ? (
          <PlanForm
            key={fromDoc?.version ?? 0}
            initial={initial}
            units={tree.list}
            parentOptions={parentOptions}
            busy={create.isPending}
            serverProblems={problems}
            submitLabel={withTasks ? T.saveAndImport : T.save}
            onIssuerChange={onIssuerChange}
            onSubmit={(values) => create.mutate({ plan: values, file: withTasks ? fromDoc.file : null }, {
              onSuccess: ({ plan, imported, importProblems }) => {
                const state: PlanSavedState = { flash: T.saved, imported: imported ?? undefined, importProblems: importProblems ?? undefined };
                navigate(`/ke-hoach/${plan.id}`, { state });
              },
            })}
          />
        ) : <div className="skeleton" style={{ height: 360 }} aria-busy="true" />}
      </section>
    </>
  );
}
