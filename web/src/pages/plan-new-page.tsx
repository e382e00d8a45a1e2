import { useCallback, useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import { PlanForm } from "../features/plans/components/plan-form";
import { useCreatePlan, usePlanList } from "../features/plans/hooks/use-plans";
import type { PlanFormInput } from "../features/plans/schema";
import { PLAN_TEXT as T } from "../features/plans/texts";
import "../features/plans/plans.css";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ApiError, fieldProblemsOf } from "../ui/api-client";
import { ErrorView, ForbiddenView } from "../ui/error-view";
import { formatDate, todayLocal } from "../ui/format";
import { APP_TEXT } from "../ui/texts";

/** Thêm kế hoạch: the form; then the plan's page, where its task table is uploaded. */
export function PlanNewPage() {
  const user = useCurrentUser();
  const { org } = useScope();
  const { tree } = useOrgs();
  const navigate = useNavigate();
  const location = useLocation();
  const create = useCreatePlan();
  const [issuer, setIssuer] = useState(org);
  const parents = usePlanList(issuer, false);
  const onIssuerChange = useCallback((code: string) => setIssuer(code), []);
  const initial = useMemo<PlanFormInput>(() => ({
    orgCode: org, number: "", type: "KH", issuedOn: formatDate(todayLocal()), title: "", parentPlanId: "", horizonYear: "", targets: {},
  }), [org]);
  if (!canWrite(user.role)) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;
  const saveError = create.error instanceof ApiError ? create.error : null;
  const problems = saveError ? fieldProblemsOf(saveError.details) : [];
  return (
    <>
      <p><Link to={{ pathname: "/ke-hoach", search: location.search }}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{T.newTitle}</h1></div>
      {create.error && problems.length === 0 ? <ErrorView error={create.error} /> : null}
      <section className="panel">
        {tree ? (
          <PlanForm
            initial={initial}
            units={tree.list}
            parentOptions={parents.data?.items ?? []}
            busy={create.isPending}
            serverProblems={problems}
            onIssuerChange={onIssuerChange}
            onSubmit={(values) => create.mutate(values, { onSuccess: (plan) => navigate(`/ke-hoach/${plan.id}`, { state: { flash: T.saved } }) })}
          />
        ) : <div className="skeleton" style={{ height: 360 }} aria-busy="true" />}
      </section>
    </>
  );
}
