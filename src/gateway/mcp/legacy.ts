// MCP 2024-11-05 … 2025-11-25, as the gateway has always spoken it: initialize negotiates a version
// (an unknown one gets the latest), ping, tools/list per role, tools/call, resources/* when there are
// resources (resources.ts); anything else -32601.
import { InitializeRequestSchema, LATEST_PROTOCOL_VERSION, type Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "./catalogue.js";
import { elicitationAsk, type ClientChannel } from "./confirm-elicit.js";
import type { ConfirmDeps } from "./confirm.js";
import { LEGACY_VERSIONS } from "./eras.js";
import { answerReply, encode, encodedReply, errorReply, resultReply, type Encoded, type Reply } from "./results.js";
import { answerResources, type Resources } from "./resources.js";
import type { Session, Sessions } from "./session.js";
import type { RequestContext, RunTool } from "./tools.js";
import { declaresUi } from "./views.js";

export interface LegacyOptions {
  info: Implementation;
  instructions?: string;
  catalogue: Catalogue;
  run: RunTool;
  sessions: Sessions;
  confirm: ConfirmDeps;
  resources: Resources;
  /** The server's capabilities, with the MCP Apps extension for a client that declared it. */
  capabilities: (ui: boolean) => object;
}

export interface LegacyExchange {
  context: RequestContext;
  session?: Session;
  /** Present when this request's answer may become an event stream (a single tools/call that accepts one). */
  channel?: ClientChannel;
}

export const CAPABILITIES = { tools: { listChanged: false } } as const;

export function createLegacy(opts: LegacyOptions): (request: RpcRequest, exchange: LegacyExchange) => Promise<Reply> {
  const { info, instructions, catalogue, run, sessions, confirm, resources, capabilities } = opts;
  const lists = new Map<object, Encoded>(catalogue.lists().map((list) => [list, encode(list)]));

  return async (request, exchange) => {
    const { id } = request;
    switch (request.method) {
      case "initialize": {
        // The SDK's Server answered bad initialize params as an internal error; they are the client's invalid params.
        const parsed = InitializeRequestSchema.safeParse(request);
        if (!parsed.success) return errorReply(id, RpcCode.InvalidParams, "Invalid params: initialize needs protocolVersion, capabilities and clientInfo.");
        const asked = parsed.data.params.protocolVersion;
        const version = LEGACY_VERSIONS.includes(asked) ? asked : LATEST_PROTOCOL_VERSION;
        const declared = declaresUi(parsed.data.params.capabilities as Record<string, unknown>);
        const result = { protocolVersion: version, capabilities: capabilities(declared), serverInfo: info, ...(instructions ? { instructions } : {}) };
        const session = sessions.mint({ version, capabilities: parsed.data.params.capabilities, clientInfo: parsed.data.params.clientInfo });
        const reply = resultReply(id, result);
        return session ? { ...reply, headers: { "mcp-session-id": session } } : reply;
      }
      case "ping":
        return resultReply(id, {});
      case "tools/list":
        return encodedReply(id, lists.get(catalogue.list(exchange.context.caller.role, exchange.context.caller.scopes))!);
      case "tools/call": {
        const { context } = exchange;
        const ask = elicitationAsk(confirm, context.caller, exchange.session, exchange.channel, context.signal);
        return answerReply(id, await run(request, context, ask));
      }
      default: {
        const answered = resources.served ? await answerResources(resources, { ...request, id }, exchange.context.caller, "legacy", undefined, 0, exchange.context.signal) : undefined;
        return answered ?? errorReply(id, RpcCode.MethodNotFound, "Method not found");
      }
    }
  };
}
