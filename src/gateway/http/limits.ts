// Rate limits: per client address for traffic without a working credential, per token (or OAuth
// grant) after authentication. Whole platforms (ChatGPT, Claude.ai) reach the gateway from a few cloud
// addresses, so an authenticated request never counts against its address. Counters live in a
// rate-limiter-flexible store: memory for one process, a shared one (Redis, …) for several replicas.
import { createHash } from "node:crypto";
import type { Middleware, ParameterizedContext } from "koa";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface RateRule {
  points: number;
  durationSec: number;
}

/**
 * "600/60s", "20/1s", "1000/1m", "5000/1h" → a rule; "off" or "0" → null (no limit).
 * Throws on anything else, with the expected form.
 */
export function parseRate(text: string): RateRule | null {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "0") return null;
  const match = /^(\d{1,9})\s*\/\s*(\d{1,6})\s*(s|m|h)?$/.exec(value);
  const points = Number(match?.[1]);
  const amount = Number(match?.[2]);
  if (!match || points < 1 || amount < 1) {
    throw new Error(`not a rate: ${JSON.stringify(text)} (expected <requests>/<duration>, e.g. 600/60s, 20/1s, 5000/1h, or off)`);
  }
  const unit = match[3] === "h" ? 3600 : match[3] === "m" ? 60 : 1;
  return { points, durationSec: amount * unit };
}

/** Makes the limiter for one rule. Several replicas share counters through a shared store, e.g.
 * `(o) => new RateLimiterRedis({ storeClient: redis, ...o })`. */
export type LimiterStore = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

export const memoryStore: LimiterStore = (options) => new RateLimiterMemory(options);

/** The key a token is counted under: its SHA-256, so the secret never sits in a counter store. */
export function tokenKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface RateLimitOptions<State> {
  limiter: RateLimiterAbstract;
  /** Who the request is counted against; undefined: not counted. */
  key: (ctx: ParameterizedContext<State>) => string | undefined;
  /** Says what was limited, in the 429 message: "requests from this address". */
  what: string;
  /** The store failed: the request is let through (a limit must not take the gateway down) and this is told. */
  onStoreError?: (error: unknown) => void;
}

function tooManyAnswer(ctx: ParameterizedContext<unknown>, limiter: RateLimiterAbstract, what: string, msBeforeNext: number): void {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  ctx.status = 429;
  ctx.set("Retry-After", String(seconds));
  ctx.set("RateLimit-Limit", String(limiter.points));
  ctx.set("RateLimit-Remaining", "0");
  ctx.set("RateLimit-Reset", String(seconds));
  ctx.type = "application/json";
  ctx.body = tooMany(what, seconds);
}

function tooMany(what: string, seconds: number): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id: null,
    error: { code: -32000, message: `Too many ${what}; retry after ${seconds} s` },
  });
}

export function rateLimit<State = Record<string, unknown>>(options: RateLimitOptions<State>): Middleware<State> {
  const { limiter, what } = options;
  return async (ctx, next) => {
    const key = options.key(ctx);
    if (key === undefined) return next();
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        options.onStoreError?.(rejection);
        return next();
      }
      return tooManyAnswer(ctx, limiter, what, rejection.msBeforeNext);
    }
    return next();
  };
}

export interface AddressLimitOptions<State> {
  limiter: RateLimiterAbstract;
  /** True when the request carries a credential (checked after this step). */
  credential: (ctx: ParameterizedContext<State>) => boolean;
  what: string;
  onStoreError?: (error: unknown) => void;
}

const refused = (error: unknown) => typeof error === "object" && error !== null && (error as { status?: unknown }).status === 401;

/**
 * The per-address limit, for unauthenticated traffic only: a request without a credential is counted
 * before anything else; one with a credential is counted only if authentication refuses it (401), and
 * an address over its limit from such refusals is turned away before its next credential is checked.
 */
export function addressLimit<State = Record<string, unknown>>(options: AddressLimitOptions<State>): Middleware<State> {
  const { limiter, what } = options;
  const count = (key: string) =>
    limiter.consume(key).catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) options.onStoreError?.(rejection);
    });
  return async (ctx, next) => {
    const key = ctx.ip;
    if (!options.credential(ctx)) return rateLimit<State>({ limiter, key: () => key, what, ...(options.onStoreError ? { onStoreError: options.onStoreError } : {}) })(ctx, next);
    try {
      const seen = await limiter.get(key);
      if (seen && seen.consumedPoints >= limiter.points) return tooManyAnswer(ctx as ParameterizedContext<unknown>, limiter, what, seen.msBeforeNext);
    } catch (error) {
      options.onStoreError?.(error);
    }
    try {
      await next();
    } catch (error) {
      if (refused(error)) await count(key);
      throw error;
    }
    if (ctx.status === 401) await count(key);
  };
}

export interface RateLimitsConfig {
  /** Per client address, before authentication; null: no limit. */
  perAddress: RateRule | null;
  /** Per token, after authentication; null: no limit. */
  perToken: RateRule | null;
  store?: LimiterStore;
}

/** The two limiters of the gateway, built from config; null where the rule is off. */
export function createLimiters(config: RateLimitsConfig): { address: RateLimiterAbstract | null; token: RateLimiterAbstract | null } {
  const store = config.store ?? memoryStore;
  const build = (prefix: string, rule: RateRule | null) =>
    rule ? store({ keyPrefix: `mcp-gw:${prefix}`, points: rule.points, duration: rule.durationSec }) : null;
  return { address: build("address", config.perAddress), token: build("token", config.perToken) };
}
