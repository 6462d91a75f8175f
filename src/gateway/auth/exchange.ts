// Where the token is exchanged: no token passthrough. The access token an OAuth client presents is
// for this gateway only; to call the Clara API the gateway asks the authorization server for the
// user's own API credential with an RFC 8693 token exchange, authenticating as its own confidential
// client. The credential is cached per grant until shortly before it expires and never logged; a
// refusal (the grant was disconnected) is a 401 for the client.
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "./challenge.js";
import { unauthorized } from "./identity.js";
import type { AccessClaims, AuthorizationServer } from "./oauth.js";

const GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

export interface Credential {
  /** The user's API token: sent to the API as their own, never logged. */
  token: string;
  /** Taken from the cache rather than exchanged just now. */
  cached: boolean;
  /** The app's name, when the authorization server says it (for the audit trail). */
  clientName?: string;
}

export interface ExchangeOptions {
  server: AuthorizationServer;
  /** The gateway's own client at the authorization server. */
  clientId: string;
  clientSecret: string;
  /** The API's resource indicator (RFC 8707), when the server needs it named. */
  apiResource?: string;
  challenge: Challenge;
  fetch?: typeof fetch;
  /** Told when the server refuses the gateway itself (misconfigured credentials): never the token. */
  onServerError?(message: string): void;
  maxEntries?: number;
}

export interface Exchange {
  /** The API credential for this grant: cached, or exchanged for the presented token now. */
  credential(access: AccessClaims, subjectToken: string): Promise<Credential>;
  /** Drops the cached credential of a grant (the API refused it). */
  forget(grantId: string): void;
}

// A cached credential is dropped this long before it expires, so no call goes out with a dying one.
const MARGIN_MS = 30_000;

const unavailable = () => new HttpError(503, RpcCode.ServerError, "The sign-in service is unavailable right now; try again shortly.", { "retry-after": "5" });

export function createExchange(options: ExchangeOptions): Exchange {
  const fetcher = options.fetch ?? fetch;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { token: string; until: number; sub: string; clientName?: string }>();
  const pending = new Map<string, Promise<Credential>>();
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString("base64")}`;

  async function exchange(access: AccessClaims, subjectToken: string): Promise<Credential> {
    const { token_endpoint } = await options.server.metadata().catch(() => {
      throw unavailable();
    });
    const body = new URLSearchParams({ grant_type: GRANT, subject_token: subjectToken, subject_token_type: ACCESS_TOKEN, requested_token_type: ACCESS_TOKEN });
    if (options.apiResource) body.set("resource", options.apiResource);
    let response: Response;
    try {
      response = await fetcher(token_endpoint, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
        redirect: "error",
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw unavailable();
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 400 && answer.error === "invalid_grant") throw unauthorized(options.challenge, "Unauthorized: this app's access to Clara was disconnected or has expired.");
    if (!response.ok || typeof answer.access_token !== "string") {
      options.onServerError?.(`token exchange answered ${response.status} ${typeof answer.error === "string" ? answer.error : ""}`.trim());
      throw unavailable();
    }
    const lifetime = typeof answer.expires_in === "number" ? answer.expires_in * 1000 : 60_000;
    const clientName = typeof answer.client_name === "string" ? answer.client_name.slice(0, 100) : undefined;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(access.grantId, { token: answer.access_token, until: Date.now() + lifetime - MARGIN_MS, sub: access.sub, ...(clientName ? { clientName } : {}) });
    return { token: answer.access_token, cached: false, ...(clientName ? { clientName } : {}) };
  }

  return {
    credential(access, subjectToken) {
      const entry = cache.get(access.grantId);
      if (entry && entry.until > Date.now() && entry.sub === access.sub) {
        return Promise.resolve({ token: entry.token, cached: true, ...(entry.clientName ? { clientName: entry.clientName } : {}) });
      }
      cache.delete(access.grantId);
      // Concurrent requests of one grant share one exchange.
      let running = pending.get(access.grantId);
      if (!running) {
        running = exchange(access, subjectToken).finally(() => pending.delete(access.grantId));
        pending.set(access.grantId, running);
      }
      return running;
    },
    forget(grantId) {
      cache.delete(grantId);
    },
  };
}
