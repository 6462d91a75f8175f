import { describe, expect, it } from "vitest";
import { compileTemplate, formatCount, formatDate, formatDecimal, formatMoney, formatWords, pluralOf } from "../../../src/gateway/call/templates.js";

const env = { timeZone: "America/Mexico_City" };

describe("money", () => {
  it("groups thousands of exact decimal strings", () => {
    expect(formatMoney({ value: "20000.00", currency: "MXN" })).toBe("20,000.00 MXN");
    expect(formatMoney({ value: "1234567.89", currency: "BRL" })).toBe("1,234,567.89 BRL");
    expect(formatMoney({ value: "999.99", currency: "MXN" })).toBe("999.99 MXN");
    expect(formatMoney({ value: "0.50", currency: "COP" })).toBe("0.50 COP");
    expect(formatMoney({ value: "-5000.10", currency: "MXN" })).toBe("-5,000.10 MXN");
  });

  it("never goes through floating point", () => {
    // 0.1 + 0.2 style loss and values past 2^53 would show up here.
    expect(formatMoney({ value: "90071992547409931.07", currency: "MXN" })).toBe("90,071,992,547,409,931.07 MXN");
    expect(formatDecimal("12345678901234567890.01")).toBe("12,345,678,901,234,567,890.01");
  });

  it("shows a missing amount as a dash and leaves non-decimals alone", () => {
    expect(formatMoney(undefined)).toBe("—");
    expect(formatMoney({ currency: "MXN" })).toBe("—");
    expect(formatDecimal("n/a")).toBe("n/a");
  });
});

describe("dates", () => {
  it("gives the day a date-time fell on in the company's zone", () => {
    // 03:00 UTC on the 18th is still the 17th in Mexico City (UTC-6).
    expect(formatDate("2026-11-18T03:00:00Z", "America/Mexico_City")).toBe("2026-11-17");
    expect(formatDate("2026-11-18T03:00:00Z", "America/Sao_Paulo")).toBe("2026-11-18");
    expect(formatDate("2026-11-18", "Asia/Tokyo")).toBe("2026-11-18");
    expect(formatDate(null, "UTC")).toBe("—");
  });

  it("turns the day exactly at local midnight, also in zones with odd offsets", () => {
    expect(formatDate("2026-11-18T05:59:59Z", "America/Mexico_City")).toBe("2026-11-17");
    expect(formatDate("2026-11-18T06:00:00Z", "America/Mexico_City")).toBe("2026-11-18");
    // Nepal is UTC+05:45: midnight falls at 18:15 UTC.
    expect(formatDate("2026-11-17T18:14:59.999Z", "Asia/Kathmandu")).toBe("2026-11-17");
    expect(formatDate("2026-11-17T18:15:00Z", "Asia/Kathmandu")).toBe("2026-11-18");
    expect(formatDate("2026-11-17T18:14:00+00:00", "Asia/Kathmandu")).toBe("2026-11-17");
    // The same instants again, now from the cache.
    expect(formatDate("2026-11-18T05:59:59Z", "America/Mexico_City")).toBe("2026-11-17");
    expect(formatDate("2026-11-17T18:15:00Z", "Asia/Kathmandu")).toBe("2026-11-18");
  });
});

describe("words", () => {
  it("writes an API constant as lower-case words", () => {
    expect(formatWords("PER_TRANSACTION")).toBe("per transaction");
    expect(formatWords("MONTHLY")).toBe("monthly");
    expect(formatWords(["WEEKEND_SPENDING", "OVER_CATEGORY_LIMIT"])).toBe("weekend spending, over category limit");
  });

  it("renders nothing to say as a dash", () => {
    expect(formatWords(null)).toBe("—");
    expect(formatWords(undefined)).toBe("—");
    expect(formatWords([])).toBe("—");
    expect(compileTemplate("limit {period|words}")({ period: "DAILY_ATM" }, env)).toBe("limit daily atm");
  });
});

