// Rate-limit counters in Redis, so three replicas give a token its limit once, not three times. When
// Redis cannot answer, each replica counts in its own memory (the insurance limiter) until it is back:
// a limit must never take the gateway down, and a request never waits on a Redis that is gone.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RedisLink } from "./redis.js";

/** Builds one limiter; the shape of http/limits.ts' LimiterStore. */
export type SharedLimiterStore = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

export function redisLimiterStore(link: RedisLink): SharedLimiterStore {
  return (options) =>
    new RateLimiterRedis({
      ...options,
      storeClient: link.client,
      keyPrefix: `${link.prefix}${options.keyPrefix}`,
      // Straight to memory while the link is not ready, instead of one failed command per request.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
