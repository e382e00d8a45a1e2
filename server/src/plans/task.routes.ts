// Routes of tasks, their occurrences' progress, evidence files and in-app notices.
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import { parseBody, readUpload, sendFile } from "./plan.http.js";
import { ZIdParams } from "./plan.schema.js";
import { addUpdate, completeOccurrence, getEvidenceFile, MAX_EVIDENCE_BYTES, reopenOccurrence } from "./progress.service.js";
import { listUnitTasks, notices, overdueBoard } from "./task-lists.service.js";
import { ZCompleteBody, ZEventBody, ZOverdueQuery, ZTaskListQuery, ZTaskPatchSchema, ZUpdateBody } from "./task.schema.js";
import { getTaskDetail, patchTask, removeTask } from "./task.service.js";
import { recordTaskEvent } from "./task-event.service.js";

const tags = ["plans"];

/** Tasks ("my unit's tasks", overdue board, one task), progress of occurrences, notices. */
export async function taskRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/tasks", { ...sessionFirst, schema: { tags, querystring: ZTaskListQuery } }, async (req) =>
    listUnitTasks(ctx, requireUser(req), req.query));

  app.get("/api/tasks/overdue", { ...sessionFirst, schema: { tags, querystring: ZOverdueQuery } }, async (req) =>
    overdueBoard(ctx, requireUser(req), req.query));

  app.get("/api/tasks/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getTaskDetail(ctx, requireUser(req), req.params.id));

  app.patch("/api/tasks/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZTaskPatchSchema } }, async (req) =>
    patchTask(ctx, requireUser(req), req.params.id, req.body));

  app.put("/api/tasks/:id/event", {
    ...sessionFirst,
    schema: { tags, params: ZIdParams, body: ZEventBody, description: "Ghi ngày xảy ra sự kiện của nhiệm vụ có thời hạn «Sau khi …» (cơ quan ban hành kế hoạch)" },
  }, async (req) => recordTaskEvent(ctx, requireUser(req), req.params.id, req.body));

  app.delete("/api/tasks/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await removeTask(ctx, requireUser(req), req.params.id);
    return reply.status(204).send();
  });

  app.post("/api/occurrences/:id/updates", {
    ...sessionFirst,
    schema: {
      tags, params: ZIdParams, consumes: ["application/json", "multipart/form-data"],
      description: "JSON {note, evidenceDocumentId?} hoặc multipart: trường note, evidenceDocumentId và tệp minh chứng trong trường «file»",
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    if (req.isMultipart()) {
      const { file, fields } = await readUpload(req, MAX_EVIDENCE_BYTES);
      const body = parseBody(ZUpdateBody, fields);
      return reply.status(201).send(await addUpdate(ctx, user, req.params.id, { note: body.note, evidenceDocumentId: body.evidenceDocumentId, file: file ?? undefined }));
    }
    const body = parseBody(ZUpdateBody, req.body);
    return reply.status(201).send(await addUpdate(ctx, user, req.params.id, { note: body.note, evidenceDocumentId: body.evidenceDocumentId }));
  });

  app.post("/api/occurrences/:id/complete", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZCompleteBody } }, async (req) =>
    completeOccurrence(ctx, requireUser(req), req.params.id, req.body.completedOn));

  app.post("/api/occurrences/:id/reopen", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    reopenOccurrence(ctx, requireUser(req), req.params.id));

  app.get("/api/updates/:id/evidence", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const file = await getEvidenceFile(ctx, requireUser(req), req.params.id);
    return sendFile(reply, file, file.contentType);
  });

  app.get("/api/notices", { schema: { tags } }, async (req) => notices(ctx, requireUser(req)));
}
