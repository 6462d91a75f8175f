// Hands each JSON-RPC request of a POST /mcp to the shared MCP Server and answers application/json.
import { InitializeRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { Context, Middleware } from "koa";
import type { Logger } from "pino";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "../auth/challenge.js";
import { unauthorized, type Identity } from "../auth/identity.js";
import { authInfoFor, type CallContext } from "../mcp/server.js";
import type { GatewayState } from "./state.js";
import type { DispatchTransport, Reply } from "../mcp/transport.js";

export interface DispatchOptions {
  transport: DispatchTransport;
  identity: Identity;
  challenge: Challenge;
  log: Logger;
}

type Ctx = Context & { state: GatewayState };

/** Cancels a tools/call (through the SDK's own request signal) when its client goes away before the answer is written. */
function onAbandon(ctx: Ctx): (cancel: () => void) => void {
  return (cancel) => {
    ctx.res.once("close", () => {
      if (!ctx.res.writableFinished) cancel();
    });
  };
}

export function mcpDispatch(opts: DispatchOptions): Middleware<GatewayState> {
  const { transport, identity, challenge, log } = opts;

  async function run(ctx: Ctx, request: RpcRequest): Promise<{ call: CallContext; reply: Reply }> {
    const call: CallContext = { caller: ctx.state.caller!, requestId: ctx.state.requestId };
    // The SDK answers bad initialize params as an internal error; they are the client's invalid params.
    if (request.method === "initialize" && !InitializeRequestSchema.safeParse(request).success) {
      const text = JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: RpcCode.InvalidParams, message: "Invalid params: initialize needs protocolVersion, capabilities and clientInfo." } });
      return { call, reply: { text, error: RpcCode.InvalidParams } };
    }
    const reply = await transport.dispatch(request, authInfoFor(call), request.method === "tools/call" ? onAbandon(ctx) : undefined);
    if (reply.hidden) log.warn({ reqId: call.requestId, method: request.method, err: { message: reply.hidden } }, "internal error answered");
    return { call, reply };
  }

  /** A refused token ends the whole HTTP request; an unproven recent identity is proven now. */
  async function settle(ctx: Ctx, calls: CallContext[]): Promise<void> {
    const presented = ctx.state.presented!;
    if (calls.some((call) => call.unauthorized)) {
      identity.forget(presented);
      throw unauthorized(challenge);
    }
    if (ctx.state.callerCached && !calls.every((call) => call.reached)) {
      try {
        await identity.check(presented);
      } catch (error) {
        // Only a refusal withholds the answer; an upstream that cannot answer has already been reported in it.
        if (error instanceof HttpError && error.status === 401) throw error;
      }
    }
  }

  return async (ctx) => {
    const envelope = ctx.state.envelope!;
    if (!envelope.batch) {
      const message = envelope.message;
      if (message.kind !== "request") {
        ctx.status = 202;
        ctx.body = "";
        return;
      }
      const { call, reply } = await run(ctx, message);
      if (call.tool) ctx.state.tool = call.tool;
      await settle(ctx, [call]);
      if (reply.error !== undefined) ctx.state.rpcError = reply.error;
      if (reply.isError) ctx.state.isError = true;
      ctx.type = "application/json";
      ctx.body = reply.bytes ?? reply.text;
      return;
    }

    const pending: Promise<{ call: CallContext; reply: Reply } | string>[] = envelope.messages.map((message) => {
      if (message.kind === "invalid") {
        return Promise.resolve(JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: RpcCode.InvalidRequest, message: message.message } }));
      }
      if (message.kind !== "request") return Promise.resolve("");
      if (message.method === "initialize") {
        return Promise.resolve(
          JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: RpcCode.InvalidRequest, message: "Invalid Request: initialize must not be part of a batch." } }),
        );
      }
      return run(ctx, message);
    });
    const answers = await Promise.all(pending);
    const calls = answers.flatMap((answer) => (typeof answer === "string" ? [] : [answer.call]));
    await settle(ctx, calls);
    const texts = answers.map((answer) => (typeof answer === "string" ? answer : answer.reply.text)).filter((text) => text !== "");
    const tools = calls.flatMap((call) => (call.tool ? [call.tool] : []));
    if (tools.length > 0) ctx.state.tool = tools.join(",");
    if (texts.length === 0) {
      ctx.status = 202;
      ctx.body = "";
      return;
    }
    ctx.type = "application/json";
    ctx.body = `[${texts.join(",")}]`;
  };
}
