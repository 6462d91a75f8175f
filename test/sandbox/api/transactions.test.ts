import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateIn, endOfDayExclusive, startOfDay } from "../../../src/calendar/zone.js";
import { cents, startTestSandbox, type TestSandbox } from "../fixture.js";

const ZONE = "America/Mexico_City";
let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const ms = (iso: string) => Date.parse(iso);

describe("listTransactions", () => {
  it("defaults to the current billing period (Nov 6 – Dec 5 for statement day 5), newest first", async () => {
    const { items, totalItems } = await t.all("admin", "/api/v3/transactions");
    expect(items.length).toBe(totalItems);
    expect(totalItems).toBeGreaterThan(500);
    const from = startOfDay("2026-11-06", ZONE).getTime();
    const to = endOfDayExclusive("2026-12-05", ZONE).getTime();
    for (const item of items) {
      expect(ms(item.authorizedAt)).toBeGreaterThanOrEqual(from);
      expect(ms(item.authorizedAt)).toBeLessThan(to);
    }
    for (let i = 1; i < items.length; i++) expect(ms(items[i - 1].authorizedAt)).toBeGreaterThanOrEqual(ms(items[i].authorizedAt));
    const direct = t.sandbox.db
      .prepare("SELECT COUNT(*) FROM transactions WHERE company_id = 'cmp_acme' AND authorized_at >= ? AND authorized_at < ?")
      .pluck()
      .get(from, to);
    expect(totalItems).toBe(direct);
  });

  it("walks every page without losing or repeating an item, whatever the page size", async () => {
    const path = "/api/v3/transactions?from=2026-10-01&to=2026-10-31&category=TRAVEL";
    const small = await t.all("admin", path, 7);
    const large = await t.all("admin", path, 100);
    expect(small.items.length).toBe(small.totalItems);
    expect(new Set(small.items.map((i) => i.id)).size).toBe(small.totalItems);
    expect(small.items.map((i) => i.id)).toEqual(large.items.map((i) => i.id));
    const beyond = await t.call("admin", `${path}&page=${Math.ceil(small.totalItems / 7) + 1}&size=7`);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.totalItems).toBe(small.totalItems);
  });

  it("filters by card, cardholder, status, category and merchant", async () => {
    const card = await t.all("admin", "/api/v3/transactions?cardId=card_7Hq2LmX9&from=2026-08-01");
    expect(card.totalItems).toBeGreaterThan(0);
    expect(card.items.every((i) => i.card.id === "card_7Hq2LmX9" && i.card.last4 === "4821" && i.cardholder.name === "Luis Pérez")).toBe(true);

    const holder = await t.all("admin", "/api/v3/transactions?cardholderId=chd_Lp01&from=2026-08-01");
    expect(holder.items.map((i) => i.id)).toEqual(card.items.map((i) => i.id));

    const period = "from=2026-08-01&to=2026-11-20";
    const both = await t.all("admin", `/api/v3/transactions?${period}&status=DECLINED&status=REVERSED`);
    const declined = await t.call("admin", `/api/v3/transactions?${period}&status=DECLINED&size=1`);
    const reversed = await t.call("admin", `/api/v3/transactions?${period}&status=REVERSED&size=1`);
    expect(both.totalItems).toBe(declined.body.totalItems + reversed.body.totalItems);
    expect(declined.body.totalItems).toBeGreaterThan(0);
    expect(reversed.body.totalItems).toBeGreaterThan(0);
    expect(both.items.every((i) => i.status === "DECLINED" || i.status === "REVERSED")).toBe(true);

    const travel = await t.all("admin", `/api/v3/transactions?${period}&category=LODGING`);
    expect(travel.items.every((i) => i.merchant.category === "LODGING")).toBe(true);

    const uber = await t.all("admin", `/api/v3/transactions?${period}&merchant=UBER`);
    expect(new Set(uber.items.map((i) => i.merchant.name))).toEqual(new Set(["Uber", "Uber Eats"]));
    const cine = await t.all("admin", `/api/v3/transactions?${period}&merchant=cinepolis`);
    expect(cine.totalItems).toBeGreaterThan(0);
    expect(cine.items.every((i) => i.merchant.name === "Cinépolis")).toBe(true);
    const wildcard = await t.call("admin", `/api/v3/transactions?${period}&merchant=%25`);
    expect(wildcard.body.totalItems).toBe(0);
  });

  it("compares amounts exactly, both bounds inclusive", async () => {
    const sample = (await t.call("admin", "/api/v3/transactions?from=2026-10-01&to=2026-10-31&minAmount=1234.5&size=1")).body.data[0];
    const value: string = sample.amount.value;
    const at = `from=2026-10-01&to=2026-10-31`;
    const exact = await t.all("admin", `/api/v3/transactions?${at}&minAmount=${value}&maxAmount=${value}`);
    expect(exact.items.map((i) => i.id)).toContain(sample.id);
    expect(exact.items.every((i) => i.amount.value === value)).toBe(true);
    const above = cents(value) + 1;
    const over = await t.all("admin", `/api/v3/transactions?${at}&minAmount=${Math.floor(above / 100)}.${String(above % 100).padStart(2, "0")}&maxAmount=${Number(value) + 50}`);
    expect(over.items.map((i) => i.id)).not.toContain(sample.id);
    const big = await t.all("admin", `/api/v3/transactions?${at}&minAmount=5000`);
    expect(big.totalItems).toBeGreaterThan(10);
    expect(big.items.every((i) => cents(i.amount.value) >= 500_000)).toBe(true);
    const small = await t.all("admin", `/api/v3/transactions?${at}&maxAmount=99.9`);
    expect(small.items.every((i) => cents(i.amount.value) <= 9_990)).toBe(true);
  });

  it("reads dates as whole days in the company's zone and date-times as instants, inclusive", async () => {
    const day = await t.all("admin", "/api/v3/transactions?from=2026-11-01&to=2026-11-01");
    expect(day.totalItems).toBeGreaterThan(0);
    expect(day.items.every((i) => dateIn(ms(i.authorizedAt), ZONE) === "2026-11-01")).toBe(true);
    const instants = await t.all("admin", "/api/v3/transactions?from=2026-11-01T00:00:00-06:00&to=2026-11-01T23:59:59.999-06:00");
    expect(instants.items.map((i) => i.id)).toEqual(day.items.map((i) => i.id));
    const one = day.items[3];
    const exactly = await t.all("admin", `/api/v3/transactions?from=${encodeURIComponent(one.authorizedAt)}&to=${encodeURIComponent(one.authorizedAt)}`);
    expect(exactly.items.map((i) => i.id)).toContain(one.id);
    expect(exactly.items.every((i) => i.authorizedAt === one.authorizedAt)).toBe(true);
  });

  it("with only from, runs to today; with only to, from the start", async () => {
    const since = await t.call("admin", "/api/v3/transactions?from=2026-11-19&size=100");
    expect(since.body.data.every((i: any) => dateIn(ms(i.authorizedAt), ZONE) >= "2026-11-19")).toBe(true);
    expect(dateIn(ms(since.body.data[0].authorizedAt), ZONE)).toBe("2026-11-20");
    const until = await t.call("admin", "/api/v3/transactions?to=2026-11-20&size=1");
    const everything = t.sandbox.db.prepare("SELECT COUNT(*) FROM transactions WHERE company_id = 'cmp_acme'").pluck().get();
    expect(until.body.totalItems).toBe(everything);
    expect(everything).toBeGreaterThanOrEqual(5000);
  });

  it("shows foreign purchases with their original amount, and pending ones without a posting time", async () => {
    const { items } = await t.all("admin", "/api/v3/transactions?from=2026-10-01&category=SOFTWARE_AND_HARDWARE");
    const foreign = items.filter((i) => i.originalAmount !== null);
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((i) => i.originalAmount.currency === "USD" && i.amount.currency === "MXN")).toBe(true);
    const pending = await t.all("admin", "/api/v3/transactions?status=PENDING&from=2026-10-01");
    expect(pending.totalItems).toBeGreaterThan(0);
    expect(pending.items.every((i) => i.postedAt === null && ms(i.authorizedAt) > TODAY_MS - 4 * 86_400_000)).toBe(true);
  });

  it("employees see only their own transactions; other companies' never appear", async () => {
    const me = (await t.call("employee", "/api/v3/me")).body;
    const own = await t.all("employee", "/api/v3/transactions?from=2026-09-01");
    expect(own.totalItems).toBeGreaterThan(0);
    expect(own.items.every((i) => i.cardholder.name === me.name)).toBe(true);
    const others = await t.call("employee", "/api/v3/transactions?from=2026-09-01&cardholderId=chd_Lp01");
    expect(others.body.totalItems).toBe(0);
    const brasa = await t.call("brasa", "/api/v3/transactions?from=2026-09-01&cardId=card_7Hq2LmX9");
    expect(brasa.body.totalItems).toBe(0);
    const brasaAll = await t.all("brasa", "/api/v3/transactions?from=2026-09-01");
    expect(brasaAll.totalItems).toBeGreaterThan(0);
    expect(brasaAll.items.every((i) => i.amount.currency === "BRL")).toBe(true);
  });
});

const TODAY_MS = Date.parse("2026-11-20T18:00:00Z");
