// What a client finds when it looks for how to sign in: with an authorization server, RFC 9728
// metadata and challenges that point to it; without one, plain 404s and a /register that says to use a
// personal access token, so clients show that sentence instead of a misleading error.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../../e2e/harness.js";
import { startOAuthStack, type OAuthStack } from "../../e2e/oauth/stack.js";

let plain: Stack;
let oauth: OAuthStack;

beforeAll(async () => {
  [plain, oauth] = await Promise.all([startStack({ transactions: 200 }), startOAuthStack()]);
});
afterAll(async () => {
  await plain?.close();
  await oauth?.close();
});

const PROBES = [
  "/.well-known/oauth-protected-resource/mcp",
  "/.well-known/oauth-protected-resource",
  "/.well-known/oauth-authorization-server",
  "/.well-known/oauth-authorization-server/mcp",
  "/.well-known/openid-configuration",
  "/.well-known/openid-configuration/mcp",
  "/mcp/.well-known/openid-configuration",
];

describe("without an authorization server (personal tokens only)", () => {
  it("every discovery probe is a 404 with a plain JSON body, never a JSON-RPC one", async () => {
    for (const path of PROBES) {
      const answer = await fetch(`${plain.gatewayUrl}${path}`);
      expect(answer.status, path).toBe(404);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body, path).toEqual({ error: "not_found", error_description: expect.stringContaining("personal access tokens") });
      expect(body).not.toHaveProperty("jsonrpc");
    }
  });

  it("/register is 400 invalid_client_metadata saying how to connect (not 404 or 405, and not 'Unauthorized')", async () => {
    const answer = await fetch(`${plain.gatewayUrl}/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: ["http://localhost:1/cb"] }) });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_client_metadata");
    expect(body.error_description).toContain("personal access tokens");
    expect(body.error_description).not.toMatch(/unauthorized/i);
  });

  it("the 401 challenge is as before: no resource_metadata", async () => {
    const answer = await fetch(plain.mcpUrl, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="clara"');
  });

  it("an SDK OAuth client shows that sentence as its error", async () => {
    const provider = {
      redirectUrl: "http://127.0.0.1:1/callback",
      clientMetadata: { redirect_uris: ["http://127.0.0.1:1/callback"], client_name: "probe" },
      clientInformation: () => undefined,
      saveClientInformation: () => {},
      tokens: () => undefined,
      saveTokens: () => {},
      redirectToAuthorization: () => {},
      saveCodeVerifier: () => {},
      codeVerifier: () => "",
    };
    await expect(auth(provider, { serverUrl: plain.mcpUrl })).rejects.toThrow(/personal access tokens/);
  });
});

describe("with the authorization server", () => {
  it("serves RFC 9728 metadata at the MCP path's well-known URL and the root: the canonical URL, the issuer, the scopes", async () => {
    const origin = new URL(oauth.mcpUrl).origin;
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const answer = await fetch(`${origin}${path}`, { headers: { host: "evil.example" } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(await answer.json()).toEqual({
        resource: oauth.mcpUrl,
        authorization_servers: [oauth.issuer],
        scopes_supported: ["cards:read", "expenses:read", "cards:lock", "limits:write", "approvals:write"],
        bearer_methods_supported: ["header"],
        resource_name: "clara",
      });
    }
  });

  it("answers the authorization server probes with its metadata, and /register points to its registration endpoint", async () => {
    const origin = new URL(oauth.mcpUrl).origin;
    const metadata = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(oauth.issuer);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.client_id_metadata_document_supported).toBe(true);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(["none", "private_key_jwt"]));
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["cards:read", "cards:lock", "limits:write", "approvals:write"]));
    const register = await fetch(`${origin}/register`, { method: "POST", redirect: "manual" });
    expect(register.status).toBe(307);
    expect(register.headers.get("location")).toBe(`${oauth.issuer}/oauth/reg`);
    // The authorization server's own discovery documents, RFC 8414 and OpenID.
    for (const path of ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]) {
      expect(((await (await fetch(`${oauth.issuer}${path}`)).json()) as { issuer: string }).issuer).toBe(oauth.issuer);
    }
  });

  it("a 401 names the metadata and every scope; with a token presented, invalid_token too", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(oauth.mcpUrl, { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
    const metadata = `resource_metadata="${new URL(oauth.mcpUrl).origin}/.well-known/oauth-protected-resource/mcp"`;
    const scope = 'scope="cards:read expenses:read cards:lock limits:write approvals:write"';
    expect((await post({})).headers.get("www-authenticate")).toBe(`Bearer realm="clara", ${metadata}, ${scope}`);
    expect((await post({ authorization: "Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl" })).headers.get("www-authenticate")).toBe(`Bearer realm="clara", error="invalid_token", ${metadata}, ${scope}`);
  });
});
