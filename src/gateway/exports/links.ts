// An export's two links. The MCP resource URI is sealed (signed, readable): the tool, its exact filters,
// who asked (user, company, token id) and until when; resources/read serves it to that user only. The
// download URL carries the caller's credential for a spreadsheet that sends none, so it is encrypted, and
// lives minutes. Neither can be altered; only a short id of either is ever logged.
import { createHash } from "node:crypto";
import type { ToolEntry, UpstreamRequest } from "../../../generated/table.js";
import type { Caller } from "../auth/caller.js";
import type { ExportOffer } from "../call/index.js";
import type { Sealer } from "../shared/seal.js";

export type ExportFormat = "csv" | "jsonl";

/** What an export is of and for whom, as both links seal it. */
export interface ExportTarget {
  tool: string;
  params: UpstreamRequest["params"];
  userId: string;
  companyId: string;
  tokenId: string;
}

export interface LinkOptions {
  sealer: Sealer;
  /** The gateway's public base URL (configured; never read from a request's Host header). */
  publicUrl: () => string;
  resourceTtlMs: number;
  downloadTtlMs: number;
  now?: () => number;
}

const RESOURCE = "export resource";
const DOWNLOAD = "export download";
const SCHEME = "export://";
const FORMATS = /\.(csv|jsonl)$/;

/** Short keys: the links travel in every answer that does not hold all its matches. The tool is bound by the purpose. */
interface Sealed {
  q: Record<string, unknown>;
  a?: Record<string, unknown>;
  u: string;
  c: string;
  k: string;
}

function sealedOf(caller: Caller, params: UpstreamRequest["params"]): Sealed {
  const path = params.path ?? {};
  return { q: params.query ?? {}, ...(Object.keys(path).length > 0 ? { a: path } : {}), u: caller.userId, c: caller.companyId, k: caller.tokenId };
}

const targetOf = (tool: string, sealed: Sealed): ExportTarget => ({ tool, params: { path: sealed.a ?? {}, query: sealed.q }, userId: sealed.u, companyId: sealed.c, tokenId: sealed.k });

/** "10 minutes" */
export function lasting(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** The first 12 hex characters of a link's SHA-256: what logs may say of it. */
export function shortId(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 12);
}

export interface Links {
  offer(caller: Caller, tool: ToolEntry, params: UpstreamRequest["params"]): ExportOffer;
  /** The target of a resource URI and the format its suffix asks for; undefined when forged, altered or expired. */
  openResource(uri: string): { target: ExportTarget; format: ExportFormat } | undefined;
  /** The target and credential of a download URL's last part (`<sealed>.csv`). */
  openDownload(last: string): { target: ExportTarget; token: string; format: ExportFormat } | "expired" | undefined;
}

export function createLinks(opts: LinkOptions): Links {
  const { sealer } = opts;
  const now = opts.now ?? Date.now;
  return {
    offer(caller, tool, params) {
      const at = now();
      const sealed = sealedOf(caller, params);
      const resource = `${SCHEME}${tool.name}/${sealer.seal(`${RESOURCE} ${tool.name}`, sealed, opts.resourceTtlMs, at)}.csv`;
      const box = sealer.encrypt(DOWNLOAD, { ...sealed, t: tool.name, s: caller.token }, opts.downloadTtlMs, at);
      const name = `${tool.export?.filename ?? tool.name}.csv`;
      return {
        resource,
        download: `${opts.publicUrl().replace(/\/$/, "")}/exports/${box}.csv`,
        expiresAt: new Date(at + opts.downloadTtlMs).toISOString(),
        name,
        lasts: lasting(opts.downloadTtlMs),
      };
    },
    openResource(uri) {
      if (typeof uri !== "string" || !uri.startsWith(SCHEME)) return undefined;
      const rest = uri.slice(SCHEME.length);
      const slash = rest.indexOf("/");
      const format = FORMATS.exec(rest)?.[1] as ExportFormat | undefined;
      if (slash <= 0 || !format) return undefined;
      const tool = rest.slice(0, slash);
      const sealed = sealer.open<Sealed>(`${RESOURCE} ${tool}`, rest.slice(slash + 1, rest.length - format.length - 1), now());
      return sealed ? { target: targetOf(tool, sealed), format } : undefined;
    },
    openDownload(last) {
      const format = FORMATS.exec(last)?.[1] as ExportFormat | undefined;
      if (!format) return undefined;
      const opened = sealer.decrypt<Sealed & { t: string; s: string }>(DOWNLOAD, last.slice(0, last.length - format.length - 1), now());
      if (!opened) return undefined;
      if ("expired" in opened) return "expired";
      return { target: targetOf(opened.t, opened), token: opened.s, format };
    },
  };
}
