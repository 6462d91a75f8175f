// POST /mcp and nothing else: no server-initiated streams and no sessions, so GET and DELETE get 405.
// Also the header checks of the Streamable HTTP transport, made before the body is read.
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
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
    const version = ctx.get("mcp-protocol-version");
    if (version && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      throw new HttpError(
        400,
        RpcCode.InvalidRequest,
        `Bad Request: unsupported MCP-Protocol-Version ${version.slice(0, 40)} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}).`,
      );
    }
    await next();
  };
}