describe("plural", () => {
  const render = (template: string, data: unknown) => compileTemplate(template)(data, env);

  it("puts the noun in the singular for exactly one, in the plural otherwise", () => {
    expect(render("{n|plural:line}", { n: 1 })).toBe("1 line");
    expect(render("{n|plural:line}", { n: 0 })).toBe("0 lines");
    expect(render("{n|plural:line}", { n: 3 })).toBe("3 lines");
    expect(render("{n|plural:line}", { n: 1.5 })).toBe("1.5 lines");
    expect(render("{n|plural:expense report}", { n: 2 })).toBe("2 expense reports");
    expect(render("{n|plural:expense report}", { n: 1 })).toBe("1 expense report");
  });

  it("groups the thousands of a count, keeping the noun's number", () => {
    expect(render("{n|plural:transaction}", { n: 1487 })).toBe("1,487 transactions");
    expect(render("{n|plural:person/people}", { n: 1000000 })).toBe("1,000,000 people");
    expect(render("{n|plural:line}", { n: 999 })).toBe("999 lines");
  });

  it("follows the regular English rules, or the plural given after a slash", () => {
    expect(["line", "box", "batch", "wish", "bus", "category", "day"].map(pluralOf)).toEqual([
      "lines", "boxes", "batches", "wishes", "buses", "categories", "days",
    ]);
    expect(render("{n|plural:person/people}", { n: 4 })).toBe("4 people");
    expect(render("{n|plural:person/people}", { n: 1 })).toBe("1 person");
    expect(render("{n|plural: quiz / quizzes }", { n: 2 })).toBe("2 quizzes");
  });

  it("renders a missing count as a dash, not as a number of things", () => {
    expect(render("{n|plural:line}", {})).toBe("—");
    expect(render("{n|plural:line}", { n: null })).toBe("—");
  });

  it("refuses, when compiled, a missing or malformed noun", () => {
    expect(() => compileTemplate("{n|plural}")).toThrow(/template filter "plural" in "\{n\|plural\}" needs a noun/);
    expect(() => compileTemplate("{n|plural:}")).toThrow(/needs a noun/);
    expect(() => compileTemplate("{n|plural:a/b/c}")).toThrow(/needs a noun/);
    expect(() => compileTemplate("{n|plural:/lines}")).toThrow(/needs a noun/);
  });
});

describe("templates", () => {
  it("renders paths and filters", () => {
    const render = compileTemplate("Card •••• {card.last4} ({card.holder.name}) is {status|lower}, limit {limit|money}, since {since|date}.");
    const text = render(
      { card: { last4: "4821", holder: { name: "Luis Pérez" } }, status: "LOCKED", limit: { value: "20000.00", currency: "MXN" }, since: "2026-03-01T02:00:00Z" },
      env,
    );
    expect(text).toBe("Card •••• 4821 (Luis Pérez) is locked, limit 20,000.00 MXN, since 2026-02-28.");
  });

  it("renders anything missing as a dash", () => {
    expect(compileTemplate("{a.b.c} / {x|money} / {y|lower} / {z|date}")({ a: { b: null } }, env)).toBe("— / — / — / —");
  });

  it("renders numbers, booleans and arrays", () => {
    expect(compileTemplate("{n} {b} {list}")({ n: 0, b: false, list: ["A", "B"] }, env)).toBe("0 false A, B");
  });

  it("groups the thousands of integers, and only of integers", () => {
    const render = compileTemplate("{shown} of {total} · {n}");
    expect(render({ shown: 3, total: 1312, n: -25000 }, env)).toBe("3 of 1,312 · -25,000");
    expect(compileTemplate("{n}")({ n: 12345678901234567890n }, env)).toBe("12,345,678,901,234,567,890");
    // A fraction is shown exactly as it came: grouping it would need rounding decisions.
    expect(compileTemplate("{n}")({ n: 1234.5 }, env)).toBe("1234.5");
    expect(compileTemplate("{n}")({ n: 1e21 }, env)).toBe("1e+21");
    expect(formatCount(1487)).toBe("1,487");
  });

  it("leaves decimal strings and ids that look like numbers as they are", () => {
    const render = compileTemplate("{amount} {id} {last4} {list}");
    expect(render({ amount: "98095.15", id: "100200300", last4: "4821", list: [1000, "2000"] }, env)).toBe("98095.15 100200300 4821 1,000, 2000");
  });

  it("refuses an unknown filter when compiled, not when rendered", () => {
    expect(() => compileTemplate("{amount|euros}")).toThrow(/unknown template filter "euros"/);
    expect(() => compileTemplate("{status|lower:x}")).toThrow(/template filter "lower" in "\{status\|lower:x\}" takes no argument/);
    expect(() => compileTemplate("{amount|money:1x}")).toThrow(/template filter "money" .* needs the dotted path of a currency code/);
  });

  it("money:<path> formats a bare decimal in the currency found at that path, with two decimals", () => {
    const data = { args: { amount: "35000", other: "1234.5", odd: "lots" }, current: { limit: { amount: { value: "20000.00", currency: "MXN" } } } };
    expect(compileTemplate("{args.amount|money:current.limit.amount.currency}")(data, env)).toBe("35,000.00 MXN");
    expect(compileTemplate("{args.other|money:current.limit.amount.currency}")(data, env)).toBe("1,234.50 MXN");
    // Money objects keep their own currency; what is not a decimal stays as it is.
    expect(compileTemplate("{current.limit.amount|money:args.none}")(data, env)).toBe("20,000.00 MXN");
    expect(compileTemplate("{args.odd|money:current.limit.amount.currency}")(data, env)).toBe("lots");
  });

  it("keeps text without placeholders as it is", () => {
    expect(compileTemplate("Done, nothing else.")({}, env)).toBe("Done, nothing else.");
  });
});
