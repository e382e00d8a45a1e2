// Use cases of a conference's papers (tài liệu hội nghị): list with the "papers late" verdict,
// upload, download, delete, and marking the agenda and papers sent to the delegates. Read needs
// `read` on the host unit, every write `write` on it (officer, aggregator, admin of its
// subtree); each write runs in one transaction with its audit row, the conference row locked.
import type { AppContext } from "../context.js";
import { authorize, can, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import { parseDate, parseDateTime } from "../domain/date-values.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { formatDateTimeVi, invalidFields } from "../registers/register-errors.js";
import { checkPaperFile, cleanFileName } from "./paper-files.js";
import { deletePaper, findMeetingHead, findPaperFile, insertPaper, listPapers, setPapersSentAt, type MeetingHead } from "./paper.repository.js";
import { presentPaper, presentSent, type PaperJson, type PapersSentJson } from "./paper.presenter.js";
import { localDay, localMidnight } from "../domain/reports/report-dates.js";
import { papersTimingOf } from "./papers-timing.js";

const ENTITY = "meeting_papers";
/** A clock a few minutes ahead of the server's is still "now", not a future sending. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** The papers panel: the agenda, the papers, whether they went out in time, and what the user may do. */
export type PapersView = { meetingId: number; agenda: string | null; papers: PaperJson[]; sent: PapersSentJson; canEdit: boolean };

/** The conference if the user may do `action` on its host unit: 404 / 403. */
export async function loadMeeting(ctx: AppContext, user: SessionUser, id: number, action: "read" | "write"): Promise<MeetingHead> {
  await ctx.orgs.refresh();
  const m = await findMeetingHead(ctx.handle.db, id);
  if (!m) throw notFound(`hội nghị #${id}`);
  authorize(user, action, m.org_id, ctx.orgs);
  return m;
}

async function sentOf(ctx: AppContext, m: Pick<MeetingHead, "org_id" | "start_at">, sentAt: Date | null): Promise<PapersSentJson> {
  const s = await getSettingsFor(ctx, m.org_id);
  const timing = papersTimingOf({ start: m.start_at, sentAt, now: ctx.now() }, s.conferencePlanning, s.sessionConvention.utcOffsetMinutes);
  return presentSent(sentAt, timing);
}

/** The papers of a conference and the "papers late" verdict. */
export async function getPapers(ctx: AppContext, user: SessionUser, meetingId: number): Promise<PapersView> {
  const m = await loadMeeting(ctx, user, meetingId, "read");
  const papers = await listPapers(ctx.handle.db, m.id);
  return { meetingId: m.id, agenda: m.agenda, papers: papers.map(presentPaper), sent: await sentOf(ctx, m, m.papers_sent_at), canEdit: can(user, "write", m.org_id, ctx.orgs) };
}

/** Attaches a paper (PDF, DOCX, XLSX or image, ≤ 10 MB; type checked from name and bytes). */
export async function addPaper(
  ctx: AppContext, user: SessionUser, meetingId: number, input: { title?: string | undefined; file: { fileName: string; content: Buffer } },
): Promise<PaperJson> {
  const m = await loadMeeting(ctx, user, meetingId, "write");
  const fileName = cleanFileName(input.file.fileName);
  const check = checkPaperFile(fileName, input.file.content);
  if (!check.ok) throw invalidFields([{ field: "file", reason: check.reason }]);
  const title = input.title ?? fileName.replace(/\.[a-z0-9]+$/i, "");
  return ctx.handle.db.transaction().execute(async (trx) => {
    if (!(await findMeetingHead(trx, m.id, true))) throw notFound(`hội nghị #${m.id}`);
    const row = await insertPaper(trx, { meeting_id: m.id, title, file_name: fileName, content_type: check.contentType, content: input.file.content });
    await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId: m.org_id, after: { meetingId: m.id, title, fileName, size: row.size } });
    return presentPaper(row);
  });
}

/** A paper's file for anyone who may read the conference. */
export async function getPaperFile(ctx: AppContext, user: SessionUser, meetingId: number, paperId: number) {
  const m = await loadMeeting(ctx, user, meetingId, "read");
  const file = await findPaperFile(ctx.handle.db, m.id, paperId);
  if (!file || file.content === null || file.file_name === null) throw notFound(`tệp của tài liệu #${paperId}`);
  return { fileName: file.file_name, contentType: file.content_type ?? "application/octet-stream", content: Buffer.from(file.content) };
}

/** Removes a paper. */
export async function removePaper(ctx: AppContext, user: SessionUser, meetingId: number, paperId: number): Promise<void> {
  const m = await loadMeeting(ctx, user, meetingId, "write");
  await ctx.handle.db.transaction().execute(async (trx) => {
    if (!(await findMeetingHead(trx, m.id, true))) throw notFound(`hội nghị #${m.id}`);
    const row = await deletePaper(trx, m.id, paperId);
    if (!row) throw notFound(`tài liệu #${paperId} của hội nghị #${m.id}`);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: row.id, orgId: m.org_id, before: { meetingId: m.id, title: row.title, fileName: row.file_name, size: row.size } });
  });
}

/**
 * Marks the agenda and papers sent to the delegates at `sentAt` (default now; a date alone is
 * the start of that day, or now when it is today). Needs an agenda or at least one paper, and not a future
 * instant. Returns the "papers late" verdict of the setting `papersDaysAhead`.
 */
export async function markPapersSent(ctx: AppContext, user: SessionUser, meetingId: number, raw: string | undefined): Promise<PapersSentJson> {
  const m = await loadMeeting(ctx, user, meetingId, "write");
  const settings = await getSettingsFor(ctx, m.org_id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const sentAt = raw === undefined ? ctx.now() : parseSentAt(raw, ctx.now(), offset);
  if (sentAt.getTime() > ctx.now().getTime() + CLOCK_SLACK_MS) {
    throw invalidFields([{ field: "sentAt", reason: `không được sau thời điểm hiện tại (${formatDateTimeVi(ctx.now(), offset)})` }]);
  }
  const papers = await listPapers(ctx.handle.db, m.id);
  if (papers.length === 0 && (m.agenda ?? "").trim() === "") {
    throw new AppError("RULE_VIOLATION", "Chưa có chương trình hay tài liệu nào của hội nghị để gửi đại biểu: hãy tải tài liệu lên trước");
  }
  await ctx.handle.db.transaction().execute(async (trx) => {
    const locked = await findMeetingHead(trx, m.id, true);
    if (!locked) throw notFound(`hội nghị #${m.id}`);
    await setPapersSentAt(trx, m.id, sentAt);
    await recordAudit(trx, {
      userId: user.id, action: "update", entity: "meetings", entityId: m.id, orgId: m.org_id,
      before: { papersSentAt: locked.papers_sent_at?.toISOString() ?? null }, after: { papersSentAt: sentAt.toISOString(), papers: papers.length },
    });
  });
  return sentOf(ctx, m, sentAt);
}

function parseSentAt(raw: string, now: Date, offset: number): Date {
  const day = parseDate(raw);
  if (day.ok) {
    if (day.value === localDay(now, offset)) return now;
    return localMidnight(day.value, offset);
  }
  const at = parseDateTime(raw, offset);
  if (!at.ok) throw invalidFields([{ field: "sentAt", reason: at.reason }]);
  return at.value;
}
