// Routes of plans (issue "Plans and tasks"): plans, their task tables (import, export, rematch),
// aliases of unit names and coverage; tasks, progress and notices are in task.routes.ts.
import type { FastifyRequest } from "fastify";
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { AppError } from "../errors.js";
import { sessionFirst } from "../registers/register-guard.js";
import { listAliases, removeAlias, saveAlias } from "./alias.service.js";
import { readUpload, sendFile } from "./plan.http.js";
import { ZCoverageQuery, ZIdParams, ZPlanCreateSchema, ZPlanListQuery, ZPlanPatchSchema } from "./plan.schema.js";
import { createPlan, getPlanView, listPlans, patchPlan, removePlan } from "./plan.service.js";
import { draftPlanFromFile } from "./plan-draft.service.js";
import { exportTaskTable, importTaskTable, rematchPlan } from "./task-import.service.js";
import { planCoverage } from "./task-lists.service.js";
import { ZAliasBody, ZAliasListQuery, ZTaskCreateSchema } from "./task.schema.js";
import { createTask } from "./task.service.js";
import { taskRoutes } from "./task.routes.js";

const tags = ["plans"];
/** Largest task-table file accepted (a plan's appendix is a few hundred kilobytes). */
const MAX_TABLE_BYTES = 20 * 1024 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The one file of a multipart upload (400 when there is none). */
async function uploadedFile(req: FastifyRequest, what: string): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError("VALIDATION", `Cần tải lên ${what} (multipart/form-data, trường "file")`);
  const { file } = await readUpload(req, MAX_TABLE_BYTES);
  if (!file) throw new AppError("VALIDATION", "Cần tải lên một tệp trong trường \"file\"");
  return { fileName: file.fileName, content: file.content };
}

/** Plans and their task tables, aliases, coverage; then tasks, progress and notices. */
export async function planRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/plans", { ...sessionFirst, schema: { tags, querystring: ZPlanListQuery } }, async (req) =>
    listPlans(ctx, requireUser(req), req.query));

  app.post("/api/plans", { ...sessionFirst, schema: { tags, body: ZPlanCreateSchema } }, async (req, reply) =>
    reply.status(201).send(await createPlan(ctx, requireUser(req), req.body)));

  app.post("/api/plans/draft", {
    ...sessionFirst,
    schema: { tags, consumes: ["multipart/form-data"], description: "Đọc văn bản kế hoạch (TXT, MD, DOCX, PDF có lớp chữ) trong trường «file» để điền sẵn kế hoạch mới; không ghi gì" },
  }, async (req) => {
    const user = requireUser(req);
    return draftPlanFromFile(ctx, user, await uploadedFile(req, "văn bản kế hoạch"));
  });

  app.get("/api/plans/coverage", { ...sessionFirst, schema: { tags, querystring: ZCoverageQuery } }, async (req) =>
    planCoverage(ctx, requireUser(req), req.query.org));

  app.get("/api/plans/aliases", { ...sessionFirst, schema: { tags, querystring: ZAliasListQuery } }, async (req) =>
    listAliases(ctx, requireUser(req), req.query.org));

  app.post("/api/plans/aliases", { ...sessionFirst, schema: { tags, body: ZAliasBody } }, async (req, reply) =>
    reply.status(201).send(await saveAlias(ctx, requireUser(req), req.body)));

  app.delete("/api/plans/aliases/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await removeAlias(ctx, requireUser(req), req.params.id);
    return reply.status(204).send();
  });

  app.get("/api/plans/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getPlanView(ctx, requireUser(req), req.params.id));

  app.patch("/api/plans/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZPlanPatchSchema } }, async (req) =>
    patchPlan(ctx, requireUser(req), req.params.id, req.body));

  app.delete("/api/plans/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await removePlan(ctx, requireUser(req), req.params.id);
    return reply.status(204).send();
  });

  app.post("/api/plans/:id/tasks", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZTaskCreateSchema } }, async (req, reply) =>
    reply.status(201).send(await createTask(ctx, requireUser(req), req.params.id, req.body)));

  app.post("/api/plans/:id/tasks/import", {
    ...sessionFirst,
    schema: {
      tags, params: ZIdParams, consumes: ["multipart/form-data"],
      description: "Tệp bảng phân công nhiệm vụ (XLSX, DOCX, MD, TSV, TXT) hoặc văn bản kế hoạch (TXT kể cả bản nhận dạng OCR, MD, DOCX, PDF có lớp chữ) trong trường «file»",
    },
  }, async (req) => {
    const user = requireUser(req);
    return importTaskTable(ctx, user, req.params.id, await uploadedFile(req, "tệp bảng nhiệm vụ"));
  });

  app.get("/api/plans/:id/tasks/export.xlsx", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) =>
    sendFile(reply, await exportTaskTable(ctx, requireUser(req), req.params.id, "xlsx"), XLSX_TYPE));

  app.get("/api/plans/:id/tasks/export.docx", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) =>
    sendFile(reply, await exportTaskTable(ctx, requireUser(req), req.params.id, "docx"), DOCX_TYPE));

  app.post("/api/plans/:id/rematch", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    rematchPlan(ctx, requireUser(req), req.params.id));

  await taskRoutes(app, ctx);
}
