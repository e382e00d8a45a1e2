// Use cases of the conference register: list, read, create, update, delete and the dry-run
// check. Creating or updating runs the preventive checks (M3/M4/M5) first: an M3 error refuses
// the write (422), M4/M5 warnings are saved and returned as `findings`, with the planning
// warnings (M6 repeats, M8 invitations, M9 clashes, papers ahead — meeting-planning.service).
import type { AppContext } from "../context.js";
import { authorize, type SessionUser } from "../auth/policy.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "../audit/audit.repository.js";
import type { MeetingRow } from "../db/schema.js";
import type { Finding } from "../domain/conference-checks.js";
import { countSessions } from "../domain/sessions.js";
import type { JurisdictionSettings } from "../domain/settings.js";
import { getSettingsFor } from "../settings/settings.service.js";
import { pageWindow, toPage, type Page } from "../registers/paging.js";
import { containsPattern, orgCodeOf, resolveListScope, resolveWriteOrg } from "../registers/register-scope.js";
import { formatDateTimeVi, isUniqueViolation } from "../registers/register-errors.js";
import { presentMeeting, type MeetingJson } from "./meeting.presenter.js";
import { countMeetings, deleteMeeting, findMeeting, insertMeeting, listMeetings, updateMeeting } from "./meeting.repository.js";
import { quotaSlotOf, refuseOnErrors, runPreventiveChecks, type MeetingDraft } from "./meeting-checks.service.js";
import { draftFromInput, draftFromRow, mergeDraft, rowValues } from "./meeting-draft.js";
import { NO_PLANNING, planningFromRow, resolvePlanning, runPlanningChecks } from "./meeting-planning.service.js";
import type { TMeetingCheck, TMeetingCreate, TMeetingListQuery, TMeetingPatch } from "./meeting.schema.js";
import { addDays, localMidnight } from "../domain/reports/report-dates.js";

const ENTITY = "meetings";

/** A saved conference and what the preventive checks found (warnings only: errors refuse). */
export type MeetingWithFindings = MeetingJson & { findings: Finding[] };


/** A page of conferences of a unit (or its subtree), latest first unless sorted otherwise. */
export async function listMeetingPage(ctx: AppContext, user: SessionUser, q: TMeetingListQuery): Promise<Page<MeetingJson>> {
  const scope = await resolveListScope(ctx, user, q.org, q.subtree);
  const settings = await getSettingsFor(ctx, scope.org.id);
  const offset = settings.sessionConvention.utcOffsetMinutes;
  const window = pageWindow(q, q.sort);
  const filter = {
    orgIds: scope.orgIds,
    startFrom: q.from ? localMidnight(q.from, offset) : undefined,
    startTo: q.to ? localMidnight(addDays(q.to, 1), offset) : undefined,
    category: q.category,
    scope: q.scope,
    format: q.format,
    pattern: q.q ? containsPattern(q.q) : undefined,
    breach:
      q.breach === "m4" ? { rule: "m4" as const, limits: settings.sessionLimits }
      : q.breach === "m5" ? { rule: "m5" as const, limits: settings.speechLimits }
      : undefined,
  };
  const db = ctx.handle.db;
  const [rows, total] = await Promise.all([listMeetings(db, filter, q.sort, window), countMeetings(db, filter)]);
  const keyOf = (r: MeetingRow) => ({ key: r.start_at.toISOString(), id: r.id });
  return toPage(rows, window, { page: q.page, sort: q.sort }, { total, exact: true }, keyOf, (r) => presentMeeting(ctx, r));
}

/** One conference; 404 if absent, 403 outside the user's subtree. */
export async function getMeeting(ctx: AppContext, user: SessionUser, id: number): Promise<MeetingWithFindings> {
  await ctx.orgs.refresh();
  const db = ctx.handle.db;
  const row = await findMeeting(db, id);
  if (!row) throw notFound(`hội nghị #${id}`);
  authorize(user, "read", row.org_id, ctx.orgs);
  // the record as it stands, checked as the form checks it (its own quota slot counted once)
  const settings = await getSettingsFor(ctx, row.org_id);
  const draft = draftFromRow(row);
  const previousSlot = quotaSlotOf(ctx, draft, settings.sessionConvention.utcOffsetMinutes);
  const findings = [
    ...(await runPreventiveChecks(ctx, db, draft, settings, { excludeId: row.id, previousSlot, lock: false })),
    ...(await runPlanningChecks(ctx, db, draft, row.title, settings, row.id, ctx.now())),
  ];
  return { ...presentMeeting(ctx, row), findings };
}

/** The dry run of the form: what saving this conference would find, without saving it. */
export async function checkMeeting(ctx: AppContext, user: SessionUser, input: TMeetingCheck): Promise<{ findings: Finding[]; sessions: number }> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  const settings = await getSettingsFor(ctx, org.id);
  const db = ctx.handle.db;
  let previousSlot = null;
  if (input.id !== undefined) {
    const current = await findMeeting(db, input.id);
    if (!current) throw notFound(`hội nghị #${input.id}`);
    authorize(user, "write", current.org_id, ctx.orgs);
    const currentSettings = await getSettingsFor(ctx, current.org_id);
    previousSlot = quotaSlotOf(ctx, draftFromRow(current), currentSettings.sessionConvention.utcOffsetMinutes);
  }
  // the form sends every field: what is absent is empty, as on create
  const planning = await resolvePlanning(ctx, db, org, input, NO_PLANNING, true, settings);
  const draft = draftFromInput(org.id, input, settings, planning);
  const findings = [
    ...(await runPreventiveChecks(ctx, db, draft, settings, { excludeId: input.id ?? null, previousSlot, lock: false })),
    ...(await runPlanningChecks(ctx, db, draft, input.title, settings, input.id ?? null, ctx.now())),
  ];
  return { findings, sessions: countSessions(draft.start, draft.end, settings.sessionConvention) };
}

