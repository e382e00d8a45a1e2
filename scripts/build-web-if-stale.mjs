// `npm start` runs this first: builds the web app with Vite when web/dist is missing or older
// than its sources, so a fresh clone serves the pages without a separate build command.
import { join } from "node:path";
import { WEB, isWebBuildStale } from "./web-build.mjs";

if (isWebBuildStale()) {
  process.stdout.write("Đang build giao diện web (vite build)…\n");
  const { build } = await import("vite");
  await build({ configFile: join(WEB, "vite.config.ts"), root: WEB, logLevel: "warn" });
}
