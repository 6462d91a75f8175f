// resources/list and resources/read for both eras, from a registry of sources: the views' static
// `ui://` pages (views.ts), and whatever else plugs in the same way (per-caller exports). A URI no
// source gives this caller is not found, whether it exists for someone else or not at all.
import type { ReadResourceResult, Resource } from "@modelcontextprotocol/sdk/types.js";
import type { Caller } from "../auth/caller.js";
import type { RequestId } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import { errorReply, resultReply, type Reply } from "./results.js";

export interface ResourceSource {
  /** What this caller may see in resources/list. */
  list(caller: Caller): readonly Resource[];
  /** `uri`'s contents for this caller; undefined when this source has no such resource for them. */
  read(uri: string, caller: Caller, signal?: AbortSignal): ReadResourceResult | undefined | Promise<ReadResourceResult | undefined>;
}

export interface Resources {
  /** Whether any source is plugged in (the server then declares the resources capability). */
  readonly served: boolean;
  list(caller: Caller): Resource[];
  read(uri: string, caller: Caller, signal?: AbortSignal): Promise<ReadResourceResult | undefined>;
}

export function createResources(sources: readonly ResourceSource[]): Resources {
  return {
    served: sources.length > 0,
    list: (caller) => sources.flatMap((source) => source.list(caller)),
    async read(uri, caller, signal) {
      for (const source of sources) {
        const found = await source.read(uri, caller, signal);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** Resource not found: -32002 until 2025-11-25, -32602 from 2026-07-28 on (SEP-2164). */
export const NOT_FOUND = { legacy: -32002, modern: RpcCode.InvalidParams } as const;

export type Stamp = (result: Record<string, unknown>) => Record<string, unknown>;

/**
 * One resources/* request answered, or undefined when the method is not one of them. `stamp` makes
 * a 2026-07-28 result (resultType, cache fields, serverInfo); a 2025 result goes as it is.
 */
export async function answerResources(
  resources: Resources,
  request: { id: RequestId; method: string; params?: Record<string, unknown> },
  caller: Caller,
  era: keyof typeof NOT_FOUND,
  stamp: Stamp = (result) => result,
  signal?: AbortSignal,
): Promise<Reply | undefined> {
  const { id } = request;
  switch (request.method) {
    case "resources/list":
      return resultReply(id, stamp({ resources: resources.list(caller) }));
    case "resources/templates/list":
      return resultReply(id, stamp({ resourceTemplates: [] }));
    case "resources/read": {
      const uri = request.params?.uri;
      if (typeof uri !== "string" || uri.length === 0) return errorReply(id, RpcCode.InvalidParams, "Invalid params: resources/read needs a uri");
      const found = await resources.read(uri, caller, signal);
      if (!found) return errorReply(id, NOT_FOUND[era], "Resource not found", { uri: uri.slice(0, 200) });
      return resultReply(id, stamp(found as Record<string, unknown>));
    }
    default:
      return undefined;
  }
}
