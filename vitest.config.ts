import { defineConfig } from "vitest/config";

// One run covers the pure domain, the repositories and the HTTP routes. Integration tests open
// their database through test/helpers/test-db.ts: PGlite by default, PostgreSQL when
// LELOI_TEST_DB=postgres (each test file creates and drops its own database).
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
