import type { AppInstance } from "../app.js";
import type { AppContext } from "../context.js";
import { requireUser } from "../auth/auth.guard.js";
import { ZCreateUserBody, ZUpdateUserBody, ZUserIdParams, ZUserListQuery } from "./user.schema.js";
import { createUser, disableUser, listUsers, updateUser } from "./user.service.js";

/** Accounts: list for admins and aggregators of the subtree; writes for admins (`manage`). */
export async function userRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get("/api/users", { schema: { querystring: ZUserListQuery, tags: ["users"] } }, async (req) => {
    const user = requireUser(req);
    return { users: await listUsers(ctx, user, req.query) };
  });

  app.post("/api/users", { schema: { body: ZCreateUserBody, tags: ["users"] } }, async (req, reply) => {
    const user = requireUser(req);
    return reply.code(201).send({ user: await createUser(ctx, user, req.body) });
  });

  app.patch("/api/users/:id", { schema: { params: ZUserIdParams, body: ZUpdateUserBody, tags: ["users"] } }, async (req) => {
    const user = requireUser(req);
    return { user: await updateUser(ctx, user, req.params.id, req.body) };
  });

  // disables the account (kept for the audit trail); PATCH {disabled:false} re-enables it
  app.delete("/api/users/:id", { schema: { params: ZUserIdParams, tags: ["users"] } }, async (req) => {
    const user = requireUser(req);
    return { user: await disableUser(ctx, user, req.params.id) };
  });
}
