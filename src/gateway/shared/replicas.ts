// Everything the replicas of one deployment share on Redis, made from one link: single-use keys, the
// answers 2025 clients owe waiting calls, rate-limit counters (with each replica's memory as insurance),
// and the identities replicas verified (for the grace while the API is down).
import { redisCache, type SharedCache } from "./cache.js";
import { redisAnswers } from "./redis-answers.js";
import { redisLimiterStore, type SharedLimiterStore } from "./limits-store.js";
import { connectRedis, type RedisLink, type RedisLinkOptions } from "./redis.js";
import { redisStore } from "./redis-store.js";
import type { PendingAnswers } from "./answers.js";
import type { SharedStore } from "./store.js";

export interface SharedState {
  redis: RedisLink;
  store: SharedStore;
  answers: PendingAnswers;
  limiterStore: SharedLimiterStore;
  /** The identities replicas verified, by token hash (never the token), for the grace while the API is down. */
  identities: SharedCache;
  close(): Promise<void>;
}

export function connectShared(opts: RedisLinkOptions): SharedState {
  const redis = connectRedis(opts);
  const answers = redisAnswers(redis);
  return {
    redis,
    store: redisStore(redis),
    answers,
    limiterStore: redisLimiterStore(redis),
    identities: redisCache(redis, "identity"),
    async close() {
      answers.close();
      await redis.close();
    },
  };
}
