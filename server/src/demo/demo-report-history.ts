// The demo's reporting history (issue "Periodic reports"): the plan of demo-report-plan.ts played
// in time order inside the demo's bulk session. Each step writes the rows the report service
// writes for it (report.service.ts openReport, patchReport, submitReport, acceptReport,
// returnReport), through report.repository.ts, at the step's own time; a submission freezes the
// content that computeContent gives with the clock set to the moment it was sent, so timeliness,
// R1, the breakdown of Sở Nội vụ's reports and the history all read as if the units had used the
// application through the year. Events, comments and audit rows are written at the end in a few
// multi-row statements (they are never read by a later step).
import type { AppContext } from "../context.js";
import type { BulkSession } from "../db/bulk.js";
import type { Db } from "../db/database.js";
import type { Obligation } from "../domain/reports/schedule.js";
import { OrgDirectory } from "../orgs/org.directory.js";
import { computeContent } from "../reports/report.content.js";
import { loadRegime, type Regime } from "../reports/report.regime.js";
import { insertComments } from "../reports/report.repository.js";
import { DEMO_REPORTERS, DEMO_REVIEWERS, headUsername, historyAccounts } from "./demo-accounts.js";
import { MERGED_COMMUNE } from "./demo-province.js";
import { planReportHistory, type OwedReport, type PlannedReport, type ScriptedUnit } from "./demo-report-plan.js";
import { reportSteps, type Deferred, type StepEnv } from "./demo-report-steps.js";
import { sessionDb } from "./demo-session-db.js";
import type { DemoHead } from "./demo.types.js";

/** The years whose reports the history covers. */
const HISTORY_YEARS = [2025, 2026] as const;
/** The fixed stories of the demo accounts' units: each returned once, Sở Y tế's 6-month report a day late. */
export const DEMO_REPORT_SCRIPTS: Readonly<Record<string, ScriptedUnit>> = {
  [MERGED_COMMUNE.code]: { returned: "2026Q2" },
  SYT: { returned: "2026Q3", late: "2026S1" },
};
/** Sở Nội vụ combines the others' reports and always sends its own on time. */
const PUNCTUAL = ["SNV"];
/** Reports of ordinary units returned once with comments, then corrected. */
const OTHER_RETURNS = 3;
/** Placeholder hash of the history-only accounts: no password verifies against it (and they are disabled). */
const NO_PASSWORD = "!";

export type HistoryCounts = { reports: number; versions: number; byStatus: Record<string, number> };

/** Every report owed in the history years by every unit of the tree (as the regime gives them). */
function owedReports(ctx: AppContext, regime: Regime): { owed: OwedReport[]; obligationOf: Map<string, Obligation> } {
  const obligationOf = new Map<string, Obligation>();
  const owed: OwedReport[] = [];
  for (const org of ctx.orgs.all()) {
    for (const year of HISTORY_YEARS) {
      for (const ob of regime.obligationsOfYear(org.id, year)) {
        obligationOf.set(`${org.code}:${ob.period.id}`, ob);
        owed.push({ orgCode: org.code, period: ob.period.id, periodStart: ob.period.start, lastDay: ob.deadline.lastDay });
      }
    }
  }
  return { owed, obligationOf };
}

/** The demo's report plan for the tree of `ctx` (its regime in force) at `now`. */
export function planDemoReports(ctx: AppContext, regime: Regime, seed: number, now: Date): { plans: PlannedReport[]; obligationOf: Map<string, Obligation> } {
  const { owed, obligationOf } = owedReports(ctx, regime);
  const first = owed[0] ? ctx.orgs.byCode(owed[0].orgCode)?.id : undefined;
  const settings = regime.settingsOf(first ?? 0);
  const plans = planReportHistory(owed, {
    seed, now, utcOffsetMinutes: settings.sessionConvention.utcOffsetMinutes, openDaysBefore: settings.reporting.openDaysBefore,
    scripted: DEMO_REPORT_SCRIPTS, punctual: PUNCTUAL, otherReturns: OTHER_RETURNS,
  });
  return { plans, obligationOf };
}

