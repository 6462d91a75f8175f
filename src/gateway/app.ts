// The gateway: a Koa app serving one API's tool table over MCP Streamable HTTP, 2026-07-28 and the
// 2025 revisions on the same endpoint (stateless; JSON answers, an event stream only to ask a 2025 client).
import type { Server as HttpServer } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import Koa from "koa";
import type { Logger } from "pino";
import type { ToolTable } from "../../generated/table.js";
import { accessLog } from "./http/access-log.js";
import type { Audit } from "./audit/trail.js";
import { auth } from "./http/authenticate.js";
import { jsonBody } from "./http/body.js";
import { Breaker, defaultBreakerOptions, type BreakerOptions } from "./upstream/breaker.js";
import { createCatalogue } from "./mcp/catalogue.js";
import { mcpEndpoint } from "./http/endpoint.js";
import { errorBoundary } from "./http/error-boundary.js";
import { securityHeaders } from "./http/headers.js";
import { health, type SharedStatus } from "./http/health.js";
import { createChallenge } from "./auth/challenge.js";
import { createExchange } from "./auth/exchange.js";
import { createIdentity, type RememberedElsewhere } from "./auth/identity.js";
import { authorizationServer, createVerifier } from "./auth/oauth.js";
import { addressLimit, createLimiters, rateLimit, type RateLimitsConfig } from "./http/limits.js";
import { protectedResource, resourceMetadataUrl } from "./http/protected-resource.js";
import { createLogger } from "./log.js";
import { mcpDispatch } from "./http/dispatch.js";
import { messages } from "./http/messages.js";
import { localPolicy, originGuard, type OriginPolicy } from "./http/origin.js";
import { requestId } from "./http/request-id.js";
import { defaultRetryPolicy, type RetryPolicy } from "./upstream/retry.js";
import { createProtocol } from "./mcp/protocol.js";
import { createExports, DOWNLOAD_PATH } from "./exports/index.js";
import { era } from "./http/era.js";
import { createSealer, type Sealer } from "./shared/seal.js";
import type { PendingAnswers } from "./shared/answers.js";
import { memoryStore, type SharedStore } from "./shared/store.js";
import type { GatewayState } from "./http/state.js";
import { createServer, type TlsMaterial } from "./http/tls.js";
import { createUpstream, type Upstream } from "./upstream/client.js";

export interface GatewayOptions {
  table: ToolTable;
  /** Base URL of the upstream API, e.g. http://127.0.0.1:4010. */
  upstreamUrl: string;
  /** Name and version announced in initialize. */
  info?: Implementation;
  instructions?: string;
  /** Realm of the WWW-Authenticate challenge. */
  realm?: string;
  log?: Logger;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** How long a checked identity may stand in for tools/call (0 disables the cache). */
  identityTtlMs?: number;
  /**
   * How long after the API last answered for a token its identity is remembered, to answer that caller
   * "Clara is unavailable" (not HTTP 503) while the API is down (5 minutes; 0: never).
   */
  identityGraceMs?: number;
  mcpPath?: string;
  /** The clock for period presets; tests pin "today" with it. */
  now?: () => Date;
  /** Host and Origin values the MCP endpoint accepts (DNS-rebinding guard); loopback only by default. */
  origins?: OriginPolicy;
  /** Per-address and per-token rate limits; none by default. */
  rateLimits?: RateLimitsConfig;
  /** Client addresses from X-Forwarded-For: only behind a proxy that sets it. */
  trustProxy?: boolean;
  /** Where each tools/call is recorded; no audit trail by default. */
  audit?: Audit;
  /** Timeouts, retries and circuit breaker of upstream calls (defaults in retry.ts and breaker.ts). */
  resilience?: { retry?: Partial<RetryPolicy>; breaker?: Partial<BreakerOptions> | false; connectTimeoutMs?: number };
  /** Serve HTTPS directly (also sends Strict-Transport-Security). */
  tls?: TlsMaterial;
  /**
   * What seals confirmations, requestStates and 2025 session ids; replicas must share its secret.
   * Default: a random secret, good for one process.
   */
  sealer?: Sealer;
  /** Characters one tool answer may take, `JSON.stringify({ content, structuredContent })` (100,000 by default). */
  answerBudget?: number;
  /** The gateway's public base URL, for export download links (default: the URL listen() answers). Never taken from a request. */
  publicUrl?: string;
  /** How long an export's download link works (10 minutes by default). */
  exportTtlMs?: number;
  /**
   * How long a confirmation code or requestState stays valid, and a 2025 elicitation waits for the
   * user's answer (5 minutes by default).
   */
  confirmTtlMs?: number;
  /** Where single-use values are spent; replicas must share it. Default: this process's memory. */
  store?: SharedStore;
  /** Where a 2025 client's answer finds the call waiting for it, on whichever replica. Default: this process. */
  answers?: PendingAnswers;
  /** The shared store's connection (Redis), reported by /readyz. */
  redis?: SharedStatus;
  /** Where replicas share the identities they verified, for the grace while the API is down. Default: none. */
  identities?: RememberedElsewhere;
  /** Be an OAuth protected resource of this authorization server (personal tokens keep working). */
  oauth?: OAuthResourceOptions;
  /** What /register answers without an authorization server: how to connect with a personal token. */
  personalTokenHelp?: string;
}

