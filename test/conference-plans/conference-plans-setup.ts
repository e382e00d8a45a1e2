// Shared set-up of the annual conference plan API tests (M7): a province with two communes,
// conferences inserted directly (the register's own API is tested in test/registers), and
// request helpers.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { AppContext } from "../../server/src/context.js";
import type { MeetingsTable } from "../../server/src/db/schema.js";
import { buildOrg, buildUser, type TestApp } from "../helpers/test-app.js";

export type Headers = Record<string, string>;
export type Unit = { id: number; code: string };
export type Province = { province: Unit; commune: Unit; office: Unit; other: Unit };

const tag = () => randomBytes(3).toString("hex").toUpperCase();

/** A province, two communes under it and an office in the first (unique codes). */
export async function buildProvince(t: TestApp): Promise<Province> {
  const k = tag();
  const province = await buildOrg(t.ctx, { code: `TINH_${k}`, name: `UBND tỉnh ${k}`, level: "province" });
  const commune = await buildOrg(t.ctx, { code: `XA_${k}`, name: "UBND xã Kiến Thiết", parentId: province.id, level: "commune" });
  const office = await buildOrg(t.ctx, { code: `VP_${k}`, name: "Văn phòng HĐND và UBND xã", parentId: commune.id, level: "office" });
  const other = await buildOrg(t.ctx, { code: `XA2_${k}`, name: "UBND xã Tân Trào", parentId: province.id, level: "commune" });
  return { province, commune, office, other };
}

export async function headersOf(t: TestApp, orgId: number, role: "admin" | "aggregator" | "officer" | "viewer" = "officer"): Promise<Headers> {
  return (await buildUser(t.ctx, orgId, role)).headers;
}

/** Hà Nội time is UTC+7: "2026-06-10 08:00" local → an instant. */
export const local = (dayTime: string): Date => new Date(`${dayTime.replace(" ", "T")}:00+07:00`);

let seq = 0;

/** Inserts a held conference of `orgId` starting at local `start` (a half day). */
export async function buildMeeting(ctx: AppContext, orgId: number, start: string, overrides: Partial<Pick<MeetingsTable, "format" | "planned_id" | "title">> = {}) {
  seq += 1;
  const at = local(start);
  const row = await ctx.handle.db.insertInto("meetings").values({
    org_id: orgId, title: overrides.title ?? `Hội nghị số ${seq}`, category: "chuyen_mon", scope: "noi_bo", format: overrides.format ?? "truc_tuyen",
    start_at: at, end_at: new Date(at.getTime() + 3 * 3_600_000), sessions: 1, planned_id: overrides.planned_id ?? null,
  }).returning("id").executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The JSON of GET /api/conference-plans (what the tests read of it). */
export type PlanViewJson = {
  org: { id: number; code: string }; year: number; canEdit: boolean;
  timeliness: { deadline: string; status: string; onTime: boolean | null; daysLate: number; statusText: string };
  plan: { id: number; orgId: number; year: number; number: string | null; issuedOn: string | null; note: string; isIssued: boolean; deadline: string; onTime: boolean | null; daysLate: number; status: string } | null;
  items: Array<{ id: number; title: string; category: string; scope: string; format: string; plannedMonth: number | null; plannedDate: string | null; expectedSessions: number | null; chair: string; invitedBlocs: string[]; heldMeetingIds: number[] }>;
  check: {
    findings: Array<{ rule: string; severity: string; limit: number; actual: number; message: string; source: string; items: number[]; itemIds: number[] }>;
    counts: { planned: number; online: number; wide: number; lastYearHeld: number | null; allowed: number | null; onlineShare: number | null };
    rules: { targets: Record<string, number>; hybridCountsAsOnline: boolean };
  };
  progress: {
    planned: number; held: number; unplannedHeld: number; unplannedMeetingIds: number[];
    months: Array<{ month: number; planned: number; held: number; unplanned: number }>;
    meetings: Array<{ id: number; plannedId: number | null; isUnplanned: boolean }>;
  };
};

/** GET the page of a unit and year, expecting 200. */
export async function viewOf(t: TestApp, headers: Headers, org: string, year: number): Promise<PlanViewJson> {
  const res = await t.app.inject({ method: "GET", url: `/api/conference-plans?org=${encodeURIComponent(org)}&year=${year}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PlanViewJson;
}

/** Creates a draft through the API and returns the view. */
export async function createDraft(t: TestApp, headers: Headers, orgCode: string, year: number): Promise<PlanViewJson> {
  const res = await t.app.inject({ method: "POST", url: "/api/conference-plans", headers, payload: { orgCode, year } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PlanViewJson;
}

/** A compliant planned conference body; override what a case needs. */
export function itemBody(overrides: Record<string, unknown> = {}) {
  return { title: "Hội nghị quán triệt Nghị quyết", category: "quan_triet", scope: "noi_bo", format: "truc_tuyen", plannedMonth: 3, expectedSessions: 1, ...overrides };
}

/** Adds a planned conference, expecting 201; returns the view. */
export async function addItem(t: TestApp, headers: Headers, planId: number, overrides: Record<string, unknown> = {}): Promise<PlanViewJson> {
  const res = await t.app.inject({ method: "POST", url: `/api/conference-plans/${planId}/items`, headers, payload: itemBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PlanViewJson;
}

/** Audit rows of an entity and id. */
export async function auditRows(t: TestApp, entity: string, entityId: number) {
  return t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", entity).where("entity_id", "=", String(entityId)).orderBy("id").execute();
}
