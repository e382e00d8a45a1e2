import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZCreateOrgBody, ZOrgCodeParams, ZUpdateOrgBody } from "./org.schema.js";
import { createOrg, deleteOrg, getOrg, listVisibleOrgs, updateOrg } from "./org.service.js";

/** The org tree: read for every role inside its subtree; writes need `manage` (admin). */
export async function orgRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/orgs", { schema: { tags: ["orgs"] } }, async (req) => {
    const user = requireUser(req);
    return { orgs: await listVisibleOrgs(ctx, user) };
  });

  app.get("/api/orgs/:code", { schema: { params: ZOrgCodeParams, tags: ["orgs"] } }, async (req) => {
    const user = requireUser(req);
    return { org: await getOrg(ctx, user, req.params.code) };
  });

  app.post("/api/orgs", { schema: { body: ZCreateOrgBody, tags: ["orgs"] } }, async (req, reply) => {
    const user = requireUser(req);
    const org = await createOrg(ctx, user, req.body);
    return reply.code(201).send({ org });
  });

  app.patch("/api/orgs/:code", { schema: { params: ZOrgCodeParams, body: ZUpdateOrgBody, tags: ["orgs"] } }, async (req) => {
    const user = requireUser(req);
    return { org: await updateOrg(ctx, user, req.params.code, req.body) };
  });

  app.delete("/api/orgs/:code", { schema: { params: ZOrgCodeParams, tags: ["orgs"] } }, async (req, reply) => {
    const user = requireUser(req);
    await deleteOrg(ctx, user, req.params.code);
    return reply.code(204).send();
  });
}
