import { describe, expect, it } from "vitest";
import { billingPeriod, previousBillingPeriod } from "../../src/calendar/billing.js";
import { addDays, compareDates } from "../../src/calendar/zone.js";

describe("billing periods", () => {
  it("runs from the day after a statement day through the next one", () => {
    expect(billingPeriod("2026-11-20", 5)).toEqual({ from: "2026-11-06", to: "2026-12-05" });
    expect(billingPeriod("2026-11-05", 5)).toEqual({ from: "2026-10-06", to: "2026-11-05" });
    expect(billingPeriod("2026-11-06", 5)).toEqual({ from: "2026-11-06", to: "2026-12-05" });
    expect(billingPeriod("2026-01-03", 5)).toEqual({ from: "2025-12-06", to: "2026-01-05" });
    expect(billingPeriod("2026-12-31", 5)).toEqual({ from: "2026-12-06", to: "2027-01-05" });
  });

  it("handles statement day 28 across February", () => {
    expect(billingPeriod("2026-03-01", 28)).toEqual({ from: "2026-03-01", to: "2026-03-28" });
    expect(billingPeriod("2026-02-28", 28)).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(billingPeriod("2028-02-29", 28)).toEqual({ from: "2028-02-29", to: "2028-03-28" });
    expect(billingPeriod("2026-01-01", 1)).toEqual({ from: "2025-12-02", to: "2026-01-01" });
  });

  it("gives the previous period", () => {
    expect(previousBillingPeriod("2026-11-20", 5)).toEqual({ from: "2026-10-06", to: "2026-11-05" });
    expect(previousBillingPeriod("2026-01-03", 10)).toEqual({ from: "2025-11-11", to: "2025-12-10" });
  });

  it("tiles the calendar: every day is in exactly one period, periods are contiguous", () => {
    for (const day of [1, 5, 15, 28]) {
      let date = "2025-12-20";
      for (let i = 0; i < 500; i++) {
        const p = billingPeriod(date, day);
        expect(compareDates(p.from, date)).toBeLessThanOrEqual(0);
        expect(compareDates(date, p.to)).toBeLessThanOrEqual(0);
        expect(billingPeriod(addDays(p.to, 1), day).from).toBe(addDays(p.to, 1));
        expect(previousBillingPeriod(date, day).to).toBe(addDays(p.from, -1));
        date = addDays(date, 1);
      }
    }
  });

  it("rejects statement days outside 1..28", () => {
    expect(() => billingPeriod("2026-01-01", 29)).toThrow(RangeError);
    expect(() => billingPeriod("2026-01-01", 0)).toThrow(RangeError);
  });
});
