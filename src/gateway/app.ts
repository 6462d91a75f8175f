// The gateway: a Koa app serving one API's tool table over MCP Streamable HTTP (stateless, JSON answers).
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import Koa from "koa";
import type { Logger } from "pino";
import type { ToolTable } from "../../generated/table.js";
import { accessLog } from "./access-log.js";
import { auth } from "./auth.js";
import { jsonBody } from "./body.js";
import { createCatalogue } from "./catalogue.js";
import { mcpEndpoint } from "./endpoint.js";
import { errorBoundary } from "./error-boundary.js";
import { health } from "./health.js";
import { createIdentity } from "./identity.js";
import { createLogger } from "./log.js";
import { mcpDispatch } from "./mcp.js";
import { messages } from "./messages.js";
import { requestId } from "./request-id.js";
import { createMcpServer } from "./server.js";
import type { GatewayState } from "./state.js";
import { createUpstream, type Upstream } from "./upstream.js";

export interface GatewayOptions {
  table: ToolTable;
  /** Base URL of the upstream API, e.g. http://127.0.0.1:4010. */
  upstreamUrl: string;
  /** Name and version announced in initialize. */
  info?: Implementation;
  instructions?: string;
  /** The API's own token header, besides `Authorization: Bearer` (e.g. "clara-mcp-token"). */
  tokenHeader?: string;
  /** Realm of the WWW-Authenticate challenge. */
  realm?: string;
  log?: Logger;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** How long a checked identity may stand in for tools/call (0 disables the cache). */
  identityTtlMs?: number;
  mcpPath?: string;
  /** The clock for period presets; tests pin "today" with it. */
  now?: () => Date;
}

export interface Gateway {
  app: Koa<GatewayState>;
  upstream: Upstream;
  /** The request listener, for a server of the caller's own (TLS, tests, benchmarks). */
  callback(): ReturnType<Koa["callback"]>;
  /** Listens and resolves to the base URL, e.g. http://127.0.0.1:3000. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export async function createGateway(opts: GatewayOptions): Promise<Gateway> {
  const { table } = opts;
  const log = opts.log ?? createLogger();
  const realm = opts.realm ?? "mcp";
  const upstream = createUpstream({ baseUrl: opts.upstreamUrl, table });
  const catalogue = createCatalogue(table);
  const identity = createIdentity({ upstream, api: table.api, realm, ttlMs: opts.identityTtlMs ?? 30_000 });
  const mcp = await createMcpServer({
    info: opts.info ?? { name: "mcp-gateway", version: "0.1.0" },
    ...(opts.instructions ? { instructions: opts.instructions } : {}),
    table,
    catalogue,
    upstream,
    log,
    ...(opts.now ? { now: opts.now } : {}),
  });

  const app = new Koa<GatewayState>();
  app.proxy = false;
  app.silent = true;
  app.use(requestId());
  app.use(accessLog(log));
  app.use(errorBoundary(log));
  app.use(health(upstream));
  app.use(mcpEndpoint(opts.mcpPath ?? "/mcp"));
  // Issue 5 goes here: Origin/Host guard, security headers and per-address rate limits (before any body is read).
  app.use(jsonBody(opts.bodyLimit ?? 1_000_000));
  app.use(messages());
  app.use(auth({ identity, catalogue, roles: table.api.roles, realm, ...(opts.tokenHeader ? { tokenHeader: opts.tokenHeader.toLowerCase() } : {}) }));
  // Issue 5: per-token rate limits go here, once the caller is known.
  app.use(mcpDispatch({ transport: mcp.transport, identity, realm, log }));

  let server: HttpServer | undefined;
  return {
    app,
    upstream,
    callback: () => app.callback(),
    listen(port, host) {
      const listening = createServer({ keepAliveTimeout: 65_000 }, app.callback());
      server = listening;
      return new Promise((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(port, host, () => {
          listening.off("error", reject);
          const address = listening.address() as AddressInfo;
          const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shown}:${address.port}`);
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
      await mcp.close();
      await upstream.close();
    },
  };
}
