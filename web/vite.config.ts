// Vite config of the web app. `npm start` builds it (scripts/build-web-if-stale.mjs) into
// web/dist, which the Fastify server serves; `npm run dev:web` serves it with hot reload and
// forwards /api to the server on port 3000.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The web app reuses the pure rules and request schemas of the server (server/src/domain,
// *.schema.ts) so a form and the API validate alike; they import nothing from Node.
const serverSrc = decodeURIComponent(new URL("../server/src", import.meta.url).pathname);

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@server": serverSrc } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // zod's sources carry /*@__PURE__*/ comments Rollup cannot place; harmless, and noisy
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION") return;
        warn(warning);
      },
      output: {
        // libraries change less often than the app: separate files stay cached across releases
        manualChunks(id) {
          if (id.includes("node_modules/echarts") || id.includes("node_modules/zrender")) return "charts";
          if (id.includes("node_modules")) return "vendor";
          return undefined;
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
