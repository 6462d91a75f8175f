// Everything the replicas of one deployment share on Redis, made from one link: single-use keys, the
// answers 2025 clients owe waiting calls, and rate-limit counters (with each replica's memory as insurance).
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
    async close() {
      answers.close();
      await redis.close();
    },
  };
}
