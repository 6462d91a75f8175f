// Who a token belongs to, read from the API's identity operation with that token (api.identity), and
// who it belonged to when last verified: while the API cannot answer, that stands in for a recent caller
// only to be told Clara is unavailable (see http/authenticate.ts); never once the API answers again.
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
  /** How long after its last check an identity is remembered for when the API cannot answer (0: never). */
  graceMs?: number;
  /** Where the other replicas find what this one verified (a shared cache); this process only without. */
  shared?: RememberedElsewhere;
  maxEntries?: number;
}

/**
 * A cache the replicas share, keyed by the token's SHA-256: a caller verified by one replica is known
 * to all while the API is down. Holds the caller's fields as JSON, never the token.
 */
export interface RememberedElsewhere {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): void;
  delete(key: string): void;
}

/** The API could not say who the token belongs to: no answer, a 5xx, or the circuit is open. */
export class ApiUnavailable extends HttpError {
  constructor(message: string) {
    super(503, RpcCode.ServerError, message, { "retry-after": "5" });
    this.name = "ApiUnavailable";
  }
}

export interface Identity {
  /** Asks the upstream now; 401 (unknown or revoked) → HttpError 401, no answer or a 5xx → ApiUnavailable. */
  check(presented: PresentedToken): Promise<Caller>;
  /** A recent identity for this very token, if any. */
  recent(presented: PresentedToken): Caller | undefined;
  /** The identity this token had when last verified (here or on another replica), within the grace time: only while the API cannot answer. */
  remembered(presented: PresentedToken): Promise<Caller | undefined>;
  /** The API answered a call made with this token (any status but 401): it is verified as of now. */
  verified(presented: PresentedToken): void;
  forget(presented: PresentedToken): void;
}

const FIELDS = ["userId", "userName", "role", "companyId", "companyName", "currency", "timeZone", "billingDay"] as const;

interface Entry {
  caller: Caller;
  /** When the API last said who this token is. */
  checkedAt: number;
  /** When the API last answered anything for this token. */
  provenAt: number;
  /** When the shared copy was last written. */
  sharedAt: number;
}

/** A caller from its shared copy, or undefined when there is none or it is not one. */
function fromShared(text: string | undefined, presented: PresentedToken): Caller | undefined {
  if (!text) return undefined;
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!FIELDS.every((field) => typeof fields[field] === (field === "billingDay" ? "number" : "string"))) return undefined;
  return { ...(fields as unknown as Caller), token: presented.token, tokenId: presented.tokenId };
}

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
  const graceMs = opts.graceMs ?? 0;
  const maxEntries = opts.maxEntries ?? 10_000;
  const readers = FIELDS.map((field) => [field, reader(api.identity.fields[field])] as const);
  // One entry per token hash: when the API last said who it is (checkedAt) bounds its reuse (ttlMs); when
  // the API last answered anything for it (provenAt) bounds the grace.
  const cache = new Map<string, Entry>();
  const keepMs = Math.max(ttlMs, graceMs);
  const shared = graceMs > 0 ? opts.shared : undefined;
  // The shared copy is renewed at most this often per token and replica; it expires a little early, never late.
  const shareEveryMs = graceMs / 5;

  function share(hash: string, found: Entry): void {
    const now = Date.now();
    if (!shared || now - found.sharedAt < shareEveryMs) return;
    found.sharedAt = now;
    const { token: _token, tokenId: _tokenId, ...fields } = found.caller;
    shared.set(hash, JSON.stringify(fields), graceMs);
  }

  function drop(presented: PresentedToken): void {
    cache.delete(presented.hash);
    shared?.delete(presented.hash);
  }

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
    if (keepMs <= 0) return;
    const previous = cache.get(presented.hash);
    // Map keeps insertion order: drop the oldest entry when full, and move a renewed one to the end.
    cache.delete(presented.hash);
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    const now = Date.now();
    const renewed: Entry = { caller, checkedAt: now, provenAt: now, sharedAt: previous?.caller.token === caller.token ? previous.sharedAt : 0 };
    cache.set(presented.hash, renewed);
    share(presented.hash, renewed);
  }

  /** The entry of this very token, or undefined (and dropped) when it is another's or too old for anything. */
  function entry(presented: PresentedToken): Entry | undefined {
    const found = cache.get(presented.hash);
    if (!found) return undefined;
    // The full hash is the key; comparing the token too rules out ever answering for another one.
    if (found.caller.token !== presented.token || Math.max(found.checkedAt + ttlMs, found.provenAt + graceMs) <= Date.now()) {
      cache.delete(presented.hash);
      return undefined;
    }
    return found;
  }

  return {
    async check(presented) {
      let result;
      try {
        result = await upstream.call(api.identity.operationId, { params: {} }, presented.token);
      } catch (error) {
        if (error instanceof UpstreamUnavailable) throw new ApiUnavailable("The API is unavailable right now; try again shortly.");
        throw error;
      }
      const status = result.response.status;
      if (status === 401) {
        drop(presented);
        throw unauthorized(challenge);
      }
      if (status === 429) {
        const wait = result.response.headers.get("retry-after");
        throw new HttpError(429, RpcCode.ServerError, "Too many requests; try again shortly.", {
          "retry-after": wait && /^\d+$/.test(wait) ? wait : "5",
        });
      }
      if (status >= 500) throw new ApiUnavailable("The API could not say who this token belongs to; try again shortly.");
      if (status < 200 || status >= 300) {
        // Refused: whoever this token was, it is not remembered any more.
        drop(presented);
        throw new HttpError(503, RpcCode.ServerError, "The API could not say who this token belongs to; try again shortly.");
      }
      const caller = toCaller(result.data, presented);
      remember(presented, caller);
      return caller;
    },
    recent(presented) {
      const found = entry(presented);
      return found && found.checkedAt + ttlMs > Date.now() ? found.caller : undefined;
    },
    async remembered(presented) {
      const found = entry(presented);
      if (found && found.provenAt + graceMs > Date.now()) return found.caller;
      // Verified by another replica, maybe: the load balancer sends a caller anywhere.
      return shared ? fromShared(await shared.get(presented.hash), presented) : undefined;
    },
    verified(presented) {
      const found = entry(presented);
      if (!found) return;
      found.provenAt = Date.now();
      share(presented.hash, found);
    },
    forget(presented) {
      drop(presented);
    },
  };
}
