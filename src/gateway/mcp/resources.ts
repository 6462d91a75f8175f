// Resources: a list tool's exports, reached only through the links its answers carry (resources/list
// names none). resources/read streams the file inside the JSON-RPC answer: the JSON before the text, the
// file escaped as a JSON string chunk by chunk, then the JSON after it; neither is ever held whole.
import type { RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { Caller } from "../auth/caller.js";
import { errorReply, resultReply, type Reply } from "./results.js";
import type { RequestContext } from "./tools.js";

export interface ResourceFile {
  mimeType: string;
  chunks: AsyncIterable<string>;
}

/** Reads a resource for a caller; undefined when it is not theirs or not there (the same answer for both). */
export interface ResourceReader {
  read(uri: string, caller: Caller, signal?: AbortSignal): Promise<ResourceFile | undefined>;
}

/** MCP's resource-not-found: -32002 in the 2025 revisions, Invalid params in 2026-07-28. */
export const RESOURCE_NOT_FOUND = { legacy: -32002, modern: RpcCode.InvalidParams } as const;

export function listResources(request: RpcRequest, extra: Record<string, unknown> = {}): Reply {
  return resultReply(request.id, { ...extra, resources: [] });
}

export async function readResource(
  reader: ResourceReader | undefined,
  request: RpcRequest,
  context: RequestContext,
  era: keyof typeof RESOURCE_NOT_FOUND,
  extra: Record<string, unknown> = {},
): Promise<Reply> {
  const uri = request.params?.uri;
  if (typeof uri !== "string") return errorReply(request.id, RpcCode.InvalidParams, "Invalid params: resources/read needs a uri.");
  const file = reader ? await reader.read(uri, context.caller, context.signal) : undefined;
  if (!file) return errorReply(request.id, RESOURCE_NOT_FOUND[era], "Resource not found", { uri: uri.slice(0, 200) });
  context.reached = true;
  const fields = Object.keys(extra).length > 0 ? `${JSON.stringify(extra).slice(1, -1)},` : "";
  const head = `{"jsonrpc":"2.0","id":${JSON.stringify(request.id)},"result":{${fields}"contents":[{"uri":${JSON.stringify(uri)},"mimeType":${JSON.stringify(file.mimeType)},"text":"`;
  async function* body(): AsyncGenerator<string> {
    yield head;
    // Each chunk is whole records, so escaping it alone is escaping the file.
    for await (const chunk of file!.chunks) yield JSON.stringify(chunk).slice(1, -1);
    yield `"}]}}`;
  }
  return { text: "", stream: body() };
}
