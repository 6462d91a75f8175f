import { describe, expect, it } from "vitest";
import { Breaker, type BreakerState } from "../../../src/gateway/upstream/breaker.js";

function clocked(failureThreshold = 3, cooldownMs = 1_000) {
  let time = 0;
  const changes: BreakerState[] = [];
  const breaker = new Breaker({ failureThreshold, cooldownMs, now: () => time, onChange: (state) => changes.push(state) });
  return { breaker, changes, advance: (ms: number) => (time += ms) };
}

function fail(breaker: Breaker, times: number) {
  for (let i = 0; i < times; i++) {
    const pass = breaker.allow();
    expect(pass).not.toBeNull();
    breaker.record(pass!, "failure");
  }
}

describe("circuit breaker", () => {
  it("opens after the threshold of consecutive failures and then refuses at once", () => {
    const { breaker } = clocked(3);
    fail(breaker, 2);
    expect(breaker.state).toBe("closed");
    fail(breaker, 1);
    expect(breaker.state).toBe("open");
    expect(breaker.allow()).toBeNull();
    expect(breaker.retryInMs()).toBe(1_000);
  });

  it("a success in between resets the count", () => {
    const { breaker } = clocked(3);
    fail(breaker, 2);
    breaker.record(breaker.allow()!, "success");
    fail(breaker, 2);
    expect(breaker.state).toBe("closed");
  });

  it("neutral outcomes (a caller giving up) neither open nor close it", () => {
    const { breaker } = clocked(2);
    fail(breaker, 1);
    breaker.record(breaker.allow()!, "neutral");
    expect(breaker.state).toBe("closed");
    fail(breaker, 1);
    expect(breaker.state).toBe("open");
  });

  it("after the cooldown lets exactly one probe through, and a good probe closes it", () => {
    const { breaker, changes, advance } = clocked(1, 500);
    fail(breaker, 1);
    advance(499);
    expect(breaker.allow()).toBeNull();
    advance(1);
    const probe = breaker.allow();
    expect(probe?.probe).toBe(true);
    expect(breaker.state).toBe("half-open");
    expect(breaker.allow()).toBeNull();
    breaker.record(probe!, "success");
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()?.probe).toBe(false);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("a failed probe reopens it for another cooldown", () => {
    const { breaker, advance } = clocked(1, 500);
    fail(breaker, 1);
    advance(500);
    breaker.record(breaker.allow()!, "failure");
    expect(breaker.state).toBe("open");
    advance(499);
    expect(breaker.allow()).toBeNull();
    advance(1);
    expect(breaker.allow()?.probe).toBe(true);
  });

  it("an abandoned probe frees the slot for the next caller", () => {
    const { breaker, advance } = clocked(1, 100);
    fail(breaker, 1);
    advance(100);
    breaker.record(breaker.allow()!, "neutral");
    expect(breaker.state).toBe("half-open");
    expect(breaker.allow()?.probe).toBe(true);
  });

  it("a late failure of a call begun before it opened says nothing new; a late answer proves the API is back", () => {
    const { breaker, advance } = clocked(1, 100);
    const early = breaker.allow()!;
    const late = breaker.allow()!;
    fail(breaker, 1);
    breaker.record(early, "failure");
    expect(breaker.state).toBe("open");
    advance(100);
    const probe = breaker.allow()!;
    breaker.record(late, "success");
    expect(breaker.state).toBe("closed");
    // The probe's own answer, after the circuit closed, changes nothing.
    breaker.record(probe, "failure");
    expect(breaker.state).toBe("closed");
  });

  it("recover() closes it at once, open or half-open, without waiting for the cooldown", () => {
    const changes: string[] = [];
    const breaker = new Breaker({ failureThreshold: 1, cooldownMs: 60_000, onChange: (state) => changes.push(state) });
    fail(breaker, 1);
    expect(breaker.allow()).toBeNull();
    breaker.recover();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()).not.toBeNull();
    breaker.recover();
    expect(changes).toEqual(["open", "closed"]);
  });

  it("rejects settings that cannot work", () => {
    expect(() => new Breaker({ failureThreshold: 0, cooldownMs: 10 })).toThrow(/failureThreshold/);
    expect(() => new Breaker({ failureThreshold: 1, cooldownMs: -1 })).toThrow(/cooldownMs/);
  });
});
