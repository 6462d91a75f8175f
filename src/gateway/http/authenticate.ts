// Every MCP request names its caller: a personal access token, checked against the upstream, or an
// OAuth access token, checked here (auth/oauth.ts) and exchanged for the user's own API credential
// (auth/exchange.ts), which is then checked against the upstream exactly like a personal token.
// Then the role, and for OAuth callers each tools/call against the token's scopes.
import type { Middleware, ParameterizedContext } from "koa";
import type { Caller } from "../auth/caller.js";
import type { Challenge } from "../auth/challenge.js";
import type { Exchange } from "../auth/exchange.js";
import type { Identity } from "../auth/identity.js";
import type { Verify } from "../auth/oauth.js";
import { fingerprint, isJwtShaped, readToken, type PresentedToken } from "../auth/token.js";
import type { Envelope } from "../jsonrpc/envelope.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Catalogue } from "../mcp/catalogue.js";
import { tokenKey } from "./limits.js";
import type { GatewayState } from "./state.js";

export interface AuthOptions {
  identity: Identity;
  catalogue: Catalogue;
  roles: readonly string[];
  challenge: Challenge;
  /** The API's own token header, lower case (besides Authorization: Bearer). */
  tokenHeader?: string;
  /** With an authorization server: how its access tokens are checked and exchanged. */
  oauth?: { verify: Verify; exchange: Exchange };
  /** What each scope lets an app do, for the 403 of a call beyond them. */
  scopeWords?: ReadonlyMap<string, string>;
}

type Ctx = ParameterizedContext<GatewayState>;

/** The tools every tools/call of the body names. */
function toolCalls(envelope: Envelope | undefined): string[] {
  if (!envelope) return [];
  const messages = envelope.batch ? envelope.messages : [envelope.message];
  return messages.flatMap((m) => (m.kind === "request" && m.method === "tools/call" && typeof m.params?.name === "string" ? [m.params.name] : []));
}

export function auth(opts: AuthOptions): Middleware<GatewayState> {
  const { identity, catalogue, roles, challenge, tokenHeader, oauth } = opts;
  const served = roles.join(" and ");

  /** Who holds this API credential: asked upstream, or a recent answer for a lone tools/call that asks upstream itself. */
  async function holder(ctx: Ctx, credential: PresentedToken): Promise<Caller> {
    ctx.state.presented = credential;
    const envelope = ctx.state.envelope;
    // A recent identity may stand in only for a call that itself reaches the upstream with this token,
    // whose 401 then ends it; everything else is checked upstream every time.
    if (envelope && !envelope.batch && envelope.message.kind === "request" && envelope.message.method === "tools/call") {
      const name = envelope.message.params?.name;
      const recent = typeof name === "string" ? identity.recent(credential) : undefined;
      if (recent && typeof name === "string" && catalogue.find(recent.role, name)) {
        ctx.state.callerCached = true;
        return recent;
      }
    }
    return identity.check(credential);
  }

  async function oauthCaller(ctx: Ctx, presented: PresentedToken, { verify, exchange }: NonNullable<AuthOptions["oauth"]>): Promise<Caller> {
    const access = await verify(presented.token);
    ctx.state.rateKey = tokenKey(`grant:${access.grantId}`);
    let credential = await exchange.credential(access, presented.token);
    let caller: Caller;
    try {
      caller = await holder(ctx, fingerprint(credential.token));
    } catch (error) {
      // A cached credential the API refuses (revoked with its grant) is exchanged once more: refused if the grant is gone.
      if (!(error instanceof HttpError && error.status === 401 && credential.cached)) throw error;
      exchange.forget(access.grantId);
      credential = await exchange.credential(access, presented.token);
      caller = await holder(ctx, fingerprint(credential.token));
    }
    const client = { id: access.clientId, ...(credential.clientName ? { name: credential.clientName } : {}), grant: access.grantId };
    return { ...caller, tokenId: presented.tokenId, scopes: access.scopes, client };
  }

  /** 403 with the scopes to step up to, when a call needs a scope the token lacks. */
  function checkScopes(caller: Caller, names: string[]): void {
    if (!caller.scopes) return;
    const missing = new Set<string>();
    for (const name of names) {
      const scope = catalogue.find(caller.role, name)?.scope;
      if (scope && !caller.scopes.includes(scope)) missing.add(scope);
    }
    if (missing.size === 0) return;
    const words = [...missing].map((scope) => opts.scopeWords?.get(scope) ?? scope).join(", ");
    throw new HttpError(403, RpcCode.ServerError, `Forbidden: this app was not allowed to ${words}; connect it again and allow it (scope ${[...missing].join(" ")}).`, {
      "www-authenticate": challenge.insufficientScope([...missing]),
    });
  }

  return async (ctx, next) => {
    const presented = readToken(ctx.req.headers, challenge, tokenHeader);
    ctx.state.tokenId = presented.tokenId;
    let caller: Caller;
    if (oauth && isJwtShaped(presented.token)) caller = await oauthCaller(ctx, presented, oauth);
    else {
      ctx.state.rateKey = presented.hash;
      caller = await holder(ctx, presented);
    }
    ctx.state.caller = caller;
    if (!roles.includes(caller.role)) {
      throw new HttpError(403, RpcCode.ServerError, `Forbidden: this server serves the roles ${served}; your role is ${caller.role || "not stated"}.`);
    }
    checkScopes(caller, toolCalls(ctx.state.envelope));
    await next();
  };
}