/** Records a conference after the preventive checks. */
export async function createMeeting(ctx: AppContext, user: SessionUser, input: TMeetingCreate): Promise<MeetingWithFindings> {
  const org = await resolveWriteOrg(ctx, user, input.orgCode);
  const settings = await getSettingsFor(ctx, org.id);
  const planning = await resolvePlanning(ctx, ctx.handle.db, org, input, NO_PLANNING, true, settings);
  const draft = draftFromInput(org.id, input, settings, planning);
  return withDuplicateCheck(input.title, org.code, draft, settings, () =>
    ctx.handle.db.transaction().execute(async (trx) => {
      const findings = await runPreventiveChecks(ctx, trx, draft, settings, { excludeId: null, previousSlot: null, lock: true });
      refuseOnErrors(findings);
      findings.push(...(await runPlanningChecks(ctx, trx, draft, input.title, settings, null, ctx.now())));
      const row = await insertMeeting(trx, { ...rowValues(draft, input.title, input.communeParticipants ?? null, settings), org_id: org.id });
      const after = presentMeeting(ctx, row);
      await recordAudit(trx, { userId: user.id, action: "create", entity: ENTITY, entityId: row.id, orgId: org.id, after });
      return { ...after, findings };
    }),
  );
}

/** Changes the fields sent and re-runs the checks on the result; moving a conference to
 * another unit needs write on both units. */
export async function updateMeetingById(ctx: AppContext, user: SessionUser, id: number, patch: TMeetingPatch): Promise<MeetingWithFindings> {
  await ctx.orgs.refresh();
  // read before the transaction: settings are read through the shared handle, which PGlite
  // cannot serve while a transaction holds its only connection
  const current = await findMeeting(ctx.handle.db, id);
  if (!current) throw notFound(`hội nghị #${id}`);
  authorize(user, "write", current.org_id, ctx.orgs);
  const target = patch.orgCode === undefined ? null : await resolveWriteOrg(ctx, user, patch.orgCode);
  const orgId = target?.id ?? current.org_id;
  const settings = await getSettingsFor(ctx, orgId);
  const currentSettings = orgId === current.org_id ? settings : await getSettingsFor(ctx, current.org_id);
  const host = target ?? ctx.orgs.get(current.org_id);
  if (!host) throw notFound(`đơn vị #${current.org_id}`);
  const planning = await resolvePlanning(ctx, ctx.handle.db, host, patch, planningFromRow(current), orgId !== current.org_id, settings);
  const draft = mergeDraft(current, patch, orgId, settings, planning);
  const previousSlot = quotaSlotOf(ctx, draftFromRow(current), currentSettings.sessionConvention.utcOffsetMinutes);
  const title = patch.title ?? current.title;
  return withDuplicateCheck(title, orgCodeOf(ctx, orgId), draft, settings, () =>
    ctx.handle.db.transaction().execute(async (trx) => {
      const locked = await findMeeting(trx, id, true);
      if (!locked) throw notFound(`hội nghị #${id}`);
      if (locked.updated_at.getTime() !== current.updated_at.getTime()) {
        throw new AppError("CONFLICT", "Hội nghị vừa được người khác sửa; hãy tải lại rồi thử lại");
      }
      const findings = await runPreventiveChecks(ctx, trx, draft, settings, { excludeId: id, previousSlot, lock: true });
      refuseOnErrors(findings);
      findings.push(...(await runPlanningChecks(ctx, trx, draft, title, settings, id, ctx.now())));
      const participants = patch.communeParticipants === undefined ? current.commune_participants : patch.communeParticipants;
      const row = await updateMeeting(trx, id, { ...rowValues(draft, title, participants, settings), org_id: orgId });
      const before = presentMeeting(ctx, current);
      const after = presentMeeting(ctx, row);
      await recordAudit(trx, { userId: user.id, action: "update", entity: ENTITY, entityId: id, orgId, before, after });
      return { ...after, findings };
    }),
  );
}

/** Removes a conference. */
export async function deleteMeetingById(ctx: AppContext, user: SessionUser, id: number): Promise<void> {
  await ctx.orgs.refresh();
  await ctx.handle.db.transaction().execute(async (trx) => {
    const row = await findMeeting(trx, id, true);
    if (!row) throw notFound(`hội nghị #${id}`);
    authorize(user, "write", row.org_id, ctx.orgs);
    await deleteMeeting(trx, id);
    await recordAudit(trx, { userId: user.id, action: "delete", entity: ENTITY, entityId: id, orgId: row.org_id, before: presentMeeting(ctx, row) });
  });
}

/** Turns the unique (org, title, start) violation into a 409 that says which conference. */
async function withDuplicateCheck<T>(
  title: string, orgCode: string, draft: MeetingDraft, settings: JurisdictionSettings, work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const when = formatDateTimeVi(draft.start, settings.sessionConvention.utcOffsetMinutes);
    throw new AppError("CONFLICT", `Hội nghị "${title}" bắt đầu lúc ${when} của đơn vị ${orgCode} đã có trong sổ hội nghị`, {
      orgCode, title, start: draft.start.toISOString(),
    });
  }
}
