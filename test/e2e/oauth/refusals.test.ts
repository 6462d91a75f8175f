// Each refusal of the OAuth sign-in, proved on the real path: at the authorization server (PKCE,
// redirect URIs, metadata documents, consent by role, refresh token reuse, disconnected grants) and at
// the gateway (audience, expiry, issuer, scopes with step-up, roles), plus what must keep working.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer as createTcpServer } from "node:net";
import { importJWK, SignJWT } from "jose";
import type { JWK } from "oidc-provider";
import { describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import { createGateway, createLogger } from "../../../src/gateway/index.js";
import { serverKeys } from "../../../src/sandbox/oauth/keys.js";
import { inFreshPage } from "../browser/chromium.js";
import { authorizeInBrowser, clientMetadata, GATEWAY_CLIENT, oauthSuite, READ_SCOPES, refreshAt, sawSecret, SCOPES } from "./stack.js";

const suite = oauthSuite();
const ALL = SCOPES.map((s) => s.name).join(" ");

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

async function register(name = "Refusals test", redirect = suite.stack.callback.url): Promise<string> {
  const answer = await fetch(`${suite.stack.issuer}/oauth/reg`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(clientMetadata(redirect, name)) });
  expect(answer.status).toBe(201);
  return (await (answer.json() as Promise<any>)).client_id;
}

