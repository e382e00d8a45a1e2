// Routes of a conference's papers: list, upload (multipart: «file» and «title»), download,
// delete, and "sent to delegates".
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { AppError } from "../errors.js";
import { sessionFirst } from "../registers/register-guard.js";
import { parseBody, readUpload, sendFile } from "../plans/plan.http.js";
import { MAX_PAPER_BYTES, PAPER_EXTENSIONS } from "./paper-files.js";
import { ZIdParams, ZPaperFields, ZPaperParams, ZPapersSentBody } from "./paper.schema.js";
import { addPaper, getPaperFile, getPapers, markPapersSent, removePaper } from "./paper.service.js";

const tags = ["meetings"];

/** The papers (tài liệu) of a conference and their sending to delegates. */
export async function meetingPaperRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/meetings/:id/papers", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getPapers(ctx, requireUser(req), req.params.id));

  app.post("/api/meetings/:id/papers", {
    ...sessionFirst,
    schema: {
      tags, params: ZIdParams, consumes: ["multipart/form-data"],
      description: `Tệp tài liệu (${PAPER_EXTENSIONS.join(", ")}; tối đa 10 MB) trong trường «file», tên tài liệu trong trường «title»`,
    },
  }, async (req, reply) => {
    const user = requireUser(req);
    if (!req.isMultipart()) throw new AppError("VALIDATION", "Cần tải lên tệp tài liệu (multipart/form-data, trường \"file\")");
    const { file, fields } = await readUpload(req, MAX_PAPER_BYTES);
    if (!file) throw new AppError("VALIDATION", "Cần tải lên một tệp trong trường \"file\"");
    const body = parseBody(ZPaperFields, { ...fields, title: fields.title?.trim() === "" ? undefined : fields.title });
    return reply.status(201).send(await addPaper(ctx, user, req.params.id, { title: body.title, file }));
  });

  app.get("/api/meetings/:id/papers/:paperId/file", { ...sessionFirst, schema: { tags, params: ZPaperParams } }, async (req, reply) => {
    const file = await getPaperFile(ctx, requireUser(req), req.params.id, req.params.paperId);
    // served with the type we decided at upload; never sniffed into something runnable
    reply.header("x-content-type-options", "nosniff");
    return sendFile(reply, file, file.contentType);
  });

  app.delete("/api/meetings/:id/papers/:paperId", { ...sessionFirst, schema: { tags, params: ZPaperParams } }, async (req, reply) => {
    await removePaper(ctx, requireUser(req), req.params.id, req.params.paperId);
    return reply.status(204).send();
  });

  app.post("/api/meetings/:id/papers/sent", {
    ...sessionFirst,
    schema: { tags, params: ZIdParams, body: ZPapersSentBody.nullish(), description: "Đánh dấu đã gửi chương trình, tài liệu cho đại biểu" },
  }, async (req) => markPapersSent(ctx, requireUser(req), req.params.id, req.body?.sentAt));
}
