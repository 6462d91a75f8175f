import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox, type UserKey } from "../fixture.js";

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(() => t.close());

const patch = (lock: boolean, key?: string): RequestInit => ({
  method: "PATCH",
  headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
  body: JSON.stringify({ lock }),
});
const LUIS = "/api/v3/cards/card_7Hq2LmX9";
const statusOf = async (s: TestSandbox = t, user: UserKey = "admin") => (await s.call(user, LUIS)).body.status;

describe("toggleCardLock", () => {
  it("locks and unlocks; locking a locked card succeeds and says it was locked", async () => {
    const first = await t.call("admin", `${LUIS}/lock`, patch(true));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ previousStatus: "ACTIVE", card: { status: "LOCKED" } });
    expect(Number.isNaN(Date.parse(first.body.changedAt))).toBe(false);
    expect(await statusOf()).toBe("LOCKED");
    const again = await t.call("books", `${LUIS}/lock`, patch(true));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ previousStatus: "LOCKED", card: { status: "LOCKED" } });
    const unlock = await t.call("admin", `${LUIS}/lock`, patch(false));
    expect(unlock.body).toMatchObject({ previousStatus: "LOCKED", card: { status: "ACTIVE" } });
    expect(await statusOf()).toBe("ACTIVE");
  });

  it("refuses cancelled cards (409) and leaves them cancelled", async () => {
    const cancelled = (await t.call("admin", "/api/v3/cards?status=CANCELLED&size=1")).body.data[0];
    for (const lock of [true, false]) {
      const r = await t.call("admin", `/api/v3/cards/${cancelled.id}/lock`, patch(lock));
      expect(r.status).toBe(409);
      expect(r.body.error.message).toContain("cancelled");
    }
    expect((await t.call("admin", `/api/v3/cards/${cancelled.id}`)).body.status).toBe("CANCELLED");
  });

  it("employees and viewers may not lock, not even their own card (403), and nothing changes", async () => {
    const own = (await t.call("employee", "/api/v3/cards?size=1")).body.data[0];
    for (const user of ["employee", "viewer"] as const) {
      const r = await t.call(user, `/api/v3/cards/${own.id}/lock`, patch(true));
      expect(r.status).toBe(403);
    }
    expect((await t.call("admin", `/api/v3/cards/${own.id}`)).body.status).toBe("ACTIVE");
  });

  it("another company's card is 404 and is not changed", async () => {
    const r = await t.call("brasa", `${LUIS}/lock`, patch(true));
    expect(r.status).toBe(404);
    expect(await statusOf()).toBe("ACTIVE");
  });

  it("Idempotency-Key: the same request returns the first answer and changes nothing twice", async () => {
    const first = await t.call("admin", `${LUIS}/lock`, patch(true, "key-1"));
    await t.call("admin", `${LUIS}/lock`, patch(false)); // someone unlocks it meanwhile
    const replay = await t.call("admin", `${LUIS}/lock`, patch(true, "key-1"));
    expect(replay.status).toBe(first.status);
    expect(replay.body).toEqual(first.body);
    expect(await statusOf()).toBe("ACTIVE"); // the replay did not lock it again

    const misuse = await t.call("admin", `${LUIS}/lock`, patch(false, "key-1"));
    expect(misuse.status).toBe(422);
    const otherCard = await t.call("admin", "/api/v3/cards/card_doesNotExist/lock", patch(true, "key-1"));
    expect(otherCard.status).toBe(422);

    // Keys belong to a user: the bookkeeper's "key-1" is a different key.
    const books = await t.call("books", `${LUIS}/lock`, patch(true, "key-1"));
    expect(books.status).toBe(200);
    expect(books.body.previousStatus).toBe("ACTIVE");
    expect(await statusOf()).toBe("LOCKED");
  });

  it("applied_writes records each write applied, once per key: a replayed key adds nothing", async () => {
    const db = t.sandbox.db;
    const count = (key: string) => db.prepare("SELECT count(*) FROM applied_writes WHERE idempotency_key = ?").pluck().get(key) as number;
    const before = db.prepare("SELECT count(*) FROM applied_writes").pluck().get() as number;
    await t.call("admin", `${LUIS}/lock`, patch(true, "key-log"));
    await t.call("admin", `${LUIS}/lock`, patch(true, "key-log"));
    await t.call("admin", `${LUIS}/lock`, patch(false));
    expect(count("key-log")).toBe(1);
    const rows = db.prepare("SELECT idempotency_key, fingerprint, status FROM applied_writes WHERE seq > (SELECT max(seq) - 2 FROM applied_writes) ORDER BY seq").all();
    expect(rows).toEqual([
      { idempotency_key: "key-log", fingerprint: JSON.stringify(["toggleCardLock", "card_7Hq2LmX9", true]), status: 200 },
      { idempotency_key: null, fingerprint: JSON.stringify(["toggleCardLock", "card_7Hq2LmX9", false]), status: 200 },
    ]);
    expect(db.prepare("SELECT count(*) FROM applied_writes").pluck().get()).toBe(before + 2);
  });

  it("Idempotency-Key: refusals are replayed too", async () => {
    const cancelled = (await t.call("admin", "/api/v3/cards?status=CANCELLED&size=1")).body.data[0];
    const a = await t.call("admin", `/api/v3/cards/${cancelled.id}/lock`, patch(true, "key-409"));
    const b = await t.call("admin", `/api/v3/cards/${cancelled.id}/lock`, patch(true, "key-409"));
    expect([a.status, b.status]).toEqual([409, 409]);
    expect(b.body.error.message).toBe(a.body.error.message);
    expect(b.body.error.requestId).not.toBe(a.body.error.requestId);
  });
});

describe("toggleCardLock with a slow processor", () => {
  it("answers 202 with the card unchanged, then applies the change", async () => {
    const slow = await startTestSandbox({ lockDelayMs: 100 });
    try {
      const r = await slow.call("admin", `${LUIS}/lock`, patch(true, "slow-1"));
      expect(r.status).toBe(202);
      expect(r.body).toMatchObject({ pending: true, previousStatus: "ACTIVE", card: { id: "card_7Hq2LmX9", status: "ACTIVE" } });
      expect(await statusOf(slow)).toBe("ACTIVE");
      const replay = await slow.call("admin", `${LUIS}/lock`, patch(true, "slow-1"));
      expect(replay.status).toBe(202);
      expect(replay.body).toEqual(r.body);
      let status = await statusOf(slow);
      while (status !== "LOCKED") {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await statusOf(slow);
      }
      expect(status).toBe("LOCKED");
      // Nothing left to do: an unlock is pending again, a repeated lock is immediate.
      const already = await slow.call("admin", `${LUIS}/lock`, patch(true));
      expect(already.status).toBe(200);
      expect(already.body.previousStatus).toBe("LOCKED");
    } finally {
      await slow.close();
    }
  });

  it("close() cancels changes still pending", async () => {
    const slow = await startTestSandbox({ lockDelayMs: 30 });
    const r = await slow.call("admin", `${LUIS}/lock`, patch(true));
    expect(r.status).toBe(202);
    await slow.close();
    // Had the timer survived, it would now write to a closed database and fail the run.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(slow.sandbox.db.open).toBe(false);
  });
});
