// Who a token belongs to, read from the API's identity operation with that token (api.identity).
import type { ApiEntry } from "../../../generated/table.js";
import type { Caller } from "./caller.js";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "./challenge.js";
import type { PresentedToken } from "./token.js";
import { UpstreamUnavailable, type Upstream } from "../upstream/client.js";

export interface IdentityOptions {
  upstream: Upstream;
  api: ApiEntry;
  challenge: Challenge;
  /** How long a checked identity may stand in for a fresh check, for calls that reach the upstream themselves. */
  ttlMs: number;
  maxEntries?: number;
}

export interface Identity {
  /** Asks the upstream now; 401 (unknown or revoked) → HttpError 401, no answer → HttpError 503. */
  check(presented: PresentedToken): Promise<Caller>;
  /** A recent identity for this very token, if any. */
  recent(presented: PresentedToken): Caller | undefined;
  forget(presented: PresentedToken): void;
}

const FIELDS = ["userId", "userName", "role", "companyId", "companyName", "currency", "timeZone", "billingDay"] as const;

function reader(path: string | undefined): (value: unknown) => unknown {
  const keys = path ? path.split(".") : [];
  return (value) => {
    if (keys.length === 0) return undefined;
    let current = value;
    for (const key of keys) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

export function unauthorized(challenge: Challenge, message = "Unauthorized: the access token is unknown or revoked."): HttpError {
  return new HttpError(401, RpcCode.ServerError, message, {
    "www-authenticate": challenge.unauthorized("invalid_token"),
  });
}

export function createIdentity(opts: IdentityOptions): Identity {
  const { upstream, api, challenge, ttlMs } = opts;
  const maxEntries = opts.maxEntries ?? 10_000;
  const readers = FIELDS.map((field) => [field, reader(api.identity.fields[field])] as const);
  const cache = new Map<string, { caller: Caller; expires: number }>();

  function toCaller(data: unknown, presented: PresentedToken): Caller {
    const caller: Caller = {
      token: presented.token,
      tokenId: presented.tokenId,
      userId: "",
      userName: "",
      role: "",
      companyId: "",
      companyName: "",
      currency: "",
      timeZone: "UTC",
      billingDay: 1,
    };
    for (const [field, read] of readers) {
      const value = read(data);
      if (value === undefined || value === null) continue;
      if (field === "billingDay") {
        const day = Number(value);
        if (Number.isInteger(day) && day >= 1 && day <= 31) caller.billingDay = day;
      } else {
        caller[field] = String(value);
      }
    }
    return caller;
  }

  function remember(presented: PresentedToken, caller: Caller): void {
    if (ttlMs <= 0) return;
    // Map keeps insertion order: drop the oldest entry when full.
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(presented.hash, { caller, expires: Date.now() + ttlMs });
  }

  return {
    async check(presented) {
      let result;
      try {
        result = await upstream.call(api.identity.operationId, { params: {} }, presented.token);
      } catch (error) {
        if (error instanceof UpstreamUnavailable) {
          throw new HttpError(503, RpcCode.ServerError, "The API is unavailable right now; try again shortly.", {
            "retry-after": "5",
          });
        }
        throw error;
      }
      const status = result.response.status;
      if (status === 401) {
        cache.delete(presented.hash);
        throw unauthorized(challenge);
      }
      if (status === 429) {
        const wait = result.response.headers.get("retry-after");
        throw new HttpError(429, RpcCode.ServerError, "Too many requests; try again shortly.", {
          "retry-after": wait && /^\d+$/.test(wait) ? wait : "5",
        });
      }
      if (status < 200 || status >= 300) {
        throw new HttpError(503, RpcCode.ServerError, "The API could not say who this token belongs to; try again shortly.");
      }
      const caller = toCaller(result.data, presented);
      remember(presented, caller);
      return caller;
    },
    recent(presented) {
      const entry = cache.get(presented.hash);
      if (!entry) return undefined;
      // The full hash is the key; comparing the token too rules out ever answering for another one.
      if (entry.expires <= Date.now() || entry.caller.token !== presented.token) {
        cache.delete(presented.hash);
        return undefined;
      }
      return entry.caller;
    },
    forget(presented) {
      cache.delete(presented.hash);
    },
  };
}
