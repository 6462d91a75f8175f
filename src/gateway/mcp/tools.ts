// One tools/call for either era, answered straight from the tool table: the caller's tool found by
// role, the call carried out, one audit line, failures mapped to JSON-RPC errors.
import { CallToolRequestSchema, CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { ToolTable, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import { callTool, notTried, UpstreamUnauthorized, type Ask, type CallTrace, type OfferExport, type ToolAnswer } from "../call/index.js";
import { resultOutcome, traceOf, type AuditOutcome, type RequestIdPlaces, type UpstreamTrace } from "../audit/line.js";
import type { Audit } from "../audit/trail.js";
import type { Caller } from "../auth/caller.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "./catalogue.js";
import type { Upstream } from "../upstream/client.js";

/** What one request knows and learns: read back by the HTTP layer after the answer. */
export interface RequestContext {
  caller: Caller;
  requestId: string;
  tool?: string;
  /** The upstream refused the token during the call: the HTTP request becomes a 401. */
  unauthorized?: boolean;
  /** The upstream answered a call made with the caller's token (any status but 401), which proves the token. */
  reached?: boolean;
  trace?: CallTrace;
  /** Aborted when the client goes away before its answer is written. */
  signal?: AbortSignal;
  /** The API could not verify the caller (it is down): the caller is as last verified, so nothing is tried. */
  unverified?: boolean;
}

/** A JSON-RPC answer before it is encoded: a result, or an error (`hidden` is logged, never shown). */
export type Answer = { result: Record<string, unknown> } | { error: { code: number; message: string; data?: unknown }; hidden?: string };

/**
 * The Upstream of one tools/call: records whether a call with the caller's token got an answer and,
 * when `traces` is given, each call's status and request id for the audit line. One object per call.
 */
class CallUpstream implements Upstream {
  constructor(
    private readonly upstream: Upstream,
    private readonly context: RequestContext,
    private readonly traces: UpstreamTrace[] | undefined,
    private readonly places: RequestIdPlaces,
  ) {}
  get baseUrl(): string {
    return this.upstream.baseUrl;
  }
  reachable(): Promise<boolean> {
    return this.upstream.reachable();
  }
  close(): Promise<void> {
    return this.upstream.close();
  }
  async call(operationId: string, request: UpstreamRequest, token: string): Promise<UpstreamResult> {
    let result: UpstreamResult;
    try {
      result = await this.upstream.call(operationId, request, token);
    } catch (error) {
      this.traces?.push({ operationId, status: null });
      throw error;
    }
    if (token === this.context.caller.token && result.response.status !== 401) this.context.reached = true;
    this.traces?.push(traceOf(operationId, result, this.places));
    return result;
  }
}

export interface ToolsOptions {
  table: ToolTable;
  catalogue: Catalogue;
  upstream: Upstream;
  log: Logger;
  now?: () => Date;
  audit?: Audit;
  budget?: number;
  exports?: { offerFor(caller: Caller): OfferExport };
}

export type RunTool = (request: { params?: Record<string, unknown> }, context: RequestContext, ask: Ask) => Promise<Answer>;

function outcomeOf(answer: ToolAnswer): { outcome: AuditOutcome; message?: string } {
  return "resultType" in answer ? { outcome: "ok" } : resultOutcome(answer);
}

export function createTools(opts: ToolsOptions): RunTool {
  const { table, catalogue, upstream, log, now, audit, budget, exports } = opts;
  const errorRequestId: RequestIdPlaces = table.api.errors.requestId ? { errorPath: table.api.errors.requestId } : {};

  return async (request, call, ask) => {
    // What the SDK's Server checked before a tools/call handler ran: a name, and arguments that are an object.
    const checked = CallToolRequestSchema.safeParse({ method: "tools/call", params: request.params ?? {} });
    if (!checked.success) return { error: { code: RpcCode.InvalidParams, message: `Invalid tools/call request: ${checked.error.message}` } };
    const { name } = checked.data.params;
    // The arguments as sent, not zod's copy: a copy drops keys such as "__proto__" that validation must see.
    const args = (request.params!.arguments as Record<string, unknown> | undefined) ?? {};
    call.tool = name.length > 64 ? `${name.slice(0, 64)}…` : name;
    const tool = catalogue.find(call.caller.role, name, call.caller.scopes);
    const started = performance.now();
    const traces: UpstreamTrace[] | undefined = audit ? [] : undefined;
    const record = (outcome: AuditOutcome, message?: string) =>
      audit?.record({
        requestId: call.requestId,
        caller: call.caller,
        tool: call.tool!,
        // A confirmation code is a sealed value: the audit says what became of it, never what it was.
        arguments: tool?.ask && tool.ask.argument in args ? { ...args, [tool.ask.argument]: "[confirmation]" } : args,
        outcome,
        ...(message === undefined ? {} : { message }),
        ...(call.trace?.confirmation ? { confirmation: call.trace.confirmation } : {}),
        upstream: traces ?? [],
        ...(tool ? { operationId: tool.operationId } : {}),
        latencyMs: performance.now() - started,
      });
    if (!tool) {
      record("denied");
      return { error: { code: RpcCode.InvalidParams, message: `Unknown tool: ${call.tool}` } };
    }
    call.trace = { upstreamCalls: 0 };
    if (call.unverified) {
      // Not tried for a caller the API cannot vouch for now; nothing reached it, so nothing changed.
      const answer = notTried(tool, table);
      call.trace.outcome = "unavailable";
      const { outcome, message } = outcomeOf(answer);
      record(outcome, message);
      return { result: answer as unknown as Record<string, unknown> };
    }
    try {
      const answer = await callTool(tool, args, {
        caller: call.caller,
        upstream: new CallUpstream(upstream, call, traces, errorRequestId),
        table,
        requestId: call.requestId,
        trace: call.trace,
        ask,
        ...(budget !== undefined ? { budget } : {}),
        ...(exports ? { offerExport: exports.offerFor(call.caller) } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
        ...(now ? { now: now() } : {}),
      });
      // What the SDK's Server checked after the handler: the result is a well-formed CallToolResult.
      if (!("resultType" in answer) && !CallToolResultSchema.safeParse(answer).success) throw new Error(`tool ${tool.name} answered a malformed result`);
      if (audit) {
        const { outcome, message } = outcomeOf(answer);
        record(outcome, message);
      }
      return { result: answer as unknown as Record<string, unknown> };
    } catch (error) {
      if (error instanceof UpstreamUnauthorized) {
        call.unauthorized = true;
        record("unauthorized");
        return { error: { code: RpcCode.InvalidRequest, message: "Unauthorized" } };
      }
      record("failed");
      const err = error instanceof Error ? error : new Error(String(error));
      // The message and stack are ours, but scrub the token in case an error carried a request.
      const scrub = (text: string | undefined) => text?.split(call.caller.token).join("[token]");
      log.error({ reqId: call.requestId, tool: tool.name, err: { name: err.name, message: scrub(err.message), stack: scrub(err.stack) } }, "tool call failed");
      return { error: { code: RpcCode.InternalError, message: "Internal error" }, hidden: err.message };
    }
  };
}
