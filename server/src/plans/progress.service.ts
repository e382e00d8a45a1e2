// Progress of task occurrences (issue "Plans and tasks" §7): updates with a note and evidence
// (a document of the register in the lead unit's subtree, or an uploaded file), completion and
// reopening. Needs `write` on the task's lead unit; the status is never stored, only the dates.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { findDocument } from "../documents/document.repository.js";
import { invalidFields } from "../registers/register-errors.js";
import { formatDateVi } from "../registers/register-errors.js";
import { loadProgressTarget, loadReadableTask, localToday } from "./plan.access.js";
import { findEvidenceFile, findOccurrence, insertUpdate, markOccurrenceStarted, setOccurrenceCompletion } from "./occurrence.repository.js";
import { presentOccurrence, presentUpdate, type OccurrenceJson, type UpdateJson } from "./task.presenter.js";

/** Largest evidence file stored with an update (the table's check allows 10 MB; uploads stop earlier). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** An uploaded evidence file. */
export type EvidenceUpload = { fileName: string; contentType: string | null; content: Buffer };

/** What an update carries: a note, and at most one piece of evidence. */
export type UpdateInput = { note: string; evidenceDocumentId?: number | undefined; file?: EvidenceUpload | undefined };

/**
 * Records a progress update on an occurrence and marks it started (today) if it was not. Evidence
 * is a document of the register issued within the lead unit's subtree, or an uploaded file of at
 * most MAX_EVIDENCE_BYTES. A note or evidence is required. Audited.
 */
export async function addUpdate(ctx: AppContext, user: SessionUser, occurrenceId: number, input: UpdateInput): Promise<{ occurrence: OccurrenceJson; update: UpdateJson }> {
  const { occurrence, plan, leadOrgId } = await loadProgressTarget(ctx, user, occurrenceId);
  if (input.evidenceDocumentId !== undefined && input.file !== undefined) {
    throw invalidFields([{ field: "evidenceDocumentId", reason: "chỉ chọn một minh chứng: văn bản trong sổ hoặc tệp tải lên" }]);
  }
  if (input.note.trim() === "" && input.evidenceDocumentId === undefined && input.file === undefined) {
    throw invalidFields([{ field: "note", reason: "cần ghi nội dung cập nhật hoặc kèm minh chứng" }]);
  }
  if (input.evidenceDocumentId !== undefined) {
    const doc = await findDocument(ctx.handle.db, input.evidenceDocumentId);
    if (!doc) throw invalidFields([{ field: "evidenceDocumentId", reason: `không tìm thấy văn bản #${input.evidenceDocumentId}` }]);
    if (!ctx.orgs.isInSubtree(leadOrgId, doc.org_id)) {
      throw invalidFields([{ field: "evidenceDocumentId", reason: "văn bản minh chứng phải do đơn vị chủ trì hoặc đơn vị cấp dưới của nó ban hành" }]);
    }
  }
  if (input.file !== undefined) {
    if (input.file.content.length === 0) throw invalidFields([{ field: "file", reason: "tệp minh chứng rỗng" }]);
    if (input.file.content.length > MAX_EVIDENCE_BYTES) {
      throw invalidFields([{ field: "file", reason: `tệp minh chứng vượt quá ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` }]);
    }
  }
  const today = localToday(ctx);
  const update = await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await insertUpdate(trx, {
      occurrence_id: occurrence.id, user_id: user.id, note: input.note.trim(),
      evidence_document_id: input.evidenceDocumentId ?? null,
      evidence_file_name: input.file?.fileName ?? null,
      evidence_content_type: input.file?.contentType ?? null,
      evidence_file: input.file ? new Uint8Array(input.file.content) : null,
    });
    await markOccurrenceStarted(trx, occurrence.id, today);
    await recordAudit(trx, {
      userId: user.id, action: "create", entity: "task_updates", entityId: row.id, orgId: plan.org_id,
      after: { occurrenceId: occurrence.id, note: row.note, evidenceDocumentId: row.evidence_document_id, evidenceFile: row.evidence_file_name, leadOrgId },
    });
    return row;
  });
  const after = await findOccurrence(ctx.handle.db, occurrence.id);
  if (!after) throw notFound(`kỳ thực hiện #${occurrence.id}`);
  return { occurrence: presentOccurrence(after, today), update: presentUpdate(update) };
}

/** Marks an occurrence completed on `completedOn` (not in the future); changing the day is allowed. Audited. */
export async function completeOccurrence(ctx: AppContext, user: SessionUser, occurrenceId: number, completedOn: string): Promise<OccurrenceJson> {
  const { occurrence, plan } = await loadProgressTarget(ctx, user, occurrenceId);
  const today = localToday(ctx);
  if (completedOn > today) throw invalidFields([{ field: "completedOn", reason: `ngày hoàn thành không được sau hôm nay (${formatDateVi(today)})` }]);
  const row = await ctx.handle.db.transaction().execute(async (trx) => {
    const saved = await setOccurrenceCompletion(trx, occurrence.id, completedOn);
    await recordAudit(trx, { userId: user.id, action: "update", entity: "task_occurrences", entityId: occurrence.id, orgId: plan.org_id, before: { completedOn: occurrence.completed_on }, after: { completedOn } });
    return saved;
  });
  return presentOccurrence(row, today);
}

/** Reopens a completed occurrence (clears its completion day). 409 if it is not completed. Audited. */
export async function reopenOccurrence(ctx: AppContext, user: SessionUser, occurrenceId: number): Promise<OccurrenceJson> {
  const { occurrence, plan } = await loadProgressTarget(ctx, user, occurrenceId);
  if (occurrence.completed_on === null) throw new AppError("CONFLICT", "Kỳ thực hiện này chưa hoàn thành");
  const row = await ctx.handle.db.transaction().execute(async (trx) => {
    const saved = await setOccurrenceCompletion(trx, occurrence.id, null);
    await recordAudit(trx, { userId: user.id, action: "update", entity: "task_occurrences", entityId: occurrence.id, orgId: plan.org_id, before: { completedOn: occurrence.completed_on }, after: { completedOn: null } });
    return saved;
  });
  return presentOccurrence(row, localToday(ctx));
}

/** The file of an update, for anyone who may read the task's plan. */
export async function getEvidenceFile(ctx: AppContext, user: SessionUser, updateId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const file = await findEvidenceFile(ctx.handle.db, updateId);
  if (!file || file.evidence_file === null || file.evidence_file_name === null) throw notFound(`tệp minh chứng của cập nhật #${updateId}`);
  const occurrence = await findOccurrence(ctx.handle.db, file.occurrence_id);
  if (!occurrence) throw notFound(`tệp minh chứng của cập nhật #${updateId}`);
  await loadReadableTask(ctx, user, occurrence.task_id);
  return { fileName: file.evidence_file_name, contentType: file.evidence_content_type ?? "application/octet-stream", content: Buffer.from(file.evidence_file) };
}
