// Writes of the annual conference plan (M7): the draft, its planned conferences, and issuing it
// after the target check. Each write needs `write` on the unit, runs in one transaction with its
// audit row, and is refused (409) once the plan is issued. Reads happen before the transaction.
import type { AppContext } from "../context.js";
import type { SessionUser } from "../auth/policy.js";
import { recordAudit } from "../audit/audit.repository.js";
import { AppError } from "../errors.js";
import { checkConferencePlan, isBlocking } from "../domain/conferences/conference-plan.js";
import { formatDateVi, invalidFields, isUniqueViolation } from "../registers/register-errors.js";
import { resolveWriteOrg } from "../registers/register-scope.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { assertDraft, loadPlannedConferenceOf, loadWritableConferencePlan } from "./conference-plan.access.js";
import { buildConferencePlanView, countLastYear, localTodayOf, toCheckInput } from "./conference-plan-view.service.js";
import type { ConferencePlanView } from "./conference-plan.presenter.js";
import {
  deleteConferencePlan, deletePlannedConference, findPlannedConferences, insertConferencePlan, insertPlannedConference,
  updateConferencePlan, updatePlannedConference, type ConferencePlanRow, type PlannedConferenceRow,
} from "./conference-plan.repository.js";
import type {
  TConferencePlanCreate, TConferencePlanIssue, TConferencePlanPatch, TPlannedConferenceCreate, TPlannedConferencePatch,
} from "./conference-plan.schema.js";

const PLANS = "conference_plans";
const ITEMS = "planned_conferences";

/** Creates the draft plan of a unit for a year; 409 when the unit already has one. */
export async function createConferencePlan(ctx: AppContext, user: SessionUser, input: TConferencePlanCreate): Promise<ConferencePlanView> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  try {
    await ctx.handle.db.transaction().execute(async (trx) => {
      const row = await insertConferencePlan(trx, { org_id: org.id, year: input.year, number: input.number ?? null, note: input.note ?? "" });
      await recordAudit(trx, { userId: user.id, action: "create", entity: PLANS, entityId: row.id, orgId: org.id, after: planSnapshot(row) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `Đơn vị đã có kế hoạch tổ chức hội nghị năm ${input.year}`);
    throw e;
  }
  return buildConferencePlanView(ctx, user, org, input.year);
}

/** Edits a draft's number and note. */
export async function patchConferencePlan(ctx: AppContext, user: SessionUser, id: number, patch: TConferencePlanPatch): Promise<ConferencePlanView> {
  const { plan, org } = await loadWritableConferencePlan(ctx, user, id);
  assertDraft(plan);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updateConferencePlan(trx, plan.id, {
      number: patch.number === undefined ? plan.number : patch.number,
      note: patch.note === undefined ? plan.note : (patch.note ?? ""),
    });
    await recordAudit(trx, { userId: user.id, action: "update", entity: PLANS, entityId: plan.id, orgId: plan.org_id, before: planSnapshot(plan), after: planSnapshot(row) });
  });
  return buildConferencePlanView(ctx, user, org, plan.year);
}

/** Deletes a draft with its planned conferences (conferences linked to them become unplanned). */
export async function removeConferencePlan(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  const { plan } = await loadWritableConferencePlan(ctx, user, id);
  assertDraft(plan);
  const items = await findPlannedConferences(ctx.handle.db, plan.id);
  await ctx.handle.db.transaction().execute(async (trx) => {
    await deleteConferencePlan(trx, plan.id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: PLANS, entityId: plan.id, orgId: plan.org_id, before: { ...planSnapshot(plan), items: items.length } });
  });
}

/** The planned date must fall in the plan's year; a month or a date must remain. */
function checkWhen(plan: ConferencePlanRow, month: number | null, date: string | null): void {
  if (month === null && date === null) throw invalidFields([{ field: "plannedMonth", reason: "cần tháng hoặc ngày dự kiến" }]);
  if (date !== null && Number(date.slice(0, 4)) !== plan.year) {
    throw invalidFields([{ field: "plannedDate", reason: `ngày dự kiến phải thuộc năm ${plan.year} của kế hoạch` }]);
  }
}

/** Adds a planned conference to a draft. */
export async function addPlannedConference(ctx: AppContext, user: SessionUser, planId: number, input: TPlannedConferenceCreate): Promise<ConferencePlanView> {
  const { plan, org } = await loadWritableConferencePlan(ctx, user, planId);
  assertDraft(plan);
  const month = input.plannedMonth ?? null;
  const date = input.plannedDate ?? null;
  checkWhen(plan, month, date);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await insertPlannedConference(trx, {
      plan_id: plan.id, title: input.title, category: input.category, scope: input.scope, format: input.format,
      planned_month: month, planned_date: date, expected_sessions: input.expectedSessions ?? null,
      chair: input.chair ?? "", invited_blocs: input.invitedBlocs ?? [],
    });
    await recordAudit(trx, { userId: user.id, action: "create", entity: ITEMS, entityId: row.id, orgId: plan.org_id, after: itemSnapshot(row) });
  });
  return buildConferencePlanView(ctx, user, org, plan.year);
}

