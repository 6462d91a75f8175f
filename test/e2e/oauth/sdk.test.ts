// From nothing but the MCP URL, with the MCP SDK client's own OAuth support: 401 → protected resource
// metadata → authorization server metadata → registration (by Client ID Metadata Document, and by
// dynamic registration) → the authorization page in Chromium (sign in as admin@acme.example, Allow) →
// code → token → tools/list → lock and unlock a real card → refresh → Disconnect on the Integrations
// page → the next call gets 401.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { createPrivateKeyJwtAuth } from "@modelcontextprotocol/sdk/client/auth-extensions.js";
import { generateKeyPairSync } from "node:crypto";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inFreshPage, screenshot } from "../browser/chromium.js";
import { authorizeInBrowser, clientMetadata, oauthSuite, refreshAt, TestOAuthClient } from "./stack.js";

const suite = oauthSuite();
const CARD = "card_7Hq2LmX9";

/** Requests the SDK makes, in order (method, path and status), to prove the discovery path. */
function recordingFetch(seen: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(`${init?.method ?? "GET"} ${url.origin === new URL(suite.stack.mcpUrl).origin ? "gateway" : "sandbox"}${url.pathname} ${response.status}`);
    return response;
  };
}

async function connect(provider: TestOAuthClient, fetchFn?: typeof fetch): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(suite.stack.mcpUrl), { authProvider: provider, ...(fetchFn ? { fetch: fetchFn } : {}) });
  const client = new Client({ name: "oauth-e2e", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

/** The whole sign-in: a first connection that is refused, the suite.browser, the code exchanged. */
async function signIn(page: Page, provider: TestOAuthClient, seen: string[]): Promise<void> {
  const transport = new StreamableHTTPClientTransport(new URL(suite.stack.mcpUrl), { authProvider: provider, fetch: recordingFetch(seen) });
  await expect(new Client({ name: "oauth-e2e", version: "1.0.0" }).connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);
  const url = provider.authorizationUrl!;
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  expect(url.searchParams.get("resource")).toBe(suite.stack.mcpUrl);
  const back = suite.stack.callback.next();
  await authorizeInBrowser(page, url.href, { email: "admin@acme.example" });
  // The consent page says who, for which company and role, and what the app may do, in words.
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Connect .+ to Clara\?$/);
  const text = await page.locator("main").innerText();
  expect(text).toContain("Ana Torres, Administrator at Acme Logística");
  for (const words of ["see cards and transactions", "lock and unlock cards", "change card limits", "approve or reject requests"]) expect(text).toContain(words);
  await screenshot(page, `oauth-consent-${provider.clientMetadata.client_name!.toLowerCase().replace(/\W+/g, "-")}`);
  await page.getByRole("button", { name: "Allow" }).click();
  const redirect = await back;
  await transport.finishAuth(provider.codeFrom(redirect, suite.stack.issuer));
}

const status = () => suite.stack.sandbox.db.prepare("SELECT status FROM cards WHERE id = ?").pluck().get(CARD) as string;

/** tools/list, lock and unlock a card, a forced refresh, then Disconnect in the browser and a 401. */
async function useThenDisconnect(page: Page, provider: TestOAuthClient, appName: string): Promise<void> {
  const client = await connect(provider);
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["lock_card", "unlock_card", "approve_request", "update_card_limit"]));
  expect(tools).toHaveLength(15);

  expect(status()).toBe("ACTIVE");
  const locked = await client.callTool({ name: "lock_card", arguments: { card: "4821" } });
  expect(locked.isError).toBeFalsy();
  expect(status()).toBe("LOCKED");
  const unlocked = await client.callTool({ name: "unlock_card", arguments: { card: "4821" } });
  expect(unlocked.isError).toBeFalsy();
  expect(status()).toBe("ACTIVE");
  // The audit trail names the app and the grant, and the user acting.
  const line = JSON.parse(suite.stack.audit.findLast((l) => l.includes('"tool":"unlock_card"'))!);
  expect(line).toMatchObject({ client: provider.info!.client_id, clientName: appName, user: expect.any(String), outcome: "ok" });
  expect(line.grant).toMatch(/\S/);

  // Refresh: the access token is refused (made unusable here), the SDK refreshes, the refresh token rotates.
  const before = provider.saved!;
  provider.saved = { ...before, access_token: "not.a.token" };
  const who = await client.callTool({ name: "get_current_user", arguments: {} });
  expect(who.isError).toBeFalsy();
  expect(provider.saved!.access_token).not.toBe(before.access_token);
  expect(provider.saved!.refresh_token).toBeDefined();
  expect(provider.saved!.refresh_token).not.toBe(before.refresh_token);

  // Disconnect on Settings → Integrations → Clara MCP (the browser is still signed in to Clara).
  await page.goto(`${suite.stack.sandbox.url}/settings/integrations/clara-mcp`);
  const row = page.getByRole("row", { name: new RegExp(appName.replace(/[()]/g, "\\$&")) });
  expect(await row.getByRole("cell").nth(2).textContent()).toContain("lock and unlock cards");
  expect(await row.getByRole("cell").nth(3).textContent()).not.toBe("Never");
  await screenshot(page, `oauth-connected-${appName.toLowerCase().replace(/\W+/g, "-")}`);
  await row.getByRole("button", { name: "Disconnect" }).click();
  expect(await page.getByRole("heading", { name: `Disconnect “${appName}”?` }).count()).toBe(1);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.waitForURL("**/settings/integrations/clara-mcp");
  expect(await page.getByRole("status").first().textContent()).toContain(`“${appName}” disconnected.`);
  expect(await page.getByRole("row", { name: new RegExp(appName.replace(/[()]/g, "\\$&")) }).count()).toBe(0);

  // The very next call, with the same unexpired access token, is refused; the refresh token is refused too.
  const raw = await fetch(suite.stack.mcpUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${provider.saved!.access_token}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  expect(raw.status).toBe(401);
  expect(raw.headers.get("www-authenticate")).toContain('error="invalid_token"');
  const refresh = await refreshAt(suite.stack.issuer, provider.saved!.refresh_token!, provider.info!.client_id);
  expect(refresh.status).toBe(400);
  expect(((await refresh.json()) as { error: string }).error).toBe("invalid_grant");
  await client.close();
}

