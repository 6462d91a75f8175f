import { createServer } from "node:net";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Breaker } from "../../../src/gateway/upstream/breaker.js";
import { backoffMs, defaultRetryPolicy, isRepeatable, retrying, retryAfterMs, type RetryOptions, type RetryPolicy } from "../../../src/gateway/upstream/retry.js";
import { startFaultyUpstream, type FaultyUpstream } from "../../fixtures/faulty-upstream.js";

class Unavailable extends Error {
  constructor(
    readonly sent: boolean,
    readonly reason: string,
  ) {
    super(reason);
  }
}

interface Answer {
  status: number;
  retryAfter?: string;
  body?: string;
}

const policy: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 400, maxRetryAfterMs: 3_000, totalTimeoutMs: 60_000 };

/** Options with a recorded, instant sleep, so no test waits on real backoff. */
function options(repeatable: boolean, extra: Partial<RetryOptions<Answer>> = {}) {
  const waits: number[] = [];
  const opts: RetryOptions<Answer> = {
    policy,
    repeatable,
    status: (answer) => answer.status,
    retryAfter: (answer) => answer.retryAfter,
    sent: (error) => (error as { sent?: boolean }).sent !== false,
    unavailable: (sent, reason) => new Unavailable(sent, reason),
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...extra,
  };
  return { opts, waits };
}

