// MCP 2026-07-28: stateless, every request carries its version and capabilities in `_meta` (checked
// in eras.ts). server/discover, tools/list (private to the caller, cacheable), tools/call and
// resources/*; every result says its resultType and who answered; removed and unknown methods are 404 -32601.
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "./catalogue.js";
import { inputRequiredAsk } from "./confirm-input.js";
import type { ConfirmDeps } from "./confirm.js";
import { META, MODERN_VERSIONS, type ClientCapabilities } from "./eras.js";
import { answerReply, encode, encodedReply, errorReply, modernStamp, type Encoded, type Reply } from "./results.js";
import { answerResources, type Resources } from "./resources.js";
import type { RequestContext, RunTool } from "./tools.js";
import { declaresUi } from "./views.js";

/** How long a client may keep server/discover and tools/list (they change only with a deployment). */
export const LIST_TTL_MS = 300_000;

export interface ModernOptions {
  info: Implementation;
  instructions?: string;
  catalogue: Catalogue;
  run: RunTool;
  confirm: ConfirmDeps;
  resources: Resources;
  /** The server's capabilities, with the MCP Apps extension for a client that declared it. */
  capabilities: (ui: boolean) => object;
}

export interface ModernExchange {
  context: RequestContext;
  capabilities: ClientCapabilities;
}

export function createModern(opts: ModernOptions): (request: RpcRequest, exchange: ModernExchange) => Promise<Reply> {
  const { info, instructions, catalogue, run, confirm, resources, capabilities } = opts;
  const stamp = modernStamp(info);
  const serverMeta = { [META.serverInfo]: info };
  // The list depends on the caller's role, so only the caller's own client may keep it.
  const cache = { ttlMs: LIST_TTL_MS, cacheScope: "private" } as const;
  // Two answers, encoded once: for a client that renders views (the UI extension), and for one that does not.
  const discovers = [false, true].map((ui) =>
    encode({
      resultType: "complete",
      supportedVersions: MODERN_VERSIONS,
      capabilities: capabilities(ui),
      ...(instructions ? { instructions } : {}),
      ...cache,
      _meta: serverMeta,
    }),
  );
  const stampCached = (result: Record<string, unknown>, ttlMs: number) => stamp({ ...result, ttlMs, cacheScope: "private" });
  const lists = new Map<object, Encoded>(catalogue.lists().map((list) => [list, encode({ resultType: "complete", ...list, ...cache, _meta: serverMeta })]));

  return async (request, exchange) => {
    const { id } = request;
    switch (request.method) {
      case "server/discover":
        return encodedReply(id, discovers[declaresUi(exchange.capabilities) ? 1 : 0]!);
      case "tools/list":
        return encodedReply(id, lists.get(catalogue.list(exchange.context.caller.role, exchange.context.caller.scopes))!);
      case "tools/call": {
        const { context } = exchange;
        const ask = inputRequiredAsk(confirm, context.caller, exchange.capabilities, request.params ?? {});
        return answerReply(id, await run(request, context, ask), stamp);
      }
      default: {
        const answered = resources.served ? await answerResources(resources, { ...request, id }, exchange.context.caller, "modern", stampCached, LIST_TTL_MS, exchange.context.signal) : undefined;
        // initialize, ping and the other methods 2026-07-28 removed are as unknown as a made-up one.
        return answered ?? { ...errorReply(id, RpcCode.MethodNotFound, "Method not found"), status: 404 };
      }
    }
  };
}
