// What an MCP client finds when it looks for how to sign in. With an authorization server: the RFC 9728
// protected resource metadata (at the root and at the MCP path's well-known URL), the authorization
// server's RFC 8414 / OpenID metadata for clients that look for it here, and /register pointing to its
// registration endpoint. Without one (personal tokens only): every probe gets 404 with a plain JSON
// body, and /register gets 400 invalid_client_metadata saying how to connect instead, so a client shows
// that sentence (not a 404 or 405, which make some fall back to SSE, nor "Unauthorized", which makes
// them restart their sign-in). Never a JSON-RPC body here, and the URLs come from configuration, never Host.
import type { Middleware, ParameterizedContext } from "koa";
import type { AuthorizationServer } from "../auth/oauth.js";
import type { GatewayState } from "./state.js";

export interface ProtectedResourceOptions {
  /** The MCP endpoint's path here, e.g. /mcp. */
  mcpPath: string;
  /** Said by /register when there is no authorization server: how to connect instead. */
  personalTokenHelp: string;
  oauth?: {
    /** The canonical MCP URL: the resource, exactly as every token's audience. */
    resource: () => string;
    server: AuthorizationServer;
    scopes: readonly string[];
    resourceName?: string;
  };
}

const WELL_KNOWN_PRM = "/.well-known/oauth-protected-resource";
const AS_PROBES = ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"];

/** RFC 9728 §3.1: the well-known URL of a resource's metadata (the well-known segment before its path). */
export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  return `${url.origin}${WELL_KNOWN_PRM}${url.pathname === "/" ? "" : url.pathname}`;
}

function json(ctx: ParameterizedContext<GatewayState>, status: number, body: unknown): void {
  ctx.status = status;
  ctx.type = "application/json";
  ctx.body = JSON.stringify(body);
}

export function protectedResource(options: ProtectedResourceOptions): Middleware<GatewayState> {
  const { oauth, mcpPath } = options;
  // The canonical URL's path too: behind a proxy it may differ from the local one.
  const paths = () => [mcpPath, ...(oauth ? [new URL(oauth.resource()).pathname] : [])];
  const isPrmPath = (path: string) => path === WELL_KNOWN_PRM || paths().some((p) => path === `${WELL_KNOWN_PRM}${p}`);
  const isAsPath = (path: string) => AS_PROBES.some((probe) => path === probe || paths().some((p) => path === `${probe}${p}` || path === `${p}/.well-known/openid-configuration`));
  const notFound = (ctx: ParameterizedContext<GatewayState>, what: string) => json(ctx, 404, { error: "not_found", error_description: what });

  return async (ctx, next) => {
    const path = ctx.path;
    const isPrm = isPrmPath(path);
    const isAs = isAsPath(path);
    if (!isPrm && !isAs && path !== "/register" && !path.startsWith("/.well-known/")) return next();
    // Public documents: a browser-based client (the Inspector) may read them from any origin.
    ctx.set("Access-Control-Allow-Origin", "*");
    if (ctx.method === "OPTIONS") {
      ctx.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.set("Access-Control-Allow-Headers", "content-type, mcp-protocol-version");
      ctx.status = 204;
      return;
    }
    if (path === "/register") {
      if (oauth) {
        const { registration_endpoint } = await oauth.server.metadata().catch(() => ({ registration_endpoint: undefined }));
        if (registration_endpoint) {
          // 307 keeps the method and body: the registration lands at the authorization server.
          ctx.status = 307;
          ctx.set("Location", registration_endpoint);
          ctx.body = "";
          return;
        }
      }
      return json(ctx, 400, { error: "invalid_client_metadata", error_description: options.personalTokenHelp });
    }
    if (!oauth) return notFound(ctx, "This server has no OAuth sign-in: it takes Clara personal access tokens.");
    if (isPrm) {
      return json(ctx, 200, {
        resource: oauth.resource(),
        authorization_servers: [oauth.server.issuer],
        scopes_supported: oauth.scopes,
        bearer_methods_supported: ["header"],
        ...(oauth.resourceName ? { resource_name: oauth.resourceName } : {}),
      });
    }
    if (isAs) {
      try {
        return json(ctx, 200, await oauth.server.metadata());
      } catch {
        ctx.set("Retry-After", "5");
        return json(ctx, 503, { error: "temporarily_unavailable", error_description: "The authorization server did not answer; try again shortly." });
      }
    }
    notFound(ctx, "No such metadata here.");
  };
}
