// What the replicas of one deployment share. In memory for one process; a shared implementation
// (Redis) gives every replica the same answers.

/** The store could not answer: anything single-use must then be refused (fail closed). */
export class StoreUnavailable extends Error {
  constructor(message = "the shared store is unavailable") {
    super(message);
    this.name = "StoreUnavailable";
  }
}

export interface SharedStore {
  /**
   * Marks `key` used for `ttlMs`: true the first time, false ever after. Throws StoreUnavailable when it
   * cannot tell. A value `issuedAt` (ms) before the store's memory began (a restart that lost what was
   * spent) is refused: false.
   */
  spend(key: string, ttlMs: number, issuedAt?: number): Promise<boolean>;
  /** For /readyz and logs: whether the store answers now. */
  readonly available: boolean;
  close(): Promise<void>;
}

/** One process's store: spent keys kept until they expire, bounded; it forgets them all when the process goes. */
export function memoryStore(maxKeys = 100_000): SharedStore {
  const spent = new Map<string, number>();
  const began = Date.now();
  const sweep = (now: number) => {
    for (const [key, expires] of spent) if (expires <= now) spent.delete(key);
  };
  return {
    available: true,
    async spend(key, ttlMs, issuedAt) {
      if (issuedAt !== undefined && issuedAt < began) return false;
      const now = Date.now();
      const expires = spent.get(key);
      if (expires !== undefined && expires > now) return false;
      if (spent.size >= maxKeys) sweep(now);
      // Still full of live keys: refusing is safer than forgetting one that was spent.
      if (spent.size >= maxKeys) throw new StoreUnavailable("too many single-use keys in memory");
      spent.set(key, now + ttlMs);
      return true;
    },
    async close() {
      spent.clear();
    },
  };
}
