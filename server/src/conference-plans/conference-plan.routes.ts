// Routes of the annual conference plan (rule M7, issue 7 §1): read a unit's plan of a year with
// its target check and planned vs held; edit the draft and its planned conferences; issue it.
import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { sessionFirst } from "../registers/register-guard.js";
import {
  ZConferencePlanCreate, ZConferencePlanIssue, ZConferencePlanPatch, ZConferencePlanQuery, ZIdParams, ZItemParams,
  ZPlannedConferenceCreate, ZPlannedConferencePatch,
} from "./conference-plan.schema.js";
import { getConferencePlanView } from "./conference-plan-view.service.js";
import {
  addPlannedConference, createConferencePlan, issueConferencePlan, patchConferencePlan, patchPlannedConference,
  removeConferencePlan, removePlannedConference,
} from "./conference-plan.service.js";

const tags = ["conference-plans"];

/** The annual conference plan of a unit (kế hoạch tổ chức hội nghị hằng năm). */
export async function conferencePlanRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/conference-plans", { ...sessionFirst, schema: { tags, querystring: ZConferencePlanQuery } }, async (req) =>
    getConferencePlanView(ctx, requireUser(req), req.query));

  app.post("/api/conference-plans", { ...sessionFirst, schema: { tags, body: ZConferencePlanCreate } }, async (req, reply) =>
    reply.status(201).send(await createConferencePlan(ctx, requireUser(req), req.body)));

  app.patch("/api/conference-plans/:id", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZConferencePlanPatch } }, async (req) =>
    patchConferencePlan(ctx, requireUser(req), req.params.id, req.body));

  app.delete("/api/conference-plans/:id", { ...sessionFirst, schema: { tags, params: ZIdParams } }, async (req, reply) => {
    await removeConferencePlan(ctx, requireUser(req), req.params.id);
    return reply.status(204).send();
  });

  app.post("/api/conference-plans/:id/items", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZPlannedConferenceCreate } }, async (req, reply) =>
    reply.status(201).send(await addPlannedConference(ctx, requireUser(req), req.params.id, req.body)));

  app.patch("/api/conference-plans/:id/items/:itemId", { ...sessionFirst, schema: { tags, params: ZItemParams, body: ZPlannedConferencePatch } }, async (req) =>
    patchPlannedConference(ctx, requireUser(req), req.params.id, req.params.itemId, req.body));

  app.delete("/api/conference-plans/:id/items/:itemId", { ...sessionFirst, schema: { tags, params: ZItemParams } }, async (req) =>
    removePlannedConference(ctx, requireUser(req), req.params.id, req.params.itemId));

  app.post("/api/conference-plans/:id/issue", { ...sessionFirst, schema: { tags, params: ZIdParams, body: ZConferencePlanIssue } }, async (req) =>
    issueConferencePlan(ctx, requireUser(req), req.params.id, req.body));
}
