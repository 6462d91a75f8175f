import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Every log and audit line of the run is captured and searched for secrets at its end.
    globalSetup: ["test/e2e/secrets/global.ts"],
    setupFiles: ["test/e2e/secrets/capture.ts"],
    reporters: ["default"],
  },
});
