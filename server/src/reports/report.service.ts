// Use cases of a report (issue "Periodic reports" §2, §3): open a unit's report for a period,
// edit its text while a draft, submit (quality flags explained first), accept or return at the
// receiving level, correct an accepted report as a new version, comment, read versions and
// their differences. Every step is written with its audit row and workflow event in one
// transaction; every read on ctx.handle.db happens before the transaction opens.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { AppError, notFound } from "../errors.js";
import type { ReportRow, ReportVersionRow } from "../db/schema.js";
import { parsePeriod, type Period } from "../domain/period.js";
import { isOnTime } from "../domain/reports/deadline.js";
import { diffVersions, type VersionDiff } from "../domain/reports/diff.js";
import { NARRATIVE_SECTIONS, narrativeOf, type Narrative } from "../domain/reports/narrative.js";
import { unexplained, type QualityFlag } from "../domain/reports/quality.js";
import { periodNameVi } from "../domain/reports/report-dates.js";
import { statusOfReport } from "../domain/reports/status.js";
import { findOrgOrOwn } from "../orgs/org.service.js";
import { invalidFields, isUniqueViolation } from "../registers/register-errors.js";
import { loadReadableReport, requireRight, rightsOn } from "./report.access.js";
import { computeContent, type ReportContent } from "./report.content.js";
import { comparableOf, figurePathsOf, presentReport, storedParts, type ReportView } from "./report.presenter.js";
import { loadRegime, type Regime } from "./report.regime.js";
import {
  decideVersion, findComments, findEvents, findReport, findReportOf, findUserNames, findVersion, findVersions,
  insertComments, insertEvent, insertReport, insertVersion, jsonOf, updateReport,
} from "./report.repository.js";
import type { TReportPatch } from "./report.schema.js";

const ENTITY = "reports";

/** The report's content as of now: live while a draft (or returned), else the latest version's. */
async function contentOf(ctx: AppContext, regime: Regime, report: ReportRow, versions: ReportVersionRow[]): Promise<{ content: ReportContent; flags: QualityFlag[]; live: boolean }> {
  const latest = versions[versions.length - 1];
  if ((report.status === "submitted" || report.status === "accepted") && latest) {
    return { content: jsonOf<ReportContent>(latest.figures), flags: jsonOf<QualityFlag[]>(latest.flags), live: false };
  }
  return { ...(await computeContent(ctx, regime, report.org_id, parsePeriod(report.period))), live: true };
}

async function viewOf(ctx: AppContext, user: SessionUser, regime: Regime, report: ReportRow): Promise<ReportView> {
  const db = ctx.handle.db;
  const period = parsePeriod(report.period);
  const versions = await findVersions(db, report.id);
  const { content, flags, live } = await contentOf(ctx, regime, report, versions);
  const settings = regime.settingsOf(report.org_id);
  const obligation = regime.obligation(report.org_id, period);
  const today = regime.todayAt(report.org_id);
  const parts = storedParts(report);
  const frozen = !live ? versions[versions.length - 1] : undefined;
  const names = await findUserNames(db, versions.flatMap((v) => [v.submitted_by, v.decided_by].filter((x): x is number => x !== null)));
  return presentReport(ctx, {
    report, obligation,
    status: statusOfReport(obligation?.deadline.lastDay ?? frozen?.deadline_last_day ?? today, today, settings.reporting.openDaysBefore, {
      status: report.status, hasAcceptedVersion: report.accepted_version !== null, firstSubmittedAt: report.first_submitted_at,
    }),
    content, live, flags,
    explanations: frozen ? jsonOf<Record<string, string>>(frozen.explanations) : parts.explanations,
    narrative: frozen ? narrativeOf(jsonOf(frozen.narrative)) : parts.narrative,
    meta: frozen ? jsonOf(frozen.meta) : parts.meta,
    rights: rightsOn(ctx, user, report, settings.reporting),
    versions, names,
    comments: await findComments(db, report.id),
    events: await findEvents(db, report.id),
  });
}

