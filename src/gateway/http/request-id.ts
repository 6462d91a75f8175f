// Every request gets an id, echoed in X-Request-Id and in its log line; a sane incoming one is kept.
import { randomUUID } from "node:crypto";
import type { Middleware } from "koa";
import type { GatewayState } from "./state.js";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestId(): Middleware<GatewayState> {
  return async (ctx, next) => {
    const incoming = ctx.get("x-request-id");
    ctx.state.requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.set("x-request-id", ctx.state.requestId);
    await next();
  };
}
