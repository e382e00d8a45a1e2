// Use cases of a registered document's text (issue "Document intelligence" §6): register or
// replace it (upload or typed text), read it, remove it, check it again. Registering parses the
// text (metadata offered against the register's fields), runs the copy check against the upper
// levels (D5), stores text, fingerprints, references and check in ONE transaction with its audit
// row, then brings this process's index in step and re-checks the documents that may have
// copied from it (those below it sharing fingerprints, and those whose passages came from it).
// Access: the same rules as the document itself — read on its unit to read, write to change.
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { DocumentRow } from "../db/schema.js";
import { findDocument } from "../documents/document.repository.js";
import { DEFAULT_COPY_CHECK } from "../domain/texts/copy-check.js";
import { documentFingerprints, matchStream } from "../domain/texts/fingerprints.js";
import { FOLD_VERSION } from "../domain/texts/live-index.js";
import { searchFold } from "../domain/texts/search-snippet.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { checkDocumentCopy } from "./document-copycheck.js";
import { DocumentReadError, documentText } from "./document-text.js";
import type { DocumentFormat, DocumentText } from "./document-text.js";
import { parseDocument } from "./parse.service.js";
import { offeredFields, presentText, referencesToStore, type DocumentTextJson } from "./text.presenter.js";
import {
  deleteTextRows, findChecksUsingSource, findCopyCheck, findText, upsertCopyCheck, upsertText, replaceReferences,
} from "./text.repository.js";
import { applyTextRemoval, applyTextWrite, syncedTextIndex } from "./text-index.js";

const ENTITY = "document_texts";
/** Largest number of documents re-checked after one text changes (the rest keep their last check). */
export const MAX_RECHECKS = 200;

/** A text as sent: a file (by its name's extension) or typed text. */
export type TextInput = { fileName: string; content: Buffer } | { text: string; format: "text" | "markdown" };

/** Reads the text of an upload; a file that cannot be read is a 400 saying why. */
export async function readTextInput(input: TextInput): Promise<DocumentText> {
  let doc: DocumentText;
  try {
    doc = "content" in input
      ? await documentText(input.fileName, input.content)
      : { fileName: input.format === "markdown" ? "van-ban.md" : "van-ban.txt", format: input.format as DocumentFormat, text: input.text, content: Buffer.from(input.text, "utf8") };
  } catch (e) {
    if (e instanceof DocumentReadError) throw new AppError("VALIDATION", `file: ${e.message}`);
    throw e;
  }
  if (doc.text.trim() === "") throw new AppError("VALIDATION", "file: tệp không có nội dung chữ");
  return doc;
}

/** Registers (or replaces) the text of document `id`. */
export async function putDocumentText(ctx: AppContext, user: SessionUser, id: number, input: TextInput): Promise<DocumentTextJson> {
  const doc = await loadForWrite(ctx, user, id);
  const read = await readTextInput(input);
  const parsed = await parseDocument(read);
  // the check reads the database: before the transaction (PGlite has one connection)
  const check = await checkDocumentCopy(ctx, { id: doc.id, orgId: doc.org_id, issuedOn: doc.issued_on }, read.text);
  const stream = matchStream(read.text);
  const fingerprints = documentFingerprints(stream, DEFAULT_COPY_CHECK.fingerprints);
  const { tasks, ...metadata } = parsed;
  const stored = { ...metadata, taskCount: tasks.length };
  const fileName = "content" in input ? read.fileName : null;
  const { revision, row } = await ctx.handle.db.transaction().execute(async (trx) => {
    const locked = await findDocument(trx, id, true);
    if (!locked) throw notFound(`văn bản #${id}`);
    authorize(user, "write", locked.org_id, ctx.orgs);
    const before = await findText(trx, id);
    const rev = await upsertText(trx, {
      documentId: id, text: read.text, format: read.format, fileName, matchCodes: stream.codes, fingerprints, foldVersion: FOLD_VERSION,
      metadata: stored, searchHead: searchFold(`${locked.number} ${locked.subject}`), searchBody: searchFold(read.text),
    });
    await replaceReferences(trx, id, referencesToStore(parsed.references));
    await upsertCopyCheck(trx, id, check);
    await recordAudit(trx, {
      userId: user.id, action: before ? "update" : "create", entity: ENTITY, entityId: id, orgId: locked.org_id,
      before: before ? { fileName: before.fileName, format: before.format, charCount: before.charCount } : undefined,
      after: { fileName, format: read.format, charCount: read.text.length, copiedShare: check.copiedShare, passages: check.passages.length },
    });
    return { revision: rev, row: locked };
  });
  applyTextWrite(ctx, id, { orgId: row.org_id, issuedOn: row.issued_on, secret: row.secret, revision }, fingerprints);
  const rechecked = await recheckDependents(ctx, row, fingerprints);
  const threshold = (await getSettingsFor(ctx, row.org_id)).copyThresholdPercent;
  const text = await findText(ctx.handle.db, id);
  return {
    ...presentText(ctx, row, text!, await findCopyCheck(ctx.handle.db, id), threshold),
    offered: offeredFields(row, parsed),
    rechecked,
  };
}

