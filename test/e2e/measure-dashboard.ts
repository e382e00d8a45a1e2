// How long the dashboard takes to show on the demo province (issue 3 §7: ≤ 1 s). Not a test
// (loading the demo takes longer than a test should); run it by hand:
//   npx tsx test/e2e/measure-dashboard.ts            (PGlite)
//   LELOI_TEST_DB=postgres npx tsx test/e2e/measure-dashboard.ts
// It loads the demo into a fresh database, signs in as the province admin and times, from
// navigation start, until every indicator card, both charts, the quota and the subordinate
// units are on screen; then it lists the API calls the page made with their durations.
import { loadDemoProvince } from "../../server/src/demo/demo.loader.js";
import { DEMO_PASSWORD } from "../../server/src/demo/demo-accounts.js";
import { TEST_ENGINE } from "../helpers/test-db.js";
import { logIn, startE2E } from "./harness.js";

const RUNS = 5;

/** Notes in the page when the cards, then the whole dashboard, are on screen. Plain text: a
 * function would be compiled with helpers (tsx adds `__name`) the page does not have. */
const MARKS_SCRIPT = `
  window.__marks = {};
  const has = (sel) => document.querySelector(sel) !== null;
  const check = () => {
    const m = window.__marks;
    if (m.cards === undefined && has('[data-indicator="M5"] [data-testid="indicator-value"]')) m.cards = performance.now();
    if (m.all === undefined && m.cards !== undefined && document.querySelectorAll("canvas").length >= 2
      && has('section[aria-labelledby="quota-heading"] dl')
      && has('section[aria-labelledby="children-heading"] table, section[aria-labelledby="children-heading"] .empty')) m.all = performance.now();
    if (m.all === undefined) setTimeout(check, 5);
  };
  setTimeout(check, 0);
`;

/** "first 812 ms, median 640 ms, max 812 ms" */
function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (n: number | undefined) => `${Math.round(n ?? 0)} ms`;
  return `first ${ms(times[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted.at(-1))}`;
}

async function main(): Promise<void> {
  const now = new Date();
  const e2e = await startE2E(now);
  try {
    const started = Date.now();
    const demo = await loadDemoProvince(e2e.ctx, { now });
    process.stdout.write(`${TEST_ENGINE}: ${demo.summary} (${Date.now() - started} ms)\n`);
    const { page } = await e2e.newPage();
    await logIn(page, "admin.tq", DEMO_PASSWORD, "/?period=2026");

    const year = now.getUTCFullYear();
    const views = [`/?org=TQ&period=${year}&subtree=1`, `/?org=TQ&period=${year}Q2&subtree=1`, `/?org=SYT&period=${year}&subtree=1`, `/?org=X_KIEN_THIET&period=${year}-05&subtree=1`];
    // timed inside the page: the server runs in this process, so a busy server would delay
    // what Playwright sees, not what the user sees
    await page.addInitScript({ content: MARKS_SCRIPT });
    for (const view of views) {
      const times: number[] = [];
      const cardTimes: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        // a full page load each time: HTML, bundle (cached after the first), session, tree, five API calls
        await page.goto(view, { waitUntil: "commit" });
        await page.waitForFunction(() => (window as unknown as { __marks?: { all?: number } }).__marks?.all !== undefined, null, { timeout: 60_000 });
        const marks = await page.evaluate(() => (window as unknown as { __marks: { cards: number; all: number } }).__marks);
        cardTimes.push(marks.cards);
        times.push(marks.all);
      }
      // of the last load: when each API call started and ended, from navigation start
      const apis = await page.evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((e) => e.name.includes("/api/"))
          .map((e) => `${new URL(e.name).pathname}${new URL(e.name).search} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)} ms (${Math.round(e.duration)} ms)`),
      );
      process.stdout.write(`${view}: indicator cards ${summary(cardTimes)}; whole dashboard ${summary(times)}\n`);
      for (const line of apis) process.stdout.write(`    ${line}\n`);
    }
    // the aggregator's heaviest reads of the reports pages: the API call alone, 5 times each
    for (const api of [`/api/ratings?org=TQ&year=${year}`, `/api/reports/matrix?org=TQ&year=${year}`, `/api/reports/combined?org=TQ&period=${year}Q3`]) {
      const times = await page.evaluate(async (url) => {
        const out: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          const t0 = performance.now();
          const res = await fetch(url);
          if (!res.ok) throw new Error(`${url}: ${res.status}`);
          await res.json();
          out.push(performance.now() - t0);
        }
        return out;
      }, api);
      process.stdout.write(`${api}: ${summary(times)}\n`);
    }
  } finally {
    await e2e.close();
  }
}

await main();
