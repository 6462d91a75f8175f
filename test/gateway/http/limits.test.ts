import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import Koa from "koa";
import { RateLimiterMemory, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { createLimiters, parseRate, rateLimit, tokenKey, type LimiterStore } from "../../../src/gateway/http/limits.js";
import { raw, serve, type Served } from "./serve.js";

const open: Served[] = [];
afterAll(async () => {
  for (const served of open) await served.close();
});

/** An app counting each request against the `x-who` header, like the gateway counts a token hash. */
async function limitedApp(limiter: RateLimiterAbstract, onStoreError?: (error: unknown) => void) {
  const app = new Koa();
  let reached = 0;
  app.use(rateLimit({ limiter, key: (ctx) => ctx.get("x-who") || undefined, what: "requests for this token", ...(onStoreError ? { onStoreError } : {}) }));
  app.use((ctx) => {
    reached++;
    ctx.body = { ok: true };
  });
  const served = await serve(app);
  open.push(served);
  return { served, reached: () => reached, call: (who?: string) => raw(served.port, { headers: who ? { "x-who": who } : {} }) };
}

describe("rate rules", () => {
  it("reads requests per duration, and off", () => {
    expect(parseRate("600/60s")).toEqual({ points: 600, durationSec: 60 });
    expect(parseRate("20/1")).toEqual({ points: 20, durationSec: 1 });
    expect(parseRate(" 1000 / 1m ")).toEqual({ points: 1000, durationSec: 60 });
    expect(parseRate("5000/1h")).toEqual({ points: 5000, durationSec: 3600 });
    expect(parseRate("off")).toBeNull();
    expect(parseRate("0")).toBeNull();
  });

  it("refuses what it cannot read, saying the expected form", () => {
    for (const text of ["", "fast", "10", "0/10s", "10/0s", "10/1d", "-1/10s"]) {
      expect(() => parseRate(text), text).toThrow(/expected <requests>\/<duration>/);
    }
  });

  it("counts tokens under their hash, never the token itself", () => {
    const key = tokenKey("clara_pat_secret");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("secret");
    expect(tokenKey("clara_pat_secret")).toBe(key);
    expect(tokenKey("clara_pat_other")).not.toBe(key);
  });

  it("builds no limiter for a rule that is off", () => {
    const limiters = createLimiters({ perAddress: { points: 5, durationSec: 1 }, perToken: null });
    expect(limiters.address?.points).toBe(5);
    expect(limiters.token).toBeNull();
  });
});

describe("rate limit middleware", () => {
  it("answers 429 with Retry-After and a JSON-RPC error past the limit, per key", async () => {
    const { call, reached } = await limitedApp(new RateLimiterMemory({ points: 3, duration: 30 }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("alice")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(reached()).toBe(3);

    const refused = await call("alice");
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers["retry-after"]);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(refused.headers["ratelimit-remaining"]).toBe("0");
    expect(JSON.parse(refused.body)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
    expect(JSON.parse(refused.body).error.message).toMatch(/Too many requests for this token; retry after \d+ s/);

    expect((await call("bob")).status).toBe(200);
    expect((await call()).status).toBe(200);
  });

  it("a failing shared store lets requests through and reports the failure", async () => {
    const broken = new RateLimiterMemory({ points: 1, duration: 1 });
    broken.consume = () => Promise.reject(new Error("store unreachable"));
    const errors: unknown[] = [];
    const { call, reached } = await limitedApp(broken, (error) => errors.push(error));
    expect((await call("alice")).status).toBe(200);
    expect((await call("alice")).status).toBe(200);
    expect(reached()).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it("replicas sharing a store share the counts (SQLite store standing in for Redis)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "limits-"));
    const file = join(folder, "limits.db");
    const connections: Database.Database[] = [];
    // Each replica has its own connection to the shared store, as each would have its own Redis client.
    const sharedStore: LimiterStore = (options) => {
      const db = new Database(file);
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 2000");
      connections.push(db);
      return new RateLimiterSQLite({ ...options, storeClient: db, storeType: "better-sqlite3", tableName: "limits" });
    };
    try {
      const replicaA = await limitedApp(createLimiters({ perAddress: null, perToken: { points: 4, durationSec: 60 }, store: sharedStore }).token!);
      const replicaB = await limitedApp(createLimiters({ perAddress: null, perToken: { points: 4, durationSec: 60 }, store: sharedStore }).token!);
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await replicaA.call("carol")).status);
        statuses.push((await replicaB.call("carol")).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      expect(replicaA.reached() + replicaB.reached()).toBe(4);
    } finally {
      for (const db of connections) db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
