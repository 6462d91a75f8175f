// The one place a failure becomes a response: a JSON-RPC error body, never a stack or internal message.
import type { Middleware } from "koa";
import type { Logger } from "pino";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { GatewayState } from "./state.js";

export function errorBoundary(log: Logger): Middleware<GatewayState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      let status = 500;
      let code: number = RpcCode.InternalError;
      let message = "Internal error";
      let data: unknown;
      if (error instanceof HttpError) {
        status = error.status;
        code = error.rpcCode;
        message = error.message;
        data = error.data;
        for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
      } else {
        const err = error instanceof Error ? error : new Error(String(error));
        const token = ctx.state.caller?.token;
        const scrub = (text: string | undefined) => (token && text ? text.split(token).join("[token]") : text);
        log.error({ reqId: ctx.state.requestId, err: { name: err.name, message: scrub(err.message), stack: scrub(err.stack) } }, "request failed");
      }
      ctx.state.rpcError = code;
      ctx.status = status;
      ctx.type = "application/json";
      const body = data === undefined ? { code, message } : { code, message, data };
      ctx.body = JSON.stringify({ jsonrpc: "2.0", id: ctx.state.rpcId ?? null, error: body });
    }
  };
}
