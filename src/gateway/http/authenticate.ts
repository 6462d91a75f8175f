// Every MCP request names its caller with a personal access token, checked against the upstream.
import type { Middleware } from "koa";
import type { Caller } from "../auth/caller.js";
import type { Catalogue } from "../mcp/catalogue.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import { ApiUnavailable, type Identity } from "../auth/identity.js";
import type { GatewayState } from "./state.js";
import { readToken } from "../auth/token.js";

export interface AuthOptions {
  identity: Identity;
  catalogue: Catalogue;
  roles: readonly string[];
  realm: string;
  /** The API's own token header, lower case (besides Authorization: Bearer). */
  tokenHeader?: string;
}

export function auth(opts: AuthOptions): Middleware<GatewayState> {
  const { identity, catalogue, roles, realm, tokenHeader } = opts;
  const served = roles.join(" and ");
  return async (ctx, next) => {
    const presented = readToken(ctx.req.headers, realm, tokenHeader);
    ctx.state.presented = presented;
    ctx.state.tokenId = presented.tokenId;
    const envelope = ctx.state.envelope;
    let caller: Caller | undefined;
    // A recent identity may stand in only for a call that itself reaches the upstream with this token,
    // whose 401 then ends it; everything else is checked upstream every time.
    if (envelope && !envelope.batch && envelope.message.kind === "request" && envelope.message.method === "tools/call") {
      const name = envelope.message.params?.name;
      const recent = typeof name === "string" ? identity.recent(presented) : undefined;
      if (recent && typeof name === "string" && catalogue.find(recent.role, name)) {
        caller = recent;
        ctx.state.callerCached = true;
      }
    }
    caller ??= await identity.check(presented).catch(async (error: unknown) => {
      // The API cannot answer: a caller it verified recently is served, but only told Clara is unavailable
      // (state.unverified); a token it never verified, or refused, gets the 503.
      const kept = error instanceof ApiUnavailable ? await identity.remembered(presented) : undefined;
      if (!kept) throw error;
      ctx.state.unverified = true;
      return kept;
    });
    ctx.state.caller = caller;
    if (!roles.includes(caller.role)) {
      throw new HttpError(
        403,
        RpcCode.ServerError,
        `Forbidden: this server serves the roles ${served}; your role is ${caller.role || "not stated"}.`,
      );
    }
    await next();
  };
}
