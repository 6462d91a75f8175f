import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cents, expectContract, startTestSandbox, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const GROUPINGS = ["category", "cardholder", "merchant", "card", "day", "month"] as const;

/** The list filter that selects exactly one group (merchant search is by substring, so none). */
function groupFilter(groupBy: string, key: string): string | undefined {
  switch (groupBy) {
    case "category":
      return `category=${key}`;
    case "cardholder":
      return `cardholderId=${key}`;
    case "card":
      return `cardId=${key}`;
    case "day":
      return `from=${key}&to=${key}`;
    case "month": {
      const [y, m] = key.split("-").map(Number) as [number, number];
      return `from=${key}-01&to=${key}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}`;
    }
    default:
      return undefined;
  }
}

const FILTERS = [
  "",
  "from=2026-10-01&to=2026-10-31&status=POSTED",
  "from=2026-09-15&minAmount=1000&maxAmount=4999.99",
  "from=2026-08-01T12:00:00Z&to=2026-11-19T23:00:00-06:00&category=FOOD",
  "from=2026-09-01&merchant=oxxo",
];

describe("summarizeTransactions", () => {
  it("counts and totals equal the list's for the same filters, for every grouping", async () => {
    for (const filter of FILTERS) {
      const list = await t.all("admin", `/api/v3/transactions?${filter}`);
      const listTotal = list.items.reduce((sum, i) => sum + cents(i.amount.value), 0);
      expect(list.totalItems, filter).toBeGreaterThan(0);
      for (const groupBy of GROUPINGS) {
        const s = await expectContract("summarizeTransactions", await t.call("admin", `/api/v3/transactions/summary?groupBy=${groupBy}&${filter}`), 200);
        expect(s.totals.count, `${groupBy} ${filter}`).toBe(list.totalItems);
        expect(cents(s.totals.total.value), `${groupBy} ${filter}`).toBe(listTotal);
        expect(s.groups.reduce((n: number, g: any) => n + g.count, 0)).toBe(list.totalItems);
        expect(s.groups.reduce((n: number, g: any) => n + cents(g.total.value), 0)).toBe(listTotal);
        expect(s.totals.total.currency).toBe("MXN");
      }
    }
  });

  it("says which statuses it counted: those asked for, in that order, or every status", async () => {
    const all = await expectContract("summarizeTransactions", await t.call("admin", "/api/v3/transactions/summary?groupBy=category&from=2026-10-01&to=2026-10-31"), 200);
    expect(all.statuses).toEqual(["PENDING", "POSTED", "DECLINED", "REVERSED"]);
    const spending = await expectContract(
      "summarizeTransactions",
      await t.call("admin", "/api/v3/transactions/summary?groupBy=category&from=2026-10-01&to=2026-10-31&status=POSTED&status=PENDING"),
      200,
    );
    expect(spending.statuses).toEqual(["POSTED", "PENDING"]);
    const list = await t.all("admin", "/api/v3/transactions?from=2026-10-01&to=2026-10-31");
    expect(all.totals.count).toBe(list.totalItems);
    expect(spending.totals.count).toBe(list.items.filter((i) => i.status === "POSTED" || i.status === "PENDING").length);
    expect(spending.totals.count).toBeLessThan(all.totals.count);
  });

  it("each group's count equals the list's count for that group", async () => {
    const filter = "from=2026-09-01&to=2026-11-20&minAmount=2000";
    for (const groupBy of GROUPINGS) {
      const s = (await t.call("admin", `/api/v3/transactions/summary?groupBy=${groupBy}&${filter}`)).body;
      for (const g of s.groups.slice(0, 4)) {
        const only = groupFilter(groupBy, g.key);
        if (!only) continue;
        // The group's own date range replaces the period for day and month groups.
        const query = groupBy === "day" || groupBy === "month" ? `minAmount=2000&${only}` : `${filter}&${only}`;
        const list = await t.all("admin", `/api/v3/transactions?${query}`);
        expect(list.totalItems, `${groupBy} ${g.key}`).toBe(g.count);
        expect(list.items.reduce((n, i) => n + cents(i.amount.value), 0)).toBe(cents(g.total.value));
      }
    }
  });

  it("sorts groups by total, largest first; limit keeps the top groups but totals cover all", async () => {
    const all = (await t.call("admin", "/api/v3/transactions/summary?groupBy=merchant&from=2026-10-01&to=2026-10-31")).body;
    const totals = all.groups.map((g: any) => cents(g.total.value));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(all.groups.length).toBeGreaterThan(20);
    const top = (await t.call("admin", "/api/v3/transactions/summary?groupBy=merchant&from=2026-10-01&to=2026-10-31&limit=3")).body;
    expect(top.groups).toEqual(all.groups.slice(0, 3));
    expect(top.totals).toEqual(all.totals);
  });

  it("labels groups for people and says which period and zone it used", async () => {
    const byCategory = (await t.call("admin", "/api/v3/transactions/summary?groupBy=category&from=2026-07-01")).body;
    expect(byCategory).toMatchObject({ from: "2026-07-01", to: "2026-11-20", timeZone: "America/Mexico_City", groupBy: "category" });
    expect(new Set(byCategory.groups.map((g: any) => g.key))).toEqual(
      new Set(["TRAVEL", "LODGING", "FOOD", "TRANSPORTATION", "FUEL", "SOFTWARE_AND_HARDWARE", "OFFICE_SUPPLIES", "MARKETING", "PROFESSIONAL_SERVICES", "UTILITIES", "ENTERTAINMENT", "OTHER"]),
    );
    expect(byCategory.groups.find((g: any) => g.key === "SOFTWARE_AND_HARDWARE").label).toBe("Software and hardware");
    const byCard = (await t.call("admin", "/api/v3/transactions/summary?groupBy=card")).body;
    expect(byCard).toMatchObject({ from: "2026-11-06", to: "2026-12-05" });
    expect(byCard.groups.find((g: any) => g.key === "card_7Hq2LmX9")?.label).toBe("Luis Pérez •••• 4821");
    const byMonth = (await t.call("admin", "/api/v3/transactions/summary?groupBy=month&from=2026-09-01&to=2026-10-31")).body;
    expect(byMonth.groups.map((g: any) => [g.key, g.label]).sort()).toEqual([["2026-09", "September 2026"], ["2026-10", "October 2026"]]);
    const given = (await t.call("admin", "/api/v3/transactions/summary?groupBy=day&from=2026-11-01T00:00:00-06:00&to=2026-11-03")).body;
    expect(given).toMatchObject({ from: "2026-11-01T00:00:00-06:00", to: "2026-11-03" });
    expect(given.groups.map((g: any) => g.key).sort()).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
  });

  it("covers periods of any length, the same with or without listing the days", async () => {
    const wide = (await t.call("admin", "/api/v3/transactions/summary?groupBy=month&from=0001-01-01&to=9999-12-31")).body;
    const recent = (await t.call("admin", "/api/v3/transactions/summary?groupBy=month&from=2020-01-01")).body;
    expect(wide.totals).toEqual(recent.totals);
    expect(wide.groups).toEqual(recent.groups);
    expect(wide.groups.length).toBeGreaterThanOrEqual(4);
  });

  it("answers zero groups for a filter nothing matches, and keeps employees to their own", async () => {
    const none = (await t.call("admin", "/api/v3/transactions/summary?groupBy=card&minAmount=9999999999")).body;
    expect(none.groups).toEqual([]);
    expect(none.totals).toEqual({ count: 0, total: { value: "0.00", currency: "MXN" } });
    const own = (await t.call("employee", "/api/v3/transactions/summary?groupBy=cardholder&from=2026-08-01")).body;
    expect(own.groups.map((g: any) => g.label)).toEqual(["Daniela Ortiz"]);
    const brasa = (await t.call("brasa", "/api/v3/transactions/summary?groupBy=category&from=2026-08-01")).body;
    expect(brasa.totals.total.currency).toBe("BRL");
    expect(brasa.timeZone).toBe("America/Sao_Paulo");
  });
});
