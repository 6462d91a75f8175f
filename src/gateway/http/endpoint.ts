// POST /mcp and nothing else: no server-initiated streams and no server-side sessions, so GET and
// DELETE get 405. Also the media-type checks of the Streamable HTTP transport, made before the body
// is read; the protocol version is checked with the body, which decides the era (http/era.ts).
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { GatewayState } from "./state.js";

const ACCEPTS_JSON = /(^|,)\s*(application\/json|application\/\*|\*\/\*)\s*(;|,|$)/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function mcpEndpoint(path: string): Middleware<GatewayState> {
  return async (ctx, next) => {
    if (ctx.path !== path) throw new HttpError(404, RpcCode.InvalidRequest, "Not found: the MCP endpoint is " + path);
    if (ctx.method !== "POST") {
      throw new HttpError(405, RpcCode.InvalidRequest, "Method not allowed: this server has no streams or sessions; use POST.", {
        allow: "POST",
      });
    }
    const accept = ctx.get("accept");
    if (accept && !ACCEPTS_JSON.test(accept)) {
      throw new HttpError(406, RpcCode.InvalidRequest, "Not acceptable: the client must accept application/json.");
    }
    if (!JSON_TYPE.test(ctx.get("content-type"))) {
      throw new HttpError(415, RpcCode.InvalidRequest, "Unsupported media type: the body must be application/json.");
    }
    await next();
  };
}
