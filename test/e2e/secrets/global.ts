// Global setup of every test run: a folder where the capture setup file (capture.ts) appends every
// gateway log line, audit line, issued token, download link and OAuth secret the suites produce; when
// the run ends, the run fails if any secret appears in a log or audit line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCapture, secretProblems } from "./check.js";

export function setup(): void {
  // Workers start after this, so they inherit it.
  process.env.SECRETS_CAPTURE_DIR = mkdtempSync(join(tmpdir(), "secrets-"));
}

export function teardown(): void {
  const dir = process.env.SECRETS_CAPTURE_DIR!;
  try {
    // `npm test` runs every suite: then the capture must also prove it saw them.
    const problems = secretProblems(readCapture(dir), process.env.SECRETS_FULL_RUN === "1");
    if (problems.length > 0) throw new Error(`Secrets check failed:\n- ${problems.join("\n- ")}`);
    if (process.env.SECRETS_FULL_RUN === "1") console.log("Secrets check: no token or secret in any log or audit line of this run.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
