// The one MCP Server of the process: initialize and ping come from the SDK, tools/list and
// tools/call are answered from the catalogue and the tool engine.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import { ErrorCode, McpError, type CallToolRequest, type CallToolResult, type Implementation } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Logger } from "pino";
import type { ToolTable, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import { callTool, prepareTable, UpstreamUnauthorized, type CallTrace } from "../call/index.js";
import { resultOutcome, traceOf, type AuditOutcome, type RequestIdPlaces, type UpstreamTrace } from "../audit/line.js";
import type { Audit } from "../audit/trail.js";
import type { Caller } from "../auth/caller.js";
import type { Catalogue } from "./catalogue.js";
import { DispatchTransport } from "./transport.js";
import type { Upstream } from "../upstream/client.js";

/** What one dispatched request knows and learns: handed in through authInfo, read back after the answer. */
export interface CallContext {
  caller: Caller;
  requestId: string;
  tool?: string;
  /** The upstream refused the token during the call: the HTTP request becomes a 401. */
  unauthorized?: boolean;
  /** The upstream answered a call made with the caller's token (any status but 401), which proves the token. */
  reached?: boolean;
  trace?: CallTrace;
}

export function authInfoFor(call: CallContext): AuthInfo {
  return { token: call.caller.token, clientId: call.caller.client?.id ?? call.caller.tokenId, scopes: [...(call.caller.scopes ?? [])], extra: { call } };
}

function contextOf(authInfo: AuthInfo | undefined): CallContext {
  const call = authInfo?.extra?.call as CallContext | undefined;
  // Every request reaches the Server through DispatchTransport with a checked caller.
  if (!call) throw new McpError(ErrorCode.InternalError, "request without a caller");
  return call;
}

// Loose on purpose: the SDK parses a handler's schema first and turns a mismatch into -32603 Internal
// error; with these, the Server's own tools/call check answers -32602 Invalid params instead.
const ListTools = z.looseObject({ method: z.literal("tools/list") });
const CallTool = z.looseObject({ method: z.literal("tools/call") });

export interface McpServerOptions {
  info: Implementation;
  instructions?: string;
  table: ToolTable;
  catalogue: Catalogue;
  upstream: Upstream;
  log: Logger;
  /** The clock for period presets (tests pin it). */
  now?: () => Date;
  /** Records every tools/call (issue 5's audit trail). */
  audit?: Audit;
}

export interface McpServer {
  server: Server;
  transport: DispatchTransport;
  close(): Promise<void>;
}

/**
 * The Upstream of one tools/call: records whether a call with the caller's token got an answer and,
 * when `traces` is given, each call's status and request id for the audit line. One object per call.
 */
class CallUpstream implements Upstream {
  constructor(
    private readonly upstream: Upstream,
    private readonly context: CallContext,
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

export async function createMcpServer(opts: McpServerOptions): Promise<McpServer> {
  const { table, catalogue, upstream, log, now, audit } = opts;
  const errorRequestId: RequestIdPlaces = table.api.errors.requestId ? { errorPath: table.api.errors.requestId } : {};
  // A bad template or binding fails here, at start-up, rather than in the middle of a call.
  prepareTable(table);
  const server = new Server(opts.info, {
    capabilities: { tools: { listChanged: false } },
    ...(opts.instructions ? { instructions: opts.instructions } : {}),
  });
  const transport = new DispatchTransport();
  for (const result of catalogue.lists()) transport.preserialise(result);

  server.onerror = (error) => log.warn({ err: { message: error.message } }, "mcp server error");

  server.setRequestHandler(ListTools, (_request, extra) => {
    const { caller } = contextOf(extra.authInfo);
    return catalogue.list(caller.role, caller.scopes);
  });

  server.setRequestHandler(CallTool, async (loose, extra): Promise<CallToolResult> => {
    // The Server checked it against CallToolRequestSchema before calling this handler.
    const request = loose as unknown as CallToolRequest;
    const call = contextOf(extra.authInfo);
    const name = request.params.name;
    call.tool = name.length > 64 ? `${name.slice(0, 64)}…` : name;
    const tool = catalogue.find(call.caller.role, name, call.caller.scopes);
    const started = performance.now();
    const traces: UpstreamTrace[] | undefined = audit ? [] : undefined;
    const record = (outcome: AuditOutcome, message?: string) =>
      audit?.record({
        requestId: call.requestId,
        caller: call.caller,
        tool: call.tool!,
        arguments: request.params.arguments ?? {},
        outcome,
        ...(message === undefined ? {} : { message }),
        upstream: traces ?? [],
        ...(tool ? { operationId: tool.operationId } : {}),
        latencyMs: performance.now() - started,
      });
    if (!tool) {
      record("denied");
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${call.tool}`);
    }
    call.trace = { upstreamCalls: 0 };
    try {
      const result = await callTool(tool, request.params.arguments ?? {}, {
        caller: call.caller,
        upstream: new CallUpstream(upstream, call, traces, errorRequestId),
        table,
        requestId: call.requestId,
        trace: call.trace,
        // The SDK's own per-request signal: aborted when the transport cancels the call (its client went away).
        signal: extra.signal,
        ...(now ? { now: now() } : {}),
      });
      if (audit) {
        const { outcome, message } = resultOutcome(result);
        record(outcome, message);
      }
      return result;
    } catch (error) {
      if (error instanceof UpstreamUnauthorized) {
        call.unauthorized = true;
        record("unauthorized");
        throw new McpError(ErrorCode.InvalidRequest, "Unauthorized");
      }
      record("failed");
      const err = error instanceof Error ? error : new Error(String(error));
      // The message and stack are ours, but scrub the token in case an error carried a request.
      const scrub = (text: string | undefined) => text?.split(call.caller.token).join("[token]");
      log.error({ reqId: call.requestId, tool: tool.name, err: { name: err.name, message: scrub(err.message), stack: scrub(err.stack) } }, "tool call failed");
      throw new McpError(ErrorCode.InternalError, "Internal error");
    }
  });

  await server.connect(transport);
  return { server, transport, close: () => server.close() };
}
