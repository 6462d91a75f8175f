// mcp-remote (the README's bridge for Claude Desktop) completes the same sign-in: run with only the MCP
// URL, it registers dynamically and prints the authorization URL; Chromium signs in and allows; then
// MCP over its stdio lists the tools. Its state lives in a temporary MCP_REMOTE_CONFIG_DIR.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inFreshPage, launchChromium } from "../browser/chromium.js";
import { authorizeInBrowser, sawSecret, startOAuthStack, type OAuthStack } from "./stack.js";

const PROXY = createRequire(import.meta.url).resolve("mcp-remote/dist/proxy.js");
let stack: OAuthStack;
let browser: Browser;
let child: ChildProcessWithoutNullStreams | undefined;
const dir = mkdtempSync(join(tmpdir(), "mcp-remote-"));

beforeAll(async () => {
  [stack, browser] = await Promise.all([startOAuthStack(), launchChromium()]);
});
afterAll(async () => {
  child?.kill();
  await browser?.close();
  await stack?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** JSON-RPC over the child's stdio: one line per message; resolves with the answer to `id`. */
function rpc(proc: ChildProcessWithoutNullStreams, lines: string[], message: Record<string, unknown>): Promise<any> {
  proc.stdin.write(`${JSON.stringify(message)}\n`);
  if (message.id === undefined) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${String(message.method)}`)), 20_000);
    const look = () => {
      const found = lines.map((line) => JSON.parse(line)).find((m) => m.id === message.id);
      if (found) {
        clearTimeout(timer);
        proc.stdout.off("data", look);
        resolve(found);
      }
    };
    proc.stdout.on("data", look);
    look();
  });
}

describe("mcp-remote", () => {
  it("signs in with OAuth from the MCP URL alone, then lists the tools over stdio", { timeout: 90_000 }, async () => {
    const proc = spawn(process.execPath, [PROXY, stack.mcpUrl, "--transport", "http-only"], {
      // No browser to open: the authorization URL is taken from stderr instead.
      env: { ...process.env, MCP_REMOTE_CONFIG_DIR: dir, BROWSER: "true", DISPLAY: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    child = proc;
    let stderr = "";
    const lines: string[] = [];
    let partial = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      partial += chunk.toString();
      const parts = partial.split("\n");
      partial = parts.pop()!;
      lines.push(...parts.filter((line) => line.trim().startsWith("{")));
    });
    const url = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no authorization URL; stderr:\n${stderr}`)), 30_000);
      proc.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /Please authorize this client by visiting:\s*\n(\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const initialized = rpc(proc, lines, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "0" } } });
    const authorization = new URL(await url);
    expect(authorization.origin).toBe(stack.issuer);
    expect(authorization.searchParams.get("resource")).toBe(stack.mcpUrl);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");

    await inFreshPage(browser, async (page) => {
      await authorizeInBrowser(page, authorization.href, { email: "admin@acme.example", answer: "Allow" });
      // mcp-remote's own callback page on localhost.
      await page.waitForURL(/^http:\/\/localhost:\d+\/oauth\/callback\?/);
      sawSecret(new URL(page.url()).searchParams.get("code") ?? undefined);
    });

    const init = await initialized;
    expect(init.result?.serverInfo?.name).toBe("clara");
    await rpc(proc, lines, { jsonrpc: "2.0", method: "notifications/initialized" });
    const list = await rpc(proc, lines, { jsonrpc: "2.0", id: 2, method: "tools/list" });
    expect(list.result.tools.map((t: { name: string }) => t.name)).toContain("lock_card");
    const who = await rpc(proc, lines, { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "get_current_user", arguments: {} } });
    expect(who.result.content[0].text).toContain("Ana Torres");
    // It registered dynamically, and Connected apps lists it.
    const apps = stack.sandbox.db.prepare("SELECT client_name FROM oauth_apps").pluck().all() as string[];
    expect(apps).toHaveLength(1);
    expect(stderr).not.toMatch(/SSE error|Dynamic Client Registration rejected/);
  });
});
