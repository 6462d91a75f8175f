// One log line per request: request id, method, tool, status, latency, and the caller by tokenId
// (and an OAuth caller's app and grant).
import type { Middleware } from "koa";
import type { Logger } from "pino";
import type { GatewayState } from "./state.js";

export function accessLog(log: Logger): Middleware<GatewayState> {
  // Every field of this line is a known scalar (the caller only by tokenId), so the logger's redaction,
  // a quarter of the line's cost, is skipped for it alone.
  const lines = log.child({}, { redact: [] });
  return async (ctx, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const s = ctx.state;
      lines.info(
        {
          reqId: s.requestId,
          http: ctx.method,
          path: s.logPath ?? ctx.path,
          status: ctx.status,
          method: s.rpcMethod,
          tool: s.tool,
          rpcError: s.rpcError,
          isError: s.isError,
          tokenId: s.tokenId,
          client: s.caller?.client?.id,
          grant: s.caller?.client?.grant,
          role: s.caller?.role,
          cached: s.callerCached || undefined,
          unverified: s.unverified || undefined,
          ms: Math.round((performance.now() - start) * 100) / 100,
        },
        "request",
      );
    }
  };
}
