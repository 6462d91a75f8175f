// A lock the card processor finishes late: confirmed once applied within the wait, otherwise
// reported as still pending — and then the card really is not locked yet.
import { afterEach, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { session } from "./prompting.js";

describe.each(ERAS)("%s era", (era) => {
  const LUIS = "card_7Hq2LmX9";
  let stack: Stack | undefined;

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  describe("a lock the sandbox finishes late", () => {
    it("is confirmed once applied when it lands within the wait", async () => {
      stack = await startStack({ era,  today: "2026-11-20", lockDelayMs: 400 });
      const admin = await session(stack, USERS.admin);
      const answer = await admin.call("lock_card", { card: "Luis Pérez" });
      expect(answer.isError).toBe(false);
      expect(answer.text).toBe("Locked card •••• 4821 (Luis Pérez); it was active.");
      expect(answer.structured).toMatchObject({ pending: false, previousStatus: "ACTIVE", card: { status: "LOCKED" } });
      expect((await admin.rest(`/api/v3/cards/${LUIS}`)).status).toBe("LOCKED");
      // The runtime polled the card until the change showed.
      const polls = stack.sandbox.requestLog.filter((r) => r.method === "GET" && r.path === `/api/v3/cards/${LUIS}`);
      expect(polls.length).toBeGreaterThan(0);
    });

    it("is reported as still pending when it lands after the wait, and is really not applied", async () => {
      stack = await startStack({ era,  today: "2026-11-20", lockDelayMs: 30_000 });
      const admin = await session(stack, USERS.admin);
      const answer = await admin.call("lock_card", { card: "4821" });
      expect(answer.isError).toBe(false);
      expect(answer.text).toBe(
        "The lock of card •••• 4821 (Luis Pérez) was accepted but is not applied yet; the card is still active. Check again with get_card in a moment.",
      );
      expect(answer.structured).toMatchObject({ pending: true, card: { status: "ACTIVE" } });
      expect((await admin.rest(`/api/v3/cards/${LUIS}`)).status).toBe("ACTIVE");
    }, 30_000);

    it("with the upstream gone, a lock says the API is unavailable and that nothing was changed", async () => {
      stack = await startStack({ era,  today: "2026-11-20", identityTtlMs: 60_000 });
      const admin = await session(stack, USERS.admin);
      // A first call proves the token, so the next one may reuse that check and reach the engine.
      expect((await admin.call("get_card", { card: LUIS })).isError).toBe(false);
      await stack.stopUpstream();
      const answer = await admin.call("lock_card", { card: LUIS });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/is unavailable right now \(could not connect\)\. Nothing was changed\.$/);
    });
  });
});
