// The steps of one planned report of the demo's history, each writing at its own time the rows
// the report service writes for it (report.service.ts): openReport → insertReport; patchReport →
// the text (kept with the submission's update: nothing reads the report in between);
// submitReport → a frozen version of the content computed at that moment; acceptReport /
// returnReport → the decision (a return with its comments). Workflow events, comments and audit
// rows are collected in `deferred` and written at the end.
import type { Db } from "../db/database.js";
import type { Period } from "../domain/period.js";
import { parsePeriod } from "../domain/period.js";
import { isOnTime } from "../domain/reports/deadline.js";
import { EMPTY_NARRATIVE, type Narrative } from "../domain/reports/narrative.js";
import type { QualityFlag } from "../domain/reports/quality.js";
import { periodNameVi } from "../domain/reports/report-dates.js";
import type { Obligation } from "../domain/reports/schedule.js";
import type { ReportContent } from "../reports/report.content.js";
import { figurePathsOf, type ReportMeta } from "../reports/report.presenter.js";
import { decideVersion, insertReport, insertVersion, updateReport } from "../reports/report.repository.js";
import type { PlannedReport } from "./demo-report-plan.js";
import { correctNarrative, explainFlags, writeDraftNarrative, writeNarrative, writeReturn } from "./demo-report-text.js";
import { SeededRandom } from "./seeded-random.js";
import type { DemoHead } from "./demo.types.js";

const ENTITY = "reports";
const EDITED = "narrative, explanations, meta";

export type Step = { at: Date; run: () => Promise<void> };
export type Deferred = {
  events: Array<{ report_id: number; version: number | null; step: "create" | "edit" | "submit" | "accept" | "return"; user_id: number; at: Date; note: string | null }>;
  comments: Array<{ report_id: number; version: number | null; user_id: number; anchor: string; body: string; at: Date }>;
  audit: Array<{ at: Date; user_id: number; action: "create" | "update"; entity: string; entity_id: string; org_id: number; before: string | null; after: string }>;
};

/** What every report's steps share: the session, the deferred rows, the clock and the content as the service computes it. */
export type StepEnv = {
  db: Db;
  deferred: Deferred;
  seed: number;
  setClock(at: Date): void;
  content(orgId: number, period: Period): Promise<{ content: ReportContent; flags: QualityFlag[] }>;
};

type Account = { id: number; fullName: string };
export type ReportActors = {
  plan: PlannedReport; obligation: Obligation; orgId: number; orgName: string; head: DemoHead | undefined;
  preparer: Account; submitter: Account; reviewer: Account;
};

/** The return's comments, keeping only figure anchors the version has. */
function returnOf(content: ReportContent) {
  const { reason, comments } = writeReturn(content);
  const paths = figurePathsOf(content);
  return { reason, comments: comments.filter((c) => !c.anchor.startsWith("figure:") || paths.has(c.anchor.slice(7))) };
}

