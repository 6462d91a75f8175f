// Which protocol era a single request speaks, and the envelope checks that come before anyone asks
// who the caller is: routing headers against the body, versions not served, a 2026 request without
// its _meta, a 2025 session id the gateway never minted.
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import { chooseEra, isRefusal, legacyVersionProblem } from "../mcp/eras.js";
import type { Sessions } from "../mcp/session.js";
import type { GatewayState } from "./state.js";

export function era(sessions: Sessions): Middleware<GatewayState> {
  return async (ctx, next) => {
    const envelope = ctx.state.envelope!;
    if (envelope.batch) return next();
    const message = envelope.message;
    if (message.kind === "request") {
      const choice = chooseEra(message, ctx.req.headers);
      if (isRefusal(choice)) {
        const { status, code, message: text, data } = choice.refused;
        throw new HttpError(status, code, text, {}, data);
      }
      ctx.state.era = choice;
      // A 2026 request ignores Mcp-Session-Id; initialize starts a session afresh.
      if (choice.era === "modern" || message.method === "initialize") return next();
    } else {
      const problem = legacyVersionProblem(ctx.req.headers);
      if (problem) throw new HttpError(400, RpcCode.InvalidRequest, problem);
    }
    const id = ctx.get("mcp-session-id");
    if (id) {
      const session = sessions.open(id);
      // The 2025 transports: a session the server does not know gets 404, and the client initializes again.
      if (!session) throw new HttpError(404, RpcCode.SessionNotFound, "Session not found: send initialize again without a session id.");
      ctx.state.session = session;
    }
    await next();
  };
}
