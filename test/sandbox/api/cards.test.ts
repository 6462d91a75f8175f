import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cents, startTestSandbox, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe("listCards and getCard", () => {
  it("lists all 40 cards newest first across pages, none lost or repeated", async () => {
    const { items, totalItems } = await t.all("admin", "/api/v3/cards", 7);
    expect(totalItems).toBe(40);
    expect(new Set(items.map((c) => c.id)).size).toBe(40);
    for (let i = 1; i < items.length; i++) expect(Date.parse(items[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(items[i].createdAt));
    expect(new Set(items.map((c) => c.last4)).size).toBe(40);
  });

  it("searches cardholder names ignoring case and accents", async () => {
    const luis = await t.all("admin", "/api/v3/cards?cardholder=luis%20perez");
    expect(luis.items.map((c) => c.cardholder.name)).toEqual(["Luis Pérez"]);
    const perez = await t.all("admin", "/api/v3/cards?cardholder=P%C3%89REZ");
    expect(perez.items.map((c) => c.cardholder.name).sort()).toEqual(["Luis Pérez", "Luisa Pérez Gómez"]);
    const angel = await t.all("admin", "/api/v3/cards?cardholder=miguel%20angel");
    expect(angel.items.map((c) => c.cardholder.name)).toEqual(["Miguel Ángel Romero"]);
    const none = await t.call("admin", "/api/v3/cards?cardholder=_");
    expect(none.body.totalItems).toBe(0);
  });

  it("filters by status, last4 and minimum spending limit", async () => {
    for (const status of ["ACTIVE", "LOCKED", "CANCELLED"]) {
      const { items, totalItems } = await t.all("admin", `/api/v3/cards?status=${status}`);
      expect(totalItems, status).toBeGreaterThan(0);
      expect(items.every((c) => c.status === status)).toBe(true);
    }
    const one = await t.all("admin", "/api/v3/cards?last4=4821");
    expect(one.items.map((c) => c.id)).toEqual(["card_7Hq2LmX9"]);
    const rich = await t.all("admin", "/api/v3/cards?minSpendingLimit=20000");
    expect(rich.items.every((c) => cents(c.spendingLimit.amount.value) >= 2_000_000)).toBe(true);
    expect(rich.items.map((c) => c.id)).toContain("card_7Hq2LmX9");
    const richer = await t.all("admin", "/api/v3/cards?minSpendingLimit=20000.01");
    expect(richer.items.map((c) => c.id)).not.toContain("card_7Hq2LmX9");
    const combined = await t.all("admin", "/api/v3/cards?status=ACTIVE&minSpendingLimit=30000&cardholder=a");
    expect(combined.items.every((c) => c.status === "ACTIVE" && cents(c.spendingLimit.amount.value) >= 3_000_000)).toBe(true);
  });

  it("spentThisPeriod is the pending and posted spending of the card's limit period", async () => {
    const luis = (await t.call("admin", "/api/v3/cards/card_7Hq2LmX9")).body;
    expect(luis.spendingLimit).toEqual({ amount: { value: "20000.00", currency: "MXN" }, period: "MONTHLY" });
    const monthly = await t.all("admin", "/api/v3/transactions?cardId=card_7Hq2LmX9&status=PENDING&status=POSTED");
    expect(cents(luis.spentThisPeriod.value)).toBe(monthly.items.reduce((n, i) => n + cents(i.amount.value), 0));
    const daily = (await t.all("admin", "/api/v3/cards")).items.find((c) => c.spendingLimit.period === "DAILY" && c.status === "ACTIVE");
    const today = await t.all("admin", `/api/v3/transactions?cardId=${daily.id}&status=PENDING&status=POSTED&from=2026-11-20&to=2026-11-20`);
    expect(cents(daily.spentThisPeriod.value)).toBe(today.items.reduce((n, i) => n + cents(i.amount.value), 0));
  });

  it("employees see only their own cards", async () => {
    const own = await t.all("employee", "/api/v3/cards");
    expect(own.totalItems).toBe(2);
    expect(own.items.every((c) => c.cardholder.email === "daniela.ortiz@acme.example")).toBe(true);
    const other = await t.call("employee", "/api/v3/cards/card_7Hq2LmX9");
    expect(other.status).toBe(404);
    expect((await t.call("employee", `/api/v3/cards/${own.items[0].id}`)).status).toBe(200);
  });

  it("another company's card is 404, exactly like a card that does not exist", async () => {
    const brasa = await t.all("brasa", "/api/v3/cards");
    expect(brasa.totalItems).toBe(10);
    expect(brasa.items.every((c) => c.spendingLimit.amount.currency === "BRL")).toBe(true);
    const foreign = await t.call("brasa", "/api/v3/cards/card_7Hq2LmX9");
    const unknown = await t.call("brasa", "/api/v3/cards/card_7Hq2LmX8");
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.body.error.message.replace("card_7Hq2LmX9", "ID")).toBe(unknown.body.error.message.replace("card_7Hq2LmX8", "ID"));
    expect(Object.keys(foreign.body.error)).toEqual(Object.keys(unknown.body.error));
    expect((await t.call("brasa", "/api/v3/cards?last4=4821")).body.totalItems).toBe(0);
  });
});
