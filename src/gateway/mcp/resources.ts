// resources/list and resources/read for both eras, from a registry of sources: the views' static
// `ui://` pages (views.ts), and whatever else plugs in the same way (a list tool's exports: per-caller
// URIs that resources/list need not name, streamed). A URI no source gives this caller is not found,
// whether it exists for someone else or not at all.
import type { Resource } from "@modelcontextprotocol/sdk/types.js";
import type { Caller } from "../auth/caller.js";
import type { RequestId } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import { errorReply, resultReply, type Reply } from "./results.js";

/** What resources/read answers for one URI: its text whole, or (an export) as chunks to stream. */
export interface ResourceContent {
  mimeType: string;
  text?: string;
  /** The text in pieces, each written as it comes: neither the text nor the answer is held whole. */
  chunks?: AsyncIterable<string>;
  _meta?: Record<string, unknown>;
  /** How long a 2026-07-28 client may keep it: a view until the next deployment, an export not at all (0). */
  ttlMs: number;
}

export interface ResourceSource {
  /** What this caller may see in resources/list. */
  list(caller: Caller): readonly Resource[];
  /** `uri` for this caller; undefined when this source has no such resource for them. */
  read(uri: string, caller: Caller, signal?: AbortSignal): ResourceContent | undefined | Promise<ResourceContent | undefined>;
}

export interface Resources {
  /** Whether any source is plugged in (the server then declares the resources capability). */
  readonly served: boolean;
  list(caller: Caller): Resource[];
  read(uri: string, caller: Caller, signal?: AbortSignal): Promise<ResourceContent | undefined>;
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

/** MCP's resource-not-found: -32002 in the 2025 revisions, Invalid params in 2026-07-28 (SEP-2164). */
export const RESOURCE_NOT_FOUND = { legacy: -32002, modern: RpcCode.InvalidParams } as const;

/** Makes a 2026-07-28 result of one that may be kept `ttlMs` (resultType, cache fields, serverInfo). */
export type Stamp = (result: Record<string, unknown>, ttlMs: number) => Record<string, unknown>;

/** One resources/* request answered, or undefined when the method is not one of them; 2025 results go as they are. */
export async function answerResources(
  resources: Resources,
  request: { id: RequestId; method: string; params?: Record<string, unknown> },
  caller: Caller,
  era: keyof typeof RESOURCE_NOT_FOUND,
  stamp: Stamp | undefined,
  listTtlMs: number,
  signal?: AbortSignal,
): Promise<Reply | undefined> {
  const { id } = request;
  const answer = (result: Record<string, unknown>, ttlMs: number) => resultReply(id, stamp ? stamp(result, ttlMs) : result);
  switch (request.method) {
    case "resources/list":
      return answer({ resources: resources.list(caller) }, listTtlMs);
    case "resources/templates/list":
      return answer({ resourceTemplates: [] }, listTtlMs);
    case "resources/read": {
      const uri = request.params?.uri;
      if (typeof uri !== "string" || uri.length === 0) return errorReply(id, RpcCode.InvalidParams, "Invalid params: resources/read needs a uri.");
      const found = await resources.read(uri, caller, signal);
      if (!found) return errorReply(id, RESOURCE_NOT_FOUND[era], "Resource not found", { uri: uri.slice(0, 200) });
      const { ttlMs, chunks, ...content } = found;
      if (!chunks) return answer({ contents: [{ uri, ...content }] }, ttlMs);
      const result = { contents: [{ uri, ...content, text: STREAMED }] };
      return streamed(JSON.stringify({ jsonrpc: "2.0", id, result: stamp ? stamp(result, ttlMs) : result }), chunks);
    }
    default:
      return undefined;
  }
}

/** Stands in the answer for the streamed text, so the JSON around it is written as any answer is. */
const STREAMED = "\u0000streamed\u0000";
const QUOTED = JSON.stringify(STREAMED);

/** The answer written as its JSON up to the text, the text escaped as a JSON string piece by piece, then the rest. */
function streamed(whole: string, chunks: AsyncIterable<string>): Reply {
  const at = whole.indexOf(QUOTED);
  const head = whole.slice(0, at + 1);
  const tail = whole.slice(at + QUOTED.length - 1);
  async function* body(): AsyncGenerator<string> {
    yield head;
    // Each piece is whole records, so escaping it alone is escaping the text.
    for await (const chunk of chunks) yield JSON.stringify(chunk).slice(1, -1);
    yield tail;
  }
  return { text: "", stream: body() };
}
