// `npm start` runs this first: builds the web app with Vite when web/dist is missing or older
// than any source file, so a fresh clone serves the pages without a separate build command.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "web");
const built = join(web, "dist", "index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (existsSync(join(web, "index.html"))) {
  const sources = Math.max(newest(join(web, "src")), statSync(join(web, "index.html")).mtimeMs);
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stdout.write("Đang build giao diện web (vite build)…\n");
    const { build } = await import("vite");
    await build({ configFile: join(web, "vite.config.ts"), root: web, logLevel: "warn" });
  }
}
