// GET /exports/<sealed>.csv: the export as a file for a spreadsheet, which sends no Authorization
// header. The link's credential is checked with the API again (a revoked token, another user or company,
// a role the tool does not serve: refused) before the file streams. Logs name the link by a short id.
import type { Middleware } from "koa";
import { Readable } from "node:stream";
import type { ToolTable } from "../../../generated/table.js";
import { fingerprint } from "../auth/token.js";
import type { Identity } from "../auth/identity.js";
import type { Caller } from "../auth/caller.js";
import { HttpError } from "../jsonrpc/http-error.js";
import type { GatewayState } from "../http/state.js";
import type { Upstream } from "../upstream/client.js";
import { openFile } from "./files.js";
import { GatherFailed } from "./gather.js";
import { shortId, type Links } from "./links.js";

export const DOWNLOAD_PATH = "/exports/";

export interface DownloadOptions {
  table: ToolTable;
  upstream: Upstream;
  identity: Identity;
  links: Links;
  canUse: (caller: Caller, tool: string) => boolean;
}

/** Plain words for a person whose spreadsheet shows them. */
function refuse(ctx: Parameters<Middleware>[0], status: number, text: string): void {
  ctx.status = status;
  ctx.type = "text/plain; charset=utf-8";
  ctx.body = `${text}\n`;
}

export function download(opts: DownloadOptions): Middleware<GatewayState> {
  const { table, upstream, identity, links, canUse } = opts;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(DOWNLOAD_PATH)) return next();
    const last = ctx.path.slice(DOWNLOAD_PATH.length);
    // The path is a credential: the request log gets its short id instead.
    ctx.state.logPath = `${DOWNLOAD_PATH}${shortId(last)}`;
    if (ctx.method !== "GET") {
      ctx.set("Allow", "GET");
      return refuse(ctx, 405, "Method not allowed: download the file with GET.");
    }
    const opened = links.openDownload(last);
    if (opened === "expired") return refuse(ctx, 410, "This download link has expired. Ask for the export again to get a new one.");
    if (!opened) return refuse(ctx, 404, "This download link is not valid.");
    const { target, token, format } = opened;
    const presented = fingerprint(token);
    ctx.state.tokenId = presented.tokenId;
    let caller: Caller;
    try {
      caller = await identity.check(presented);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) return refuse(ctx, 403, "This download link's access was revoked.");
      return refuse(ctx, 503, "Clara cannot be reached right now; try the link again in a moment.");
    }
    ctx.state.caller = caller;
    const tool = table.tools.find((t) => t.name === target.tool && t.export);
    // The API credential itself carries no OAuth scopes: the role decides here, as it did when the link was made.
    if (caller.userId !== target.userId || caller.companyId !== target.companyId || !tool || !canUse(caller, tool.name)) {
      return refuse(ctx, 403, "This download link is not yours to use.");
    }
    ctx.state.tool = tool.name;
    const abort = new AbortController();
    ctx.res.once("close", () => abort.abort());
    try {
      const file = await openFile(upstream, { tool, params: target.params, token, signal: abort.signal }, { format, timeZone: caller.timeZone, bom: format === "csv" });
      ctx.status = 200;
      ctx.type = format === "csv" ? "text/csv; charset=utf-8" : `${file.mimeType}; charset=utf-8`;
      ctx.set("Content-Disposition", `attachment; filename="${file.filename}"`);
      ctx.body = Readable.from(file.chunks);
    } catch (error) {
      if (error instanceof GatherFailed && (error.status === 401 || error.status === 403 || error.status === 404)) return refuse(ctx, 403, "This download link is not yours to use.");
      return refuse(ctx, 503, "Clara cannot be reached right now; try the link again in a moment.");
    }
  };
}
