// Runs the end-to-end suites again (protocol, auth, prompts, isolation, exports, answers, health, logs,
// every hardening e2e suite and the OAuth ones) with each gateway log line, audit line, issued token and
// export download link captured, then proves no token secret appears in any log or audit line: no
// personal token, and no OAuth access token, refresh token, authorization code, PKCE verifier, client
// secret or exchanged API token; and no export download link's credential part.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/gateway/auth/token.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const config = fileURLToPath(new URL("./secrets/vitest.config.ts", import.meta.url));
const vitest = createRequire(import.meta.url).resolve("vitest/vitest.mjs");
const dir = mkdtempSync(join(tmpdir(), "secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(kind: string): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${kind}-`))
    .map((name) => readFileSync(join(dir, name), "utf8"))
    .join("");
}

function runSuites(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, "run", "-c", config], {
      cwd: root,
      env: { ...process.env, SECRETS_CAPTURE_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("no token secret in any log or audit line", () => {
  it("across every end-to-end suite", { timeout: 600_000 }, async () => {
    const run = await runSuites();
    expect(run.code, run.output.slice(-4_000)).toBe(0);

    const logs = read("logs");
    const audit = read("audit");
    const tokens = [...new Set(read("tokens").split("\n").filter(Boolean))];
    const logLines = logs.split("\n").filter(Boolean);
    const auditLines = audit.split("\n").filter(Boolean);
    // The capture really saw the suites: many tokens, requests and tool calls.
    expect(tokens.length).toBeGreaterThan(20);
    expect(logLines.length).toBeGreaterThan(500);
    expect(auditLines.length).toBeGreaterThan(100);
    for (const line of [...logLines, ...auditLines]) expect(() => JSON.parse(line)).not.toThrow();

    const all = `${logs}\n${audit}`;
    for (const token of tokens) {
      expect(all.includes(token), `token ${fingerprint(token).tokenId} found in a log or audit line`).toBe(false);
      // Not even the secret part without its prefix.
      expect(all.includes(token.slice(10)), `token ${fingerprint(token).tokenId} (body) found`).toBe(false);
    }
    // Nor any made-up token the suites sent (unknown, malformed, guessed): nothing token-shaped at all.
    const tokenShaped = all.match(/clara_pat_[A-Za-z0-9]{6,}/g) ?? [];
    expect(tokenShaped).toEqual([]);
    // Nor an export download link's credential part, whole or in part: the request log names it by a short id.
    const links = [...new Set(read("links").split("\n").filter(Boolean))];
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(all.includes(link.slice(0, 32)), `a download link's credential part found in a log or audit line`).toBe(false);
    expect(all).toMatch(/"path":"\/exports\/[0-9a-f]{12}"/);
    // Callers are named by fingerprint instead: most issued tokens show up that way.
    const named = tokens.filter((token) => all.includes(fingerprint(token).tokenId));
    expect(named.length).toBeGreaterThan(tokens.length / 2);

    // OAuth: every secret the OAuth suites saw or the authorization server stored (test/e2e/oauth/stack.ts).
    const secrets = [...new Set(read("secrets").split("\n").filter(Boolean))];
    expect(secrets.length).toBeGreaterThan(40);
    for (const secret of secrets) expect(all.includes(secret), `an OAuth secret (${fingerprint(secret).tokenId}) found in a log or audit line`).toBe(false);
    // The audit lines of OAuth callers name the app and the grant instead.
    expect(auditLines.some((line) => /"client":".+","clientName":".+","grant":".+"/.test(line))).toBe(true);
  });
});
