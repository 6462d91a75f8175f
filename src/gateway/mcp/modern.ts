// MCP 2026-07-28: stateless, every request carries its version and capabilities in `_meta` (checked
// in eras.ts). server/discover, tools/list (private to the caller, cacheable) and tools/call; every
// result says its resultType and who answered; removed and unknown methods are 404 -32601.
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "./catalogue.js";
import { inputRequiredAsk } from "./confirm-input.js";
import type { ConfirmDeps } from "./confirm.js";
import { META, MODERN_VERSIONS, type ClientCapabilities } from "./eras.js";
import { capabilitiesOf } from "./legacy.js";
import { listResources, readResource, type ResourceReader } from "./resources.js";
import { answerReply, encode, encodedReply, errorReply, modernStamp, type Encoded, type Reply } from "./results.js";
import type { RequestContext, RunTool } from "./tools.js";

/** How long a client may keep server/discover and tools/list (they change only with a deployment). */
export const LIST_TTL_MS = 300_000;

export interface ModernOptions {
  info: Implementation;
  instructions?: string;
  catalogue: Catalogue;
  run: RunTool;
  confirm: ConfirmDeps;
  resources?: ResourceReader;
}

export interface ModernExchange {
  context: RequestContext;
  capabilities: ClientCapabilities;
}

export function createModern(opts: ModernOptions): (request: RpcRequest, exchange: ModernExchange) => Promise<Reply> {
  const { info, instructions, catalogue, run, confirm, resources } = opts;
  const stamp = modernStamp(info);
  const serverMeta = { [META.serverInfo]: info };
  // The list depends on the caller's role, so only the caller's own client may keep it.
  const cache = { ttlMs: LIST_TTL_MS, cacheScope: "private" } as const;
  const discover = encode({
    resultType: "complete",
    supportedVersions: MODERN_VERSIONS,
    capabilities: capabilitiesOf(resources !== undefined),
    ...(instructions ? { instructions } : {}),
    ...cache,
    _meta: serverMeta,
  });
  const lists = new Map<object, Encoded>(catalogue.lists().map((list) => [list, encode({ resultType: "complete", ...list, ...cache, _meta: serverMeta })]));

  return async (request, exchange) => {
    const { id } = request;
    switch (request.method) {
      case "server/discover":
        return encodedReply(id, discover);
      case "tools/list":
        return encodedReply(id, lists.get(catalogue.list(exchange.context.caller.role))!);
      case "tools/call": {
        const { context } = exchange;
        const ask = inputRequiredAsk(confirm, context.caller, exchange.capabilities, request.params ?? {});
        return answerReply(id, await run(request, context, ask), stamp);
      }
      case "resources/list":
        if (resources) return listResources(request, stamp({ ...cache }));
        return { ...errorReply(id, RpcCode.MethodNotFound, "Method not found"), status: 404 };
      case "resources/read":
        // An export is of data that changes and is the caller's alone: no client may keep it.
        if (resources) return readResource(resources, request, exchange.context, "modern", stamp({ ttlMs: 0, cacheScope: "private" }));
        return { ...errorReply(id, RpcCode.MethodNotFound, "Method not found"), status: 404 };
      default:
        // initialize, ping and the other methods 2026-07-28 removed are as unknown as a made-up one.
        return { ...errorReply(id, RpcCode.MethodNotFound, "Method not found"), status: 404 };
    }
  };
}