/** An attempt that plays a script: answers, or errors to throw. */
function script(...steps: Array<Answer | Error>) {
  let calls = 0;
  const attempt = async () => {
    const step = steps[Math.min(calls, steps.length - 1)];
    calls++;
    if (step instanceof Error) throw step;
    return step!;
  };
  return { attempt, calls: () => calls };
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED"), { sent: false, code: "ECONNREFUSED" });
const reset = () => Object.assign(new Error("socket hang up"), { sent: true, code: "ECONNRESET" });

describe("retry policy pieces", () => {
  it("only reads and writes with an idempotency key may be sent again", () => {
    expect(isRepeatable("GET", undefined)).toBe(true);
    expect(isRepeatable("get", undefined)).toBe(true);
    expect(isRepeatable("HEAD", null)).toBe(true);
    expect(isRepeatable("POST", undefined)).toBe(false);
    expect(isRepeatable("POST", "")).toBe(false);
    expect(isRepeatable("POST", "key-1")).toBe(true);
    expect(isRepeatable("PATCH", undefined)).toBe(false);
    expect(isRepeatable("DELETE", "key-2")).toBe(true);
  });

  it("reads Retry-After as seconds or as an HTTP date, and ignores junk", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:07 GMT", now)).toBe(7_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs("-5", now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs("1.5", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it("the default policy's worst-case waits fit well inside its total budget", () => {
    const p = defaultRetryPolicy;
    let waits = 0;
    for (let retry = 0; retry < p.retries; retry++) waits += Math.max(backoffMs(retry, p, () => 0.999999), p.maxRetryAfterMs);
    expect(p.retries).toBeGreaterThanOrEqual(1);
    expect(waits).toBeLessThan(p.totalTimeoutMs);
  });

  it("backs off exponentially with jitter, never past the cap", () => {
    const low = () => 0;
    const high = () => 0.999999;
    for (let retry = 0; retry < 8; retry++) {
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
      expect(backoffMs(retry, policy, low)).toBe(step / 2);
      expect(backoffMs(retry, policy, high)).toBeLessThanOrEqual(step);
      expect(backoffMs(retry, policy, high)).toBeGreaterThan(step / 2);
    }
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(2, policy)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe("retrying", () => {
  it("retries a read through 503 and 502 until it answers, waiting longer each time", async () => {
    const { attempt, calls } = script({ status: 503 }, { status: 502 }, { status: 200, body: "ok" });
    const { opts, waits } = options(true);
    await expect(retrying(attempt, opts)).resolves.toEqual({ status: 200, body: "ok" });
    expect(calls()).toBe(3);
    expect(waits).toEqual([backoffMs(0, policy, () => 0.5), backoffMs(1, policy, () => 0.5)]);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it("never sends a write without an idempotency key twice", async () => {
    const first = script({ status: 503 });
    await expect(retrying(first.attempt, options(false).opts)).resolves.toEqual({ status: 503 });
    expect(first.calls()).toBe(1);
    const second = script(reset(), { status: 200 });
    await expect(retrying(second.attempt, options(false).opts)).rejects.toMatchObject({ sent: true });
    expect(second.calls()).toBe(1);
  });

  it("sends a keyed write again after a dropped connection", async () => {
    const { attempt, calls } = script(reset(), { status: 200 });
    await expect(retrying(attempt, options(true).opts)).resolves.toEqual({ status: 200 });
    expect(calls()).toBe(2);
  });

  it("does not retry answers that will not change: 400, 404, 409, 422", async () => {
    for (const status of [400, 401, 404, 409, 422]) {
      const { attempt, calls } = script({ status }, { status: 200 });
      await expect(retrying(attempt, options(true).opts)).resolves.toEqual({ status });
      expect(calls()).toBe(1);
    }
  });

  it("honours a 429's Retry-After within the bound", async () => {
    const { attempt, calls } = script({ status: 429, retryAfter: "2" }, { status: 200 });
    const { opts, waits } = options(true);
    await expect(retrying(attempt, opts)).resolves.toEqual({ status: 200 });
    expect(calls()).toBe(2);
    expect(waits).toEqual([2_000]);
  });

  it("passes a 429 on when it asks for a longer wait than the bound", async () => {
    const { attempt, calls } = script({ status: 429, retryAfter: "60" }, { status: 200 });
    const { opts, waits } = options(true);
    await expect(retrying(attempt, opts)).resolves.toEqual({ status: 429, retryAfter: "60" });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it("gives the last answer back when the retries run out", async () => {
    const { attempt, calls } = script({ status: 500 });
    await expect(retrying(attempt, options(true).opts)).resolves.toEqual({ status: 500 });
    expect(calls()).toBe(policy.retries + 1);
  });

  it("does not wait past the total budget", async () => {
    const { attempt, calls } = script({ status: 503, retryAfter: "2" }, { status: 200 });
    const { opts } = options(true, { now: () => 0, policy: { ...policy, totalTimeoutMs: 1_500 } });
    await expect(retrying(attempt, opts)).resolves.toEqual({ status: 503, retryAfter: "2" });
    expect(calls()).toBe(1);
  });

  it("never reports a write as not sent when an earlier attempt may have reached the upstream", async () => {
    const { attempt } = script({ status: 502 }, refused());
    const caught = await retrying(attempt, { ...options(true).opts, policy: { ...policy, retries: 1 } }).catch((error) => error);
    expect(caught).toBeInstanceOf(Unavailable);
    expect(caught.sent).toBe(true);
  });

  it("reports not sent when no attempt ever connected", async () => {
    const { attempt, calls } = script(refused());
    const caught = await retrying(attempt, options(true).opts).catch((error) => error);
    expect(caught).toMatchObject({ sent: false, reason: "ECONNREFUSED" });
    expect(calls()).toBe(policy.retries + 1);
  });

  it("stops at the total timeout with the outcome unknown", async () => {
    const hang = (signal: AbortSignal) =>
      new Promise<Answer>((_, reject) => signal.addEventListener("abort", () => reject(reset())));
    const caught = await retrying(hang, { ...options(true).opts, sleep: undefined, policy: { ...policy, totalTimeoutMs: 30 } }).catch((e) => e);
    expect(caught).toMatchObject({ sent: true, reason: "no answer within 30 ms" });
  });

  it("stops when the caller cancels, without retrying and without blaming the upstream", async () => {
    const controller = new AbortController();
    const breaker = new Breaker({ failureThreshold: 1, cooldownMs: 1_000 });
    let calls = 0;
    const attempt = (signal: AbortSignal) =>
      new Promise<Answer>((_, reject) => {
        calls++;
        signal.addEventListener("abort", () => reject(reset()));
        controller.abort();
      });
    const caught = await retrying(attempt, { ...options(true).opts, signal: controller.signal, breaker }).catch((e) => e);
    expect(caught).toMatchObject({ reason: "the call was cancelled" });
    expect(calls).toBe(1);
    expect(breaker.state).toBe("closed");
  });

  it("fails fast without calling the upstream once the breaker is open, saying nothing was sent", async () => {
    let time = 0;
    const breaker = new Breaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => time });
    const down = script({ status: 503 });
    await retrying(down.attempt, { ...options(true).opts, breaker, policy: { ...policy, retries: 5 } });
    expect(down.calls()).toBe(2);
    expect(breaker.state).toBe("open");

    const next = script({ status: 200 });
    const caught = await retrying(next.attempt, { ...options(true).opts, breaker }).catch((e) => e);
    expect(caught).toMatchObject({ sent: false });
    expect(caught.reason).toMatch(/circuit open/);
    expect(next.calls()).toBe(0);

    time += 1_000;
    await expect(retrying(next.attempt, { ...options(true).opts, breaker })).resolves.toEqual({ status: 200 });
    expect(next.calls()).toBe(1);
    expect(breaker.state).toBe("closed");
  });

  it("a 429 tells the breaker the upstream is alive", async () => {
    const breaker = new Breaker({ failureThreshold: 1, cooldownMs: 1_000 });
    const { attempt } = script({ status: 429, retryAfter: "100" });
    await retrying(attempt, { ...options(true).opts, breaker });
    expect(breaker.state).toBe("closed");
  });
});

describe("retrying over real HTTP against a faulty upstream", () => {
  let upstream: FaultyUpstream;
  let pool: Pool;
  const NOT_SENT = new Set(["ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT"]);
  const code = (error: unknown) => String((error as { code?: unknown })?.code ?? (error as Error)?.name);

  beforeAll(async () => {
    upstream = await startFaultyUpstream();
    pool = new Pool(upstream.url, { connections: 4 });
  });
  afterAll(async () => {
    await pool.close();
    await upstream.close();
  });

  function http(method: string, path: string, headers: Record<string, string> = {}, target: Pool = pool) {
    return async (signal: AbortSignal) => {
      const answer = await target.request({ method: method as "GET", path, headers, signal, body: method === "GET" ? null : "{}" });
      const body = await answer.body.text();
      return { status: answer.statusCode, retryAfter: answer.headers["retry-after"] as string | undefined, body };
    };
  }

  function real(repeatable: boolean, extra: Partial<RetryOptions<Answer>> = {}): RetryOptions<Answer> {
    return {
      ...options(repeatable).opts,
      sent: (error) => !NOT_SENT.has(code(error)),
      unavailable: (sent, reason) => new Unavailable(sent, reason),
      ...extra,
    };
  }

  it("a read survives a dropped connection, a truncated body and a 502", async () => {
    upstream.inject({ path: /^\/read-1$/ }, { kind: "drop" }, { kind: "truncate" }, { kind: "status", status: 502 });
    const answer = await retrying(http("GET", "/read-1"), real(true));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body!)).toMatchObject({ ok: true, path: "/read-1" });
    expect(upstream.requests.filter((r) => r.path === "/read-1").map((r) => r.fault ?? "ok")).toEqual(["drop", "truncate", "status", "ok"]);
  });

  it("a slow upstream is cut off at the total timeout", async () => {
    upstream.inject({ path: /^\/slow$/ }, { kind: "hang" });
    const caught = await retrying(http("GET", "/slow"), real(true, { sleep: undefined, policy: { ...policy, totalTimeoutMs: 100 } })).catch((e) => e);
    expect(caught).toMatchObject({ sent: true, reason: "no answer within 100 ms" });
    expect(upstream.requests.filter((r) => r.path === "/slow")).toHaveLength(1);
  });

  it("a write without a key goes once, even when its connection drops", async () => {
    upstream.inject({ path: /^\/write-1$/ }, { kind: "drop" });
    const caught = await retrying(http("POST", "/write-1"), real(false)).catch((e) => e);
    expect(caught).toMatchObject({ sent: true });
    expect(upstream.requests.filter((r) => r.path === "/write-1")).toHaveLength(1);
  });

  it("a keyed write is sent again with the same key after a lost answer", async () => {
    upstream.inject({ path: /^\/write-2$/ }, { kind: "drop-after-forward" });
    const answer = await retrying(http("POST", "/write-2", { "idempotency-key": "k-123" }), real(true));
    expect(answer.status).toBe(200);
    const seen = upstream.requests.filter((r) => r.path === "/write-2");
    expect(seen.map((r) => r.headers["idempotency-key"])).toEqual(["k-123", "k-123"]);
  });

  it("an upstream that is not listening is reported as never reached", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const nowhere = new Pool(`http://127.0.0.1:${closed}`);
    let attempts = 0;
    const attempt = async (signal: AbortSignal) => {
      attempts++;
      return http("GET", "/", {}, nowhere)(signal);
    };
    const caught = await retrying(attempt, real(true)).catch((e) => e);
    await nowhere.close();
    expect(caught).toMatchObject({ sent: false, reason: "ECONNREFUSED" });
    expect(attempts).toBe(policy.retries + 1);
  });
});
