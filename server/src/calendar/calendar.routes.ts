import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZIdParams } from "../registers/register-query.schema.js";
import { sessionFirst } from "../registers/register-guard.js";
import { ZCalendarQuerySchema, ZFeedCreateSchema, ZFeedFileParams } from "./calendar.schema.js";
import { listCalendar } from "./calendar.service.js";
import { createFeed, listFeeds, renderFeedFile, revokeFeedById } from "./feed.service.js";

const tags = ["calendar"];

/** The shared conference calendar (M9) and its iCalendar feeds. */
export async function calendarRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/calendar", { ...sessionFirst, schema: { tags, querystring: ZCalendarQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listCalendar(ctx, user, req.query);
  });

  app.get("/api/calendar/feeds", { ...sessionFirst, schema: { tags } }, async (req) => {
    const user = requireUser(req);
    return listFeeds(ctx, user);
  });

  app.post("/api/calendar/feeds", { ...sessionFirst, schema: { tags, body: ZFeedCreateSchema } }, async (req, reply) => {
    const user = requireUser(req);
    return reply.status(201).send(await createFeed(ctx, user, req.body));
  });

  app.delete("/api/calendar/feeds/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const user = requireUser(req);
    await revokeFeedById(ctx, user, req.params.id);
    return reply.status(204).send();
  });

  // no session: a mail client cannot send our cookie; the secret token in the URL is the key
  app.get("/ical/:file", { schema: { tags, params: ZFeedFileParams } }, async (req, reply) => {
    const body = await renderFeedFile(ctx, req.params.file);
    return reply
      .header("content-type", "text/calendar; charset=utf-8")
      .header("content-disposition", 'inline; filename="lich-hoi-nghi.ics"')
      // the URL is a secret: no shared cache may keep the answer
      .header("cache-control", "private, no-cache")
      .send(body);
  });
}
