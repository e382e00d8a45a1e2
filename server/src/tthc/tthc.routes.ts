import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import { ZTthcDeleteQuerySchema, ZTthcListQuerySchema, ZTthcPutSchema } from "./tthc.schema.js";
import { listTthcPage, putTthc, removeTthc } from "./tthc.service.js";

const tags = ["tthc"];

/** TTHC statistics (thủ tục hành chính): list, enter/correct a month, remove a month. */
export async function tthcRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/tthc", { ...sessionFirst, schema: { tags, querystring: ZTthcListQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listTthcPage(ctx, user, req.query);
  });

  app.put("/api/tthc", { ...sessionFirst, schema: { tags, body: ZTthcPutSchema } }, async (req, reply) => {
    const user = requireUser(req);
    const { row, created } = await putTthc(ctx, user, req.body);
    return reply.status(created ? 201 : 200).send(row);
  });

  app.delete("/api/tthc", { ...sessionFirst, schema: { tags, querystring: ZTthcDeleteQuerySchema } }, async (req, reply) => {
    const user = requireUser(req);
    await removeTthc(ctx, user, req.query.org, req.query.period);
    return reply.status(204).send();
  });
}