/** The steps of one report: open, draft edit or versions sent, decisions. */
export function reportSteps(env: StepEnv, a: ReportActors): Step[] {
  const { db, deferred } = env;
  const { plan, obligation: ob, orgId } = a;
  const r = new SeededRandom(env.seed).fork(`report-text:${plan.orgCode}:${plan.period}`);
  const number = r.int(12, 380);
  const meta: ReportMeta = { number: a.head?.party ? `${number}-BC/${a.head.issuer}` : `${number}/BC-${a.head?.issuer ?? "UBND"}`, signerName: a.submitter.fullName };
  const period = parsePeriod(plan.period);
  const state: { id: number; narrative: Narrative; explanations: Record<string, string>; content: ReportContent | null } = { id: 0, narrative: EMPTY_NARRATIVE, explanations: {}, content: null };
  const event = (step: Deferred["events"][number]["step"], version: number | null, user: Account, at: Date, note: string | null = null) =>
    deferred.events.push({ report_id: state.id, version, step, user_id: user.id, at, note });
  const audit = (at: Date, user: Account, action: "create" | "update", before: unknown, after: unknown) =>
    deferred.audit.push({ at, user_id: user.id, action, entity: ENTITY, entity_id: String(state.id), org_id: orgId, before: before === null ? null : JSON.stringify(before), after: JSON.stringify(after) });
  const steps: Step[] = [];
  const add = (at: Date, run: () => Promise<void>) => steps.push({ at, run });

  add(plan.createdAt, async () => {
    const row = await insertReport(db, { org_id: orgId, period: plan.period, recipient_org_id: ob.recipientOrgId, created_by: a.preparer.id }, plan.createdAt);
    if (!row) throw new Error(`demo report ${plan.orgCode} ${plan.period} exists already`);
    state.id = row.id;
    event("create", null, a.preparer, plan.createdAt);
    audit(plan.createdAt, a.preparer, "create", null, { period: plan.period, status: "draft" });
  });
  const draftAt = plan.draftEditAt;
  if (draftAt) {
    add(draftAt, async () => {
      const narrative = writeDraftNarrative(periodNameVi(period), a.orgName);
      await updateReport(db, state.id, { narrative, explanations: {}, meta }, draftAt);
      event("edit", null, a.preparer, draftAt, EDITED);
      audit(draftAt, a.preparer, "update", { narrative: EMPTY_NARRATIVE, explanations: {}, meta: {} }, { narrative, explanations: {}, meta });
    });
  }
  plan.submissions.forEach((sub, i) => {
    const version = i + 1;
    add(sub.submitAt, async () => {
      env.setClock(sub.submitAt);
      const { content, flags } = await env.content(orgId, period);
      const before = { narrative: state.narrative, explanations: state.explanations, meta: version === 1 ? {} : meta };
      state.narrative = version === 1 ? writeNarrative(content, r) : correctNarrative(state.narrative);
      state.explanations = { ...state.explanations, ...explainFlags(flags.filter((f) => !state.explanations[f.key]), r) };
      state.content = content;
      const onTime = isOnTime(sub.submitAt, ob.deadline);
      event("edit", null, a.preparer, sub.editAt, EDITED);
      audit(sub.editAt, a.preparer, "update", before, { narrative: state.narrative, explanations: state.explanations, meta });
      await insertVersion(db, {
        report_id: state.id, version, recipient_org_id: ob.recipientOrgId, figures: content, narrative: state.narrative,
        explanations: Object.fromEntries(flags.map((f) => [f.key, state.explanations[f.key] as string])), flags,
        meta, deadline_last_day: ob.deadline.lastDay, deadline_text: ob.deadline.text, submitted_at: sub.submitAt, submitted_by: a.submitter.id, on_time: onTime,
      });
      await updateReport(db, state.id, {
        narrative: state.narrative, explanations: state.explanations, meta,
        status: "submitted", recipient_org_id: ob.recipientOrgId, ...(version === 1 ? { first_submitted_at: sub.submitAt } : {}),
      }, sub.submitAt);
      event("submit", version, a.submitter, sub.submitAt, onTime ? "đúng hạn" : `quá hạn (${ob.deadline.text})`);
      audit(sub.submitAt, a.submitter, "update", { status: version === 1 ? "draft" : "returned" }, { step: "submit", status: "submitted", version, onTime });
    });
    const decision = sub.decision;
    if (!decision) return;
    add(decision.at, async () => {
      if (decision.kind === "accepted") {
        await decideVersion(db, state.id, version, { decision: "accepted", at: decision.at, by: a.reviewer.id, note: null });
        await updateReport(db, state.id, { status: "accepted", accepted_version: version }, decision.at);
        event("accept", version, a.reviewer, decision.at);
        audit(decision.at, a.reviewer, "update", { status: "submitted" }, { step: "accept", status: "accepted", version, note: null });
        return;
      }
      const { reason, comments } = returnOf(state.content as ReportContent);
      await decideVersion(db, state.id, version, { decision: "returned", at: decision.at, by: a.reviewer.id, note: reason });
      await updateReport(db, state.id, { status: "returned" }, decision.at);
      for (const c of comments) deferred.comments.push({ report_id: state.id, version, user_id: a.reviewer.id, anchor: c.anchor, body: c.body, at: decision.at });
      event("return", version, a.reviewer, decision.at, reason);
      audit(decision.at, a.reviewer, "update", { status: "submitted" }, { step: "return", status: "returned", version, reason, comments: comments.length });
    });
  });
  return steps;
}
