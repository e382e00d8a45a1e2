// "Register from file" (issue "Document intelligence" §1, §6): a document's file is parsed and
// a new register entry pre-filled from it — issuer matched to a unit the user may write for,
// number, type, date, subject, signer. Nothing is written: the user checks the draft, saves the
// document (POST /api/documents) and attaches the same file as its text (PUT …/:id/text).
import type { AppContext } from "../context.js";
import { authorizeRole, can, type SessionUser } from "../auth/policy.js";
import { parseDocumentType } from "../domain/normalize.js";
import { matchOrgName } from "../domain/plans/org-match.js";
import type { OrgRef } from "../domain/plans/org-match.js";
import { parseDocument, type ParsedDocumentJson } from "./parse.service.js";
import { readTextInput, type TextInput } from "./text.service.js";

/** The fields of POST /api/documents as the file gives them (null where it does not). */
export type DocumentDraft = {
  orgCode: string | null;
  number: string | null;
  type: string | null;
  issuedOn: string | null;
  subject: string | null;
  signer: string | null;
};

export type DraftJson = {
  draft: DocumentDraft;
  /** the units the issuer's name may be, best first, when it names none exactly */
  unitCandidates: Array<{ code: string; name: string; score: number }>;
  parsed: ParsedDocumentJson;
};

export async function draftDocumentFromFile(ctx: AppContext, user: SessionUser, input: TextInput): Promise<DraftJson> {
  authorizeRole(user, "write");
  await ctx.orgs.refresh();
  const parsed = await parseDocument(await readTextInput(input));
  const writable: OrgRef[] = ctx.orgs
    .subtreeIds(user.orgId)
    .map((id) => ctx.orgs.get(id))
    .filter((o): o is NonNullable<typeof o> => o !== undefined && can(user, "write", o.id, ctx.orgs))
    .map((o) => ({ id: o.id, code: o.code, name: o.name }));
  let orgCode: string | null = null;
  let unitCandidates: DraftJson["unitCandidates"] = [];
  const match = parsed.issuer ? matchOrgName(parsed.issuer.name, writable) : null;
  if (match && "orgId" in match) orgCode = writable.find((o) => o.id === match.orgId)?.code ?? null;
  else if (match) unitCandidates = match.candidates.map((c) => ({ code: writable.find((o) => o.id === c.orgId)?.code ?? "", name: c.name, score: c.score }));
  const type = parsed.type ? parseDocumentType(parsed.type.code) : null;
  return {
    draft: {
      orgCode,
      number: parsed.number,
      type: type?.ok ? type.value : null,
      issuedOn: parsed.date,
      subject: parsed.subject,
      signer: parsed.signer?.name ?? null,
    },
    unitCandidates,
    parsed,
  };
}
