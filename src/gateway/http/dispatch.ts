// Hands each JSON-RPC request of a POST /mcp to the protocol room and writes its answer: JSON, or an
// event stream when a 2025 call must ask its client first. A client's own answers are routed back.
import { Readable } from "node:stream";
import type { Context, Middleware } from "koa";
import type { Logger } from "pino";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "../auth/challenge.js";
import { unauthorized, type Identity } from "../auth/identity.js";
import type { Exchange, Protocol } from "../mcp/protocol.js";
import type { Reply } from "../mcp/results.js";
import type { RequestContext } from "../mcp/tools.js";
import type { GatewayState } from "./state.js";
import { acceptsStream, eventStream, type EventStream } from "./stream.js";

export interface DispatchOptions {
  protocol: Protocol;
  identity: Identity;
  challenge: Challenge;
  log: Logger;
}

type Ctx = Context & { state: GatewayState };

const LEGACY = { era: "legacy" } as const;

/** A signal that aborts when the client goes away before its answer is written. */
function abandoned(ctx: Ctx): AbortSignal {
  const controller = new AbortController();
  ctx.res.once("close", () => {
    if (!ctx.res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** A batch answers each of its requests as text: an export, which streams, is read on its own only. */
function unstreamed(result: { call: RequestContext; reply: Reply }, id: RpcRequest["id"]): { call: RequestContext; reply: Reply } {
  if (!result.reply.stream) return result;
  void result.reply.stream[Symbol.asyncIterator]().return?.();
  const message = "Invalid Request: an export is read with resources/read on its own, not inside a batch.";
  return { call: result.call, reply: { text: JSON.stringify({ jsonrpc: "2.0", id, error: { code: RpcCode.InvalidRequest, message } }), error: RpcCode.InvalidRequest } };
}

export function mcpDispatch(opts: DispatchOptions): Middleware<GatewayState> {
  const { protocol, identity, challenge, log } = opts;

  async function run(ctx: Ctx, request: RpcRequest, stream?: EventStream): Promise<{ call: RequestContext; reply: Reply }> {
    const call: RequestContext = { caller: ctx.state.caller!, requestId: ctx.state.requestId };
    if (ctx.state.unverified) call.unverified = true;
    if (request.method === "tools/call") call.signal = abandoned(ctx);
    const exchange: Exchange = { context: call };
    if (ctx.state.session) exchange.session = ctx.state.session;
    if (stream) exchange.channel = stream.channel;
    const reply = await protocol.handle(request, ctx.state.era ?? LEGACY, exchange);
    if (reply.hidden) log.warn({ reqId: call.requestId, method: request.method, err: { message: reply.hidden } }, "internal error answered");
    return { call, reply };
  }

  /** A refused token ends the whole HTTP request; an unproven recent identity is proven now. */
  async function settle(ctx: Ctx, calls: RequestContext[]): Promise<void> {
    const presented = ctx.state.presented!;
    if (calls.some((call) => call.unauthorized)) {
      identity.forget(presented);
      throw unauthorized(challenge);
    }
    // The API answered this token just now: it stays remembered in case the API goes away.
    if (calls.some((call) => call.reached)) identity.verified(presented);
    if (ctx.state.callerCached && !calls.every((call) => call.reached)) {
      try {
        await identity.check(presented);
      } catch (error) {
        // Only a refusal withholds the answer; an upstream that cannot answer has already been reported in it.
        if (error instanceof HttpError && error.status === 401) throw error;
      }
    }
  }

  async function single(ctx: Ctx, request: RpcRequest): Promise<void> {
    // Only a 2025 tools/call may need to ask its client before answering, and only down a stream it accepts.
    const stream = ctx.state.era?.era === "legacy" && request.method === "tools/call" && ctx.state.session && acceptsStream(ctx) ? eventStream(ctx) : undefined;
    try {
      const { call, reply } = await run(ctx, request, stream);
      if (call.tool) ctx.state.tool = call.tool;
      await settle(ctx, [call]);
      if (reply.error !== undefined) ctx.state.rpcError = reply.error;
      if (reply.isError) ctx.state.isError = true;
      if (stream?.open) return stream.end(reply.text);
      for (const [name, value] of Object.entries(reply.headers ?? {})) ctx.set(name, value);
      if (reply.status) ctx.status = reply.status;
      ctx.type = "application/json";
      // A failure mid-stream ends the connection: the client sees a broken answer, never a shorter file.
      ctx.body = reply.stream ? Readable.from(reply.stream) : (reply.bytes ?? reply.text);
    } catch (error) {
      if (!stream?.open) throw error;
      // The status line is gone already: the failure becomes the stream's last event.
      const known = error instanceof HttpError;
      ctx.state.rpcError = known ? error.rpcCode : RpcCode.InternalError;
      if (!known) log.error({ reqId: ctx.state.requestId, err: { name: (error as Error).name } }, "streamed request failed");
      stream.end(JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: ctx.state.rpcError, message: known ? error.message : "Internal error" } }));
    }
  }

  return async (ctx) => {
    const envelope = ctx.state.envelope!;
    if (!envelope.batch) {
      const message = envelope.message;
      if (message.kind === "request") return single(ctx, message);
      if (message.kind === "response") protocol.answer(message, ctx.state.caller!);
      ctx.status = 202;
      ctx.body = "";
      return;
    }

    const pending: Promise<{ call: RequestContext; reply: Reply } | string>[] = envelope.messages.map((message) => {
      if (message.kind === "invalid") {
        return Promise.resolve(JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: RpcCode.InvalidRequest, message: message.message } }));
      }
      if (message.kind !== "request") return Promise.resolve("");
      if (message.method === "initialize") {
        return Promise.resolve(
          JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: RpcCode.InvalidRequest, message: "Invalid Request: initialize must not be part of a batch." } }),
        );
      }
      return run(ctx, message).then((result) => unstreamed(result, message.id));
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
