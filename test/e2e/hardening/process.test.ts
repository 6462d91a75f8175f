// The gateway as a process (npm start's built bundle on plain node): graceful shutdown mid-call, direct TLS, the
// audit file, and start-up refusing wrong hardening settings.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundle, removeBundle } from "../../../scripts/build.js";

const folder = mkdtempSync(join(tmpdir(), "gateway-process-"));
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// Its own file, so test files building at the same time never run each other's half-written bundle.
const BUILT = `dist/process-test-${process.pid}.mjs`;
beforeAll(() => bundle(BUILT), 60_000);
afterAll(() => removeBundle(BUILT));

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [BUILT], {
    env: { ...process.env, PORT: "0", SANDBOX_PORT: "0", SANDBOX_DB: ":memory:", LOG_LEVEL: "info", AUDIT_LOG: "off", ...env },
  });
  children.push(child);
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function ready(started: Started): Promise<{ url: string; tokens: Record<string, string> }> {
  let done = false;
  void started.exited.then(() => (done = true));
  for (;;) {
    const text = started.output();
    const url = /Clara MCP gateway: (https?:\/\/\S+\/mcp)\n/.exec(text)?.[1];
    const tokens = Object.fromEntries([...text.matchAll(/^ {2}(\S+@\S+)\s+(clara_pat_\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    if (url && Object.keys(tokens).length === 5) return { url, tokens };
    if (done) throw new Error(`exited before it was ready:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function connect(url: string, token: string, fetch?: typeof undiciFetch): Promise<Client> {
  const client = new Client({ name: "process-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    ...(fetch ? { fetch: fetch as never } : {}),
  });
  await client.connect(transport);
  return client;
}

describe("graceful shutdown", () => {
  it("SIGTERM mid-call: the call completes with its real outcome, new connections are refused, exit 0", async () => {
    const auditFile = join(folder, "audit.log");
    const started = start({ SANDBOX_LOCK_DELAY_MS: "2000", AUDIT_LOG: auditFile });
    const { url, tokens } = await ready(started);
    const client = await connect(url, tokens["admin@acme.example"]!);
    const locking = client.callTool({ name: "lock_card", arguments: { card: "luis perez" } });
    // The lock takes over 2 s (the sandbox applies it late and the gateway waits for it): signal well inside that.
    await new Promise((resolve) => setTimeout(resolve, 700));
    started.child.kill("SIGTERM");
    const result = await locking;
    expect(result.isError).toBeFalsy();
    expect((result.content as Array<{ text: string }>)[0]!.text).toMatch(/^Locked card •••• \d{4} \(Luis Pérez\); it was active\.$/);
    await expect(fetch(url.replace("/mcp", "/healthz"))).rejects.toThrow();
    expect(await started.exited).toBe(0);
    // The shutdown saw the call in flight, and let it finish.
    expect(started.output()).toMatch(/"inFlight":1[,}].*shutting down|shutting down.*"inFlight":1[,}]/);
    const audit = readFileSync(auditFile, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(audit.at(-1)).toMatchObject({ tool: "lock_card", outcome: "ok" });
  });
});

describe("direct TLS", () => {
  it("serves MCP over HTTPS with TLS_CERT_FILE and TLS_KEY_FILE", async () => {
    const cert = join(folder, "cert.pem");
    const key = join(folder, "key.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ], { stdio: "ignore" });
    const started = start({ TLS_CERT_FILE: cert, TLS_KEY_FILE: key });
    const { url, tokens } = await ready(started);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const dispatcher = new Agent({ connect: { ca: readFileSync(cert) } });
    const trusted = ((input: string | URL, init?: Parameters<typeof undiciFetch>[1]) => undiciFetch(input, { ...init, dispatcher })) as typeof undiciFetch;
    const client = await connect(url, tokens["books@acme.example"]!, trusted);
    expect((await client.listTools()).tools.length).toBe(12);
    const health = await trusted(url.replace("/mcp", "/healthz"));
    expect(health.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    await client.close();
    await dispatcher.close();
    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
  });
});

describe("hardening settings at start-up", () => {
  it("wrong values stop start-up with a message naming each variable", async () => {
    const wrong = {
      ALLOWED_ORIGINS: "not an origin",
      ALLOWED_HOSTS: "http://x",
      RATE_LIMIT_ADDRESS: "fast",
      RATE_LIMIT_TOKEN: "10/0s",
      TLS_CERT_FILE: join(folder, "missing.pem"),
    };
    const started = start(wrong);
    expect(await started.exited).toBe(2);
    for (const name of ["ALLOWED_ORIGINS", "ALLOWED_HOSTS", "RATE_LIMIT_ADDRESS", "RATE_LIMIT_TOKEN", "TLS_KEY_FILE"]) {
      expect(started.output()).toContain(`Invalid ${name}`);
    }
    expect(started.output()).not.toContain("Clara MCP gateway:");
  });

  it("replica settings: REDIS_URL needs GATEWAY_SECRET; a short secret, a wrong URL or prefix are refused, and no secret is echoed", async () => {
    const alone = start({ REDIS_URL: "redis://:hunter2-redis-password@127.0.0.1:6390" });
    expect(await alone.exited).toBe(2);
    expect(alone.output()).toMatch(/Invalid GATEWAY_SECRET: required when REDIS_URL is set/);
    const wrong = start({ REDIS_URL: "http://:hunter2-redis-password@127.0.0.1", GATEWAY_SECRET: "short-secret-hunter3", REDIS_PREFIX: "clara mx", IDENTITY_GRACE_MS: "-1" });
    expect(await wrong.exited).toBe(2);
    for (const name of ["REDIS_URL", "GATEWAY_SECRET", "REDIS_PREFIX", "IDENTITY_GRACE_MS"]) expect(wrong.output()).toContain(`Invalid ${name}`);
    expect(wrong.output()).toMatch(/Invalid GATEWAY_SECRET: use at least 32 bytes/);
    for (const secret of ["hunter2", "hunter3"]) expect(`${alone.output()}${wrong.output()}`).not.toContain(secret);
  });

  it("with REDIS_URL, starts even while Redis is unreachable, says so once, and /readyz names it", async () => {
    const started = start({ REDIS_URL: "redis://127.0.0.1:9", GATEWAY_SECRET: "a-replica-secret-of-at-least-32-bytes!" });
    const { url } = await ready(started);
    expect(started.output()).toContain("Shared state: Redis, keys under clara:");
    const readyz = await fetch(url.replace("/mcp", "/readyz"));
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toEqual({ status: "ready", upstream: "reachable", redis: "unavailable" });
    // The log is flushed every 500 ms; reconnect attempts go on meanwhile, and must not add lines.
    for (let waited = 0; !started.output().includes("Redis unavailable") && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(started.output().match(/Redis unavailable/g)).toHaveLength(1);
    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
  });

  it("a host that is not loopback needs ALLOWED_HOSTS", async () => {
    const started = start({ HOST: "0.0.0.0" });
    expect(await started.exited).toBe(2);
    expect(started.output()).toContain("Invalid ALLOWED_HOSTS");
  });
});
