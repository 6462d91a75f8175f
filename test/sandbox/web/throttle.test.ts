import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/sandbox/db/db.js";
import { SigninThrottle, THROTTLE } from "../../../src/sandbox/web/throttle.js";

const MINUTE = 60_000;
let db: Db;
let clock: number;
let throttle: SigninThrottle;

beforeEach(() => {
  db = openDatabase(":memory:");
  clock = Date.UTC(2026, 10, 20, 18);
  throttle = new SigninThrottle(db, () => clock);
});

const fail = (times: number, email: string, address = "203.0.113.7", every = MINUTE) => {
  for (let i = 0; i < times; i++) {
    throttle.failed(email, address);
    clock += every;
  }
};

describe("sign-in throttling", () => {
  it("states its limits: 5 per email, 20 per address, within 15 minutes, locked for 15", () => {
    expect(THROTTLE).toEqual({ windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, perEmail: 5, perAddress: 20 });
  });

  it("locks an email after 5 failures within 15 minutes, for 15 minutes, whatever the address", () => {
    fail(4, "admin@acme.example");
    expect(throttle.lockedUntil("admin@acme.example", "203.0.113.7")).toBeUndefined();
    fail(1, "Admin@Acme.example ", "198.51.100.1", 0);
    const until = throttle.lockedUntil("admin@acme.example", "192.0.2.99");
    expect(until).toBe(clock + 15 * MINUTE);
    clock += 15 * MINUTE - 1;
    expect(throttle.lockedUntil("admin@acme.example", "192.0.2.99")).toBeDefined();
    // Other emails from another address are not affected.
    expect(throttle.lockedUntil("books@acme.example", "192.0.2.99")).toBeUndefined();
    clock += 1;
    expect(throttle.lockedUntil("admin@acme.example", "192.0.2.99")).toBeUndefined();
    // After the lock the count starts again from zero.
    fail(4, "admin@acme.example");
    expect(throttle.lockedUntil("admin@acme.example", "192.0.2.99")).toBeUndefined();
  });

  it("failures spread over more than 15 minutes do not add up", () => {
    fail(10, "admin@acme.example", "203.0.113.7", 4 * MINUTE);
    expect(throttle.lockedUntil("admin@acme.example", "203.0.113.7")).toBeUndefined();
  });

  it("locks an address after 20 failures within 15 minutes, whatever the emails", () => {
    for (let i = 0; i < 19; i++) throttle.failed(`guess${i}@acme.example`, "203.0.113.7");
    expect(throttle.lockedUntil("admin@acme.example", "203.0.113.7")).toBeUndefined();
    throttle.failed("guess19@acme.example", "203.0.113.7");
    expect(throttle.lockedUntil("admin@acme.example", "203.0.113.7")).toBe(clock + 15 * MINUTE);
    expect(throttle.lockedUntil("admin@acme.example", "198.51.100.1")).toBeUndefined();
  });

  it("a successful sign-in clears its email's failures, not its address's", () => {
    fail(4, "admin@acme.example", "203.0.113.7", 0);
    for (let i = 0; i < 15; i++) throttle.failed(`guess${i}@acme.example`, "203.0.113.7");
    throttle.succeeded("admin@acme.example");
    fail(1, "admin@acme.example", "198.51.100.1", 0);
    expect(throttle.lockedUntil("admin@acme.example", "198.51.100.1")).toBeUndefined();
    // 4 + 15 + 1 = 20 failures from 203.0.113.7 … minus the one sent from elsewhere: 19, still open.
    expect(throttle.lockedUntil("someone@acme.example", "203.0.113.7")).toBeUndefined();
    throttle.failed("guess99@acme.example", "203.0.113.7");
    expect(throttle.lockedUntil("someone@acme.example", "203.0.113.7")).toBeDefined();
  });
});