function authorizeUrl(params: Record<string, string | undefined>): string {
  const url = new URL(`${suite.stack.issuer}/oauth/auth`);
  const all = { response_type: "code", redirect_uri: suite.stack.callback.url, resource: suite.stack.mcpUrl, scope: ALL, state: randomBytes(8).toString("hex"), ...params };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

/** Where the authorization server sends the browser for this request, without following it. */
async function firstHop(url: string): Promise<{ status: number; location: URL | undefined; text: string }> {
  const answer = await fetch(url, { redirect: "manual" });
  const location = answer.headers.get("location");
  return { status: answer.status, location: location ? new URL(location, suite.stack.issuer) : undefined, text: await answer.text() };
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
}

/** A real sign-in in the browser for this user and scopes; the tokens the code gives. */
async function tokensFor(email: string, scope = ALL, clientId?: string): Promise<Tokens & { clientId: string }> {
  const client = clientId ?? (await register());
  const { verifier, challenge } = pkce();
  const back = suite.stack.callback.next();
  await inFreshPage(suite.browser, (page) => authorizeInBrowser(page, authorizeUrl({ client_id: client, code_challenge: challenge, code_challenge_method: "S256", scope }), { email, answer: "Allow" }));
  const code = (await back).searchParams.get("code")!;
  const answer = await fetch(`${suite.stack.issuer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: suite.stack.callback.url, client_id: client, resource: suite.stack.mcpUrl }),
  });
  const tokens = (await (answer.json() as Promise<any>)) as Tokens;
  expect(answer.status, JSON.stringify(tokens)).toBe(200);
  sawSecret(code);
  sawSecret(tokens.access_token);
  sawSecret(tokens.refresh_token);
  return { ...tokens, clientId: client };
}

async function mcp(token: string, method: string, params?: unknown): Promise<{ status: number; challenge: string | null; body: any }> {
  const answer = await fetch(suite.stack.mcpUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method, ...(params ? { params } : {}) }),
  });
  const text = await answer.text();
  return { status: answer.status, challenge: answer.headers.get("www-authenticate"), body: text ? JSON.parse(text) : undefined };
}

const refresh = (refreshToken: string, clientId: string) => refreshAt(suite.stack.issuer, refreshToken, clientId);

/** A JWT access token signed with the authorization server's own key (or another), claims of the test's choosing. */
async function forged(claims: Record<string, unknown>, key?: JWK): Promise<string> {
  const signing = key ?? serverKeys(suite.stack.sandbox.db).signing[0]!;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: "forged", scope: ALL, gid: "no-such-grant", sub: "usr_admin", iat: now - 10, exp: now + 300, iss: suite.stack.issuer, aud: suite.stack.mcpUrl, ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: signing.kid! })
    .sign(await importJWK(signing as Parameters<typeof importJWK>[0], "RS256"));
}

describe("the authorization server refuses", () => {
  it("an authorization request without PKCE, or with the plain method, going back to the client with invalid_request and iss", async () => {
    const client = await register();
    const none = await firstHop(authorizeUrl({ client_id: client }));
    expect(none.location?.origin).toBe(new URL(suite.stack.callback.url).origin);
    expect(none.location?.searchParams.get("error")).toBe("invalid_request");
    expect(none.location?.searchParams.get("error_description")).toContain("PKCE");
    expect(none.location?.searchParams.get("iss")).toBe(suite.stack.issuer);
    const plain = await firstHop(authorizeUrl({ client_id: client, code_challenge: "a".repeat(43), code_challenge_method: "plain" }));
    expect(plain.location?.searchParams.get("error")).toBe("invalid_request");
    expect(plain.location?.searchParams.get("error_description")).toContain("code_challenge_method");
  });

  it("a registration with an http redirect URI off loopback (OAuth 2.1: https, or loopback http)", async () => {
    const answer = await fetch(`${suite.stack.issuer}/oauth/reg`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(clientMetadata("http://app.example/callback", "Plain http")) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: "invalid_redirect_uri", error_description: "redirect_uris must use https, or http on 127.0.0.1, localhost or [::1] only" });
  });

  it("a redirect URI the client did not register, on its own page (never redirected)", async () => {
    const client = await register();
    const hop = await firstHop(authorizeUrl({ client_id: client, code_challenge: pkce().challenge, code_challenge_method: "S256", redirect_uri: "http://127.0.0.1:1/elsewhere" }));
    expect(hop.status).toBe(400);
    expect(hop.location).toBeUndefined();
    expect(hop.text).toContain("redirect_uri");
  });

  it("a metadata document whose client_id is not its own URL, or whose redirect URIs do not match", async () => {
    const wrong = suite.documents.serve("/wrong/client.json", { body: { ...clientMetadata(suite.stack.callback.url, "Impostor"), client_id: "https://claude.ai/oauth/client.json" } });
    const hop = await firstHop(authorizeUrl({ client_id: wrong, code_challenge: pkce().challenge, code_challenge_method: "S256" }));
    expect(hop.status).toBe(400);
    expect(hop.text).toContain("invalid_client");
    const other = suite.documents.serve("/other/client.json", { body: { ...clientMetadata("http://127.0.0.1:1/theirs", "Other"), client_id: `${suite.documents.base}/other/client.json` } });
    const mismatch = await firstHop(authorizeUrl({ client_id: other, code_challenge: pkce().challenge, code_challenge_method: "S256" }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain("redirect_uri");
  });

  it("a metadata document URL that redirects: not followed", async () => {
    const target = suite.documents.serve("/target/client.json", { body: { ...clientMetadata(suite.stack.callback.url, "Target"), client_id: `${suite.documents.base}/moved/client.json` } });
    const moved = suite.documents.serve("/moved/client.json", { status: 302, headers: { location: target } });
    const before = suite.documents.hits.length;
    const hop = await firstHop(authorizeUrl({ client_id: moved, code_challenge: pkce().challenge, code_challenge_method: "S256" }));
    expect(hop.status).toBe(400);
    expect(hop.text).toContain("invalid_client");
    expect(suite.documents.hits.slice(before)).toEqual(["/moved/client.json"]);
  });

  it("an https metadata document on a loopback address: refused before any connection is made", async () => {
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const port = (listener.address() as { port: number }).port;
    try {
      for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
        const hop = await firstHop(authorizeUrl({ client_id: `https://${host}:${port}/client.json`, code_challenge: pkce().challenge, code_challenge_method: "S256" }));
        expect(hop.status, host).toBe(400);
        expect(hop.text).toContain("invalid_client");
      }
      expect(connections).toBe(0);
    } finally {
      listener.close();
    }
  });

  it("an employee's consent: sent straight back to the app with access_denied, state and iss", async () => {
    const client = await register();
    const state = "employee-state";
    const back = suite.stack.callback.next();
    await inFreshPage(suite.browser, (page) => authorizeInBrowser(page, authorizeUrl({ client_id: client, code_challenge: pkce().challenge, code_challenge_method: "S256", state }), { email: "employee@acme.example" }));
    const redirect = await back;
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe(state);
    expect(redirect.searchParams.get("iss")).toBe(suite.stack.issuer);
    expect(redirect.searchParams.get("code")).toBeNull();
    expect(suite.stack.sandbox.db.prepare("SELECT COUNT(*) FROM oauth_apps WHERE client_id = ?").pluck().get(client)).toBe(0);
  });

  it("a request the person denies", async () => {
    const client = await register();
    const back = suite.stack.callback.next();
    await inFreshPage(suite.browser, (page) => authorizeInBrowser(page, authorizeUrl({ client_id: client, code_challenge: pkce().challenge, code_challenge_method: "S256" }), { email: "admin@acme.example", answer: "Deny" }));
    expect((await back).searchParams.get("error")).toBe("access_denied");
  });

  it("a refresh token used twice: the grant is revoked, the newer refresh token and the access token with it", async () => {
    const tokens = await tokensFor("admin@acme.example");
    const first = await refresh(tokens.refresh_token, tokens.clientId);
    expect(first.status).toBe(200);
    const rotated = (await (first.json() as Promise<any>)) as Tokens;
    sawSecret(rotated.access_token);
    sawSecret(rotated.refresh_token);
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    const again = await refresh(tokens.refresh_token, tokens.clientId);
    expect(again.status).toBe(400);
    expect((await (again.json() as Promise<any>)).error).toBe("invalid_grant");
    expect((await refresh(rotated.refresh_token, tokens.clientId)).status).toBe(400);
    expect((await mcp(rotated.access_token, "tools/list")).status).toBe(401);
  });
});

