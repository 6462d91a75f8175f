// /healthz: the process answers. /readyz: the upstream answers anything at all over HTTP.
import type { Middleware } from "koa";
import type { GatewayState } from "./state.js";
import type { Upstream } from "../upstream/client.js";

function reachableWithin(upstream: Upstream, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([upstream.reachable(), late]).finally(() => clearTimeout(timer));
}

export function health(upstream: Upstream, timeoutMs = 2_000): Middleware<GatewayState> {
  return async (ctx, next) => {
    if (ctx.path === "/healthz") {
      ctx.set("cache-control", "no-store");
      ctx.body = { status: "ok" };
      return;
    }
    if (ctx.path === "/readyz") {
      ctx.set("cache-control", "no-store");
      const ready = await reachableWithin(upstream, timeoutMs);
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? "ready" : "upstream unreachable" };
      return;
    }
    await next();
  };
}