/** Edits a planned conference of a draft. */
export async function patchPlannedConference(ctx: AppContext, user: SessionUser, planId: number, itemId: number, patch: TPlannedConferencePatch): Promise<ConferencePlanView> {
  const { plan, org } = await loadWritableConferencePlan(ctx, user, planId);
  assertDraft(plan);
  const item = await loadPlannedConferenceOf(ctx, plan, itemId);
  const month = patch.plannedMonth === undefined ? item.planned_month : patch.plannedMonth;
  const date = patch.plannedDate === undefined ? item.planned_date : patch.plannedDate;
  checkWhen(plan, month, date);
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updatePlannedConference(trx, item.id, {
      title: patch.title ?? item.title, category: patch.category ?? item.category, scope: patch.scope ?? item.scope,
      format: patch.format ?? item.format, planned_month: month, planned_date: date,
      expected_sessions: patch.expectedSessions === undefined ? item.expected_sessions : patch.expectedSessions,
      chair: patch.chair ?? item.chair, invited_blocs: patch.invitedBlocs ?? item.invited_blocs,
    });
    await recordAudit(trx, { userId: user.id, action: "update", entity: ITEMS, entityId: item.id, orgId: plan.org_id, before: itemSnapshot(item), after: itemSnapshot(row) });
  });
  return buildConferencePlanView(ctx, user, org, plan.year);
}

/** Removes a planned conference from a draft; a conference holding it becomes unplanned. */
export async function removePlannedConference(ctx: AppContext, user: SessionUser, planId: number, itemId: number): Promise<ConferencePlanView> {
  const { plan, org } = await loadWritableConferencePlan(ctx, user, planId);
  assertDraft(plan);
  const item = await loadPlannedConferenceOf(ctx, plan, itemId);
  await ctx.handle.db.transaction().execute(async (trx) => {
    await deletePlannedConference(trx, item.id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ITEMS, entityId: item.id, orgId: plan.org_id, before: itemSnapshot(item) });
  });
  return buildConferencePlanView(ctx, user, org, plan.year);
}

/**
 * Issues a draft (M7): number and issue date (not after today, not before the year preceding
 * the plan's). The target check runs again on the stored list; a plan missing a target (M1–M3,
 * "error") is refused with 422 and the findings unless `acknowledge` is true — the issuer has
 * seen them and decides. M4 warnings never stop it. The audit row keeps what was acknowledged.
 */
export async function issueConferencePlan(ctx: AppContext, user: SessionUser, planId: number, input: TConferencePlanIssue): Promise<ConferencePlanView> {
  const { plan, org } = await loadWritableConferencePlan(ctx, user, planId);
  assertDraft(plan);
  const settings = await getSettingsFor(ctx, org.id);
  const today = localTodayOf(ctx, settings.sessionConvention.utcOffsetMinutes);
  if (input.issuedOn > today) throw invalidFields([{ field: "issuedOn", reason: `ngày ban hành không được sau hôm nay (${formatDateVi(today)})` }]);
  if (Number(input.issuedOn.slice(0, 4)) < plan.year - 1) throw invalidFields([{ field: "issuedOn", reason: `ngày ban hành phải từ 01/01/${plan.year - 1}` }]);
  const items = await findPlannedConferences(ctx.handle.db, plan.id);
  const check = checkConferencePlan(
    items.map(toCheckInput),
    { year: plan.year, lastYearHeld: await countLastYear(ctx, org.id, plan.year, settings), rules: settings },
  );
  const blocking = check.findings.filter(isBlocking);
  if (blocking.length > 0 && input.acknowledge !== true) {
    throw new AppError(
      "RULE_VIOLATION",
      `Kế hoạch chưa đạt chỉ tiêu năm ${plan.year} (${[...new Set(blocking.map((f) => f.rule))].join(", ")}); xem lại hoặc xác nhận vẫn ban hành`,
      { findings: check.findings },
    );
  }
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await updateConferencePlan(trx, plan.id, { number: input.number, issued_on: input.issuedOn });
    await recordAudit(trx, {
      userId: user.id, action: "update", entity: PLANS, entityId: plan.id, orgId: plan.org_id, before: planSnapshot(plan),
      after: { ...planSnapshot(row), issued: true, items: items.length, acknowledged: check.findings.map((f) => f.rule) },
    });
  });
  return buildConferencePlanView(ctx, user, org, plan.year);
}

function planSnapshot(p: ConferencePlanRow) {
  return { year: p.year, number: p.number, issuedOn: p.issued_on, note: p.note };
}

function itemSnapshot(r: PlannedConferenceRow) {
  return {
    planId: r.plan_id, title: r.title, category: r.category, scope: r.scope, format: r.format, plannedMonth: r.planned_month,
    plannedDate: r.planned_date, expectedSessions: r.expected_sessions, chair: r.chair, invitedBlocs: r.invited_blocs,
  };
}
