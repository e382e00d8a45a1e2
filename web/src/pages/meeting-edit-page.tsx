import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { useCurrentUser } from "../features/auth/hooks/use-session";
import { canWrite } from "../features/auth/permissions";
import type { Finding, MeetingInput } from "../features/meetings/api/meetings.api";
import { ConferenceFindings, ruleLabel } from "../features/meetings/components/conference-findings";
import { MeetingForm } from "../features/meetings/components/meeting-form";
import { useConferenceCheck, useDeleteMeeting, useMeeting, useSaveMeeting } from "../features/meetings/hooks/use-meetings";
import { toMeetingInput, type MeetingFormInput } from "../features/meetings/schema";
import { MEETING_TEXT as T } from "../features/meetings/texts";
import { useOrgs } from "../features/scope/hooks/use-orgs";
import { useScope } from "../features/scope/hooks/use-scope";
import { ApiError, fieldProblemsOf } from "../ui/api-client";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ErrorView, ForbiddenView, hasForbidden } from "../ui/error-view";
import { formatDate, formatDateTime, todayLocal } from "../ui/format";
import { APP_TEXT } from "../ui/texts";
import { useDebounced } from "../ui/use-debounced";

const minutesText = (n: number | null) => (n === null ? "" : String(n));

/** The planning fields of a new conference: none yet. */
const NO_PLANNING_VALUES = {
  plannedId: "", chairsText: "", invitedBlocs: [], invitedOrgCodes: [], invitationReason: "", relatedMeetingId: "",
  relatedDocument: "", repeatReason: "", agenda: "", papersSentAt: "",
} satisfies Partial<MeetingFormInput>;

/** Findings a refused save carried (422 RULE_VIOLATION). */
function refusedFindings(error: unknown): Finding[] | null {
  if (!(error instanceof ApiError) || error.code !== "RULE_VIOLATION") return null;
  const findings = (error.details as { findings?: unknown } | undefined)?.findings;
  return Array.isArray(findings) ? (findings as Finding[]) : null;
}

/** Add (/hoi-nghi/moi) or view/edit/delete (/hoi-nghi/:id) a conference, with the KL 226
 * check (M3–M6, M8, M9, papers ahead) run as the user types, before saving. */
export function MeetingEditPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const user = useCurrentUser();
  const { org } = useScope();
  const { tree } = useOrgs();
  const navigate = useNavigate();
  const location = useLocation();
  const existing = useMeeting(id);
  const save = useSaveMeeting(id);
  const remove = useDeleteMeeting();
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState<MeetingInput | null>(null);
  const writable = canWrite(user.role);
  const checked = useDebounced(draft, 400);
  const check = useConferenceCheck(writable && checked ? { ...checked, ...(id !== null ? { id } : {}) } : null);
  const listLink = { pathname: "/hoi-nghi", search: location.search };
  // once the user changes the form, a refused save's findings give way to the live check
  const resetSave = save.reset;
  useEffect(() => resetSave(), [draft, resetSave]);

  const initial = useMemo<MeetingFormInput | null>(() => {
    if (id === null) {
      const today = formatDate(todayLocal());
      return {
        orgCode: org, title: "", category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen",
        start: `${today} 08:00`, end: `${today} 11:00`, openingMin: "", conclusionMin: "", maxContributionMin: "",
        exceptionDecision: "", communeParticipants: "", ...NO_PLANNING_VALUES,
      };
    }
    const m = existing.data;
    if (!m) return null;
    return {
      orgCode: m.orgCode, title: m.title, category: m.category, scope: m.scope, format: m.format,
      start: formatDateTime(m.start), end: formatDateTime(m.end),
      openingMin: minutesText(m.openingMin), conclusionMin: minutesText(m.conclusionMin), maxContributionMin: minutesText(m.maxContributionMin),
      exceptionDecision: m.exceptionDecision ?? "", communeParticipants: m.communeParticipants === null ? "" : m.communeParticipants ? "1" : "0",
      plannedId: m.plannedId === null ? "" : String(m.plannedId), chairsText: m.chairs.join("\n"), invitedBlocs: m.invitedBlocs,
      invitedOrgCodes: m.invitedOrgCodes, invitationReason: m.invitationReason ?? "", relatedMeetingId: m.relatedMeetingId === null ? "" : String(m.relatedMeetingId),
      relatedDocument: m.relatedDocument ?? "", repeatReason: m.repeatReason ?? "", agenda: m.agenda ?? "",
      papersSentAt: m.papersSentAt === null ? "" : formatDateTime(m.papersSentAt),
    };
  }, [id, existing.data, org]);

  if (hasForbidden(existing.error)) return <ForbiddenView />;
  if (id === null && !writable) return <ForbiddenView title={APP_TEXT.roleForbiddenTitle} body={APP_TEXT.roleForbiddenBody} />;
  const refused = refusedFindings(save.error);
  const findings = refused ?? (checked && check.data ? check.data.findings : null);
  const warnings = findings?.filter((f) => f.severity !== "info") ?? [];
  const saveError = save.error instanceof ApiError && !refused ? save.error : null;
  const problems = saveError ? fieldProblemsOf(saveError.details) : [];

  return (
    <>
      <p><Link to={listLink}>‹ {T.backToList}</Link></p>
      <div className="page-head"><h1>{id === null ? T.newTitle : `${T.editTitle}: ${existing.data?.title ?? ""}`}</h1></div>
      {existing.error ? <ErrorView error={existing.error} /> : null}
      {id !== null && !writable && <div className="alert alert--info">{T.viewOnly}</div>}
      {refused && <div className="alert alert--error" role="alert">{T.refused}</div>}
      {saveError && problems.length === 0 && <div className="alert alert--error" role="alert">{saveError.message}</div>}
      <div className="form-layout">
        <section className="panel">
          {initial && tree ? (
            <MeetingForm
              key={id ?? "new"}
              initial={initial}
              units={tree.list}
              readOnly={!writable}
              busy={save.isPending}
              serverProblems={problems}
              askException={Boolean(findings?.some((f) => f.rule === "M3"))}
              findingSummary={warnings.length > 0 ? T.findingSummary(warnings.length, [...new Set(warnings.map((f) => ruleLabel(f.rule)))].join(", ")) : null}
              findings={findings}
              onDraftChange={setDraft}
              extraActions={id !== null && writable ? (
              <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>{T.delete}</button>
            ) : undefined}
            onSubmit={(values) =>
                save.mutate(toMeetingInput(values), {
                  onSuccess: (saved) => {
                    const rules = [...new Set(saved.findings.filter((f) => f.severity !== "info").map((f) => ruleLabel(f.rule)))].join(", ");
                    navigate(listLink, { state: { flash: rules ? T.savedWithWarnings(rules) : T.saved } });
                  },
                })
              }
            />
          ) : <div className="skeleton" style={{ height: 420 }} aria-busy="true" />}
        </section>
        {writable && (
          <div className="form-layout__side">
            <ConferenceFindings findings={findings} sessions={checked && check.data ? check.data.sessions : null} checking={check.isFetching} />
          </div>
        )}
      </div>
      {remove.error ? <ErrorView error={remove.error} /> : null}
      <ConfirmDialog
        open={confirming}
        title={T.confirmDeleteTitle}
        body={T.confirmDeleteBody(existing.data?.title ?? "")}
        confirmLabel={APP_TEXT.delete}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          id !== null &&
          remove.mutate(id, {
            onSuccess: () => navigate(listLink, { state: { flash: APP_TEXT.deleted } }),
            onSettled: () => setConfirming(false),
          })
        }
      />
    </>
  );
}
