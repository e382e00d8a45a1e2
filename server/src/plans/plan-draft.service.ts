// "New plan from its document" (issue "Document intelligence" §1, for a plan): the plan's file
// is parsed and the plan form pre-filled — issuer matched to a unit the user may write for,
// number, type, date, title (the V/v line or the title after the type), and the upper plan when
// the document cites one already in the system. Nothing is written: the user checks the form,
// saves the plan (POST /api/plans, audited), then the same file goes to the task-table import
// (POST /api/plans/:id/tasks/import), which reads the document's table the same way.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { foldDiacritics } from "../domain/normalize.js";
import { draftDocumentFromFile } from "../intelligence/document-draft.service.js";
import type { ParsedDocumentJson } from "../intelligence/parse.service.js";
import { listPlansOf } from "./plan.repository.js";
import { orgRef, type OrgRefJson } from "./task.presenter.js";

/** The fields of POST /api/plans as the document gives them (null where it does not). */
export type PlanDraft = {
  orgCode: string | null; number: string | null; type: string | null; issuedOn: string | null; title: string | null;
  parentPlanId: number | null;
};

export type PlanDraftJson = {
  draft: PlanDraft;
  /** the units the issuer's name may be, best first, when it names none exactly */
  unitCandidates: Array<{ code: string; name: string; score: number }>;
  /** the upper plan the document cites, found among the plans of the issuer and the units above it */
  parentPlan: { id: number; number: string; title: string; issuedOn: string; org: OrgRefJson } | null;
  /** the task rows the document's table gives (imported after the plan is saved) */
  tasks: number;
  /** what the parse could not read or took from elsewhere (metadata and task table) */
  notes: string[];
};

/** Spelling-insensitive key of a number and symbol ("534/QĐ-TTg" = "534/qd-ttg"). */
const numberKey = (n: string): string => foldDiacritics(n).replace(/\s+/g, "");

/** A draft of the plan form from a plan document (`write` role; units limited to the user's subtree). */
export async function draftPlanFromFile(ctx: AppContext, user: SessionUser, file: { fileName: string; content: Buffer }): Promise<PlanDraftJson> {
  const { draft, unitCandidates, parsed } = await draftDocumentFromFile(ctx, user, file);
  const issuer = (draft.orgCode === null ? undefined : ctx.orgs.byCode(draft.orgCode)) ?? ctx.orgs.get(user.orgId);
  const parent = issuer ? await findCitedPlan(ctx, issuer.id, parsed) : null;
  return {
    draft: {
      orgCode: draft.orgCode, number: draft.number, type: draft.type, issuedOn: draft.issuedOn, title: draft.subject,
      parentPlanId: parent?.id ?? null,
    },
    unitCandidates,
    parentPlan: parent ? { id: parent.id, number: parent.number, title: parent.title, issuedOn: parent.issued_on, org: orgRef(ctx, parent.org_id) } : null,
    tasks: parsed.tasks.length,
    notes: parsed.notes,
  };
}

/**
 * The plan a document implements: of its references that are plans of the issuer or of a unit
 * above it (the only parents a plan may have), the one its title names first, else the first cited.
 */
async function findCitedPlan(ctx: AppContext, issuerId: number, parsed: ParsedDocumentJson) {
  const cited = parsed.references.map((r) => numberKey(r.number)).filter((k) => k !== "" && k !== numberKey(parsed.number ?? ""));
  if (cited.length === 0) return null;
  const plans = await listPlansOf(ctx.handle.db, ctx.orgs.ancestors(issuerId).map((o) => o.id));
  const title = numberKey(parsed.subject ?? "");
  const rank = (k: string): number => (title.includes(k) ? title.indexOf(k) : title.length + cited.indexOf(k));
  const matches = plans.filter((p) => cited.includes(numberKey(p.number)));
  return matches.sort((a, b) => rank(numberKey(a.number)) - rank(numberKey(b.number)))[0] ?? null;
}