/** Opens the report of a unit for a period, creating the draft if absent (`created`). The period
 * must be one the unit owes under the schedules in force; opening needs `write` on the unit. */
export async function openReport(ctx: AppContext, user: SessionUser, input: { org?: string | undefined; period: string }): Promise<{ created: boolean; view: ReportView }> {
  const org = await findOrgOrOwn(ctx, user, input.org);
  const regime = await loadRegime(ctx);
  const existing = await findReportOf(ctx.handle.db, org.id, input.period);
  if (existing) {
    requireRight(rightsOn(ctx, user, existing, regime.settingsOf(org.id).reporting), "read");
    return { created: false, view: await viewOf(ctx, user, regime, existing) };
  }
  requireRight(rightsOn(ctx, user, { org_id: org.id, recipient_org_id: null }, regime.settingsOf(org.id).reporting), "prepare");
  const period = parsePeriod(input.period);
  const obligation = regime.obligation(org.id, period);
  if (!obligation) {
    throw new AppError("RULE_VIOLATION", `${org.name} không phải gửi báo cáo ${periodNameVi(period)} theo lịch báo cáo đang áp dụng`, { org: org.code, period: period.id });
  }
  const at = ctx.now();
  const created = await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await insertReport(trx, { org_id: org.id, period: period.id, recipient_org_id: obligation.recipientOrgId, created_by: user.id }, at);
    if (!row) return null;
    await insertEvent(trx, { report_id: row.id, version: null, step: "create", user_id: user.id, at });
    await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId: org.id, after: { period: period.id, status: "draft" } });
    return row;
  });
  const row = created ?? (await findReportOf(ctx.handle.db, org.id, period.id));
  if (!row) throw notFound(`báo cáo ${period.id}`);
  return { created: created !== null, view: await viewOf(ctx, user, regime, row) };
}

export async function getReportView(ctx: AppContext, user: SessionUser, id: number): Promise<ReportView> {
  const report = await loadReadableReport(ctx, user, id);
  return viewOf(ctx, user, await loadRegime(ctx), report);
}

function requireEditable(report: ReportRow): void {
  if (report.status === "submitted") throw new AppError("CONFLICT", "Báo cáo đã gửi, đang chờ cấp trên tiếp nhận: không sửa được");
  if (report.status === "accepted") throw new AppError("CONFLICT", "Báo cáo đã được tiếp nhận và khóa; muốn sửa cần tạo bản đính chính");
}

/** Edits the text, the explanations of flags and the document details of a draft or returned report. */
export async function patchReport(ctx: AppContext, user: SessionUser, id: number, patch: TReportPatch): Promise<ReportView> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  requireRight(rightsOn(ctx, user, report, regime.settingsOf(report.org_id).reporting), "prepare");
  requireEditable(report);
  const parts = storedParts(report);
  const narrative: Narrative = { ...parts.narrative, ...Object.fromEntries(Object.entries(patch.narrative ?? {}).filter(([, v]) => v !== undefined)) };
  const explanations = { ...parts.explanations, ...(patch.explanations ?? {}) };
  for (const [k, v] of Object.entries(explanations)) if (v.trim() === "") delete explanations[k];
  const meta = { ...parts.meta, ...Object.fromEntries(Object.entries(patch.meta ?? {}).filter(([, v]) => v !== undefined)) };
  const changed = [patch.narrative && "narrative", patch.explanations && "explanations", patch.meta && "meta"].filter(Boolean).join(", ");
  const at = ctx.now();
  const saved = await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updateReport(trx, report.id, { narrative, explanations, meta }, at);
    await insertEvent(trx, { report_id: report.id, version: null, step: "edit", user_id: user.id, at, note: changed });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: report.id, orgId: report.org_id, before: parts, after: { narrative, explanations, meta } });
    return row;
  });
  return viewOf(ctx, user, regime, saved);
}

