// The side-by-side view of a copy check (issue "Document intelligence" §6): the checked text,
// each copied passage with its offsets in both texts, and the source texts. The sources are the
// upper levels' non-secret documents the check compared with (document-copycheck.ts) — texts
// addressed to the levels below — so a reader of the checked document sees them here even when
// their unit is outside his subtree; a source that has since become secret, or lost its text,
// is listed without text.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { notFound } from "../errors.js";
import { findDocument } from "../documents/document.repository.js";
import { DOCUMENT_TYPES } from "../domain/normalize.js";
import { orgCodeOf } from "../registers/register-scope.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { presentCheckSummary, type CopyCheckSummary } from "./text.presenter.js";
import { findCopyCheck, findSources, findText, type StoredPassage } from "./text.repository.js";

const TYPE_NAMES = new Map(DOCUMENT_TYPES.map((t) => [t.code, t.name]));

export type CompareSource = {
  id: number; number: string; orgCode: string; orgName: string; issuedOn: string; type: string; typeName: string;
  /** null when the source has lost its text or became secret since the check */
  text: string | null;
};

export type CompareJson = {
  document: { id: number; number: string; orgCode: string; issuedOn: string; subject: string; text: string };
  copyCheck: CopyCheckSummary;
  /** in text order; `start`/`end` index document.text, `sourceStart`/`sourceEnd` the source's text */
  passages: StoredPassage[];
  sources: CompareSource[];
};

export async function compareDocumentText(ctx: AppContext, user: SessionUser, id: number): Promise<CompareJson> {
  await ctx.orgs.refresh();
  const db = ctx.handle.db;
  const doc = await findDocument(db, id);
  if (!doc) throw notFound(`văn bản #${id}`);
  authorize(user, "read", doc.org_id, ctx.orgs);
  const [text, check] = await Promise.all([findText(db, id), findCopyCheck(db, id)]);
  if (!text || !check) throw notFound(`kết quả kiểm tra sao chép của văn bản ${doc.number}`);
  const sourceIds = [...new Set(check.passages.map((p) => p.sourceDocumentId))];
  const rows = new Map((await findSources(db, sourceIds)).map((r) => [r.documentId, r]));
  const sources: CompareSource[] = [];
  for (const sid of sourceIds) {
    const src = await findDocument(db, sid);
    if (!src) continue;
    const row = rows.get(sid);
    sources.push({
      id: src.id, number: src.number, orgCode: orgCodeOf(ctx, src.org_id), orgName: ctx.orgs.get(src.org_id)?.name ?? "",
      issuedOn: src.issued_on, type: src.type_code, typeName: TYPE_NAMES.get(src.type_code) ?? src.type_code,
      text: row && !src.secret ? row.text : null,
    });
  }
  const known = new Set(sources.map((s) => s.id));
  const threshold = (await getSettingsFor(ctx, doc.org_id)).copyThresholdPercent;
  return {
    document: { id: doc.id, number: doc.number, orgCode: orgCodeOf(ctx, doc.org_id), issuedOn: doc.issued_on, subject: doc.subject, text: text.text },
    copyCheck: presentCheckSummary(check, threshold),
    passages: check.passages.filter((p) => known.has(p.sourceDocumentId)).sort((a, b) => a.start - b.start),
    sources,
  };
}
