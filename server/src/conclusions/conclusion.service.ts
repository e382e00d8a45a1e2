// Use cases of a conference's conclusions (issue 7 §6): after the conference, its conclusion
// notice (thông báo kết luận) is registered as a plan of type TB of the host unit, linked by
// meetings.conclusion_plan_id, and each conclusion becomes a task of it through the plans
// module's own code path (insertTaskAudited: T2, "6 rõ", schedule, occurrences, audit). A
// conclusion without a lead, a due or a product is accepted and flagged. Adding conclusions
// later appends tasks to the same notice. Writes need `write` on the host unit; one transaction.
import type { AppContext } from "../context.js";
import { can, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { PlanRow } from "../db/schema.js";
import { formatDateTimeVi, formatDateVi, invalidFields, isUniqueViolation } from "../registers/register-errors.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { localToday } from "../plans/plan.access.js";
import { findPlan } from "../plans/plan.repository.js";
import { insertPlanAudited } from "../plans/plan.service.js";
import { findTasksOfPlan } from "../plans/task.repository.js";
import { findOccurrencesOfTasks } from "../plans/occurrence.repository.js";
import { loadTaskEnv } from "../plans/task.env.js";
import { insertTaskAudited, type NewTask } from "../plans/task.service.js";
import { loadSyncState } from "../plans/task.sync.js";
import { findMeetingHead, type MeetingHead } from "../meeting-papers/paper.repository.js";
import { loadMeeting } from "../meeting-papers/paper.service.js";
import { localDay } from "../domain/reports/report-dates.js";
import { deadlineTextOf } from "./conclusion-progress.js";
import { endOf, presentConclusions, presentNotice, type ConclusionsView } from "./conclusion.presenter.js";
import { setConclusionPlan } from "./conclusion.repository.js";
import type { TConclusionInput, TConclusionsBody } from "./conclusion.schema.js";

/** The notice's document type (Nghị định 30): Thông báo. */
const NOTICE_TYPE = "TB";

/** The notice and its conclusions with their progress. */
export async function getConclusions(ctx: AppContext, user: SessionUser, meetingId: number): Promise<ConclusionsView> {
  const m = await loadMeeting(ctx, user, meetingId, "read");
  return conclusionsView(ctx, user, m);
}

async function conclusionsView(ctx: AppContext, user: SessionUser, m: MeetingHead): Promise<ConclusionsView> {
  const db = ctx.handle.db;
  const plan = m.conclusion_plan_id === null ? undefined : await findPlan(db, m.conclusion_plan_id);
  const tasks = plan ? await findTasksOfPlan(db, plan.id) : [];
  const occurrences = await findOccurrencesOfTasks(db, tasks.map((t) => t.id));
  return {
    meetingId: m.id,
    ended: m.end_at.getTime() <= ctx.now().getTime(),
    end: endOf(m.end_at),
    canEdit: can(user, "write", m.org_id, ctx.orgs),
    notice: plan ? presentNotice(ctx, plan) : null,
    ...presentConclusions(ctx, tasks, occurrences, localToday(ctx)),
  };
}

/**
 * Records the notice (the first time: number and date needed) and appends its conclusions as
 * tasks; refused before the conference has ended. Returns the view and the ids of the new tasks.
 */
export async function recordConclusions(ctx: AppContext, user: SessionUser, meetingId: number, body: TConclusionsBody): Promise<ConclusionsView & { createdTaskIds: number[] }> {
  const m = await loadMeeting(ctx, user, meetingId, "write");
  const settings = await getSettingsFor(ctx, m.org_id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  if (m.end_at.getTime() > ctx.now().getTime()) {
    throw new AppError("RULE_VIOLATION", `Hội nghị chưa kết thúc (kết thúc lúc ${formatDateTimeVi(m.end_at, offset)}): chỉ ghi nhận thông báo kết luận sau khi hội nghị kết thúc`);
  }
  const existing = m.conclusion_plan_id === null ? undefined : await findPlan(ctx.handle.db, m.conclusion_plan_id);
  const notice = existing ?? newNotice(m, body, localDay(m.start_at, offset), localToday(ctx));
  if (existing && body.number !== undefined && body.number !== existing.number) {
    throw new AppError("CONFLICT", `Hội nghị đã có thông báo kết luận số ${existing.number}; các kết luận mới được thêm vào thông báo này`);
  }
  const env = await loadTaskEnv(ctx, notice);
  const tasks = body.conclusions.map((c, i) => taskOf(ctx, m.org_id, c, i));
  const orgCode = ctx.orgs.get(m.org_id)?.code ?? "";
  try {
    const created = await ctx.handle.db.transaction().execute(async (trx) => {
      const locked = await findMeetingHead(trx, m.id, true);
      if (!locked) throw notFound(`hội nghị #${m.id}`);
      if (locked.conclusion_plan_id !== m.conclusion_plan_id) {
        throw new AppError("CONFLICT", "Thông báo kết luận của hội nghị vừa được người khác ghi nhận; hãy tải lại rồi thử lại");
      }
      let plan: PlanRow;
      if (existing) {
        plan = existing;
      } else {
        plan = await insertPlanAudited(trx, user, m.org_id, {
          orgCode, number: notice.number, type: NOTICE_TYPE, issuedOn: notice.issued_on, title: notice.title, parentPlanId: null,
        });
        await setConclusionPlan(trx, m.id, plan.id);
        await recordAudit(trx, { userId: user.id, action: "update", entity: "meetings", entityId: m.id, orgId: m.org_id, before: { conclusionPlanId: null }, after: { conclusionPlanId: plan.id } });
      }
      const state = await loadSyncState(trx, plan.id);
      let tt = nextTt([...state.tasks.values()].map((t) => t.tt));
      const ids: number[] = [];
      for (const task of tasks) {
        const row = await insertTaskAudited(trx, state, env, user, plan, { ...task, cells: { ...task.cells, tt: String(tt++) } });
        ids.push(row.id);
      }
      return ids;
    });
    const after = await findMeetingHead(ctx.handle.db, m.id);
    if (!after) throw notFound(`hội nghị #${m.id}`);
    return { ...(await conclusionsView(ctx, user, after)), createdTaskIds: created };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Đơn vị đã có văn bản số ${notice.number} ban hành ngày ${formatDateVi(notice.issued_on)}`);
    throw e;
  }
}

/** The notice to register: number and date required; issued on or after the conference's day and not later than today. */
function newNotice(m: MeetingHead, body: TConclusionsBody, startDay: string, today: string): { org_id: number; number: string; issued_on: string; title: string; horizon_year: null } {
  const issues: Array<{ field: string; reason: string }> = [];
  if (body.number === undefined) issues.push({ field: "number", reason: "cần số ký hiệu của thông báo kết luận, ví dụ 45/TB-UBND" });
  if (body.issuedOn === undefined) issues.push({ field: "issuedOn", reason: "cần ngày ban hành thông báo kết luận" });
  else if (body.issuedOn < startDay) issues.push({ field: "issuedOn", reason: `không được trước ngày hội nghị (${formatDateVi(startDay)})` });
  else if (body.issuedOn > today) issues.push({ field: "issuedOn", reason: `không được sau hôm nay (${formatDateVi(today)})` });
  if (issues.length > 0 || body.number === undefined || body.issuedOn === undefined) throw invalidFields(issues);
  return { org_id: m.org_id, number: body.number, issued_on: body.issuedOn, title: body.title ?? `Kết luận của hội nghị «${m.title}»`, horizon_year: null };
}

/**
 * The task of one conclusion. Its lead is a unit code (that unit, which must be within the host
 * unit's subtree — "rõ thẩm quyền") or a name matched like an imported lead cell (two names are
 * a T2 breach, flagged); empty is accepted and flagged.
 */
function taskOf(ctx: AppContext, hostId: number, c: TConclusionInput, index: number): NewTask {
  const cells = { tt: "", content: c.content, coordinatorsText: c.coordinators, product: c.product, deadlineText: deadlineTextOf(c.due), reviewCadence: null };
  const org = c.lead === "" ? undefined : ctx.orgs.byCode(c.lead);
  if (!org) return { cells, leadText: c.lead, unit: null, parentTaskId: null };
  if (!ctx.orgs.isInSubtree(hostId, org.id)) {
    throw invalidFields([{ field: `conclusions.${index}.lead`, reason: "đơn vị chủ trì phải thuộc phạm vi của đơn vị chủ trì hội nghị" }]);
  }
  return { cells, leadText: org.name, unit: { id: org.id, name: org.name }, parentTaskId: null };
}

/** The TT after the largest numeric TT of the notice (conclusions are numbered 1, 2, 3…). */
function nextTt(tts: readonly string[]): number {
  return tts.reduce((max, tt) => (/^\d+$/.test(tt) ? Math.max(max, Number(tt)) : max), 0) + 1;
}