/**
 * Sends the report up: the figures are computed once more and frozen into a new version with
 * the deadline in force and whether the submission met it (timeliness is the clock's, not a
 * tick box). Refused while a quality flag lacks an explanation (422, flags listed).
 */
export async function submitReport(ctx: AppContext, user: SessionUser, id: number): Promise<ReportView> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  const settings = regime.settingsOf(report.org_id);
  requireRight(rightsOn(ctx, user, report, settings.reporting), "submit");
  requireEditable(report);
  const period = parsePeriod(report.period);
  const obligation = regime.obligation(report.org_id, period);
  if (!obligation) throw new AppError("RULE_VIOLATION", `Đơn vị không còn phải gửi báo cáo ${periodNameVi(period)} theo lịch báo cáo đang áp dụng`);
  const { content, flags } = await computeContent(ctx, regime, report.org_id, period);
  const parts = storedParts(report);
  const missing = unexplained(flags, parts.explanations);
  if (missing.length > 0) {
    throw new AppError("RULE_VIOLATION", `Cần giải thích ${missing.length} cảnh báo số liệu trước khi gửi: ${missing.map((f) => f.message).join(" ")}`, { flags: missing });
  }
  const versions = await findVersions(ctx.handle.db, report.id);
  const version = (versions[versions.length - 1]?.version ?? 0) + 1;
  const now = ctx.now();
  const onTime = isOnTime(now, obligation.deadline);
  const explanations = Object.fromEntries(flags.map((f) => [f.key, parts.explanations[f.key] as string]));
  const saved = await ctx.handle.db.transaction().execute(async (trx) => {
    await insertVersion(trx, {
      report_id: report.id, version, recipient_org_id: obligation.recipientOrgId, figures: content, narrative: parts.narrative, explanations, flags,
      meta: parts.meta, deadline_last_day: obligation.deadline.lastDay, deadline_text: obligation.deadline.text, submitted_at: now, submitted_by: user.id, on_time: onTime,
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Báo cáo vừa được gửi bởi người khác");
      throw e;
    });
    const row = await updateReport(trx, report.id, {
      status: "submitted", recipient_org_id: obligation.recipientOrgId, ...(report.first_submitted_at ? {} : { first_submitted_at: now }),
    }, now);
    await insertEvent(trx, { report_id: report.id, version, step: "submit", user_id: user.id, at: now, note: onTime ? "đúng hạn" : `quá hạn (${obligation.deadline.text})` });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: report.id, orgId: report.org_id, before: { status: report.status }, after: { step: "submit", status: "submitted", version, onTime } });
    return row;
  });
  return viewOf(ctx, user, regime, saved);
}

/** The version awaiting a decision, and the rights check of the receiving level. */
async function loadForReview(ctx: AppContext, user: SessionUser, id: number): Promise<{ report: ReportRow; regime: Regime; version: ReportVersionRow }> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  requireRight(rightsOn(ctx, user, report, regime.settingsOf(report.org_id).reporting), "review");
  const versions = await findVersions(ctx.handle.db, report.id);
  const version = versions[versions.length - 1];
  if (report.status !== "submitted" || !version || version.decision !== null) throw new AppError("CONFLICT", "Báo cáo không ở trạng thái chờ tiếp nhận");
  if (version.submitted_by === user.id) throw new AppError("FORBIDDEN", "Người gửi báo cáo không tự tiếp nhận hoặc trả lại báo cáo của mình");
  return { report, regime, version };
}

