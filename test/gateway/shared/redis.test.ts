// What replicas share on a real Redis (started here on a free loopback port): single-use keys spent once
// across replicas and refused while Redis cannot answer (down or stalled), rate limits shared and falling
// back to each replica's memory, 2025 answers routed to the replica whose call waits, and the log lines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectShared, type SharedState } from "../../../src/gateway/shared/replicas.js";
import { StoreUnavailable } from "../../../src/gateway/shared/store.js";
import { startRedis, type RedisServer } from "../../../scripts/cluster/redis.js";

const dir = mkdtempSync(join(tmpdir(), "redis-test-"));
let redis: RedisServer;
const opened: SharedState[] = [];

beforeAll(async () => {
  redis = await startRedis(dir);
});
afterEach(async () => {
  if (!(await ping())) await redis.start();
});
afterAll(async () => {
  await Promise.all(opened.splice(0).map((state) => state.close()));
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Lines {
  warn: string[];
  info: string[];
}

/** One replica's shared state, with its own prefix-scoped keys and the lines it logs. */
function replica(prefix: string, lines: Lines = { warn: [], info: [] }): SharedState & { lines: Lines } {
  const state = connectShared({
    url: redis.url,
    prefix,
    log: { warn: (_fields, message) => lines.warn.push(message), info: (_fields, message) => lines.info.push(message) },
    heartbeatMs: 200,
  });
  opened.push(state);
  return Object.assign(state, { lines });
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function ping(): Promise<boolean> {
  const probe = replica("probe:");
  try {
    await until(() => probe.redis.available, 1_000);
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}

const timed = async <T>(run: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> => {
  const started = performance.now();
  const [result] = await Promise.allSettled([run()]);
  return { ms: performance.now() - started, result: result! };
};

describe("single-use keys on Redis", () => {
  it("a key spent on one replica is spent on every other; it expires with its ttl", async () => {
    const a = replica("t1:");
    const b = replica("t1:");
    await until(() => a.redis.available && b.redis.available);
    expect(await a.store.spend("code-1", 300)).toBe(true);
    expect(await b.store.spend("code-1", 300)).toBe(false);
    expect(await a.store.spend("code-1", 300)).toBe(false);
    // Another deployment's prefix is another store.
    const other = replica("t1-other:");
    await until(() => other.redis.available);
    expect(await other.store.spend("code-1", 300)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.store.spend("code-1", 300)).toBe(true);
  });

  it("Redis down: spend fails closed at once, one warn line; back: one info line, and spends work again", async () => {
    const a = replica("t2:");
    await until(() => a.redis.available);
    expect(await a.store.spend("before", 60_000)).toBe(true);
    await redis.stop();
    await until(() => !a.redis.available);
    for (let i = 0; i < 5; i++) {
      const { ms, result } = await timed(() => a.store.spend(`down-${i}`, 60_000));
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
      expect(ms).toBeLessThan(100);
    }
    // Reconnect attempts keep failing while it is down: still one line.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(a.lines.warn).toEqual([expect.stringMatching(/^Redis unavailable/)]);
    expect(a.lines.info).toEqual([]);
    await redis.start();
    await until(() => a.redis.available);
    expect(a.lines.info).toEqual([expect.stringMatching(/^Redis available again/)]);
    expect(await a.store.spend("after", 60_000)).toBe(true);
    expect(await a.store.spend("after", 60_000)).toBe(false);
  });

  it("a Redis that restarted empty refuses what was issued before (it may have been spent), not what came after", async () => {
    const a = replica("t3:");
    await until(() => a.redis.available);
    const issuedBefore = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await redis.stop();
    await redis.start();
    await until(() => a.redis.available);
    // Whether "old" was spent before the restart is lost with Redis' memory: refused either way.
    expect(await a.store.spend("old", 60_000, issuedBefore)).toBe(false);
    expect(await a.store.spend("new", 60_000, Date.now() + 1)).toBe(true);
  });

  it("a stalled Redis (SIGSTOP): spend gives up within the command timeout, the link is dropped; resumed: back", async () => {
    const a = replica("t4:");
    await until(() => a.redis.available);
    redis.pause();
    try {
      const { ms, result } = await timed(() => a.store.spend("stalled", 60_000));
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
      expect(ms).toBeLessThan(1_500);
      // The heartbeat finds the stall even with nobody spending: /readyz then says so.
      await until(() => !a.redis.available, 4_000);
      const fast = await timed(() => a.store.spend("stalled-2", 60_000));
      expect(fast.result.status).toBe("rejected");
      expect(fast.ms).toBeLessThan(100);
      expect(a.lines.warn).toHaveLength(1);
    } finally {
      redis.resume();
    }
    await until(() => a.redis.available);
    expect(await a.store.spend("resumed", 60_000)).toBe(true);
  });
});

describe("rate limits on Redis", () => {
  const consume = async (limiter: ReturnType<SharedState["limiterStore"]>, key: string) => {
    try {
      await limiter.consume(key);
      return "ok";
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return "limited";
      throw rejection;
    }
  };

  it("two replicas share one counter; Redis down: each counts in its own memory, answering at once; back: shared again", async () => {
    const a = replica("l1:");
    const b = replica("l1:");
    await until(() => a.redis.available && b.redis.available);
    const options = { keyPrefix: "mcp-gw:token", points: 10, duration: 60 };
    const limitA = a.limiterStore(options);
    const limitB = b.limiterStore(options);
    const shared = [];
    for (let i = 0; i < 12; i++) shared.push(await consume(i % 2 ? limitB : limitA, "token-1"));
    expect(shared.filter((one) => one === "ok")).toHaveLength(10);

    await redis.stop();
    await until(() => !a.redis.available && !b.redis.available);
    const started = performance.now();
    const aloneA = [];
    for (let i = 0; i < 12; i++) aloneA.push(await consume(limitA, "token-2"));
    const aloneB = [];
    for (let i = 0; i < 12; i++) aloneB.push(await consume(limitB, "token-2"));
    expect(performance.now() - started).toBeLessThan(200);
    // Each replica's own memory: the limit applies per replica while Redis is gone.
    expect(aloneA.filter((one) => one === "ok")).toHaveLength(10);
    expect(aloneB.filter((one) => one === "ok")).toHaveLength(10);

    await redis.start();
    await until(() => a.redis.available && b.redis.available);
    const again = [];
    for (let i = 0; i < 12; i++) again.push(await consume(i % 2 ? limitB : limitA, "token-3"));
    expect(again.filter((one) => one === "ok")).toHaveLength(10);
  });
});

describe("2025 answers across replicas", () => {
  it("an answer POSTed to another replica reaches the call waiting on this one; another owner's does not", async () => {
    const holder = replica("a1:");
    const elsewhere = replica("a1:");
    await until(() => holder.redis.available && elsewhere.redis.available);
    // Subscriptions are made on their own connection: give them a moment to be in place.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const id = holder.answers.open("token-a:user-1");
    const waiting = holder.answers.wait(id, 3_000);
    expect(elsewhere.answers.answer(id, "token-b:user-2", { result: { action: "accept" } })).toBe(true);
    expect(elsewhere.answers.answer(id, "token-a:user-1", { result: { action: "decline" } })).toBe(true);
    expect(await waiting).toEqual({ result: { action: "decline" } });

    const unanswered = holder.answers.open("token-a:user-1");
    const late = holder.answers.wait(unanswered, 500);
    elsewhere.answers.answer(unanswered, "token-b:user-2", { result: { action: "accept" } });
    expect(await late).toBeUndefined();
  });

  it("with Redis down an answer for another replica is not passed on, and the waiting call ends unanswered", async () => {
    const holder = replica("a2:");
    const elsewhere = replica("a2:");
    await until(() => holder.redis.available && elsewhere.redis.available);
    const id = holder.answers.open("owner");
    const waiting = holder.answers.wait(id, 800);
    await redis.stop();
    await until(() => !elsewhere.redis.available);
    expect(elsewhere.answers.answer(id, "owner", { result: {} })).toBe(false);
    expect(await waiting).toBeUndefined();
  });
});
