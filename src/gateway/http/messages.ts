// Classifies the body as JSON-RPC messages and applies the batch rules of the negotiated protocol.
import type { Middleware } from "koa";
import { readEnvelope } from "../jsonrpc/envelope.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import { legacyVersionProblem } from "../mcp/eras.js";
import type { GatewayState } from "./state.js";

// JSON-RPC batches were part of MCP up to 2025-03-26 and removed in 2025-06-18.
const BATCH_VERSIONS = new Set(["2025-03-26", "2024-11-05", "2024-10-07"]);
// A client that sends no MCP-Protocol-Version is assumed to speak 2025-03-26 (MCP transports spec).
const DEFAULT_VERSION = "2025-03-26";
export const MAX_BATCH = 100;

export function messages(): Middleware<GatewayState> {
  return async (ctx, next) => {
    const envelope = readEnvelope(ctx.state.body);
    ctx.state.envelope = envelope;
    if (!envelope.batch) {
      const message = envelope.message;
      if (message.kind === "invalid") {
        ctx.state.rpcId = message.id;
        throw new HttpError(400, RpcCode.InvalidRequest, message.message);
      }
      if (message.kind === "request") ctx.state.rpcId = message.id;
      if (message.kind !== "response") ctx.state.rpcMethod = message.method;
      return next();
    }
    const problem = legacyVersionProblem(ctx.req.headers);
    if (problem) throw new HttpError(400, RpcCode.InvalidRequest, problem);
    const version = ctx.get("mcp-protocol-version") || DEFAULT_VERSION;
    if (!BATCH_VERSIONS.has(version)) {
      throw new HttpError(400, RpcCode.InvalidRequest, `Invalid Request: JSON-RPC batches are not supported in protocol version ${version}.`);
    }
    if (envelope.messages.length === 0) throw new HttpError(400, RpcCode.InvalidRequest, "Invalid Request: the batch is empty.");
    if (envelope.messages.length > MAX_BATCH) {
      throw new HttpError(400, RpcCode.InvalidRequest, `Invalid Request: a batch holds at most ${MAX_BATCH} messages.`);
    }
    ctx.state.rpcMethod = "batch";
    if (envelope.messages.every((message) => message.kind === "invalid")) {
      // Nothing to run: answer every element's error without asking who the caller is.
      ctx.status = 400;
      ctx.type = "application/json";
      ctx.state.rpcError = RpcCode.InvalidRequest;
      ctx.body = JSON.stringify(
        envelope.messages.map((message) =>
          message.kind === "invalid"
            ? { jsonrpc: "2.0", id: message.id, error: { code: RpcCode.InvalidRequest, message: message.message } }
            : undefined,
        ),
      );
      return;
    }
    return next();
  };
}
