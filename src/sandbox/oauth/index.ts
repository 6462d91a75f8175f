// The OAuth room: the sandbox as Clara's authorization server for MCP clients (ChatGPT, Claude, …).
// oidc-provider is mounted under /oauth with the sandbox's own URL as issuer, and its RFC 8414 and
// OpenID metadata also answer at the root's /.well-known paths. Here: its configuration (provider.ts),
// storage (adapter.ts), keys (keys.ts), clients (clients.ts), the sign-in and consent pages
// (interactions.ts, consent-page.ts), the token exchange for the gateway (exchange.ts), and the grants
// Settings → Integrations lists as connected apps (grants.ts).
import mount from "koa-mount";
import type Koa from "koa";
import type Provider from "oidc-provider";
import type { ClientMetadata } from "oidc-provider";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/db.js";
import { sendMessage, type WebApp } from "../web/index.js";
import { gatewayClient } from "./clients.js";
import { registerTokenExchange } from "./exchange.js";
import { createGrants, type Grants } from "./grants.js";
import { interactions } from "./interactions.js";
import { serverKeys } from "./keys.js";
import { createProvider, type ResourceScope } from "./provider.js";

export type { ResourceScope } from "./provider.js";
export type { Grants } from "./grants.js";

export const MOUNT = "/oauth";

export interface OAuthOptions {
  /** The MCP resource's scopes, their words and the roles that can use them (from the tool table). */
  scopes: readonly ResourceScope[];
  /** The gateway's confidential client, for token exchange. */
  gateway: { clientId: string; clientSecret: string };
  /** Roles that may connect apps (default administrators and bookkeepers). */
  roles?: readonly string[];
  /** Clients registered by configuration (RFC 7591 metadata, e.g. with a fixed client_id). */
  clients?: ClientMetadata[];
  /** The issuer; default the sandbox's own URL (set it to the public URL behind a proxy). */
  issuer?: string;
  /** Lifetime of MCP access tokens, in seconds (default 300). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of the API tokens the gateway gets by exchange, in seconds (default 900). */
  apiTokenTtlSeconds?: number;
  /** Accept http metadata documents on 127.0.0.1, localhost and [::1] as client_ids (local development). */
  allowLoopbackHttpClientIds?: boolean;
  /** Dynamic registrations allowed per client address (default 30 every 10 minutes). */
  registrations?: { points: number; durationSec: number };
  /** Told about refused metadata documents and grants (never a secret). */
  onRefusal?(event: string, detail: string): void;
}

export interface AuthorizationServer {
  issuer: string;
  /** The Clara API's resource indicator: what exchanged tokens are for. */
  apiResource: string;
  provider: Provider;
  /** The provider's cookie keys: the Koa app it is mounted in must sign with the same (app.keys). */
  cookieKeys: string[];
  /** Answers /oauth/*, /.well-known/* metadata and /interaction/*; passes everything else on. */
  middleware: Koa.Middleware;
  /** The grants users gave, as Connected apps. */
  grants: Grants;
  /** The owner of an exchanged API token, or undefined (unknown, expired, another audience). */
  apiToken(token: string): Promise<{ tokenId: string; userId: string } | undefined>;
}

const WELL_KNOWN = new Set(["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]);
const OPAQUE = /^[A-Za-z0-9_-]{20,128}$/;

/** The grants as Connected apps: made before the server, since the web pages list them. */
export function oauthGrants(db: Db, options: Pick<OAuthOptions, "scopes">, mcpUrl: () => string | undefined, now: () => number): Grants {
  return createGrants(db, options.scopes, mcpUrl, now);
}

export function createAuthorizationServer(
  options: OAuthOptions,
  env: { db: Db; url: string; web: WebApp; grants: Grants; mcpUrl(): string | undefined; now(): number; onError?(err: unknown): void },
): AuthorizationServer {
  const { db, web, grants } = env;
  const issuer = options.issuer ?? env.url;
  const apiResource = `${new URL(issuer).origin}/api/v3`;
  const keys = serverKeys(db);
  const clients = [gatewayClient(options.gateway.clientId, options.gateway.clientSecret), ...(options.clients ?? [])];
  const provider = createProvider(
    {
      db,
      issuer,
      keys,
      mcpUrl: env.mcpUrl,
      scopes: options.scopes,
      clients,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
      allowLoopbackHttpClientIds: options.allowLoopbackHttpClientIds ?? false,
      renderError: (ctx, error, description) => {
        web.securityHeaders(ctx);
        sendMessage(ctx as unknown as Koa.Context, 400, "This app cannot connect", `${description ?? error} (${error})`);
      },
      ...(options.onRefusal ? { onRefusal: options.onRefusal } : {}),
    },
    (ctx) => web.signedIn(ctx as unknown as Koa.Context)?.user.id,
  );
  // Failures of the server itself (a bug, the database): told, never shown to the client.
  provider.on("server_error", (_ctx: unknown, error: unknown) => env.onError?.(error));
  registerTokenExchange(provider, {
    issuer,
    publicJwks: keys.publicJwks,
    mcpUrl: env.mcpUrl,
    apiResource,
    apiTokenTtlSeconds: options.apiTokenTtlSeconds ?? 900,
    used: (grantId) => grants.used(grantId, env.now()),
    clientName: async (clientId) => (await provider.Client.find(clientId))?.clientName,
  });
  const pages = interactions({ provider, web, grants, scopes: options.scopes, roles: options.roles ?? ["ADMINISTRATOR", "BOOKKEEPER"], now: env.now });
  const mounted = mount(MOUNT, provider as unknown as Koa);
  const rule = options.registrations ?? { points: 30, durationSec: 600 };
  const registrations = new RateLimiterMemory({ points: rule.points, duration: rule.durationSec, keyPrefix: "oauth-reg" });

  const middleware: Koa.Middleware = async (ctx, next) => {
    // RFC 8414 and OpenID discovery for the root issuer, answered by the mounted provider.
    if (WELL_KNOWN.has(ctx.path) && new URL(issuer).pathname === "/") ctx.path = `${MOUNT}${ctx.path}`;
    if (ctx.path === `${MOUNT}/reg` && ctx.method === "POST") {
      try {
        await registrations.consume(ctx.ip);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        ctx.status = 429;
        ctx.set("Retry-After", String(seconds));
        ctx.body = { error: "temporarily_unavailable", error_description: `Too many client registrations from this address; try again in ${seconds} s.` };
        return;
      }
    }
    if (ctx.path === MOUNT || ctx.path.startsWith(`${MOUNT}/`)) return mounted(ctx, next);
    return pages(ctx, next);
  };

  return {
    issuer,
    apiResource,
    provider,
    cookieKeys: keys.cookies,
    grants,
    middleware,
    async apiToken(token) {
      if (!OPAQUE.test(token)) return undefined;
      const at = await provider.AccessToken.find(token);
      if (!at || at.isExpired || at.gty !== "token_exchange" || ![at.aud].flat().includes(apiResource) || !at.grantId) return undefined;
      grants.used(at.grantId, env.now());
      // Named by its grant: the token's own value (its jti) is a secret.
      return { tokenId: `grant_${at.grantId}`, userId: at.accountId };
    },
  };
}
