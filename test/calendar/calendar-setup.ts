// Shared set-up of the calendar tests: a province with communes, and conferences written the way
// the conference register stores them (chairs, invited units, planned conference).
import { randomBytes } from "node:crypto";
import { countSessions } from "../../server/src/domain/sessions.js";
import { KL226_DEFAULTS } from "../../server/src/domain/settings.js";
import type { AppContext } from "../../server/src/context.js";

/** What the factories need: the app context of a test app or of the browser tests' server. */
type WithContext = { ctx: AppContext };

export type Headers = Record<string, string>;

/** A local (Asia/Ho_Chi_Minh) time "2026-03-02T08:00" as an instant. */
export const local = (at: string): Date => new Date(`${at}:00+07:00`);

let seq = 0;

/** Inserts a conference; `start`/`end` are local times. Returns its id. */
export async function buildConference(
  t: WithContext,
  o: { orgId: number; start: string; end: string; chairs?: string[]; invitedOrgIds?: number[]; title?: string; format?: "truc_tiep" | "truc_tuyen" | "ket_hop"; plannedId?: number | null },
): Promise<number> {
  seq += 1;
  const start = local(o.start);
  const end = local(o.end);
  const row = await t.ctx.handle.db
    .insertInto("meetings")
    .values({
      org_id: o.orgId,
      title: o.title ?? `Hội nghị lịch ${seq} ${randomBytes(2).toString("hex")}`,
      category: "chuyen_mon",
      scope: "noi_bo",
      format: o.format ?? "truc_tiep",
      start_at: start,
      end_at: end,
      sessions: countSessions(start, end, KL226_DEFAULTS.sessionConvention),
      opening_min: null,
      conclusion_min: null,
      max_contribution_min: null,
      exception_decision: null,
      commune_participants: null,
      import_id: null,
      chairs: o.chairs ?? [],
      invited_org_ids: o.invitedOrgIds ?? [],
      planned_id: o.plannedId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An annual conference plan of a unit with planned conferences (a date, or only a month). */
export async function buildConferencePlan(t: WithContext, orgId: number, year: number, planned: Array<{ date?: string; month?: number }>): Promise<number[]> {
  const plan = await t.ctx.handle.db.insertInto("conference_plans").values({ org_id: orgId, year }).returning("id").executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [i, p] of planned.entries()) {
    const row = await t.ctx.handle.db
      .insertInto("planned_conferences")
      .values({
        plan_id: plan.id, title: `Hội nghị kế hoạch ${i + 1}`, category: "chuyen_mon", scope: "noi_bo", format: "truc_tuyen",
        planned_date: p.date ?? null, planned_month: p.month ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}
