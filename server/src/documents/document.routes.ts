import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZIdParams } from "../registers/register-query.schema.js";
import { sessionFirst } from "../registers/register-guard.js";
import { ZDocumentCreateSchema, ZDocumentListQuerySchema, ZDocumentPatchSchema } from "./document.schema.js";
import {
  createDocument, deleteDocumentById, getDocument, listDocumentPage, updateDocumentById,
} from "./document.service.js";
import { documentTextRoutes } from "./document-text.routes.js";

const tags = ["documents"];

/** The document register (sổ văn bản): list with filters and paging, read, create, update, delete. */
export async function documentRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/documents", { ...sessionFirst, schema: { tags, querystring: ZDocumentListQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listDocumentPage(ctx, user, req.query);
  });

  app.get("/api/documents/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) => {
    const user = requireUser(req);
    return getDocument(ctx, user, req.params.id);
  });

  app.post("/api/documents", { ...sessionFirst, schema: { tags, body: ZDocumentCreateSchema } }, async (req, reply) => {
    const user = requireUser(req);
    return reply.status(201).send(await createDocument(ctx, user, req.body));
  });

  app.patch("/api/documents/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZDocumentPatchSchema } }, async (req) => {
    const user = requireUser(req);
    return updateDocumentById(ctx, user, req.params.id, req.body);
  });

  app.delete("/api/documents/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const user = requireUser(req);
    await deleteDocumentById(ctx, user, req.params.id);
    return reply.status(204).send();
  });

  // texts, copy check, citations, search (issue "Document intelligence")
  await documentTextRoutes(app, ctx);
}
