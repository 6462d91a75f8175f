// Lock and unlock, end to end: by name, last 4 and id, with the confirmation sentences, and every
// way it must refuse without changing anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { requestsSince, restAll, session, type Session } from "./prompting.js";

describe.each(ERAS)("%s era", (era) => {
  const LUIS = "card_7Hq2LmX9";
  let stack: Stack;
  let admin: Session;
  let books: Session;

  beforeAll(async () => {
    stack = await startStack({ era,  today: "2026-11-20" });
    admin = await session(stack, USERS.admin);
    books = await session(stack, USERS.books);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function status(cardId: string, user = admin): Promise<string> {
    return (await user.rest(`/api/v3/cards/${cardId}`)).status;
  }

  describe("prompts, lock and unlock", () => {
    it('"Lock the card assigned to Luis Pérez", then "Unlock it"', async () => {
      expect(await status(LUIS)).toBe("ACTIVE");
      const locked = await admin.call("lock_card", { card: "Luis Pérez" });
      expect(locked.isError).toBe(false);
      expect(locked.text).toBe("Locked card •••• 4821 (Luis Pérez); it was active.");
      expect(locked.structured).toMatchObject({ previousStatus: "ACTIVE", card: { id: LUIS, status: "LOCKED" } });
      expect(await status(LUIS)).toBe("LOCKED");

      const unlocked = await admin.call("unlock_card", { card: LUIS });
      expect(unlocked.text).toBe("Unlocked card •••• 4821 (Luis Pérez); it was locked.");
      expect(unlocked.structured).toMatchObject({ previousStatus: "LOCKED", card: { status: "ACTIVE" } });
      expect(await status(LUIS)).toBe("ACTIVE");
    });

    it("by name without accents or capitals, by last 4 with or without dots, and by id", async () => {
      const byName = await books.call("lock_card", { card: "luis perez" });
      expect(byName.text).toBe("Locked card •••• 4821 (Luis Pérez); it was active.");
      const byDigits = await books.call("unlock_card", { card: "•••• 4821" });
      expect(byDigits.text).toBe("Unlocked card •••• 4821 (Luis Pérez); it was locked.");
      const byBareDigits = await admin.call("lock_card", { card: "4821" });
      expect(byBareDigits.text).toBe("Locked card •••• 4821 (Luis Pérez); it was active.");
      const byId = await admin.call("unlock_card", { card: LUIS });
      expect(byId.text).toBe("Unlocked card •••• 4821 (Luis Pérez); it was locked.");
      expect(await status(LUIS)).toBe("ACTIVE");
    });

    it("each write carries a fresh idempotency key", async () => {
      const before = stack.sandbox.requestLog.length;
      await admin.call("lock_card", { card: LUIS });
      await admin.call("unlock_card", { card: LUIS });
      const writes = requestsSince(stack, before, `/api/v3/cards/${LUIS}/lock`);
      expect(writes.map((w) => w.method)).toEqual(["PATCH", "PATCH"]);
      const keys = writes.map((w) => w.headers["idempotency-key"]);
      expect(keys[0]).toBeTruthy();
      expect(keys[1]).toBeTruthy();
      expect(keys[0]).not.toBe(keys[1]);
      expect(writes.map((w) => JSON.parse(w.body))).toEqual([{ lock: true }, { lock: false }]);
    });

    it("locking a locked card says so and changes nothing; unlocking an active one too", async () => {
      const lockedCards = await restAll(admin, "/api/v3/cards?status=LOCKED");
      const card = lockedCards.items[0];
      const again = await admin.call("lock_card", { card: card.id });
      expect(again.isError).toBe(false);
      expect(again.text).toBe(`Card •••• ${card.last4} (${card.cardholder.name}) was already locked; nothing changed.`);
      expect(await status(card.id)).toBe("LOCKED");

      const active = await admin.call("unlock_card", { card: LUIS });
      expect(active.text).toBe("Card •••• 4821 (Luis Pérez) was already active; nothing changed.");
    });

    it('the ambiguous "Pérez" lists the candidates, asks which one, and changes nothing', async () => {
      const before = stack.sandbox.requestLog.length;
      const answer = await admin.call("lock_card", { card: "Pérez" });
      expect(answer.isError).toBe(true);
      expect(answer.structured).toBeUndefined();
      const luisa = (await restAll(admin, "/api/v3/cards?cardholder=Luisa")).items[0];
      expect(answer.text).toBe(
        `2 cards match "Pérez":\n- Luis Pérez •••• 4821 (ACTIVE)\n- Luisa Pérez Gómez •••• ${luisa.last4} (${luisa.status})\nWhich one do you mean? Nothing was changed.`,
      );
      expect(requestsSince(stack, before, "/api/v3/cards").filter((r) => r.method !== "GET")).toEqual([]);
      expect(await status(LUIS)).toBe("ACTIVE");
      expect(await status(luisa.id)).toBe(luisa.status);
    });

    it("one cardholder with two cards is ambiguous even by full name", async () => {
      const answer = await admin.call("lock_card", { card: "Ana Torres" });
      expect(answer.isError).toBe(true);
      expect(answer.text.match(/- Ana Torres •••• \d{4}/g)).toHaveLength(2);
    });

    it("a name that matches nobody offers the closest names", async () => {
      const answer = await admin.call("lock_card", { card: "Luiz Peres" });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/^No card matches "Luiz Peres"\. The closest names are: Luis Pérez, /);
      expect(answer.text).toMatch(/Nothing was changed\.$/);
    });

    it("a cancelled card cannot be locked: the upstream's reason, nothing changed", async () => {
      const cancelled = (await restAll(admin, "/api/v3/cards?status=CANCELLED")).items[0];
      const answer = await admin.call("lock_card", { card: cancelled.id });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/cancel/i);
      expect(answer.text).toContain("Nothing was changed.");
      expect(await status(cancelled.id)).toBe("CANCELLED");
    });

    it("a Brazilian administrator cannot see or lock a Mexican card: answered exactly like a card that does not exist", async () => {
      const brasa = await session(stack, USERS.brasa);
      const missing = "card_ZZZZ0000";
      const lockMexican = await brasa.call("lock_card", { card: LUIS });
      const lockMissing = await brasa.call("lock_card", { card: missing });
      expect(lockMexican.isError).toBe(true);
      expect(lockMexican.text).toBe(`No card matches "${LUIS}". Nothing was changed.`);
      expect(lockMexican.text.replace(LUIS, missing)).toBe(lockMissing.text);
      const getMexican = await brasa.call("get_card", { card: LUIS });
      const getMissing = await brasa.call("get_card", { card: missing });
      expect(getMexican.text.replace(LUIS, missing)).toBe(getMissing.text);
      expect(getMexican.text).toBe(`No card matches "${LUIS}".`);

      // By name or last 4, the Mexican card is simply not there, and no Mexican name is offered.
      const byName = await brasa.call("lock_card", { card: "Luis Pérez" });
      expect(byName.text).toMatch(/^No card matches "Luis Pérez"\./);
      const acmeNames = (await restAll(admin, "/api/v3/cards")).items.map((c) => c.cardholder.name as string);
      const brasaNames = new Set((await restAll(brasa, "/api/v3/cards")).items.map((c) => c.cardholder.name as string));
      const offered = byName.text.slice(byName.text.indexOf(". ") + 2);
      expect(offered).toMatch(/^The closest names are: /);
      for (const name of acmeNames.filter((n) => !brasaNames.has(n))) expect(offered).not.toContain(name);
      const byDigits = await brasa.call("lock_card", { card: "4821" });
      expect(byDigits.text).toMatch(/^No card matches "4821"\./);
      expect(await status(LUIS)).toBe("ACTIVE");
    });
  });
});
