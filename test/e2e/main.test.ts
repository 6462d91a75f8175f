// npm start as a newcomer runs it (the built bundle on plain node): the sandbox, the gateway, demo
// tokens, the web sign-in and client setup, a clean stop.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, removeBundle } from "../../scripts/build.js";
import { HOME, Visitor } from "../sandbox/web/visitor.js";

// Its own file, so test files building at the same time never run each other's half-written bundle.
const BUILT = `dist/main-test-${process.pid}.mjs`;
beforeAll(() => bundle(BUILT), 60_000);
afterAll(() => removeBundle(BUILT));

function start(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BUILT], {
    env: { ...process.env, PORT: "0", SANDBOX_PORT: "0", SANDBOX_DB: ":memory:", LOG_LEVEL: "warn", ...env },
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(output: () => string, pattern: RegExp, exited: Promise<unknown>): Promise<RegExpMatchArray> {
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (done) throw new Error(`exited before printing ${pattern}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm start", () => {
  it("serves MCP with fresh demo tokens, prints client setup, and stops cleanly on SIGTERM", async () => {
    const { child, output, exited } = start({});
    try {
      const [, url] = await waitFor(output, /Clara MCP gateway: (http:\/\/127\.0\.0\.1:\d+\/mcp)\n[\s\S]*Inspector[\s\S]*header Authorization = Bearer \S+\n/, exited);
      const text = output();
      const tokens = Object.fromEntries([...text.matchAll(/^ {2}(\S+@\S+)\s+(clara_pat_\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(tokens)).toEqual(["admin@acme.example", "books@acme.example", "employee@acme.example", "admin@brasa.example", "admin@andes.example"]);
      expect(text).toContain(`claude mcp add --transport http clara ${url} --header "Authorization: Bearer ${tokens["admin@acme.example"]}"`);
      expect(text).toContain('"mcp-remote"');
      expect(text).toContain('"headers"');
      // The web sign-in: where, who, and the demo password; the page shows the URL printed above.
      const [, signin] = text.match(/^Clara web sign-in: (http:\/\/127\.0\.0\.1:\d+\/login)/m) ?? [];
      expect(signin).toBeDefined();
      expect(text).toContain('Demo sign-ins, password "clara-demo"');
      for (const email of ["admin@acme.example", "books@acme.example", "employee@acme.example", "admin@brasa.example", "admin@andes.example"]) {
        expect(text).toMatch(new RegExp(`^  ${email.replace(".", "\\.")} +\\S`, "m"));
      }
      // A newcomer signs in, generates a token on the page, and the setup it shows works.
      const browser = new Visitor(new URL(signin!).origin);
      expect((await browser.signIn("admin@acme.example")).status).toBe(303);
      expect((await browser.get(HOME)).text).toContain(`<code class="box" id="mcp-url">${url}</code>`);
      await browser.post(`${HOME}/tokens`, { name: "Claude Code" });
      const page = (await browser.get(HOME)).text;
      const token = /id="new-token" type="text" readonly value="(clara_pat_\w+)"/.exec(page)?.[1];
      expect(page).toContain(`claude mcp add --transport http clara ${url} --header &quot;Authorization: Bearer ${token}&quot;`);
      const admin = new Client({ name: "web-token", version: "1.0.0" });
      await admin.connect(new StreamableHTTPClientTransport(new URL(url!), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      expect((await admin.listTools()).tools.length).toBeGreaterThan(12);
      await admin.close();

      const client = new Client({ name: "newcomer", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url!), { requestInit: { headers: { authorization: `Bearer ${tokens["books@acme.example"]}` } } }));
      expect((await client.listTools()).tools).toHaveLength(12);
      const me = await client.callTool({ name: "get_current_user", arguments: {} });
      expect(me.structuredContent).toMatchObject({ email: "books@acme.example" });
      await client.close();

      // OAuth is on with nothing set: the issuer is the sandbox's URL, the resource exactly the printed MCP URL.
      const sandboxOrigin = new URL(signin!).origin;
      expect(text).toContain(`OAuth: on (authorization server ${sandboxOrigin})`);
      const unauthorized = await fetch(url!, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(unauthorized.headers.get("www-authenticate") ?? "")?.[1];
      expect(metadataUrl).toBe(`${new URL(url!).origin}/.well-known/oauth-protected-resource/mcp`);
      const prm = (await (await fetch(metadataUrl!)).json()) as { resource: string; authorization_servers: string[] };
      expect(prm.resource).toBe(url);
      expect(prm.authorization_servers).toEqual([sandboxOrigin]);
      const as = (await (await fetch(`${sandboxOrigin}/.well-known/oauth-authorization-server`)).json()) as { issuer: string; registration_endpoint: string };
      expect(as.issuer).toBe(sandboxOrigin);
      // A metadata document on loopback http is accepted as a client_id (OAUTH_CIMD_ALLOW_LOOPBACK_HTTP defaults on here).
      const docs = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: docUrl, client_name: "Local", redirect_uris: ["http://127.0.0.1:1/cb"], token_endpoint_auth_method: "none" })));
      await new Promise<void>((resolve) => docs.listen(0, "127.0.0.1", resolve));
      const docUrl = `http://127.0.0.1:${(docs.address() as AddressInfo).port}/client.json`;
      const authorize = new URL(`${sandboxOrigin}/oauth/auth`);
      for (const [k, v] of Object.entries({ client_id: docUrl, response_type: "code", redirect_uri: "http://127.0.0.1:1/cb", scope: "cards:read", resource: url!, code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256" })) authorize.searchParams.set(k, v);
      const hop = await fetch(authorize, { redirect: "manual" });
      docs.close();
      expect(hop.status).toBe(303);
      expect(hop.headers.get("location")).toMatch(/^\/interaction\//);
      // A client pinned to 2026-07-28 connects to the same URL without initialize.
      const modern = new ModernClient({ name: "newcomer-2026", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
      await modern.connect(new ModernTransport(new URL(url!), { requestInit: { headers: { authorization: `Bearer ${tokens["books@acme.example"]}` } } }));
      expect((await modern.listTools()).tools).toHaveLength(12);
      await modern.close();
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("never prints a demo password someone chose", async () => {
    const { child, output, exited } = start({ SANDBOX_DEMO_PASSWORD: "chosen-secret-42" });
    try {
      await waitFor(output, /header Authorization = Bearer \S+\n/, exited);
      expect(output()).toContain("Demo sign-ins, password the value of SANDBOX_DEMO_PASSWORD:");
      expect(output()).not.toContain("chosen-secret-42");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("wrong settings stop start-up with a message naming each variable", async () => {
    const wrong = { PORT: "eighty", CLARA_API_URL: "not a url", SANDBOX_LOCK_DELAY_MS: "-5", LOG_LEVEL: "loud", CLARA_MCP_URL: "ftp://x", SANDBOX_DEMO_PASSWORD: "short" };
    const { output, exited } = start(wrong);
    expect(await exited).toBe(2);
    for (const name of Object.keys(wrong)) expect(output()).toContain(`Invalid ${name}`);
    expect(output()).not.toContain('"short"');
    expect(output()).not.toContain("Clara MCP gateway:");
  });

  it("OAuth settings: a real API with an issuer needs the gateway's client; a wrong value is named, a secret never echoed", async () => {
    const wrong = { CLARA_API_URL: "https://api.clara.example", OAUTH_ISSUER: "https://auth.clara.example", OAUTH_ACCESS_TOKEN_TTL: "600", OAUTH_CIMD_ALLOW_LOOPBACK_HTTP: "maybe" };
    const { output, exited } = start(wrong);
    expect(await exited).toBe(2);
    for (const name of ["OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "OAUTH_ACCESS_TOKEN_TTL", "OAUTH_CIMD_ALLOW_LOOPBACK_HTTP"]) expect(output()).toContain(`Invalid ${name}`);
    const secret = start({ OAUTH_CLIENT_SECRET: "too-short", OAUTH_CLIENTS_FILE: "/nonexistent/clients.json" });
    expect(await secret.exited).toBe(2);
    expect(secret.output()).toContain("Invalid OAUTH_CLIENT_SECRET");
    expect(secret.output()).not.toContain("too-short");
    const clients = start({ OAUTH_CLIENTS_FILE: "/nonexistent/clients.json" });
    expect(await clients.exited).toBe(2);
    expect(clients.output()).toContain("Invalid OAUTH_CLIENTS_FILE");
  });
});