describe("the gateway refuses", () => {
  it("a token for another resource, an expired one, one from another issuer, or signed with another key", async () => {
    const cases: [string, string, string][] = [
      ["another resource", await forged({ aud: "https://other.example/mcp" }), "is for another resource"],
      ["expired", await forged({ exp: Math.floor(Date.now() / 1000) - 60, iat: Math.floor(Date.now() / 1000) - 400 }), "has expired"],
      ["another issuer", await forged({ iss: "https://issuer.example" }), "is from another issuer"],
    ];
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const foreign = { ...(privateKey.export({ format: "jwk" }) as JWK), kid: serverKeys(suite.stack.sandbox.db).signing[0]!.kid };
    cases.push(["another key", await forged({}, foreign), "is not valid here"]);
    for (const [what, token, message] of cases) {
      const answer = await mcp(token, "tools/list");
      expect(answer.status, what).toBe(401);
      expect(answer.body.error.message, what).toContain(message);
      expect(answer.challenge, what).toContain('error="invalid_token"');
      expect(answer.challenge, what).toContain(`resource_metadata="${new URL(suite.stack.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp"`);
    }
  });

  it("a call beyond the token's scopes: 403 insufficient_scope naming the scope, for the client to step up; its list has no write tool", async () => {
    const tokens = await tokensFor("admin@acme.example", READ_SCOPES.join(" "));
    expect(tokens.scope.split(" ").sort()).toEqual([...READ_SCOPES].sort());
    const list = await mcp(tokens.access_token, "tools/list");
    const names = list.body.result.tools.map((t: { name: string }) => t.name);
    expect(names).toContain("list_cards");
    expect(names.filter((n: string) => /lock|update|approve|reject/.test(n))).toEqual([]);
    const lock = await mcp(tokens.access_token, "tools/call", { name: "lock_card", arguments: { card: "4821" } });
    expect(lock.status).toBe(403);
    expect(lock.challenge).toBe(`Bearer realm="clara", error="insufficient_scope", scope="cards:lock", resource_metadata="${new URL(suite.stack.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp"`);
    expect(lock.body.error.message).toContain("lock and unlock cards");
    expect(suite.stack.sandbox.db.prepare("SELECT status FROM cards WHERE id = 'card_7Hq2LmX9'").pluck().get()).toBe("ACTIVE");
    expect((await mcp(tokens.access_token, "tools/call", { name: "list_cards", arguments: { limit: 1 } })).status).toBe(200);
  });

  it("a bookkeeper's token calling an administrator-only tool: as unknown as a missing one, and the API is never asked", async () => {
    const tokens = await tokensFor("books@acme.example");
    // The consent page left out what a bookkeeper cannot do, so the token does not carry it.
    expect(tokens.scope.split(" ")).not.toContain("approvals:write");
    const names = (await mcp(tokens.access_token, "tools/list")).body.result.tools.map((t: { name: string }) => t.name);
    expect(names).not.toContain("approve_request");
    expect(names).toContain("lock_card");
    const before = suite.stack.sandbox.requestLog.length;
    const approve = await mcp(tokens.access_token, "tools/call", { name: "approve_request", arguments: { request: "apr_1" } });
    expect(approve.status).toBe(200);
    expect(approve.body.error.message).toContain("Unknown tool: approve_request");
    expect(suite.stack.sandbox.requestLog.slice(before).some((r) => r.method === "POST")).toBe(false);
  });

  it("a disconnected grant: the access token, its refresh token and a fresh exchange", async () => {
    const tokens = await tokensFor("admin@acme.example");
    expect((await mcp(tokens.access_token, "tools/list")).status).toBe(200);
    const app = suite.stack.sandbox.db.prepare("SELECT grant_id, account_id FROM oauth_apps WHERE client_id = ?").get(tokens.clientId) as { grant_id: string; account_id: string };
    // Disconnect as the Integrations page does it (the browser path is in sdk.test.ts).
    const exchangeBefore = await exchange(tokens.access_token);
    expect(exchangeBefore.status).toBe(200);
    sawSecret((await (exchangeBefore.json() as Promise<any>)).access_token);
    expect(disconnect(app.account_id, app.grant_id)).toBe(true);
    expect((await mcp(tokens.access_token, "tools/list")).status).toBe(401);
    expect((await refresh(tokens.refresh_token, tokens.clientId)).status).toBe(400);
    const exchangeAfter = await exchange(tokens.access_token);
    expect(exchangeAfter.status).toBe(400);
    expect((await (exchangeAfter.json() as Promise<any>)).error).toBe("invalid_grant");
  });
});

