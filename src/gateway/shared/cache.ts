// A small cache the replicas share, for what one replica learned that another may need (the identity a
// token had when last verified). Best effort both ways: a write that fails is dropped, a read that
// cannot be answered is a miss; nothing waits on it longer than a command's timeout.
import type { RedisLink } from "./redis.js";

export interface SharedCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): void;
  delete(key: string): void;
}

/** Keys under the link's prefix and this namespace, e.g. "clara:mx:identity:<sha256>". */
export function redisCache(link: RedisLink, namespace: string): SharedCache {
  const name = (key: string) => `${link.prefix}${namespace}:${key}`;
  return {
    async get(key) {
      if (!link.available) return undefined;
      try {
        return (await link.client.get(name(key))) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value, ttlMs) {
      if (link.available) link.client.set(name(key), value, "PX", Math.max(1, Math.ceil(ttlMs))).catch(() => {});
    },
    delete(key) {
      if (link.available) link.client.del(name(key)).catch(() => {});
    },
  };
}
