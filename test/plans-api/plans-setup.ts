// Shared set-up of the plans API tests: a commune shaped like Cẩm Giàng (seed 004) under a
// province, users on it, seed 004's task table, and request helpers.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { buildOrg, buildUser, type TestApp } from "../helpers/test-app.js";

export type Headers = Record<string, string>;
export type OrgRow = { id: number; code: string; name: string };

/** The files of test/fixtures/plans. */
export const planFixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, "..", "fixtures", "plans", name));

/** Seed 004's plan text (its appendix is the task table). */
export const SEED_004 = "seed-004-kh-153a-cam-giang.txt";

/** A commune tree like the demo's: issuer "UBND xã Cẩm Giàng" and four offices, under a province. */
export type Commune = { province: OrgRow; commune: OrgRow; vp: OrgRow; vhxh: OrgRow; kt: OrgRow; pvhcc: OrgRow };

const tag = () => randomBytes(3).toString("hex").toUpperCase();

/** Builds a province with one commune like Cẩm Giàng (unique codes, so several can coexist). */
export async function buildCommune(t: TestApp, province?: OrgRow): Promise<Commune> {
  const k = tag();
  const prov = province ?? await buildOrg(t.ctx, { code: `TINH_${k}`, name: `UBND tỉnh ${k}`, level: "province" });
  const commune = await buildOrg(t.ctx, { code: `CG_${k}`, name: "UBND xã Cẩm Giàng", parentId: prov.id, level: "commune" });
  const office = (code: string, name: string) => buildOrg(t.ctx, { code: `${code}_${k}`, name, parentId: commune.id, level: "office" });
  return {
    province: prov, commune,
    vp: await office("VP", "Văn phòng HĐND và UBND xã"),
    vhxh: await office("VHXH", "Phòng Văn hóa - Xã hội"),
    kt: await office("KT", "Phòng Kinh tế"),
    pvhcc: await office("PVHCC", "Trung tâm Phục vụ hành chính công"),
  };
}

/** A user's session headers. */
export async function headersOf(t: TestApp, orgId: number, role: "admin" | "aggregator" | "officer" | "viewer" = "officer"): Promise<Headers> {
  return (await buildUser(t.ctx, orgId, role)).headers;
}

/** A multipart/form-data body with one file in `file` and text fields, for app.inject. */
export function multipart(fileName: string, content: Buffer | string, fields: Record<string, string> = {}, field = "file"): { payload: Buffer; headers: Headers } {
  const boundary = "----leloi-plans-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

let planSeq = 0;

/** Creates a plan through the API and returns its id. */
export async function createPlan(t: TestApp, headers: Headers, orgCode: string, extra: Record<string, unknown> = {}): Promise<number> {
  planSeq += 1;
  const res = await t.app.inject({
    method: "POST", url: "/api/plans", headers,
    payload: { orgCode, number: `${150 + planSeq}a/KH-UBND`, type: "KH", issuedOn: "13/05/2026", title: "Triển khai Kết luận 226-KL/TW", ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

/** Uploads a task table into a plan. */
export async function importTable(t: TestApp, headers: Headers, planId: number, fileName: string, content: Buffer | string) {
  const body = multipart(fileName, content);
  return t.app.inject({ method: "POST", url: `/api/plans/${planId}/tasks/import`, headers: { ...headers, ...body.headers }, payload: body.payload });
}

/** A task of a plan view. */
export type TaskView = {
  id: number; kind: "task" | "group"; tt: string; content: string; leadText: string; lead: { code: string; name: string } | null;
  leadManual: boolean; coordinatorsText: string; product: string; deadlineText: string; schedule: { kind: string; due?: string };
  reviewCadence: string | null; parentTaskId: number | null; fannedFromTaskId: number | null; sourceRow: number | null;
  flags: {
    t2: { breach: boolean; leadNames: string[]; leads: Array<{ code: string }>; unmatched: string[] };
    sixClear: Record<string, { ok: boolean; reason?: string }> & { allClear: boolean } | null;
    allClear: boolean | null; deadlineUnderstood: boolean;
  };
  progress: { occurrences: number; completed: number; overdue: number; next: { id: number; due: string; status: string } | null } | null;
};

/** The plan view. */
export type PlanViewJson = {
  id: number; number: string; targets: Record<string, number> | null; canEdit: boolean; horizonYear: number;
  parentPlan: { id: number } | null;
  summary: { tasks: number; groups: number; allClear: number; shareAllClear: number | null; t2Breaches: number; unmatchedLeads: number; unknownDeadlines: number; timeNotClear: number };
  tasks: TaskView[];
};

/** GET /api/plans/:id, expecting 200. */
export async function planView(t: TestApp, headers: Headers, planId: number): Promise<PlanViewJson> {
  const res = await t.app.inject({ method: "GET", url: `/api/plans/${planId}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PlanViewJson;
}

/** Audit rows of an entity. */
export async function auditRows(t: TestApp, entity: string, entityId?: number) {
  let q = t.ctx.handle.db.selectFrom("audit_log").selectAll().where("entity", "=", entity);
  if (entityId !== undefined) q = q.where("entity_id", "=", String(entityId));
  return q.orderBy("id").execute();
}
