// Replays a unit's demo report history through the report service (openReport, patchReport,
// submitReport, acceptReport, returnReport), each step with the clock set to the time the demo
// recorded for it — what the service itself would have written, to compare with the demo's rows.
import { sql } from "kysely";
import type { AppContext } from "../../server/src/context.js";
import type { SessionUser } from "../../server/src/auth/policy.js";
import type { ReportRow, ReportVersionRow } from "../../server/src/db/schema.js";
import { acceptReport, openReport, patchReport, returnReport, submitReport } from "../../server/src/reports/report.service.js";
import { jsonOf } from "../../server/src/reports/report.repository.js";

export type UnitHistory = {
  reports: ReportRow[];
  versions: ReportVersionRow[];
  events: Array<{ report_id: number; version: number | null; step: string; user_id: number | null; at: Date; note: string | null }>;
  comments: Array<{ report_id: number; version: number | null; user_id: number | null; anchor: string; body: string; at: Date }>;
};

/** Every report row of a unit with its versions, events and comments. */
export async function readUnitHistory(ctx: AppContext, orgId: number): Promise<UnitHistory> {
  const db = ctx.handle.db;
  const reports = await db.selectFrom("reports").selectAll().where("org_id", "=", orgId).orderBy("period").execute();
  const ids = reports.map((r) => r.id);
  if (ids.length === 0) return { reports, versions: [], events: [], comments: [] };
  return {
    reports,
    versions: await db.selectFrom("report_versions").selectAll().where("report_id", "in", ids).orderBy("report_id").orderBy("version").execute(),
    events: await db.selectFrom("report_events").select(["report_id", "version", "step", "user_id", "at", "note"]).where("report_id", "in", ids).orderBy("at").orderBy("id").execute(),
    comments: await db.selectFrom("report_comments").select(["report_id", "version", "user_id", "anchor", "body", "at"]).where("report_id", "in", ids).orderBy("at").orderBy("id").execute(),
  };
}

/** Deletes a unit's reports (and what hangs on them) so the service can write them again. */
export async function deleteUnitHistory(ctx: AppContext, orgId: number): Promise<void> {
  const ids = sql`(select id from reports where org_id = ${orgId})`;
  await sql`delete from report_comments where report_id in ${ids}`.execute(ctx.handle.db);
  await sql`delete from report_events where report_id in ${ids}`.execute(ctx.handle.db);
  await sql`delete from report_versions where report_id in ${ids}`.execute(ctx.handle.db);
  await sql`delete from reports where org_id = ${orgId}`.execute(ctx.handle.db);
}

type Step = { at: Date; run: (ctx: AppContext) => Promise<unknown> };

/**
 * Plays `h` again through the service: create, then before each version the officer's edit
 * (the version's text), the head's submission and the receiving level's decision; a draft never
 * sent gets its stored text. Returns the report ids by period.
 */
export async function replayThroughService(base: AppContext, h: UnitHistory, users: Map<number, SessionUser>, orgCode: string): Promise<Map<string, number>> {
  const idOf = new Map<string, number>();
  const user = (id: number | null) => users.get(id ?? 0) as SessionUser;
  const steps: Step[] = [];
  for (const r of h.reports) {
    const create = h.events.find((e) => e.report_id === r.id && e.step === "create");
    if (!create) throw new Error(`report ${r.id} has no create event`);
    steps.push({ at: create.at, run: async (ctx) => idOf.set(r.period, (await openReport(ctx, user(create.user_id), { org: orgCode, period: r.period })).view.id) });
    const versions = h.versions.filter((v) => v.report_id === r.id);
    const edits = h.events.filter((e) => e.report_id === r.id && e.step === "edit");
    if (versions.length === 0) {
      const edit = edits[0];
      if (edit) steps.push({ at: edit.at, run: (ctx) => patchReport(ctx, user(edit.user_id), idOf.get(r.period) as number, { narrative: jsonOf(r.narrative), explanations: jsonOf(r.explanations), meta: jsonOf(r.meta) }) });
      continue;
    }
    versions.forEach((v, i) => {
      const edit = edits[i] as (typeof edits)[number];
      steps.push({ at: edit.at, run: (ctx) => patchReport(ctx, user(edit.user_id), idOf.get(r.period) as number, { narrative: jsonOf(v.narrative), explanations: jsonOf(v.explanations), meta: jsonOf(v.meta) }) });
      steps.push({ at: v.submitted_at, run: (ctx) => submitReport(ctx, user(v.submitted_by), idOf.get(r.period) as number) });
      if (v.decision === "accepted") steps.push({ at: v.decided_at as Date, run: (ctx) => acceptReport(ctx, user(v.decided_by), idOf.get(r.period) as number, v.decision_note ?? undefined) });
      if (v.decision === "returned") {
        const comments = h.comments.filter((c) => c.report_id === r.id && c.version === v.version).map((c) => ({ anchor: c.anchor, body: c.body }));
        steps.push({ at: v.decided_at as Date, run: (ctx) => returnReport(ctx, user(v.decided_by), idOf.get(r.period) as number, { reason: v.decision_note ?? "", comments }) });
      }
    });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run({ ...base, now: () => step.at });
  return idOf;
}

/** What a frozen version holds, for comparing two writes of it. */
export function frozen(v: ReportVersionRow) {
  return {
    version: v.version, recipient: v.recipient_org_id, figures: jsonOf(v.figures), narrative: jsonOf(v.narrative), explanations: jsonOf(v.explanations),
    flags: jsonOf(v.flags), meta: jsonOf(v.meta), deadline: [v.deadline_last_day, v.deadline_text], submittedAt: v.submitted_at.toISOString(),
    submittedBy: v.submitted_by, onTime: v.on_time, decision: v.decision, decidedAt: v.decided_at?.toISOString() ?? null, decidedBy: v.decided_by, note: v.decision_note,
  };
}
