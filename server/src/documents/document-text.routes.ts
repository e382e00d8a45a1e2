// Routes of a registered document's text (issue "Document intelligence" §6–§8): upload (a file
// as multipart field «file», or JSON {text, format}), read, remove, check again, side-by-side
// view of the copy check, citation graph, "register from file", full-text search. Each checks
// the session, then the same rights as the document itself (read / write on its unit).
import type { FastifyRequest } from "fastify";
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { AppError } from "../errors.js";
import { parseBody, readUpload } from "../plans/plan.http.js";
import { ZIdParams } from "../registers/register-query.schema.js";
import { sessionFirst } from "../registers/register-guard.js";
import { documentCitations } from "../intelligence/citation.service.js";
import { draftDocumentFromFile } from "../intelligence/document-draft.service.js";
import { compareDocumentText } from "../intelligence/text-compare.service.js";
import { searchDocumentTexts } from "../intelligence/text-search.service.js";
import { deleteDocumentText, getDocumentText, putDocumentText, recheckDocumentText, type TextInput } from "../intelligence/text.service.js";
import { ZTextBody, ZTextSearchQuery } from "./document-text.schema.js";

const tags = ["documents"];
/** Largest document file accepted (a scanned-and-OCR'd PDF of a long plan is a few megabytes). */
const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;
const UPLOAD = "Tệp văn bản (TXT, MD, DOCX, PDF có lớp chữ) trong trường «file» (multipart), hoặc JSON {text, format: text|markdown}";

/** A file (multipart field «file») or a typed text (JSON). */
async function textInputOf(req: FastifyRequest): Promise<TextInput> {
  if (req.isMultipart()) {
    const { file } = await readUpload(req, MAX_TEXT_FILE_BYTES);
    if (!file) throw new AppError("VALIDATION", "file: cần tải lên một tệp trong trường \"file\"");
    return { fileName: file.fileName, content: file.content };
  }
  const body = parseBody(ZTextBody, req.body);
  return { text: body.text, format: body.format };
}

export async function documentTextRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/documents/search", { ...sessionFirst, schema: { tags, querystring: ZTextSearchQuery, description: "Tìm toàn văn trong nội dung văn bản (không phân biệt dấu), xếp theo mức phù hợp" } }, async (req) =>
    searchDocumentTexts(ctx, requireUser(req), req.query));

  app.post("/api/documents/parse", { ...sessionFirst, schema: { tags, consumes: ["multipart/form-data", "application/json"], description: `Đọc tệp để điền sẵn văn bản mới. ${UPLOAD}` } }, async (req) => {
    const user = requireUser(req);
    return draftDocumentFromFile(ctx, user, await textInputOf(req));
  });

  app.get("/api/documents/:id/text", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) =>
    getDocumentText(ctx, requireUser(req), req.params.id));

  app.put("/api/documents/:id/text", { ...sessionFirst, schema: { tags, params: ZIdParams, consumes: ["multipart/form-data", "application/json"], description: UPLOAD } }, async (req) => {
    const user = requireUser(req);
    return putDocumentText(ctx, user, req.params.id, await textInputOf(req));
  });

  app.delete("/api/documents/:id/text", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await deleteDocumentText(ctx, requireUser(req), req.params.id);
    return reply.status(204).send();
  });

  app.post("/api/documents/:id/text/check", { ...sessionFirst, schema: { tags, params: ZIdParams, description: "Kiểm tra sao chép lại với văn bản cấp trên" } }, async (req) =>
    recheckDocumentText(ctx, requireUser(req), req.params.id));

  app.get("/api/documents/:id/copy", { ...sessionFirst, schema: { tags, params: ZIdParams, description: "Đối chiếu song song: các đoạn sao chép và văn bản nguồn" } }, async (req) =>
    compareDocumentText(ctx, requireUser(req), req.params.id));

  app.get("/api/documents/:id/citations", { ...sessionFirst, schema: { tags, params: ZIdParams, description: "Văn bản này thực hiện văn bản nào, văn bản nào thực hiện văn bản này" } }, async (req) =>
    documentCitations(ctx, requireUser(req), req.params.id));
}
