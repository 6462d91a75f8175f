// Single-use keys in Redis, so a confirmation spent on one replica is spent on all of them. Fails
// closed: when Redis cannot answer, spend throws StoreUnavailable and the caller refuses.
import type { RedisLink } from "./redis.js";
import { StoreUnavailable, type SharedStore } from "./store.js";

// KEYS[1] the single-use key, KEYS[2] the epoch: when this Redis's memory began (set by the first
// replica to find it missing). ARGV: ttl ms, when the value was issued (ms), now (ms).
// A value issued before the epoch may have been spent in a memory Redis has since lost: refused (-1).
const SPEND = `
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  redis.call('SET', KEYS[2], ARGV[3])
  epoch = ARGV[3]
end
if tonumber(ARGV[2]) < tonumber(epoch) then return -1 end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 end
return 0
`;

type SpendCommand = (spent: string, epoch: string, ttlMs: string, issuedAt: string, now: string) => Promise<number>;

export function redisStore(link: RedisLink): SharedStore {
  const epochKey = `${link.prefix}store:epoch`;
  const client = link.client as typeof link.client & { claraSpend?: SpendCommand };
  client.defineCommand("claraSpend", { numberOfKeys: 2, lua: SPEND });
  // Right after a (re)connection, so a Redis that restarted empty dates its epoch from then, not from the next spend.
  link.onReady(() => {
    client.set(epochKey, String(Date.now()), "NX").catch(() => {});
  });
  return {
    get available() {
      return link.available;
    },
    async spend(key, ttlMs, issuedAt = Number.MAX_SAFE_INTEGER) {
      if (!link.available) throw new StoreUnavailable();
      let answer: number;
      try {
        const now = Date.now();
        answer = await client.claraSpend!(`${link.prefix}spent:${key}`, epochKey, String(Math.max(1, Math.ceil(ttlMs))), String(Math.floor(issuedAt)), String(now));
      } catch {
        throw new StoreUnavailable();
      }
      return answer === 1;
    },
    async close() {},
  };
}
