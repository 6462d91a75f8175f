// The exports room: every item a list tool matches, as CSV or JSON Lines, gathered page by page with the
// caller's own credential and streamed. The links a list answer offers (links.ts), the file (files.ts:
// csv.ts, jsonl.ts, columns.ts over gather.ts), resources/read for MCP clients and the download route
// for spreadsheets (download.ts).
import type { ToolTable } from "../../../generated/table.js";
import type { Caller } from "../auth/caller.js";
import type { Identity } from "../auth/identity.js";
import type { OfferExport } from "../call/index.js";
import type { Sealer } from "../shared/seal.js";
import type { Upstream } from "../upstream/client.js";
import { download } from "./download.js";
import { openFile, type ExportFile } from "./files.js";
import { GatherFailed } from "./gather.js";
import { createLinks } from "./links.js";

export { DOWNLOAD_PATH } from "./download.js";
export type { ExportFile } from "./files.js";

/** How long a download link works: minutes, since anyone holding it may use it. */
export const DOWNLOAD_TTL_MS = 10 * 60_000;
/** How long the MCP resource of an export can be read (by its own user only). */
export const RESOURCE_TTL_MS = 60 * 60_000;

export interface ExportsOptions {
  table: ToolTable;
  upstream: Upstream;
  identity: Identity;
  sealer: Sealer;
  /** The gateway's public base URL, e.g. https://mcp.clara.example. */
  publicUrl: () => string;
  /** Whether this caller may use this tool now: its role and, for an OAuth token, its scopes (the catalogue's rule). */
  canUse: (caller: Caller, tool: string) => boolean;
  downloadTtlMs?: number;
  resourceTtlMs?: number;
  now?: () => number;
}

export interface Exports {
  /** The export links of a list answer, made for this caller. */
  offerFor(caller: Caller): OfferExport;
  /** resources/read of an export: undefined for anything that is not the caller's (forged, expired, another user or company). */
  read(uri: string, caller: Caller, signal?: AbortSignal): Promise<ExportFile | undefined>;
  /** The same as a source of the protocol's resources: none listed, each read streamed, never to be kept. */
  source: {
    list(caller: Caller): [];
    read(uri: string, caller: Caller, signal?: AbortSignal): Promise<{ mimeType: string; chunks: AsyncIterable<string>; ttlMs: number } | undefined>;
  };
  /** The download route, mounted before the MCP endpoint. */
  download: ReturnType<typeof download>;
}

export function createExports(opts: ExportsOptions): Exports {
  const links = createLinks({
    sealer: opts.sealer,
    publicUrl: opts.publicUrl,
    downloadTtlMs: opts.downloadTtlMs ?? DOWNLOAD_TTL_MS,
    resourceTtlMs: opts.resourceTtlMs ?? RESOURCE_TTL_MS,
    ...(opts.now ? { now: opts.now } : {}),
  });
  async function read(uri: string, caller: Caller, signal?: AbortSignal): Promise<ExportFile | undefined> {
    const opened = links.openResource(uri);
    if (!opened) return undefined;
    const { target, format } = opened;
    const tool = opts.table.tools.find((t) => t.name === target.tool && t.export);
    if (!tool || target.userId !== caller.userId || target.companyId !== caller.companyId || !opts.canUse(caller, tool.name)) return undefined;
    try {
      return await openFile(opts.upstream, { tool, params: target.params, token: caller.token, ...(signal ? { signal } : {}) }, { format, timeZone: caller.timeZone });
    } catch (error) {
      // What the API will not show this caller is, to them, no resource at all.
      if (error instanceof GatherFailed && (error.status === 403 || error.status === 404)) return undefined;
      throw error;
    }
  }
  return {
    offerFor: (caller) => (ask) => links.offer(caller, ask.tool, ask.params),
    read,
    source: {
      list: () => [],
      // Its data changes and is the caller's alone: a 2026-07-28 client may not keep it (ttlMs 0).
      read: async (uri, caller, signal) => {
        const file = await read(uri, caller, signal);
        return file ? { mimeType: file.mimeType, chunks: file.chunks, ttlMs: 0 } : undefined;
      },
    },
    download: download({ table: opts.table, upstream: opts.upstream, identity: opts.identity, links, canUse: opts.canUse }),
  };
}
