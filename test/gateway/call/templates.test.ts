import { describe, expect, it } from "vitest";
import { compileTemplate, formatDate, formatDecimal, formatMoney } from "../../../src/gateway/call/templates.js";

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

  it("refuses an unknown filter when compiled, not when rendered", () => {
    expect(() => compileTemplate("{amount|euros}")).toThrow(/unknown template filter "euros"/);
  });

  it("keeps text without placeholders as it is", () => {
    expect(compileTemplate("Done, nothing else.")({}, env)).toBe("Done, nothing else.");
  });
});