describe("an OAuth client connects from nothing but the MCP URL", () => {
  it("registering by a Client ID Metadata Document served on loopback", async () => {
    const redirect = suite.stack.callback.url;
    const docUrl = suite.documents.serve("/claude/client.json", { body: { client_id: `${suite.documents.base}/claude/client.json`, ...clientMetadata(redirect, "Claude (metadata document)") } });
    const provider = new TestOAuthClient(redirect, clientMetadata(redirect, "Claude (metadata document)"), docUrl);
    await inFreshPage(suite.browser, async (page) => {
      const seen: string[] = [];
      await signIn(page, provider, seen);
      expect(seen.slice(0, 3)).toEqual(["POST gateway/mcp 401", "GET gateway/.well-known/oauth-protected-resource/mcp 200", "GET sandbox/.well-known/oauth-authorization-server 200"]);
      // No registration: the client_id is the document's URL, fetched by the authorization server.
      expect(seen.some((s) => s.includes("/oauth/reg"))).toBe(false);
      expect(suite.documents.hits).toContain("/claude/client.json");
      await useThenDisconnect(page, provider, "Claude (metadata document)");
    });
  });

  it("registering dynamically (RFC 7591)", async () => {
    const redirect = suite.stack.callback.url;
    const provider = new TestOAuthClient(redirect, clientMetadata(redirect, "ChatGPT (registered)"));
    await inFreshPage(suite.browser, async (page) => {
      const seen: string[] = [];
      await signIn(page, provider, seen);
      expect(seen).toContain("POST sandbox/oauth/reg 201");
      expect(provider.info?.client_id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      await useThenDisconnect(page, provider, "ChatGPT (registered)");
    });
  });

  it("as a confidential client authenticating with private_key_jwt, as ChatGPT registers", async () => {
    const redirect = suite.stack.callback.url;
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = { ...(publicKey.export({ format: "jwk" }) as Record<string, unknown>), kid: "chatgpt-1", alg: "RS256", use: "sig" };
    const metadata = { ...clientMetadata(redirect, "ChatGPT (private_key_jwt)"), token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [jwk] } };
    const provider = new TestOAuthClient(redirect, metadata as never);
    // The client's assertion, signed with its own key, in place of a secret.
    provider.addClientAuthentication = (headers, params, url, as) =>
      createPrivateKeyJwtAuth({ issuer: provider.info!.client_id, subject: provider.info!.client_id, privateKey: privateKey.export({ format: "jwk" }) as Record<string, unknown>, alg: "RS256", audience: suite.stack.issuer })(headers, params, url, as);
    await inFreshPage(suite.browser, async (page) => {
      await signIn(page, provider, []);
      expect((provider.info as { token_endpoint_auth_method?: string }).token_endpoint_auth_method).toBe("private_key_jwt");
      const client = await connect(provider);
      expect((await client.listTools()).tools).toHaveLength(15);
      // Without its assertion the client's refresh token is refused.
      const bare = await refreshAt(suite.stack.issuer, provider.saved!.refresh_token!, provider.info!.client_id);
      expect(bare.status).toBe(401);
      expect(((await bare.json()) as { error: string }).error).toBe("invalid_client");
      await client.close();
    });
  });
});
