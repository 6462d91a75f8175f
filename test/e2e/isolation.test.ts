// Two companies' administrators at once, with the identity cache in play: nobody ever sees another
// company's data, and each sees exactly what the API itself shows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ era,  transactions: 600 });
  });
  afterAll(() => stack.close());

  interface CardPage {
    data: { id: string; cardholder: { name: string } }[];
    totalItems: number;
  }

  describe("two companies under concurrency", () => {
    it("every answer belongs to the caller's own company", async () => {
      const acmeToken = stack.token(USERS.admin);
      const brasaToken = stack.token(USERS.brasa);
      const [acmeRest, brasaRest, acmeMe, brasaMe] = await Promise.all([
        stack.sandboxFetch(acmeToken, "/api/v3/cards?size=100"),
        stack.sandboxFetch(brasaToken, "/api/v3/cards?size=100"),
        stack.sandboxFetch(acmeToken, "/api/v3/me"),
        stack.sandboxFetch(brasaToken, "/api/v3/me"),
      ]);
      expect(acmeMe.body.company.id).not.toBe(brasaMe.body.company.id);
      const acmeIds = new Set((acmeRest.body as CardPage).data.map((card) => card.id));
      const brasaIds = new Set((brasaRest.body as CardPage).data.map((card) => card.id));
      expect(acmeIds.size).toBeGreaterThan(0);
      expect(brasaIds.size).toBeGreaterThan(0);
      expect([...acmeIds].some((id) => brasaIds.has(id))).toBe(false);

      const [acme, brasa] = await Promise.all([stack.client(acmeToken, { name: "acme" }), stack.client(brasaToken, { name: "brasa" })]);
      const rounds = 8;
      const calls = Array.from({ length: rounds }, (_, round) => [
        { who: "acme", client: acme, name: "list_cards", round },
        { who: "brasa", client: brasa, name: "list_cards", round },
        { who: "acme", client: acme, name: "get_current_user", round },
        { who: "brasa", client: brasa, name: "get_current_user", round },
      ]).flat();
      const results = await Promise.all(
        calls.map(async (call) => ({ ...call, result: await call.client.callTool({ name: call.name, arguments: call.name === "list_cards" ? { limit: 100 } : {} }) })),
      );
      for (const { who, name, result } of results) {
        expect(result.isError, `${who} ${name}`).toBeFalsy();
        const own = who === "acme" ? acmeIds : brasaIds;
        const structured = result.structuredContent as any;
        if (name === "list_cards") {
          const ids = new Set((structured.data as { id: string }[]).map((card) => card.id));
          expect(ids).toEqual(own);
          expect(structured.totalItems).toBe(own.size);
        } else {
          expect(structured).toEqual((who === "acme" ? acmeMe : brasaMe).body);
        }
      }
    });

    it("a company's card is, for the other company, a card that does not exist", async () => {
      const acmeToken = stack.token(USERS.admin);
      const brasa = await stack.client(stack.token(USERS.brasa));
      const acmeCards = (await stack.sandboxFetch(acmeToken, "/api/v3/cards?size=5")).body as CardPage;
      const target = acmeCards.data[0]!;
      const seen = await brasa.callTool({ name: "get_card", arguments: { card: target.id } });
      const missing = await brasa.callTool({ name: "get_card", arguments: { card: "card_DoesNotExist1" } });
      expect(seen.isError).toBe(true);
      expect(JSON.stringify(seen.content)).not.toContain(target.cardholder.name);
      expect((seen.content as { text: string }[])[0]!.text.replace(target.id, "X")).toBe(
        (missing.content as { text: string }[])[0]!.text.replace("card_DoesNotExist1", "X"),
      );
    });

    it("a revoked token in the middle of a concurrent burst gets nothing from then on, and others are untouched", async () => {
      const doomed = stack.token(USERS.admin);
      const survivor = stack.token(USERS.brasa);
      const [doomedClient, survivorClient] = await Promise.all([stack.client(doomed), stack.client(survivor)]);
      await doomedClient.callTool({ name: "list_cards", arguments: { limit: 1 } });
      stack.revoke(doomed);
      const burst = await Promise.allSettled(
        Array.from({ length: 16 }, (_, index) =>
          (index % 2 ? survivorClient : doomedClient).callTool({ name: "list_cards", arguments: { limit: 3 } }),
        ),
      );
      burst.forEach((outcome, index) => {
        if (index % 2) {
          expect(outcome.status).toBe("fulfilled");
          if (outcome.status === "fulfilled") expect(outcome.value.isError).toBeFalsy();
        } else {
          expect(outcome.status).toBe("rejected");
          if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: 401 });
        }
      });
    });
  });
});
