import type { TaskJson } from "../api/plans.api";
import { sixClearFailures, sixClearNotes } from "../plan-format";
import { PLAN_TEXT as T } from "../texts";

/** The checks of one task, each named: T2, unmatched lead, deadline not understood, event
 * pending, and every failed "rõ" with its reason (or that all six pass). */
export function TaskFlags({ task }: { task: TaskJson }) {
  const f = task.flags;
  const items: Array<{ kind: "bad" | "warn" | "ok" | "note"; text: string; testId?: string }> = [];
  if (task.kind === "group" && f.group) items.push({ kind: "note", text: T.groupRow(f.group.units) });
  if (f.t2.breach && !task.leadManual) items.push({ kind: "bad", text: T.t2Breach(f.t2.leadNames), testId: "flag-t2" });
  if (task.kind === "task" && task.lead === null && !f.t2.breach) {
    const names = [...f.t2.unmatched, ...f.t2.ambiguous.map((a) => a.name)];
    items.push({ kind: "bad", text: names.length > 0 ? T.unmatchedLead(names) : T.noLead, testId: "flag-unmatched" });
  }
  if (!f.deadlineUnderstood) items.push({ kind: "bad", text: T.deadlineUnknown, testId: "flag-deadline" });
  if (task.schedule.kind === "event") {
    items.push(task.event ? { kind: "note", text: T.eventRecorded(task.event.on) } : { kind: "warn", text: T.eventPending, testId: "flag-event" });
  }
  for (const failure of sixClearFailures(f.sixClear)) items.push({ kind: "bad", text: failure.text, testId: `flag-six-${failure.key}` });
  if (f.sixClear?.allClear) items.push({ kind: "ok", text: T.allClear });
  for (const note of sixClearNotes(f.sixClear)) {
    if (task.schedule.kind !== "event") items.push({ kind: "note", text: note });
  }
  if (task.leadManual) items.push({ kind: "note", text: T.leadManual });
  if (items.length === 0) return null;
  return (
    <ul className="flag-list">
      {items.map((i, n) => <li key={n} className={`flag--${i.kind}`} data-testid={i.testId}>{i.text}</li>)}
    </ul>
  );
}
