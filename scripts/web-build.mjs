// Whether the built web app (web/dist) is older than what it is built from, and how to build it.
// Used by `npm start` (build-web-if-stale.mjs) and by the browser tests (test/e2e/harness.ts).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const WEB = join(ROOT, "web");
export const BUILT = join(WEB, "dist", "index.html");

/** The web app's own files and the pure server modules it imports (rules and request schemas),
 * so that a change to either rebuilds it. */
export const WEB_SOURCES = [
  join(WEB, "src"), join(WEB, "index.html"), join(WEB, "vite.config.ts"),
  join(ROOT, "server/src/domain"), join(ROOT, "server/src/registers/register-query.schema.ts"),
  join(ROOT, "server/src/documents/document.schema.ts"), join(ROOT, "server/src/meetings/meeting.schema.ts"),
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

/** True when web/dist is missing or older than any source. */
export function isWebBuildStale() {
  return !existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(...WEB_SOURCES.map(newestMtime));
}
