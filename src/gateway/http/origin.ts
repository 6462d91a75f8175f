// Origin and Host checks against DNS rebinding (MCP Streamable HTTP: an Origin that is not allowed
// gets 403), plus CORS answers for the browser origins that are allowed.
import type { Middleware } from "koa";

export interface OriginPolicy {
  /** Allowed Host header values: `name` (any port) or `name:port`; "*" turns the Host check off. */
  hosts: readonly string[];
  /** Allowed Origin values: `scheme://name[:port]`, the port may be `*`; "*" allows any origin. */
  origins: readonly string[];
}

const LOCAL_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** Loopback only: what a gateway on a developer's machine should accept. */
export const localPolicy: OriginPolicy = {
  hosts: LOCAL_NAMES,
  origins: LOCAL_NAMES.flatMap((name) => [`http://${name}:*`, `https://${name}:*`, `http://${name}`, `https://${name}`]),
};

/** A comma-separated list from the environment, blanks dropped. */
export function parseList(text: string): string[] {
  return text.split(",").map((item) => item.trim()).filter((item) => item.length > 0);
}

interface HostRule {
  name: string;
  port: string | undefined;
}

interface OriginRule extends HostRule {
  scheme: string;
}

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/;
const ORIGIN = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/;

function hostRule(text: string): HostRule {
  const match = HOST.exec(text.toLowerCase());
  if (!match?.[1]) throw new Error(`not a host: ${JSON.stringify(text)} (expected name or name:port)`);
  return { name: match[1], port: match[2] === "*" ? undefined : match[2] };
}

function originRule(text: string): OriginRule {
  const match = ORIGIN.exec(text.toLowerCase().replace(/\/$/, ""));
  if (!match?.[1] || !match[2]) throw new Error(`not an origin: ${JSON.stringify(text)} (expected scheme://name[:port])`);
  return { scheme: match[1], name: match[2], port: match[3] };
}

/** Rules compiled once; throws naming the entry that is not a host or origin. */
export function compileOriginPolicy(policy: OriginPolicy) {
  const anyHost = policy.hosts.includes("*");
  const anyOrigin = policy.origins.includes("*");
  const hosts = anyHost ? [] : policy.hosts.map(hostRule);
  const origins = anyOrigin ? [] : policy.origins.map(originRule);
  return {
    hostAllowed(host: string | undefined): boolean {
      if (anyHost) return true;
      if (!host) return false;
      const match = HOST.exec(host.toLowerCase());
      if (!match?.[1] || match[2] === "*") return false;
      const [, name, port] = match;
      return hosts.some((rule) => rule.name === name && (rule.port === undefined || rule.port === port));
    },
    /** An absent Origin is allowed: only browsers send it, and rebinding attacks come from browsers. */
    originAllowed(origin: string | undefined): boolean {
      if (origin === undefined || anyOrigin) return true;
      const match = ORIGIN.exec(origin.toLowerCase());
      if (!match || match[3] === "*") return false;
      const [, scheme, name, port] = match;
      return origins.some(
        (rule) =>
          rule.scheme === scheme &&
          rule.name === name &&
          (rule.port === "*" || rule.port === port),
      );
    },
  };
}

export interface OriginGuardOptions {
  policy: OriginPolicy;
  /** Only these paths are guarded (e.g. the MCP endpoint, so health probes by pod IP still work). */
  paths?: readonly string[];
  /** Request headers a browser client may send besides the MCP ones (e.g. the API's own token header). */
  allowHeaders?: readonly string[];
  /** Response headers a browser client may read. */
  exposeHeaders?: readonly string[];
}

const DEFAULT_ALLOW_HEADERS = [
  "authorization", "content-type", "accept", "mcp-protocol-version", "mcp-session-id", "last-event-id",
];
const DEFAULT_EXPOSE_HEADERS = ["mcp-session-id", "mcp-protocol-version", "www-authenticate", "retry-after", "x-request-id"];

function forbidden(message: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32000, message } });
}

export function originGuard(options: OriginGuardOptions): Middleware {
  const rules = compileOriginPolicy(options.policy);
  const paths = options.paths ? new Set(options.paths) : undefined;
  const allowHeaders = [...new Set([...DEFAULT_ALLOW_HEADERS, ...(options.allowHeaders ?? []).map((name) => name.toLowerCase())])].join(", ");
  const exposeHeaders = (options.exposeHeaders ?? DEFAULT_EXPOSE_HEADERS).join(", ");
  return async (ctx, next) => {
    if (paths && !paths.has(ctx.path)) return next();
    const host = ctx.get("host") || undefined;
    if (!rules.hostAllowed(host)) {
      ctx.status = 403;
      ctx.type = "application/json";
      ctx.body = forbidden("Forbidden: this Host is not served here");
      return;
    }
    const origin = ctx.get("origin") || undefined;
    if (!rules.originAllowed(origin)) {
      ctx.status = 403;
      ctx.type = "application/json";
      ctx.body = forbidden("Forbidden: requests from this Origin are not allowed");
      return;
    }
    if (origin === undefined) return next();
    ctx.set("Access-Control-Allow-Origin", origin);
    ctx.vary("Origin");
    ctx.set("Access-Control-Expose-Headers", exposeHeaders);
    if (ctx.method === "OPTIONS" && ctx.get("access-control-request-method")) {
      ctx.set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
      ctx.set("Access-Control-Allow-Headers", allowHeaders);
      ctx.set("Access-Control-Max-Age", "600");
      ctx.status = 204;
      return;
    }
    return next();
  };
}
