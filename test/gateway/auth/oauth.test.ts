// The gateway's side of OAuth without a network: where the authorization server's metadata is looked
// for (RFC 8414), that it must name the configured issuer, and the token exchange's cache and refusals.
import { describe, expect, it } from "vitest";
import { createChallenge } from "../../../src/gateway/auth/challenge.js";
import { createExchange } from "../../../src/gateway/auth/exchange.js";
import { authorizationServer, metadataUrls, type AccessClaims } from "../../../src/gateway/auth/oauth.js";
import { HttpError } from "../../../src/gateway/jsonrpc/http-error.js";

const challenge = createChallenge({ realm: "clara", resourceMetadata: () => "https://mcp.example/.well-known/oauth-protected-resource/mcp", scopes: ["cards:read"] });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const METADATA = { issuer: "https://auth.example", jwks_uri: "https://auth.example/jwks", token_endpoint: "https://auth.example/token" };
const access: AccessClaims = { sub: "usr_1", clientId: "c1", grantId: "g1", scopes: ["cards:read"], expiresAt: 0 };

describe("authorization server metadata", () => {
  it("is looked for with the well-known segment before the issuer's path, OAuth first, then OpenID", () => {
    expect(metadataUrls("https://auth.example")).toEqual(["https://auth.example/.well-known/oauth-authorization-server", "https://auth.example/.well-known/openid-configuration"]);
    expect(metadataUrls("https://clara.example/oauth/")).toEqual(["https://clara.example/.well-known/oauth-authorization-server/oauth", "https://clara.example/.well-known/openid-configuration/oauth"]);
  });

  it("must name the configured issuer; otherwise it is not used", async () => {
    const seen: string[] = [];
    const server = authorizationServer({ issuer: "https://auth.example", fetch: (async (url: string) => (seen.push(url), json(200, { ...METADATA, issuer: "https://evil.example" }))) as never });
    await expect(server.metadata()).rejects.toThrow("names issuer https://evil.example");
    expect(seen).toHaveLength(2);
  });

  it("falls back to the OpenID document, and is reused once found", async () => {
    let calls = 0;
    const server = authorizationServer({ issuer: "https://auth.example", fetch: (async (url: string) => (calls++, url.includes("openid") ? json(200, METADATA) : json(404, {}))) as never });
    expect(await server.metadata()).toEqual(METADATA);
    await server.metadata();
    expect(calls).toBe(2);
  });
});

describe("token exchange", () => {
  function exchangeWith(answer: () => Response) {
    const requests: { body: string; authorization: string }[] = [];
    const errors: string[] = [];
    const server = authorizationServer({ issuer: "https://auth.example", fetch: (async () => json(200, METADATA)) as never });
    const exchange = createExchange({
      server,
      clientId: "gateway",
      clientSecret: "gateway-secret-value",
      apiResource: "https://api.example/api/v3",
      challenge,
      fetch: (async (_url: string, init: RequestInit) => {
        requests.push({ body: String(init.body), authorization: String((init.headers as Record<string, string>).authorization) });
        return answer();
      }) as never,
      onServerError: (message) => errors.push(message),
    });
    return { exchange, requests, errors };
  }

  it("asks once per grant as the gateway's own client, then reuses the credential for that grant", async () => {
    const { exchange, requests } = exchangeWith(() => json(200, { access_token: "api-token-1", expires_in: 900, client_name: "Claude" }));
    const [a, b] = await Promise.all([exchange.credential(access, "subject.jwt.one"), exchange.credential(access, "subject.jwt.one")]);
    expect(a).toEqual({ token: "api-token-1", cached: false, clientName: "Claude" });
    expect(b.token).toBe("api-token-1");
    expect(await exchange.credential(access, "subject.jwt.two")).toEqual({ token: "api-token-1", cached: true, clientName: "Claude" });
    expect(requests).toHaveLength(1);
    const body = new URLSearchParams(requests[0]!.body);
    expect(body.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:token-exchange");
    expect(body.get("subject_token_type")).toBe("urn:ietf:params:oauth:token-type:access_token");
    expect(body.get("resource")).toBe("https://api.example/api/v3");
    expect(requests[0]!.authorization).toBe(`Basic ${Buffer.from("gateway:gateway-secret-value").toString("base64")}`);
    // Another user under the same grant id never gets this credential; a forgotten grant asks again.
    await exchange.credential({ ...access, sub: "usr_2" }, "subject.jwt.three");
    exchange.forget("g1");
    await exchange.credential(access, "subject.jwt.four");
    expect(requests).toHaveLength(3);
  });

  it("a refused grant is the client's 401 with the challenge; a refusal of the gateway itself is a 503, told without the token", async () => {
    const revoked = exchangeWith(() => json(400, { error: "invalid_grant", error_description: "grant request is invalid" }));
    const refusal = await revoked.exchange.credential(access, "subject.jwt").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect((refusal as HttpError).status).toBe(401);
    expect((refusal as HttpError).headers["www-authenticate"]).toContain('error="invalid_token"');

    const misconfigured = exchangeWith(() => json(401, { error: "invalid_client" }));
    const unavailable = await misconfigured.exchange.credential(access, "subject.jwt.secret").catch((error: unknown) => error);
    expect((unavailable as HttpError).status).toBe(503);
    expect(misconfigured.errors).toEqual(["token exchange answered 401 invalid_client"]);
    expect(misconfigured.errors.join()).not.toContain("subject.jwt.secret");
  });
});
