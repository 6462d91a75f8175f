// MCP 2024-11-05 … 2025-11-25, as the gateway has always spoken it: initialize negotiates a version
// (an unknown one gets the latest), ping, tools/list per role, tools/call; anything else -32601.
import { InitializeRequestSchema, LATEST_PROTOCOL_VERSION, type Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "./catalogue.js";
import { elicitationAsk, type ClientChannel } from "./confirm-elicit.js";
import type { ConfirmDeps } from "./confirm.js";
import { LEGACY_VERSIONS } from "./eras.js";
import { answerReply, encode, encodedReply, errorReply, resultReply, type Encoded, type Reply } from "./results.js";
import { listResources, readResource, type ResourceReader } from "./resources.js";
import type { Session, Sessions } from "./session.js";
import type { RequestContext, RunTool } from "./tools.js";

export interface LegacyOptions {
  info: Implementation;
  instructions?: string;
  catalogue: Catalogue;
  run: RunTool;
  sessions: Sessions;
  confirm: ConfirmDeps;
  /** The exports of list tools, when the table offers any (and then the resources capability). */
  resources?: ResourceReader;
}

export interface LegacyExchange {
  context: RequestContext;
  session?: Session;
  /** Present when this request's answer may become an event stream (a single tools/call that accepts one). */
  channel?: ClientChannel;
}

export const CAPABILITIES = { tools: { listChanged: false } } as const;

/** What the server says it can do: tools, and resources when some list tool offers an export. */
export function capabilitiesOf(resources: boolean): Record<string, unknown> {
  return resources ? { ...CAPABILITIES, resources: {} } : CAPABILITIES;
}

export function createLegacy(opts: LegacyOptions): (request: RpcRequest, exchange: LegacyExchange) => Promise<Reply> {
  const { info, instructions, catalogue, run, sessions, confirm, resources } = opts;
  const capabilities = capabilitiesOf(resources !== undefined);
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
        const result = { protocolVersion: version, capabilities, serverInfo: info, ...(instructions ? { instructions } : {}) };
        const session = sessions.mint({ version, capabilities: parsed.data.params.capabilities, clientInfo: parsed.data.params.clientInfo });
        const reply = resultReply(id, result);
        return session ? { ...reply, headers: { "mcp-session-id": session } } : reply;
      }
      case "ping":
        return resultReply(id, {});
      case "tools/list":
        return encodedReply(id, lists.get(catalogue.list(exchange.context.caller.role))!);
      case "tools/call": {
        const { context } = exchange;
        const ask = elicitationAsk(confirm, context.caller, exchange.session, exchange.channel, context.signal);
        return answerReply(id, await run(request, context, ask));
      }
      case "resources/list":
        if (resources) return listResources(request);
        return errorReply(id, RpcCode.MethodNotFound, "Method not found");
      case "resources/read":
        if (resources) return readResource(resources, request, exchange.context, "legacy");
        return errorReply(id, RpcCode.MethodNotFound, "Method not found");
      default:
        return errorReply(id, RpcCode.MethodNotFound, "Method not found");
    }
  };
}
