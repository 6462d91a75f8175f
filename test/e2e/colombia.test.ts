// The Colombian company through the gateway: pesos with two decimals in every text and structured
// answer, periods in America/Bogota and its own billing cycle (statement day 20).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, USERS, type Stack } from "./harness.js";
import { restAll, session, type Session } from "./prompting.js";

let stack: Stack;
let andes: Session;

beforeAll(async () => {
  stack = await startStack({ today: "2026-11-20", transactions: 1000 });
  andes = await session(stack, USERS.andes);
});
afterAll(() => stack?.close());

describe("Andes Logística through the gateway", () => {
  it("get_current_user: Colombia, COP, America/Bogota", async () => {
    const me = await andes.call("get_current_user");
    expect(me.isError).toBe(false);
    expect(me.structured.company).toMatchObject({ country: "CO", currency: "COP", timeZone: "America/Bogota", taxId: "901.234.567-7", billingCycle: { statementDay: 20 } });
  });

  it("list_cards: limits in pesos with two decimals and grouped thousands", async () => {
    const rest = await restAll(andes, "/api/v3/cards");
    const answer = await andes.call("list_cards", { limit: 100 });
    expect(answer.structured.data.map((c: any) => c.id)).toEqual(rest.items.map((c) => c.id));
    expect(answer.text).toMatch(/· Catalina Restrepo · ACTIVE · limit 40,000,000\.00 COP monthly/);
    const amounts = answer.text.match(/[\d,]+(?:\.\d+)? COP/g) ?? [];
    expect(amounts.length).toBeGreaterThanOrEqual(rest.totalItems);
    for (const amount of amounts) expect(amount).toMatch(/^\d{1,3}(,\d{3})*\.\d{2} COP$/);
    expect(answer.text).not.toMatch(/MXN|BRL/);
  });

  it("summarize_spending: the billing period closes on the 20th, in Bogotá's calendar", async () => {
    const answer = await andes.call("summarize_spending", { groupBy: "category", period: "current_billing_period" });
    expect(answer.isError).toBe(false);
    expect(answer.structured.period).toEqual({ from: "2026-10-21", to: "2026-11-20", timeZone: "America/Bogota", preset: "current_billing_period" });
    const rest = await andes.rest("/api/v3/transactions/summary?groupBy=category&from=2026-10-21&to=2026-11-20&status=PENDING&status=POSTED");
    expect(answer.structured.totals).toEqual(rest.totals);
    expect(rest.totals.total.currency).toBe("COP");
    expect(rest.totals.total.value).toMatch(/^\d+\.\d{2}$/);
    expect(answer.text).toContain(`${rest.totals.total.value.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} COP`);
  });

  it("never sees another company's card", async () => {
    const luis = await andes.call("get_card", { card: "4821" });
    expect(luis.isError).toBe(true);
    expect(luis.text).not.toContain("Luis Pérez");
  });
});