/** Inserts the history-only accounts the plan needs; returns username → id of every account used. */
async function accountsFor(db: Db, plans: readonly PlannedReport[], heads: readonly DemoHead[], orgIdOf: (code: string) => number): Promise<Map<string, { id: number; fullName: string }>> {
  const units = new Set(plans.map((p) => p.orgCode));
  // a head account for each reporting unit whose reports no demo account sends
  const needed = heads.filter((h) => units.has(h.orgCode) && (DEMO_REPORTERS[h.orgCode]?.submitter ?? headUsername(h.orgCode)) === headUsername(h.orgCode));
  const rows = historyAccounts(needed).map((a) => ({ username: a.username, password_hash: NO_PASSWORD, full_name: a.fullName, role: a.role, org_id: orgIdOf(a.orgCode), disabled: true }));
  if (rows.length > 0) await db.insertInto("users").values(rows).onConflict((oc) => oc.column("username").doNothing()).execute();
  const users = await db.selectFrom("users").select(["id", "username", "full_name"]).execute();
  return new Map(users.map((u) => [u.username, { id: u.id, fullName: u.full_name }]));
}

/**
 * Plans and writes the reporting history of the demo in the bulk session `s` (the registers,
 * settings and demo accounts already in it): the content of every version is computed by
 * computeContent on the session at the moment the version was sent.
 */
export async function insertDemoReportHistory(s: BulkSession, ctx: AppContext, input: { seed: number; now: Date; heads: readonly DemoHead[] }): Promise<HistoryCounts> {
  // nothing but the reports' tables (and the accounts, inserted first) changes while the history
  // is played, so every other read may be answered from the session's memo
  const db = sessionDb(s, { memoizeReadsExcept: /\b(reports|report_versions|report_events|report_comments|audit_log|users)\b/i });
  let clock = input.now;
  const sim: AppContext = { handle: { ...ctx.handle, db }, orgs: new OrgDirectory(db), now: () => clock };
  await sim.orgs.refresh();
  const regime = await loadRegime(sim);
  const { plans, obligationOf } = planDemoReports(sim, regime, input.seed, input.now);
  const orgIdOf = (code: string) => sim.orgs.byCode(code)?.id ?? 0;
  const users = await accountsFor(db, plans, input.heads, orgIdOf);
  const userOf = (username: string) => {
    const u = users.get(username);
    if (!u) throw new Error(`demo report history needs the account ${username}`);
    return u;
  };
  const headOf = new Map(input.heads.map((h) => [h.orgCode, h]));
  const deferred: Deferred = { events: [], comments: [], audit: [] };
  const env: StepEnv = { db, deferred, seed: input.seed, setClock: (at) => (clock = at), content: (orgId, period) => computeContent(sim, regime, orgId, period) };
  const steps = plans.flatMap((plan) => {
    const ob = obligationOf.get(`${plan.orgCode}:${plan.period}`) as Obligation;
    const reporters = DEMO_REPORTERS[plan.orgCode] ?? { preparer: headUsername(plan.orgCode), submitter: headUsername(plan.orgCode) };
    return reportSteps(env, {
      plan, obligation: ob, orgId: orgIdOf(plan.orgCode), orgName: sim.orgs.get(orgIdOf(plan.orgCode))?.name ?? "", head: headOf.get(plan.orgCode),
      preparer: userOf(reporters.preparer), submitter: userOf(reporters.submitter),
      reviewer: userOf(DEMO_REVIEWERS[sim.orgs.get(ob.recipientOrgId)?.code ?? ""] ?? ""),
    });
  });
  // every step in time order (the sort is stable: a report's own steps stay in the order written)
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run();
  await flush(db, deferred);
  return countHistory(db);
}

const CHUNK = 1000;

async function flush(db: Db, d: Deferred): Promise<void> {
  for (let i = 0; i < d.events.length; i += CHUNK) await db.insertInto("report_events").values(d.events.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < d.comments.length; i += CHUNK) await insertComments(db, d.comments.slice(i, i + CHUNK));
  for (let i = 0; i < d.audit.length; i += CHUNK) await db.insertInto("audit_log").values(d.audit.slice(i, i + CHUNK)).execute();
}

async function countHistory(db: Db): Promise<HistoryCounts> {
  const rows = await db.selectFrom("reports").select(["status"]).select((eb) => eb.fn.countAll<number>().as("n")).groupBy("status").execute();
  const versions = await db.selectFrom("report_versions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return { reports: Object.values(byStatus).reduce((a, b) => a + b, 0), versions: Number(versions?.n ?? 0), byStatus };
}