/** The receiving level accepts the version: the report is locked (a correction makes a new version). */
export async function acceptReport(ctx: AppContext, user: SessionUser, id: number, note: string | undefined): Promise<ReportView> {
  const { report, regime, version } = await loadForReview(ctx, user, id);
  const at = ctx.now();
  const saved = await ctx.handle.db.transaction().execute(async (trx) => {
    if (!(await decideVersion(trx, report.id, version.version, { decision: "accepted", at, by: user.id, note: note ?? null }))) {
      throw new AppError("CONFLICT", "Báo cáo vừa được xử lý bởi người khác");
    }
    const row = await updateReport(trx, report.id, { status: "accepted", accepted_version: version.version }, at);
    await insertEvent(trx, { report_id: report.id, version: version.version, step: "accept", user_id: user.id, at, note: note ?? null });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: report.id, orgId: report.org_id, before: { status: "submitted" }, after: { step: "accept", status: "accepted", version: version.version, note: note ?? null } });
    return row;
  });
  return viewOf(ctx, user, regime, saved);
}

/** Checks comment anchors against the report: a known section, or a figure path of its content. */
function checkAnchors(content: ReportContent, comments: ReadonlyArray<{ anchor: string }>): void {
  const paths = figurePathsOf(content);
  const bad = comments.flatMap((c, i) => {
    if (c.anchor === "report") return [];
    if (c.anchor.startsWith("section:")) return (NARRATIVE_SECTIONS as readonly string[]).includes(c.anchor.slice(8)) ? [] : [{ field: `comments.${i}.anchor`, reason: `không có phần "${c.anchor.slice(8)}" (${NARRATIVE_SECTIONS.join(", ")})` }];
    return paths.has(c.anchor.slice(7)) ? [] : [{ field: `comments.${i}.anchor`, reason: `báo cáo không có số liệu "${c.anchor.slice(7)}"` }];
  });
  if (bad.length > 0) throw invalidFields(bad);
}

/** The receiving level returns the version with its reason and comments on figures or sections. */
export async function returnReport(ctx: AppContext, user: SessionUser, id: number, body: { reason: string; comments: Array<{ anchor: string; body: string }> }): Promise<ReportView> {
  const { report, regime, version } = await loadForReview(ctx, user, id);
  checkAnchors(jsonOf<ReportContent>(version.figures), body.comments);
  const at = ctx.now();
  const saved = await ctx.handle.db.transaction().execute(async (trx) => {
    if (!(await decideVersion(trx, report.id, version.version, { decision: "returned", at, by: user.id, note: body.reason }))) {
      throw new AppError("CONFLICT", "Báo cáo vừa được xử lý bởi người khác");
    }
    await insertComments(trx, body.comments.map((c) => ({ report_id: report.id, version: version.version, user_id: user.id, anchor: c.anchor, body: c.body, at })));
    const row = await updateReport(trx, report.id, { status: "returned" }, at);
    await insertEvent(trx, { report_id: report.id, version: version.version, step: "return", user_id: user.id, at, note: body.reason });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: report.id, orgId: report.org_id, before: { status: "submitted" }, after: { step: "return", status: "returned", version: version.version, reason: body.reason, comments: body.comments.length } });
    return row;
  });
  return viewOf(ctx, user, regime, saved);
}

/** Reopens an accepted report for a correction: the accepted version stays (and counts) until a
 * new version is submitted and accepted. */
export async function correctReport(ctx: AppContext, user: SessionUser, id: number, reason: string): Promise<ReportView> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  requireRight(rightsOn(ctx, user, report, regime.settingsOf(report.org_id).reporting), "prepare");
  if (report.status !== "accepted") throw new AppError("CONFLICT", "Chỉ báo cáo đã được tiếp nhận mới cần đính chính; báo cáo nháp hoặc bị trả lại sửa trực tiếp");
  const at = ctx.now();
  const saved = await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updateReport(trx, report.id, { status: "draft" }, at);
    await insertEvent(trx, { report_id: report.id, version: report.accepted_version, step: "correct", user_id: user.id, at, note: reason });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: report.id, orgId: report.org_id, before: { status: "accepted" }, after: { step: "correct", status: "draft", reason } });
    return row;
  });
  return viewOf(ctx, user, regime, saved);
}

