// The citation graph (issue "Document intelligence" §7): what a registered document implements
// (the documents its text cites, resolved to the register where possible) and what implements it
// (registered texts citing it). Resolution happens on read (domain/texts/source-scope.ts
// resolveCitation: same number, same date when the citation gives one, issued by the citing
// unit, an upper level of it, or the unit the citation names as issuer), so a document
// registered after the texts citing it is found by them at once.
import type { AppContext } from "../context.js";
import { authorize, can, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { findDocument } from "../documents/document.repository.js";
import { DOCUMENT_TYPES } from "../domain/normalize.js";
import { matchOrgName } from "../domain/plans/org-match.js";
import { numberKey, numberSpellings } from "../domain/texts/doc-numbers.js";
import { resolveCitation } from "../domain/texts/source-scope.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { sourceUnitsOf } from "./document-copycheck.js";
import { findCitingReferences, findDocumentsByIds, findDocumentsByNumbers, findReferences, type NumberedDocument } from "./text.repository.js";

const TYPE_NAMES = new Map(DOCUMENT_TYPES.map((t) => [t.code, t.name]));

/** A registered document in the graph; `readable`: the user may open it (his subtree). */
export type GraphDocument = { id: number; number: string; orgCode: string; orgName: string; issuedOn: string; type: string; typeName: string; subject: string; readable: boolean };

export type CitationJson = {
  /** every reference of the document's text, in text order, with the registered document it names or null */
  implements: Array<{ number: string; type: string | null; citedOn: string | null; issuer: string | null; title: string | null; document: GraphDocument | null }>;
  /** registered texts citing this document, that the user may read, oldest first */
  implementedBy: GraphDocument[];
  /** citing texts outside the user's subtree (counted, not shown) */
  implementedByHidden: number;
};

export async function documentCitations(ctx: AppContext, user: SessionUser, id: number): Promise<CitationJson> {
  await ctx.orgs.refresh();
  const db = ctx.handle.db;
  const doc = await findDocument(db, id);
  if (!doc) throw notFound(`văn bản #${id}`);
  authorize(user, "read", doc.org_id, ctx.orgs);
  const present = (d: NumberedDocument): GraphDocument => ({
    id: d.id, number: d.number, orgCode: orgCodeOf(ctx, d.orgId), orgName: ctx.orgs.get(d.orgId)?.name ?? "", issuedOn: d.issuedOn,
    type: d.typeCode, typeName: TYPE_NAMES.get(d.typeCode) ?? d.typeCode, subject: d.subject, readable: can(user, "read", d.orgId, ctx.orgs),
  });

  const issuerUnit = issuerMatcher(ctx);
  const scopes = new Map<number, Set<number>>();
  /** the units a document of `orgId` may cite: itself and its upper levels (memoised: many citing texts share units) */
  const scopeOf = (orgId: number): Set<number> => {
    let s = scopes.get(orgId);
    if (!s) {
      s = sourceUnitsOf(ctx, orgId);
      s.add(orgId);
      scopes.set(orgId, s);
    }
    return s;
  };

  // what it implements
  const refs = await findReferences(db, id);
  const base = scopeOf(doc.org_id);
  const allowedOf = (issuer: string | null): Set<number> => {
    const named = issuerUnit(issuer);
    return named === null ? base : new Set([...base, named]);
  };
  const allowed = refs.map((r) => allowedOf(r.issuer));
  const units = [...new Set(allowed.flatMap((s) => [...s]))];
  const found = await findDocumentsByNumbers(db, units, [...new Set(refs.flatMap((r) => numberSpellings(r.number)))]);
  const candidates = found.map((d) => ({ ...d, numberKey: numberKey(d.number) }));
  const implementsList = refs.map((r, i) => {
    const hit = resolveCitation({ numberKey: r.numberKey, citedOn: r.citedOn }, doc.issued_on, allowed[i] ?? base, candidates);
    const target = hit ? candidates.find((c) => c.id === hit.id) : undefined;
    return { number: r.number, type: r.typeCode, citedOn: r.citedOn, issuer: r.issuer, title: r.title, document: target && target.id !== doc.id ? present(target) : null };
  });

  // what implements it: the citing texts whose citation resolves to this document
  const citing = await findCitingReferences(db, numberKey(doc.number));
  const self = [{ id: doc.id, orgId: doc.org_id, numberKey: numberKey(doc.number), issuedOn: doc.issued_on }];
  const byIds = new Set<number>();
  for (const c of citing) {
    if (c.document_id === doc.id) continue;
    const named = issuerUnit(c.issuer);
    const scope = named === null ? scopeOf(c.org_id) : new Set([...scopeOf(c.org_id), named]);
    if (resolveCitation({ numberKey: c.number_key, citedOn: c.cited_on }, c.issued_on, scope, self)) byIds.add(c.document_id);
  }
  const citingDocs = (await findDocumentsByIds(db, [...byIds])).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id - b.id);
  const visible = citingDocs.filter((d) => can(user, "read", d.orgId, ctx.orgs));
  return { implements: implementsList, implementedBy: visible.map(present), implementedByHidden: citingDocs.length - visible.length };
}

/** The unit a citation names as issuer, when its name matches exactly one unit (memoised by name). */
function issuerMatcher(ctx: AppContext): (issuer: string | null) => number | null {
  const orgs = ctx.orgs.all().map((o) => ({ id: o.id, code: o.code, name: o.name }));
  const seen = new Map<string, number | null>();
  return (issuer) => {
    if (!issuer) return null;
    let hit = seen.get(issuer);
    if (hit === undefined) {
      const m = matchOrgName(issuer, orgs);
      hit = m !== null && "orgId" in m ? m.orgId : null;
      seen.set(issuer, hit);
    }
    return hit;
  };
}
