// The end-to-end suites, run again by the secrets test with logs, audit lines and tokens captured.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../../..", import.meta.url).pathname,
    include: [
      "test/e2e/prompts*.test.ts",
      "test/e2e/extension*.test.ts",
      "test/e2e/isolation.test.ts",
      "test/e2e/exports.test.ts",
      "test/e2e/answers.test.ts",
      "test/e2e/confirm.test.ts",
      "test/e2e/hardening/*.test.ts",
      "test/e2e/oauth/*.test.ts",
      "test/gateway/auth/auth.test.ts",
      "test/gateway/auth/grace.test.ts",
      "test/gateway/mcp/protocol.test.ts",
      "test/gateway/mcp/modern.test.ts",
      "test/gateway/http/health.test.ts",
      "test/gateway/http/logs.test.ts",
    ],
    setupFiles: ["test/e2e/secrets/capture.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["dot"],
  },
});