/** The text of a document with its parsed metadata and last check; 404 when it has none. */
export async function getDocumentText(ctx: AppContext, user: SessionUser, id: number): Promise<DocumentTextJson> {
  const doc = await loadForRead(ctx, user, id);
  const text = await findText(ctx.handle.db, id);
  if (!text) throw notFound(`nội dung của văn bản ${doc.number}`);
  const threshold = (await getSettingsFor(ctx, doc.org_id)).copyThresholdPercent;
  return presentText(ctx, doc, text, await findCopyCheck(ctx.handle.db, id), threshold);
}

/** Removes a document's text (and its check and references); documents that took passages from it are checked again. */
export async function deleteDocumentText(ctx: AppContext, user: SessionUser, id: number): Promise<{ rechecked: number }> {
  await loadForWrite(ctx, user, id);
  const users = await findChecksUsingSource(ctx.handle.db, id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const locked = await findDocument(trx, id, true);
    if (!locked) throw notFound(`văn bản #${id}`);
    authorize(user, "write", locked.org_id, ctx.orgs);
    const before = await findText(trx, id);
    if (!before) throw notFound(`nội dung của văn bản ${locked.number}`);
    await deleteTextRows(trx, id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: id, orgId: locked.org_id, before: { fileName: before.fileName, format: before.format, charCount: before.charCount } });
  });
  applyTextRemoval(ctx, id);
  return { rechecked: await recheckAll(ctx, users) };
}

/** Runs the copy check of a document again (e.g. after upper-level texts were registered elsewhere). */
export async function recheckDocumentText(ctx: AppContext, user: SessionUser, id: number): Promise<DocumentTextJson> {
  await loadForWrite(ctx, user, id);
  if (!(await recheckOne(ctx, id))) throw notFound(`nội dung của văn bản #${id}`);
  return getDocumentText(ctx, user, id);
}

async function loadForRead(ctx: AppContext, user: SessionUser, id: number): Promise<DocumentRow> {
  await ctx.orgs.refresh();
  const doc = await findDocument(ctx.handle.db, id);
  if (!doc) throw notFound(`văn bản #${id}`);
  authorize(user, "read", doc.org_id, ctx.orgs);
  return doc;
}

async function loadForWrite(ctx: AppContext, user: SessionUser, id: number): Promise<DocumentRow> {
  await ctx.orgs.refresh();
  const doc = await findDocument(ctx.handle.db, id);
  if (!doc) throw notFound(`văn bản #${id}`);
  authorize(user, "write", doc.org_id, ctx.orgs);
  return doc;
}

/**
 * The documents whose check may change now that `source` has this text: documents below its
 * unit (every unit's, when it is central), issued on or after it, sharing fingerprints with it;
 * and those whose stored passages came from it. Each is checked again (at most MAX_RECHECKS).
 */
async function recheckDependents(ctx: AppContext, source: DocumentRow, fingerprints: Uint32Array): Promise<number> {
  const index = await syncedTextIndex(ctx);
  const central = ctx.orgs.get(source.org_id)?.level === "central";
  const below = index.candidates(
    fingerprints,
    { ...DEFAULT_COPY_CHECK.retrieval, maxCandidates: MAX_RECHECKS },
    (key, m) => key !== source.id && m.issuedOn >= source.issued_on && m.orgId !== source.org_id && (central || ctx.orgs.isInSubtree(source.org_id, m.orgId)),
  ).map((c) => c.key);
  const users = await findChecksUsingSource(ctx.handle.db, source.id);
  return recheckAll(ctx, [...new Set([...below, ...users])].filter((id) => id !== source.id).slice(0, MAX_RECHECKS));
}

async function recheckAll(ctx: AppContext, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (const id of ids) if (await recheckOne(ctx, id)) n++;
  return n;
}

/** Checks one document's stored text again and stores the result; false when it has no text. */
export async function recheckDocumentCopy(ctx: AppContext, id: number): Promise<boolean> {
  return recheckOne(ctx, id);
}

async function recheckOne(ctx: AppContext, id: number): Promise<boolean> {
  const doc = await findDocument(ctx.handle.db, id);
  const text = doc ? await findText(ctx.handle.db, id) : null;
  if (!doc || !text) return false;
  const check = await checkDocumentCopy(ctx, { id, orgId: doc.org_id, issuedOn: doc.issued_on }, text.text);
  await ctx.handle.db.transaction().execute(async (trx) => {
    // the text may have gone meanwhile: store the check only while it is there
    if (await findText(trx, id)) await upsertCopyCheck(trx, id, check);
  });
  return true;
}