function exchange(subject: string) {
  return fetch(`${suite.stack.issuer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${GATEWAY_CLIENT.id}:${GATEWAY_CLIENT.secret}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", subject_token: subject, subject_token_type: "urn:ietf:params:oauth:token-type:access_token", resource: suite.stack.sandbox.oauth!.apiResource }),
  });
}

function disconnect(userId: string, grantId: string): boolean {
  return suite.stack.sandbox.oauth!.grants.disconnect(userId, grantId);
}

describe("no token passthrough, and personal tokens as before", () => {
  it("the Clara API refuses the MCP access token; only the exchanged API token gets in", async () => {
    const tokens = await tokensFor("admin@acme.example");
    const me = await fetch(`${suite.stack.sandbox.url}/api/v3/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(401);
    const exchanged = await exchange(tokens.access_token);
    const apiToken = (await (exchanged.json() as Promise<any>)).access_token as string;
    sawSecret(apiToken);
    expect(apiToken).not.toBe(tokens.access_token);
    const asUser = await fetch(`${suite.stack.sandbox.url}/api/v3/me`, { headers: { authorization: `Bearer ${apiToken}` } });
    expect(asUser.status).toBe(200);
    expect((await (asUser.json() as Promise<any>)).email).toBe("admin@acme.example");
    // An exchange is for the gateway's client only, and names the API as its resource.
    const publicClient = await fetch(`${suite.stack.issuer}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:token-exchange", client_id: tokens.clientId, subject_token: tokens.access_token, subject_token_type: "urn:ietf:params:oauth:token-type:access_token" }),
    });
    expect(publicClient.status).toBe(400);
  });

  it("personal access tokens keep working in both headers, with OAuth on", async () => {
    const pat = suite.stack.token("admin@acme.example");
    expect((await mcp(pat, "tools/list")).body.result.tools).toHaveLength(15);
    const own = await fetch(suite.stack.mcpUrl, {
      method: "POST",
      headers: { "clara-mcp-token": pat, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(own.status).toBe(200);
    const bad = await mcp("clara_pat_unknownunknownunknownunknown000000", "tools/list");
    expect(bad.status).toBe(401);
    expect(bad.challenge).toContain('error="invalid_token"');
    expect(bad.challenge).toContain("resource_metadata=");
  });
});

describe("rate limits for OAuth callers", () => {
  it("count per grant (a refreshed token counts with the old), never against the platform's address", async () => {
    // A second replica of the gateway, for the same canonical MCP URL, with tight limits.
    const replica = await createGateway({
      table,
      upstreamUrl: suite.stack.sandbox.url,
      realm: "clara",
      log: createLogger("silent"),
      oauth: { issuer: suite.stack.issuer, resource: suite.stack.mcpUrl, client: GATEWAY_CLIENT, apiResource: suite.stack.sandbox.oauth!.apiResource },
      rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: { points: 3, durationSec: 60 } },
    });
    const base = await replica.listen(0, "127.0.0.1");
    const list = (token: string) =>
      fetch(`${base}/mcp`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' }).then((r) => r.status);
    try {
      const first = await tokensFor("admin@acme.example");
      const refreshed = (await (await refresh(first.refresh_token, first.clientId)).json()) as Tokens;
      sawSecret(refreshed.access_token);
      sawSecret(refreshed.refresh_token);
      const other = await tokensFor("books@acme.example");
      expect([await list(first.access_token), await list(first.access_token), await list(refreshed.access_token), await list(refreshed.access_token)]).toEqual([200, 200, 200, 429]);
      // Another person's grant, from the same address, well past the address's limit of 2.
      expect([await list(other.access_token), await list(other.access_token)]).toEqual([200, 200]);
    } finally {
      await replica.close();
    }
  });
});
