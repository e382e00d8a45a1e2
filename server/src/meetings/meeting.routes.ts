import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZIdParams } from "../registers/register-query.schema.js";
import { sessionFirst } from "../registers/register-guard.js";
import {
  ZInvitableUnitsQuerySchema, ZMeetingCheckSchema, ZMeetingCreateSchema, ZMeetingListQuerySchema, ZMeetingPatchSchema, ZUpperConferencesQuerySchema,
} from "./meeting.schema.js";
import { listInvitableUnits, listUpperConferences } from "./meeting-lookups.service.js";
import {
  checkMeeting, createMeeting, deleteMeetingById, getMeeting, listMeetingPage, updateMeetingById,
} from "./meeting.service.js";

const tags = ["meetings"];

/** The conference register (sổ hội nghị) with the preventive checks of KL 226 §2.2. */
export async function meetingRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/meetings", { ...sessionFirst, schema: { tags, querystring: ZMeetingListQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listMeetingPage(ctx, user, req.query);
  });

  // the form's pickers: units to invite (M8) and upper conferences to relate to (M6)
  app.get("/api/meetings/invitable-units", { ...sessionFirst, schema: { tags, querystring: ZInvitableUnitsQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listInvitableUnits(ctx, user, req.query.org);
  });

  app.get("/api/meetings/upper", { ...sessionFirst, schema: { tags, querystring: ZUpperConferencesQuerySchema } }, async (req) => {
    const user = requireUser(req);
    return listUpperConferences(ctx, user, req.query);
  });

  app.get("/api/meetings/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req) => {
    const user = requireUser(req);
    return getMeeting(ctx, user, req.params.id);
  });

  // the form's dry run: M3–M6, M8, M9 and papers-ahead findings for the body, nothing saved
  app.post("/api/meetings/check", { ...sessionFirst, schema: { tags, body: ZMeetingCheckSchema } }, async (req) => {
    const user = requireUser(req);
    return checkMeeting(ctx, user, req.body);
  });

  app.post("/api/meetings", { ...sessionFirst, schema: { tags, body: ZMeetingCreateSchema } }, async (req, reply) => {
    const user = requireUser(req);
    return reply.status(201).send(await createMeeting(ctx, user, req.body));
  });

  app.patch("/api/meetings/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZMeetingPatchSchema } }, async (req) => {
    const user = requireUser(req);
    return updateMeetingById(ctx, user, req.params.id, req.body);
  });

  app.delete("/api/meetings/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const user = requireUser(req);
    await deleteMeetingById(ctx, user, req.params.id);
    return reply.status(204).send();
  });
}
