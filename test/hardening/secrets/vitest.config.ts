// The end-to-end suites, run again by the secrets test with logs, audit lines and tokens captured.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../../..", import.meta.url).pathname,
    include: [
      "test/gateway/prompts*.test.ts",
      "test/gateway/extension*.test.ts",
      "test/gateway/auth.test.ts",
      "test/gateway/protocol.test.ts",
      "test/gateway/isolation.test.ts",
      "test/gateway/health.test.ts",
      "test/gateway/logs.test.ts",
      "test/hardening/e2e-*.test.ts",
    ],
    setupFiles: ["test/hardening/secrets/capture.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["dot"],
  },
});
