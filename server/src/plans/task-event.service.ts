// Recording the event of an event-bound deadline (issue "Plans and tasks" §3): "Sau khi Thủ tướng
// CP ban hành Chỉ thị" has no date until the issuer records the day the event happened; the task
// then has one due (task.event.ts) and is tracked like any other. Needs `write` on the plan's
// issuer (the lead unit does not move its own due). Audited; every read happens before the
// transaction (PGlite has one connection).
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { Schedule } from "../domain/plans/deadline.js";
import { formatDateVi, invalidFields } from "../registers/register-errors.js";
import { loadWritableTask, localToday } from "./plan.access.js";
import { jsonOf } from "./plan.json.js";
import { updateTask } from "./task.repository.js";
import { eventDueOf } from "./task.event.js";
import { loadTaskEnv } from "./task.env.js";
import type { TEventBody } from "./task.schema.js";
import { getTaskDetail, type TaskDetail } from "./task.service.js";
import { cellsOf, loadSyncState, resyncTask } from "./task.sync.js";

/**
 * Records (or, with `eventOn: null`, clears) the event day of an event-bound task. A group row
 * passes it to every task fanned out of it. With an offset in the deadline ("Trong vòng 30 ngày
 * kể từ …") the due follows from the day; without one the user gives the due (`dueOn`). An open
 * occurrence moves to the new due when the day is corrected; a completed one keeps its due.
 */
export async function recordTaskEvent(ctx: AppContext, user: SessionUser, taskId: number, body: TEventBody): Promise<TaskDetail> {
  const { task, plan } = await loadWritableTask(ctx, user, taskId);
  const schedule = jsonOf<Schedule>(task.schedule);
  const eventOn = body.eventOn;
  const dueOn = body.dueOn ?? null;
  if (schedule.kind !== "event") {
    throw invalidFields([{ field: "eventOn", reason: `thời hạn «${task.deadline_text}» không phụ thuộc sự kiện nào` }]);
  }
  if (eventOn === null) {
    if (dueOn !== null) throw invalidFields([{ field: "dueOn", reason: "không nhập hạn hoàn thành khi xóa ngày sự kiện" }]);
  } else {
    const today = localToday(ctx);
    if (eventOn > today) throw invalidFields([{ field: "eventOn", reason: `ngày xảy ra sự kiện không được sau hôm nay (${formatDateVi(today)})` }]);
    const r = eventDueOf(schedule, eventOn, dueOn);
    if ("problem" in r) throw invalidFields([r.problem]);
  }
  const values = { event_on: eventOn, event_due_on: schedule.offset === null ? dueOn : null };
  const env = await loadTaskEnv(ctx, plan);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const state = await loadSyncState(trx, plan.id);
    const targets = [...state.tasks.values()].filter((t) => t.id === task.id || t.fanned_from_task_id === task.id);
    for (const t of targets) state.tasks.set(t.id, await updateTask(trx, t.id, values));
    const saved = state.tasks.get(task.id) ?? task;
    await resyncTask(trx, state, env, saved, cellsOf(saved), new Set());
    await recordAudit(trx, {
      userId: user.id, action: "update", entity: "plan_tasks", entityId: task.id, orgId: plan.org_id,
      before: { eventOn: task.event_on, eventDueOn: task.event_due_on },
      after: { eventOn: values.event_on, eventDueOn: values.event_due_on, tasks: targets.length },
    });
  });
  return getTaskDetail(ctx, user, task.id);
}