export interface OAuthResourceOptions {
  /** The authorization server's issuer identifier; its metadata is found through RFC 8414. */
  issuer: string;
  /**
   * The canonical MCP URL, exactly: the protected resource and every accepted token's audience (never
   * taken from Host). Default: the URL this gateway listens on plus the MCP path, once it listens.
   */
  resource?: string;
  /** The gateway's own confidential client at the authorization server, for token exchange. */
  client: { id: string; secret: string };
  /** The API's resource indicator, when the authorization server wants it named in the exchange. */
  apiResource?: string;
  fetch?: typeof fetch;
}

export interface Gateway {
  app: Koa<GatewayState>;
  upstream: Upstream;
  /** The request listener, for a server of the caller's own (TLS, tests, benchmarks). */
  callback(): ReturnType<Koa["callback"]>;
  /** Listens and resolves to the base URL, e.g. http://127.0.0.1:3000 (https with TLS). */
  listen(port: number, host: string): Promise<string>;
  /** The listening server, once listen() was called (graceful shutdown drains it). */
  readonly server: HttpServer | HttpsServer | undefined;
  close(): Promise<void>;
}

export async function createGateway(opts: GatewayOptions): Promise<Gateway> {
  const { table } = opts;
  const log = opts.log ?? createLogger();
  const realm = opts.realm ?? "mcp";
  const resilience = opts.resilience ?? {};
  const breaker =
    resilience.breaker === false
      ? undefined
      : new Breaker({
          ...defaultBreakerOptions,
          ...resilience.breaker,
          onChange: (state) => log[state === "open" ? "warn" : "info"]({ breaker: state }, `upstream circuit ${state}`),
        });
  const retry = { ...defaultRetryPolicy, ...resilience.retry };
  const upstream = createUpstream({
    baseUrl: opts.upstreamUrl,
    table,
    retry,
    // Each attempt gets its share of the total budget, so one hung connection still leaves room for a retry.
    timeoutMs: Math.max(1_000, Math.floor(retry.totalTimeoutMs / (retry.retries + 1))),
    ...(breaker ? { breaker } : {}),
    ...(resilience.connectTimeoutMs ? { connectTimeoutMs: resilience.connectTimeoutMs } : {}),
  });
  const catalogue = createCatalogue(table);
  const scopes = (table.api.scopes ?? []).map((scope) => scope.name);
  const mcpPath = opts.mcpPath ?? "/mcp";
  let resource = opts.oauth?.resource;
  const canonical = () => {
    if (!resource) throw new Error("the canonical MCP URL is known once the gateway listens, or from oauth.resource");
    return resource;
  };
  const challenge = createChallenge({ realm, ...(opts.oauth ? { resourceMetadata: () => resourceMetadataUrl(canonical()), scopes } : {}) });
  const identity = createIdentity({
    upstream,
    api: table.api,
    challenge,
    ttlMs: opts.identityTtlMs ?? 30_000,
    graceMs: opts.identityGraceMs ?? 300_000,
    ...(opts.identities ? { shared: opts.identities } : {}),
  });
  const authServer = opts.oauth ? authorizationServer({ issuer: opts.oauth.issuer, ...(opts.oauth.fetch ? { fetch: opts.oauth.fetch } : {}) }) : undefined;
  const oauth = opts.oauth && authServer
    ? {
        verify: createVerifier({ server: authServer, audience: canonical, challenge }),
        exchange: createExchange({
          server: authServer,
          clientId: opts.oauth.client.id,
          clientSecret: opts.oauth.client.secret,
          challenge,
          ...(opts.oauth.apiResource ? { apiResource: opts.oauth.apiResource } : {}),
          ...(opts.oauth.fetch ? { fetch: opts.oauth.fetch } : {}),
          onServerError: (message) => log.warn({ oauth: message }, "token exchange refused the gateway"),
        }),
      }
    : undefined;
  const sealer = opts.sealer ?? createSealer();
  let listenedAt: string | undefined;
  const exports = table.tools.some((tool) => tool.export)
    ? createExports({
        table,
        upstream,
        identity,
        sealer,
        publicUrl: () => opts.publicUrl ?? listenedAt ?? "http://127.0.0.1",
        canUse: (caller, tool) => catalogue.find(caller.role, tool, caller.scopes) !== undefined,
        ...(opts.exportTtlMs !== undefined ? { downloadTtlMs: opts.exportTtlMs } : {}),
        ...(opts.now ? { now: () => opts.now!().getTime() } : {}),
      })
    : undefined;
  const store = opts.store ?? memoryStore();
  const protocol = createProtocol({
    info: opts.info ?? { name: "mcp-gateway", version: "0.1.0" },
    ...(opts.instructions ? { instructions: opts.instructions } : {}),
    table,
    catalogue,
    upstream,
    log,
    sealer,
    ...(opts.answerBudget !== undefined ? { budget: opts.answerBudget } : {}),
    ...(exports ? { exports: { offerFor: exports.offerFor }, resources: [exports.source] } : {}),
    store,
    ...(opts.confirmTtlMs !== undefined ? { confirmTtlMs: opts.confirmTtlMs } : {}),
    ...(opts.answers ? { answers: opts.answers } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.audit ? { audit: opts.audit } : {}),
  });
  const limiters = createLimiters(opts.rateLimits ?? { perAddress: null, perToken: null });
  const onStoreError = (error: unknown) =>
    log.warn({ err: { name: error instanceof Error ? error.name : "unknown" } }, "rate limit store failed; request let through");

  const app = new Koa<GatewayState>();
  app.proxy = opts.trustProxy ?? false;
  // Behind a proxy, the address it appended to X-Forwarded-For, not one the client made up before it.
  app.maxIpsCount = 1;
  app.silent = true;
  app.use(requestId());
  app.use(accessLog(log));
  app.use(errorBoundary(log));
  app.use(securityHeaders({ hsts: opts.tls !== undefined }));
  app.use(health({ upstream, ...(opts.redis ? { shared: opts.redis } : {}) }));
  app.use(
    originGuard({
      policy: opts.origins ?? localPolicy,
      paths: [mcpPath],
      ...(table.api.tokenHeader ? { allowHeaders: [table.api.tokenHeader] } : {}),
    }),
  );
  app.use(
    protectedResource({
      mcpPath,
      personalTokenHelp:
        opts.personalTokenHelp ??
        "This server takes personal access tokens, not OAuth sign-in: create one and send it as \"Authorization: Bearer <token>\".",
      ...(opts.oauth && authServer ? { oauth: { resource: canonical, server: authServer, scopes, resourceName: opts.info?.name ?? "MCP gateway" } } : {}),
    }),
  );
  const tokenHeader = table.api.tokenHeader;
  const perAddress = limiters.address
    ? addressLimit<GatewayState>({
        limiter: limiters.address,
        credential: (ctx) => ctx.get("authorization") !== "" || (tokenHeader !== undefined && ctx.get(tokenHeader) !== ""),
        what: "requests from this address",
        onStoreError,
      })
    : undefined;
  // Download links come from spreadsheets, not MCP clients: no Origin rule, but the same per-address limit.
  if (exports) {
    const { download } = exports;
    app.use((ctx, next) => (ctx.path.startsWith(DOWNLOAD_PATH) && perAddress ? perAddress(ctx, () => download(ctx, next)) : download(ctx, next)));
  }
  app.use(mcpEndpoint(mcpPath));
  if (perAddress) app.use(perAddress);
  app.use(jsonBody(opts.bodyLimit ?? 1_000_000));
  app.use(messages());
  app.use(era(protocol.sessions));
  app.use(
    auth({
      identity,
      catalogue,
      roles: table.api.roles,
      challenge,
      ...(tokenHeader ? { tokenHeader } : {}),
      ...(oauth ? { oauth } : {}),
      scopeWords: new Map((table.api.scopes ?? []).map((scope) => [scope.name, scope.words])),
    }),
  );
  if (limiters.token) app.use(rateLimit<GatewayState>({ limiter: limiters.token, key: (ctx) => ctx.state.rateKey, what: "requests for this token", onStoreError }));
  app.use(mcpDispatch({ protocol, identity, challenge, log }));

  let server: HttpServer | HttpsServer | undefined;
  const scheme = opts.tls ? "https" : "http";
  return {
    app,
    upstream,
    get server() {
      return server;
    },
    callback: () => app.callback(),
    listen(port, host) {
      const listening = createServer(app.callback(), opts.tls, { keepAliveTimeout: 65_000 });
      server = listening;
      return new Promise((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(port, host, () => {
          listening.off("error", reject);
          const address = listening.address() as AddressInfo;
          const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
          const base = `${scheme}://${shown}:${address.port}`;
          resource ??= `${base}${mcpPath}`;
          listenedAt = base;
          resolve(base);
        });
      });
    },
    async close() {
      const listening = server;
      if (listening) {
        await new Promise<void>((resolve) => {
          listening.close(() => resolve());
          listening.closeIdleConnections();
          // Requests in flight get a moment to finish; then every connection goes.
          setTimeout(() => listening.closeAllConnections(), 5_000).unref();
        });
      }
      protocol.close();
      if (!opts.store) await store.close();
      await upstream.close();
    },
  };
}
