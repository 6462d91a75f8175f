// The OAuth end-to-end stack: the sandbox as authorization server (in-memory SQLite, loopback http
// metadata documents allowed, as npm start allows them), the gateway as its protected resource with an
// audit trail, a loopback callback server for redirects, and an OAuthClientProvider for the MCP SDK
// client that keeps what it is given and checks state and iss (RFC 9207) before finishing a sign-in.
// Every secret the tests see is written down for the secrets check at the end of the run (test/e2e/secrets/).
import { appendFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../browser/chromium.js";
import { table } from "../../../generated/tools.js";
import { openAudit } from "../../../src/gateway/audit/trail.js";
import { createGateway, createLogger, type Gateway, type GatewayOptions } from "../../../src/gateway/index.js";
import { startSandbox, type Sandbox } from "../../../src/sandbox/server.js";
import { lineSink, tokenBook } from "../harness.js";

export const PASSWORD = "clara-demo";
export const GATEWAY_CLIENT = { id: "clara-mcp-gateway", secret: randomBytes(24).toString("base64url") };

/** Writes a secret a test saw, for the secrets run to search every log and audit line for. */
export function sawSecret(value: string | undefined): void {
  const dir = process.env.SECRETS_CAPTURE_DIR;
  if (dir && value) appendFileSync(join(dir, `secrets-${process.pid}.txt`), `${value}\n`);
}

/** The scopes of the tool table, with the roles that have a tool of each (what main.ts gives the sandbox). */
export const SCOPES = (table.api.scopes ?? []).map(({ name, words }) => ({
  name,
  words,
  roles: [...new Set(table.tools.filter((t) => t.scope === name).flatMap((t) => t.roles))],
}));
export const READ_SCOPES = SCOPES.filter((s) => s.name.endsWith(":read")).map((s) => s.name);

export interface OAuthStack {
  sandbox: Sandbox;
  gateway: Gateway;
  issuer: string;
  mcpUrl: string;
  logs: string[];
  audit: string[];
  token(email: string): string;
  /** A loopback server standing for a client's redirect URI: the next redirect to it, as a URL. */
  callback: Callback;
  close(): Promise<void>;
}

export interface Callback {
  url: string;
  next(): Promise<URL>;
}

export async function startCallback(path = "/callback"): Promise<Callback & { server: Server }> {
  const waiting: ((url: URL) => void)[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Signed in</title><p>You can close this window.</p>");
    if (url.pathname === path) waiting.shift()?.(url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return { url: base, server, next: () => new Promise((resolve) => waiting.push((url) => resolve(new URL(url.pathname + url.search, base)))) };
}

export interface OAuthStackOptions {
  /** Gateway options beyond the defaults (rate limits, …). */
  gateway?: Partial<Omit<GatewayOptions, "upstreamUrl" | "log" | "audit" | "oauth">>;
  accessTokenTtlSeconds?: number;
}

export async function startOAuthStack(opts: OAuthStackOptions = {}): Promise<OAuthStack> {
  const sandbox = await startSandbox({
    dbFile: ":memory:",
    transactions: 300,
    oauth: {
      scopes: SCOPES,
      gateway: { clientId: GATEWAY_CLIENT.id, clientSecret: GATEWAY_CLIENT.secret },
      allowLoopbackHttpClientIds: true,
      ...(opts.accessTokenTtlSeconds ? { accessTokenTtlSeconds: opts.accessTokenTtlSeconds } : {}),
    },
  });
  sawSecret(GATEWAY_CLIENT.secret);
  const issuer = sandbox.oauth!.issuer;
  const logs: string[] = [];
  const audit: string[] = [];
  const gateway = await createGateway({
    table,
    upstreamUrl: sandbox.url,
    info: { name: "clara", version: "0.1.0" },
    realm: "clara",
    log: createLogger("info", lineSink(logs)),
    audit: openAudit(lineSink(audit)),
    oauth: { issuer, client: GATEWAY_CLIENT, apiResource: sandbox.oauth!.apiResource },
    ...opts.gateway,
  });
  const mcpUrl = `${await gateway.listen(0, "127.0.0.1")}/mcp`;
  sandbox.setMcpUrl(mcpUrl);
  await sandbox.web.applyDemoPassword();
  const callback = await startCallback();
  const tokens = tokenBook(sandbox.db);
  return {
    sandbox,
    gateway,
    issuer,
    mcpUrl,
    logs,
    audit,
    token: tokens.token,
    callback,
    async close() {
      // Every token, code and secret the server issued, for the secrets run.
      const rows = sandbox.db.prepare("SELECT id, payload FROM oauth_models WHERE model IN ('AccessToken', 'RefreshToken', 'AuthorizationCode', 'Client')").all() as { id: string; payload: string }[];
      for (const row of rows) {
        const payload = JSON.parse(row.payload) as { kind?: string; client_secret?: string };
        if (payload.client_secret) sawSecret(payload.client_secret);
        if (payload.kind !== undefined && payload.kind !== "Client") sawSecret(row.id);
      }
      await new Promise<void>((resolve) => callback.server.close(() => resolve()));
      await gateway.close();
      await sandbox.close();
    },
  } as OAuthStack & { callback: Callback };
}

/** An MCP SDK OAuth client: registers by metadata document (clientId given) or dynamically. */
export class TestOAuthClient implements OAuthClientProvider {
  addClientAuthentication?: OAuthClientProvider["addClientAuthentication"];
  authorizationUrl: URL | undefined;
  saved: OAuthTokens | undefined;
  info: OAuthClientInformationMixed | undefined;
  expectedState: string | undefined;
  private verifier = "";

  constructor(
    private readonly redirect: string,
    private readonly metadata: OAuthClientMetadata,
    /** A Client ID Metadata Document URL to use as the client_id instead of registering. */
    documentUrl?: string,
  ) {
    if (documentUrl) this.info = { client_id: documentUrl };
  }

  get redirectUrl(): string {
    return this.redirect;
  }
  get clientMetadata(): OAuthClientMetadata {
    return this.metadata;
  }
  state(): string {
    this.expectedState = randomBytes(16).toString("base64url");
    return this.expectedState;
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.info = info;
    sawSecret((info as { client_secret?: string }).client_secret);
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
    sawSecret(tokens.access_token);
    sawSecret(tokens.refresh_token);
  }
  redirectToAuthorization(url: URL): void {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
    sawSecret(verifier);
  }
  codeVerifier(): string {
    return this.verifier;
  }
  /** The code of a redirect back, after checking it answers this client's request and comes from the issuer. */
  codeFrom(redirect: URL, issuer: string): string {
    if (redirect.searchParams.get("state") !== this.expectedState) throw new Error("state does not match");
    if (redirect.searchParams.get("iss") !== issuer) throw new Error(`iss ${redirect.searchParams.get("iss")} is not ${issuer}`);
    const code = redirect.searchParams.get("code");
    if (!code) throw new Error(`no code: ${redirect.search}`);
    sawSecret(code);
    return code;
  }
}

/** A refresh at the authorization server's token endpoint, as a public client sends it. */
export function refreshAt(issuer: string, refreshToken: string, clientId: string): Promise<Response> {
  return fetch(`${issuer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId }),
  });
}

/** Metadata of a public loopback client, as Claude Code or mcp-remote register. */
export function clientMetadata(redirect: string, name: string, scope?: string): OAuthClientMetadata {
  return {
    client_name: name,
    redirect_uris: [redirect],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
    ...(scope ? { scope } : {}),
  };
}

/** In the browser: the authorization URL → Clara's sign-in → the consent page → Allow (or Deny). */
export async function authorizeInBrowser(page: Page, url: string, opts: { email: string; answer?: "Allow" | "Deny"; signIn?: boolean }): Promise<void> {
  await page.goto(url);
  if (opts.signIn !== false) {
    await page.getByLabel("Email").fill(opts.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  if (opts.answer) {
    await page.getByRole("button", { name: opts.answer }).click();
  }
}

/** A Client ID Metadata Document server on loopback http: serves each document at its own URL. */
export async function startDocuments(): Promise<{ base: string; serve(path: string, answer: { status?: number; body?: unknown; headers?: Record<string, string> }): string; hits: string[]; close(): Promise<void> }> {
  const docs = new Map<string, { status?: number; body?: unknown; headers?: Record<string, string> }>();
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const doc = docs.get(req.url ?? "");
    if (!doc) return void res.writeHead(404).end();
    res.writeHead(doc.status ?? 200, { "content-type": "application/json", ...doc.headers }).end(doc.body === undefined ? "" : typeof doc.body === "string" ? doc.body : JSON.stringify(doc.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    serve(path, answer) {
      docs.set(path, answer);
      return `${base}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type Documents = Awaited<ReturnType<typeof startDocuments>>;

/** A test file's stack, Chromium and metadata-document server: started before its tests, stopped after. */
export function oauthSuite(): { stack: OAuthStack; browser: Browser; documents: Documents } {
  const suite = {} as { stack: OAuthStack; browser: Browser; documents: Documents };
  beforeAll(async () => {
    [suite.stack, suite.browser, suite.documents] = await Promise.all([startOAuthStack(), launchChromium(), startDocuments()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.documents?.close();
    await suite.stack?.close();
  });
  return suite;
}
