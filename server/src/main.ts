import { loadEnv } from "./env.js";
import { openDatabaseFromEnv } from "./db/open-from-env.js";
import { OrgDirectory } from "./orgs/org.directory.js";
import type { AppContext } from "./context.js";
import { buildApp } from "./app.js";
import { ensureAdmin } from "./bootstrap/admin.js";
import { loadDemoProvince } from "./demo/demo.loader.js";

/** `npm start`: open (and migrate) the database, create the first admin, load the demo
 * province into an empty database, then serve the API on PORT. */
const env = loadEnv();
const handle = await openDatabaseFromEnv(process.env);
const ctx: AppContext = { handle, orgs: new OrgDirectory(handle.db), now: () => new Date() };
const say = (line: string) => process.stdout.write(`${line}\n`);

// the admin first: in an empty database it creates the root unit that the demo province joins
await ensureAdmin(ctx, { password: env.LELOI_ADMIN_PASSWORD, log: say });
if (env.LELOI_DEMO === "1") {
  const demo = await loadDemoProvince(ctx, { now: ctx.now() });
  if (demo.loaded) say(`Đã nạp dữ liệu mẫu: ${demo.summary}`);
}

const app = await buildApp(ctx, { logger: { level: env.LOG_LEVEL }, secureCookies: env.NODE_ENV === "production" });
const shutdown = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
await app.listen({ port: env.PORT, host: env.HOST });
say(`leloi đang chạy tại http://localhost:${env.PORT} (CSDL: ${handle.kind === "pglite" ? `PGlite ${env.LELOI_DATA_DIR}` : "PostgreSQL"})`);
