// Use cases of the document register: list, read, create, update, delete. Each checks the
// user's right on the unit of the record (and on the new unit when an update moves it) and
// writes its audit row in the same transaction as the change.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Db } from "../db/database.js";
import type { DocumentRow } from "../db/schema.js";
import { pageWindow, toPage, type Page } from "../registers/paging.js";
import { containsPattern, orgCodeOf, resolveListScope, resolveWriteOrg } from "../registers/register-scope.js";
import { formatDateVi, isUniqueViolation } from "../registers/register-errors.js";
import { presentDocument, withTextInfo, type DocumentJson } from "./document.presenter.js";
import {
  countDocuments, deleteDocument, findDocument, findTextInfo, insertDocument, listDocuments, updateDocument,
} from "./document.repository.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { checksUsing, recheckAfterDelete, recheckAfterUpdate, syncTextOnUpdate } from "../intelligence/text-sync.js";
import type { TDocumentCreate, TDocumentListQuery, TDocumentPatch } from "./document.schema.js";

const ENTITY = "documents";

/** A page of the register of a unit (or its subtree), newest first unless sorted otherwise; each
 * document with its text's copied share, and the D5 threshold in force at the unit. */
export async function listDocumentPage(ctx: AppContext, user: SessionUser, q: TDocumentListQuery): Promise<Page<DocumentJson> & { copyThresholdPercent: number }> {
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const window = pageWindow(q, q.sort);
  const copyThresholdPercent = (await getSettingsFor(ctx, scope.org.id)).copyThresholdPercent;
  const filter = {
    orgIds: scope.orgIds,
    from: q.from,
    to: q.to,
    typeCode: q.type,
    pattern: q.q ? containsPattern(q.q) : undefined,
    digitized: q.digitized,
    sentElectronically: q.sentElectronically,
    secret: q.secret,
    legalNormative: q.legalNormative,
    breach: q.breach,
    // D5 — "copied > threshold": the unit's setting, or a threshold asked for
    copiedAbove: q.copiedAbove ?? (q.copiedOver ? copyThresholdPercent : undefined),
  };
  const db = ctx.handle.db;
  const [rows, total] = await Promise.all([listDocuments(db, filter, q.sort, window), countDocuments(db, filter)]);
  const keyOf = (r: DocumentRow) => ({ key: q.sort.endsWith("issuedOn") ? r.issued_on : r.number, id: r.id });
  const page = toPage(rows, window, { page: q.page, sort: q.sort }, total, keyOf, (r) => presentDocument(ctx, r));
  const info = await findTextInfo(db, page.items.map((d) => d.id));
  return { ...page, items: page.items.map((d) => withTextInfo(d, info)), copyThresholdPercent };
}

/** One document; 404 if absent, 403 outside the user's subtree. */
export async function getDocument(ctx: AppContext, user: SessionUser, id: number): Promise<DocumentJson> {
  await ctx.orgs.refresh();
  const row = await findDocument(ctx.handle.db, id);
  if (!row) throw notFound(`văn bản #${id}`);
  authorize(user, "read", row.org_id, ctx.orgs);
  return withTextInfo(presentDocument(ctx, row), await findTextInfo(ctx.handle.db, [id]));
}

/** Adds a document to the register; 409 if the unit already has that number on that day. */
export async function createDocument(ctx: AppContext, user: SessionUser, input: TDocumentCreate): Promise<DocumentJson> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  const key = { orgCode: org.code, number: input.number, issuedOn: input.issuedOn };
  return withDuplicateCheck(() => key, () =>
    ctx.handle.db.transaction().execute(async (trx) => {
      const row = await insertDocument(trx, {
        org_id: org.id,
        number: input.number,
        type_code: input.type,
        issued_on: input.issuedOn,
        subject: input.subject ?? "",
        legal_normative: input.legalNormative ?? false,
        secret: input.secret ?? false,
        sent_electronically: input.sentElectronically ?? false,
        digitized: input.digitized ?? false,
        signer: input.signer ?? null,
      });
      const after = presentDocument(ctx, row);
      await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId: org.id, after });
      // a new document has no text yet
      return withTextInfo(after, new Map());
    }),
  );
}

/** Changes the fields sent; moving a document to another unit needs write on both units. */
export async function updateDocumentById(ctx: AppContext, user: SessionUser, id: number, patch: TDocumentPatch): Promise<DocumentJson> {
  await ctx.orgs.refresh();
  const target = patch.orgCode === undefined ? null : await resolveWriteOrg(ctx, user, patch.orgCode);
  let key: DuplicateKey = { orgCode: target?.code ?? "", number: patch.number ?? "", issuedOn: patch.issuedOn ?? "" };
  let recheck = false;
  const updated = await withDuplicateCheck(() => key, () =>
    ctx.handle.db.transaction().execute(async (trx) => {
      const old = await lockForWrite(ctx, trx, user, id);
      key = {
        orgCode: target?.code ?? orgCodeOf(ctx, old.org_id),
        number: patch.number ?? old.number,
        issuedOn: patch.issuedOn ?? old.issued_on,
      };
      const row = await updateDocument(trx, old, {
        org_id: target?.id,
        number: patch.number,
        type_code: patch.type,
        issued_on: patch.issuedOn,
        subject: patch.subject,
        legal_normative: patch.legalNormative,
        secret: patch.secret,
        sent_electronically: patch.sentElectronically,
        digitized: patch.digitized,
        signer: patch.signer,
      });
      const before = presentDocument(ctx, old);
      const after = presentDocument(ctx, row);
      await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: id, orgId: row.org_id, before, after });
      // its text follows (search vector; a new revision when unit, date or secrecy changed)
      recheck = await syncTextOnUpdate(trx, old, row);
      return after;
    }),
  );
  if (recheck) await recheckAfterUpdate(ctx, id);
  return withTextInfo(updated, await findTextInfo(ctx.handle.db, [id]));
}

/** Removes a document (the monthly rollup follows by trigger). */
export async function deleteDocumentById(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  await ctx.orgs.refresh();
  // read before the transaction (PGlite: one connection): checks that took passages from it
  const users = await checksUsing(ctx, id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const old = await lockForWrite(ctx, trx, user, id);
    await deleteDocument(trx, id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: id, orgId: old.org_id, before: presentDocument(ctx, old) });
  });
  await recheckAfterDelete(ctx, id, users);
}

async function lockForWrite(ctx: AppContext, trx: Db, user: SessionUser, id: number): Promise<DocumentRow> {
  const row = await findDocument(trx, id, true);
  if (!row) throw notFound(`văn bản #${id}`);
  authorize(user, "write", row.org_id, ctx.orgs);
  return row;
}

type DuplicateKey = { orgCode: string; number: string; issuedOn: string };

/** Turns the unique (org, number, issued_on) violation into a 409 that says which document;
 * `key` is read only after the failure (an update learns it inside its transaction). */
async function withDuplicateCheck<T>(key: () => DuplicateKey, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const k = key();
    throw new AppError(
      "CONFLICT",
      `Văn bản số ${k.number} ngày ${formatDateVi(k.issuedOn)} của đơn vị ${k.orgCode} đã có trong sổ văn bản`,
      k,
    );
  }
}