/** A comment on the report (on the latest version when there is one), anchored to a figure or a section. */
export async function addComment(ctx: AppContext, user: SessionUser, id: number, c: { anchor: string; body: string }): Promise<ReportView> {
  const report = await loadReadableReport(ctx, user, id);
  const regime = await loadRegime(ctx);
  requireRight(rightsOn(ctx, user, report, regime.settingsOf(report.org_id).reporting), "comment");
  const versions = await findVersions(ctx.handle.db, report.id);
  const { content } = await contentOf(ctx, regime, report, versions);
  checkAnchors(content, [c]);
  const version = versions[versions.length - 1]?.version ?? null;
  const at = ctx.now();
  await ctx.handle.db.transaction().execute(async (trx) => {
    await insertComments(trx, [{ report_id: report.id, version, user_id: user.id, anchor: c.anchor, body: c.body, at }]);
    await insertEvent(trx, { report_id: report.id, version, step: "comment", user_id: user.id, at, note: c.anchor });
    await recordAudit(trx, { userId: user.id, action: "create", entity: "report_comments", entityId: report.id, orgId: report.org_id, after: { anchor: c.anchor, version } });
  });
  const fresh = await findReport(ctx.handle.db, report.id);
  return viewOf(ctx, user, regime, fresh ?? report);
}

/** One frozen version as submitted. */
export async function getVersion(ctx: AppContext, user: SessionUser, id: number, version: number) {
  const report = await loadReadableReport(ctx, user, id);
  const v = await findVersion(ctx.handle.db, report.id, version);
  if (!v) throw notFound(`phiên bản ${version} của báo cáo #${id}`);
  return {
    report: report.id, version: v.version, submittedAt: v.submitted_at.toISOString(), onTime: v.on_time,
    deadline: { lastDay: v.deadline_last_day, text: v.deadline_text }, decision: v.decision, note: v.decision_note,
    content: jsonOf<ReportContent>(v.figures), flags: jsonOf<QualityFlag[]>(v.flags), explanations: jsonOf<Record<string, string>>(v.explanations),
    narrative: narrativeOf(jsonOf(v.narrative)), meta: jsonOf(v.meta),
  };
}

/** What changed between two versions (or between a version and the current draft). */
export async function diffReport(ctx: AppContext, user: SessionUser, id: number, from: number, to: number | "draft" | undefined): Promise<{ from: number; to: number | "draft"; diff: VersionDiff }> {
  const report = await loadReadableReport(ctx, user, id);
  const versions = await findVersions(ctx.handle.db, report.id);
  const pick = (n: number) => {
    const v = versions.find((x) => x.version === n);
    if (!v) throw notFound(`phiên bản ${n} của báo cáo #${id}`);
    return { figures: comparableOf(jsonOf<ReportContent>(v.figures)), narrative: narrativeOf(jsonOf(v.narrative)) };
  };
  const target = to ?? (versions[versions.length - 1]?.version ?? "draft");
  let b: { figures: unknown; narrative: Narrative };
  if (target === "draft") {
    if (report.status === "submitted" || report.status === "accepted") throw new AppError("CONFLICT", "Báo cáo không có bản nháp đang soạn");
    const regime = await loadRegime(ctx);
    const { content } = await computeContent(ctx, regime, report.org_id, parsePeriod(report.period));
    b = { figures: comparableOf(content), narrative: storedParts(report).narrative };
  } else {
    b = pick(target);
  }
  return { from, to: target, diff: diffVersions(pick(from), b) };
}

/** For other modules: the content a period's report would have now (used by exports of drafts). */
export async function liveContent(ctx: AppContext, report: ReportRow): Promise<{ content: ReportContent; period: Period }> {
  const regime = await loadRegime(ctx);
  const period = parsePeriod(report.period);
  return { content: (await computeContent(ctx, regime, report.org_id, period)).content, period };
}
