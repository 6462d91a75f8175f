// /healthz: the process answers. /readyz: this replica can serve MCP requests, and what it knows of the
// upstream and the shared store. It stays 200 when the API or Redis is down: every replica shares them,
// so a 503 would make the load balancer drop all replicas at once, and clients would get the balancer's
// bare 502s instead of the gateway's honest "Clara is unavailable" answers. The JSON names what is down.
import type { Middleware } from "koa";
import type { GatewayState } from "./state.js";
import type { Upstream } from "../upstream/client.js";

/** What /readyz reports about the shared store (Redis), when the gateway has one. */
export interface SharedStatus {
  readonly available: boolean;
}

function reachableWithin(upstream: Upstream, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([upstream.reachable(), late]).finally(() => clearTimeout(timer));
}

export interface HealthOptions {
  upstream: Upstream;
  shared?: SharedStatus;
  /** Longest wait for the upstream's answer; /readyz answers within it either way (health checks time out). */
  timeoutMs?: number;
}

export function health(opts: HealthOptions): Middleware<GatewayState> {
  const { upstream, shared } = opts;
  const timeoutMs = opts.timeoutMs ?? 1_000;
  return async (ctx, next) => {
    if (ctx.path === "/healthz") {
      ctx.set("cache-control", "no-store");
      ctx.body = { status: "ok" };
      return;
    }
    if (ctx.path === "/readyz") {
      ctx.set("cache-control", "no-store");
      const reachable = await reachableWithin(upstream, timeoutMs);
      ctx.body = {
        status: "ready",
        upstream: reachable ? "reachable" : "unreachable",
        ...(shared ? { redis: shared.available ? "available" : "unavailable" } : {}),
      };
      return;
    }
    await next();
  };
}
