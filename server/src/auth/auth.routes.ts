import type { FastifyReply } from "fastify";
import type { AppInstance } from "../app.js";
import { AppError } from "../errors.js";
import type { AppContext } from "../context.js";
import { requireUser } from "./auth.guard.js";
import { ZChangePasswordBody, ZLoginBody } from "./auth.schema.js";
import { AuthService } from "./auth.service.js";
import { deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from "./session.js";

/** Login, logout, the signed-in user and password change. */
export async function authRoutes(app: AppInstance, ctx: AppContext, opts: { secureCookies: boolean }): Promise<void> {
  const auth = new AuthService(ctx);
  // Lax, not Strict: every state change is a POST/PUT/PATCH/DELETE with a JSON body, which Lax
  // already keeps from cross-site requests, and no GET changes anything; Lax still lets a link
  // pasted into mail or chat (e.g. an export URL) open signed in.
  const cookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure: opts.secureCookies } as const;

  app.post("/api/auth/login", { schema: { body: ZLoginBody, tags: ["auth"] } }, async (req, reply) => {
    const { token, user } = await withRetryAfter(reply, () => auth.login(req.body, req.ip));
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: Math.floor(SESSION_TTL_MS / 1000) });
    return { user };
  });

  // answers 204 even without a session: signing out twice is not an error
  app.post("/api/auth/logout", { schema: { tags: ["auth"] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(ctx.handle.db, token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send();
  });

  app.get("/api/auth/me", { schema: { tags: ["auth"] } }, async (req) => {
    const user = requireUser(req);
    return { user: await auth.me(user) };
  });

  app.post("/api/auth/password", { schema: { body: ZChangePasswordBody, tags: ["auth"] } }, async (req, reply) => {
    const user = requireUser(req);
    await withRetryAfter(reply, () => auth.changePassword(user, req.body, req.cookies[SESSION_COOKIE] ?? "", req.ip));
    return { ok: true };
  });
}

/** Adds `Retry-After` to a throttled answer (the header survives into the error handler). */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const seconds = e instanceof AppError && e.code === "RATE_LIMITED" ? (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (seconds !== undefined) reply.header("retry-after", String(seconds));
    throw e;
  }
}
