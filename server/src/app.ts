import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "./context.js";
import { AppError, statusOf } from "./errors.js";
import { findSessionUser, SESSION_COOKIE } from "./auth/session.js";
import type { SessionUser } from "./auth/policy.js";
import { authRoutes } from "./auth/auth.routes.js";
import { userRoutes } from "./users/user.routes.js";
import { orgRoutes } from "./orgs/org.routes.js";
import { documentRoutes } from "./documents/document.routes.js";
import { meetingRoutes } from "./meetings/meeting.routes.js";
import { tthcRoutes } from "./tthc/tthc.routes.js";
import { settingsRoutes } from "./settings/settings.routes.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { importRoutes } from "./imports/import.routes.js";
import { indicatorRoutes } from "./indicators/indicator.routes.js";
import { planRoutes } from "./plans/plan.routes.js";
import { conferencePlanRoutes } from "./conference-plans/conference-plan.routes.js";
import { reportRoutes } from "./reports/report.routes.js";
import { calendarRoutes } from "./calendar/calendar.routes.js";
import { meetingPaperRoutes } from "./meeting-papers/paper.routes.js";
import { conclusionRoutes } from "./conclusions/conclusion.routes.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the session hook when the request carries a valid session cookie. */
    user: SessionUser | null;
  }
}

export type AppInstance = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

// zod's own messages (e.g. "expected string") in Vietnamese, like ours
z.config(z.locales.vi());

export type BuildOptions = { logger?: boolean | { level: string }; secureCookies?: boolean; webDist?: string };

/** Where `vite build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Builds the HTTP app (API, OpenAPI docs, later the web pages) without listening. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<AppInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 2 * 1024 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: { info: { title: "leloi API", description: "KL 226-KL/TW: sổ văn bản, hội nghị, TTHC, chỉ tiêu", version: "0.1.0" } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.decorateRequest("user", null);
  app.addHook("onRequest", async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    // on PGlite from an in-process cache: an import holds its only connection (session-cache.ts)
    if (token) req.user = (await findSessionUser(ctx.handle.db, token, ctx.now(), { cached: ctx.handle.kind === "pglite" })) ?? null;
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const issues = error.validation.map((v) => `${v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where}: ${v.message}`);
      return reply.status(400).send({ error: "VALIDATION", message: issues.join("; "), issues });
    }
    if (error instanceof AppError) {
      return reply.status(statusOf(error.code)).send({ error: error.code, message: error.message, details: error.details });
    }
    if (error.name === "DomainError") {
      const e = error as Error & { code: string; details?: unknown };
      return reply.status(statusOf(e.code) === 500 ? 400 : statusOf(e.code)).send({ error: e.code, message: e.message, details: e.details });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: "RATE_LIMITED", message: "Quá nhiều lần thử, vui lòng đợi rồi thử lại" });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: "BAD_REQUEST", message: error.message });
    }
    req.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({ error: "INTERNAL", message: "Lỗi hệ thống" });
  });

  app.get("/api/health", { schema: { hide: true } }, async () => ({ status: "ok" }));

  const secureCookies = options.secureCookies ?? false;
  await app.register(async (api) => {
    const typed = api as unknown as AppInstance;
    await authRoutes(typed, ctx, { secureCookies });
    await userRoutes(typed, ctx);
    await orgRoutes(typed, ctx);
    await documentRoutes(typed, ctx);
    await meetingRoutes(typed, ctx);
    await tthcRoutes(typed, ctx);
    await settingsRoutes(typed, ctx);
    await auditRoutes(typed, ctx);
    await importRoutes(typed, ctx);
    await indicatorRoutes(typed, ctx);
    await planRoutes(typed, ctx);
    await conferencePlanRoutes(typed, ctx);
    await reportRoutes(typed, ctx);
    await calendarRoutes(typed, ctx);
    await meetingPaperRoutes(typed, ctx);
    await conclusionRoutes(typed, ctx);
  });

  // The web app: built assets, and index.html for every other non-API path (client routing).
  const webDist = options.webDist ?? WEB_DIST;
  if (existsSync(`${webDist}/index.html`)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: "1h" });
    app.setNotFoundHandler((req, reply) => {
      if (req.method !== "GET" || req.url.startsWith("/api/")) {
        return reply.status(404).send({ error: "NOT_FOUND", message: "Không tìm thấy" });
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  }
  return app;
}
