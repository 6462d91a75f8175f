// Every item a list matches, page by page through the upstream client with the caller's own token:
// one page in memory at a time, asked for only when the one before has been written.
import type { ToolEntry, UpstreamRequest } from "../../../generated/table.js";
import { fieldReader } from "../call/fields.js";
import type { Upstream } from "../upstream/client.js";

/** The API refused a page (or answered something that is no page): the export stops there. */
export class GatherFailed extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = "GatherFailed";
  }
}

export interface GatherRequest {
  tool: ToolEntry;
  params: UpstreamRequest["params"];
  token: string;
  signal?: AbortSignal;
}

/** Pages as arrays of items, in the API's order; the first page is asked for when the first is pulled. */
export async function* gatherPages(upstream: Upstream, request: GatherRequest): AsyncGenerator<unknown[]> {
  const { tool, params, token, signal } = request;
  const pages = tool.pages!;
  const size = tool.export?.pageSize ?? pages.pageSize;
  const items = fieldReader(pages.items);
  const next = pages.next ? fieldReader(pages.next) : undefined;
  const total = pages.total ? fieldReader(pages.total) : undefined;
  let cursor: unknown;
  for (let page = 1; ; page++) {
    if (signal?.aborted) return;
    const query: Record<string, unknown> = { ...params.query };
    if (pages.style === "page" && pages.page) query[pages.page] = page;
    if (pages.style === "cursor" && cursor !== undefined && pages.cursor) query[pages.cursor] = cursor;
    if (pages.size) query[pages.size] = size;
    const result = await upstream.call(tool.operationId, { params: { ...params, query }, ...(signal ? { signal } : {}) }, token);
    if (!result.response.ok) throw new GatherFailed(result.response.status, `the API answered ${result.response.status} for page ${page}`);
    const list = items(result.data);
    if (!Array.isArray(list)) throw new GatherFailed(502, `page ${page} holds no list of items`);
    if (list.length > 0) yield list;
    if (pages.style === "cursor") {
      cursor = next?.(result.data);
      if (cursor === undefined || cursor === null || cursor === "") return;
    } else {
      const all = total?.(result.data);
      if (list.length < size || (typeof all === "number" && page * size >= all)) return;
    }
  }
}
