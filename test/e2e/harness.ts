// Browser tests: the real server (buildApp on a fresh test database, PGlite or PostgreSQL as
// test-db.ts decides) listening on a free port, the built web app it serves, and headless
// Debian Chromium driven by playwright-core.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildApp, type AppInstance } from "../../server/src/app.js";
import type { AppContext } from "../../server/src/context.js";
import { OrgDirectory } from "../../server/src/orgs/org.directory.js";
import { openTestDatabase, type TestDatabase } from "../helpers/test-db.js";

import { ROOT, WEB, isWebBuildStale as isStale } from "../../scripts/web-build.mjs";

/** Debian's Chromium (installed by .ci/run when missing). */
export const CHROMIUM_PATH = process.env.LELOI_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi-VN",
];

/** The laptop screen the issue asks the app to fit (and the screenshots' size). */
export const LAPTOP = { width: 1366, height: 768 } as const;


function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock left by a process that died (or one that never wrote its pid within a minute). */
function isAbandoned(lock: string): boolean {
  let owner = 0;
  try {
    owner = Number(readFileSync(join(lock, "pid"), "utf8")) || 0;
  } catch {
    // no pid yet: the owner is between mkdir and writeFile, or died there
  }
  if (owner > 0) return !isAlive(owner);
  try {
    return Date.now() - statSync(lock).mtimeMs > 60_000;
  } catch {
    return false; // gone meanwhile: the next mkdir will tell
  }
}

/** Builds web/dist with Vite when it is missing or older than its sources. Test files run in
 * parallel processes, so one builds while the others wait on a lock directory. */
export async function ensureWebBuilt(): Promise<void> {
  if (!isStale()) return;
  const lock = join(tmpdir(), "leloi-web-build.lock");
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      if (isAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("Timed out waiting for another process to build web/dist");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!isStale()) return;
    const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
    // NODE_ENV=production: vitest sets it to "test", and Vite would then bundle React's development
    // build (StrictMode mounts twice, so every query is sent twice) — not what users get
    const run = spawnSync(process.execPath, [vite, "build", "--config", join(WEB, "vite.config.ts"), "--logLevel", "warn", WEB], {
      cwd: ROOT, encoding: "utf8", timeout: 280_000, env: { ...process.env, NODE_ENV: "production" },
    });
    if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type E2EServer = {
  baseUrl: string;
  ctx: AppContext;
  app: AppInstance;
  db: TestDatabase;
  browser: Browser;
  /** A fresh browser profile (own cookies) with a page at the laptop size. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
};

/** Builds the web app if needed, starts the server on a fresh database (`now` fixes the
 * server's clock) and launches Chromium. */
export async function startE2E(now: Date = new Date("2026-06-15T03:00:00Z")): Promise<E2EServer> {
  await ensureWebBuilt();
  const db = await openTestDatabase();
  const ctx: AppContext = { handle: db.handle, orgs: new OrgDirectory(db.handle.db), now: () => now };
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    app,
    db,
    browser,
    async newPage(viewport = LAPTOP) {
      const context = await browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", baseURL: `http://127.0.0.1:${port}` });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return { context, page };
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
      await app.close();
      await db.drop();
    },
  };
}

/** Signs in through the login page and waits for the dashboard. */
export async function logIn(page: Page, username: string, password: string, path = "/"): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/dang-nhap/);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
}

/** The value shown on an indicator's card, e.g. "Giảm 50%" or "100%". */
export async function cardValue(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-indicator="${id}"] [data-testid="indicator-value"]`).innerText()).trim();
}

/** Waits until `locator` shows an element containing `text` (Playwright's own assertions
 * are not available under vitest). */
export async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: "visible" });
}
