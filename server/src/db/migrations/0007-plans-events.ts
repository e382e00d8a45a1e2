import { sql, type Kysely } from "kysely";

// Event-bound deadlines (issue "Plans and tasks" §3: "Sau khi Thủ tướng CP ban hành Chỉ thị"):
// the day the event happened, recorded by the plan's issuer, and — when the deadline text names
// no time after the event — the due the user set. The task's one occurrence (period "event")
// follows from them; see server/src/plans/task.event.ts.
const UP: string[] = [
  `alter table plan_tasks add column event_on date`,
  `alter table plan_tasks add column event_due_on date`,
  `alter table plan_tasks add constraint plan_tasks_event_due check (event_due_on is null or (event_on is not null and event_due_on >= event_on))`,
];

const DOWN: string[] = [
  `alter table plan_tasks drop constraint plan_tasks_event_due`,
  `alter table plan_tasks drop column event_due_on`,
  `alter table plan_tasks drop column event_on`,
];

/** The event day of event-bound tasks and the due given with it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of DOWN) await sql.raw(statement).execute(db);
}
