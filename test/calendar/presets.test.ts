import { describe, expect, it } from "vitest";
import { PERIOD_PRESETS, isPeriodPreset, resolvePeriod } from "../../src/calendar/presets.js";

// 2026-11-20 is a Friday.
const ctx = { today: "2026-11-20", statementDay: 5 };

describe("period presets", () => {
  it("resolves every preset to an inclusive range", () => {
    const expected: Record<string, { from: string; to: string }> = {
      today: { from: "2026-11-20", to: "2026-11-20" },
      yesterday: { from: "2026-11-19", to: "2026-11-19" },
      this_week: { from: "2026-11-16", to: "2026-11-22" },
      last_week: { from: "2026-11-09", to: "2026-11-15" },
      this_month: { from: "2026-11-01", to: "2026-11-30" },
      last_month: { from: "2026-10-01", to: "2026-10-31" },
      this_quarter: { from: "2026-10-01", to: "2026-12-31" },
      last_quarter: { from: "2026-07-01", to: "2026-09-30" },
      this_year: { from: "2026-01-01", to: "2026-12-31" },
      last_7_days: { from: "2026-11-14", to: "2026-11-20" },
      last_30_days: { from: "2026-10-22", to: "2026-11-20" },
      last_90_days: { from: "2026-08-23", to: "2026-11-20" },
      current_billing_period: { from: "2026-11-06", to: "2026-12-05" },
      last_billing_period: { from: "2026-10-06", to: "2026-11-05" },
    };
    expect([...PERIOD_PRESETS].sort()).toEqual(Object.keys(expected).sort());
    for (const preset of PERIOD_PRESETS) expect(resolvePeriod(preset, ctx), preset).toEqual(expected[preset]);
  });

  it("crosses year boundaries", () => {
    const jan = { today: "2027-01-04", statementDay: 10 }; // a Monday
    expect(resolvePeriod("last_month", jan)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(resolvePeriod("last_quarter", jan)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(resolvePeriod("this_week", jan)).toEqual({ from: "2027-01-04", to: "2027-01-10" });
    expect(resolvePeriod("last_week", jan)).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(resolvePeriod("yesterday", jan)).toEqual({ from: "2027-01-03", to: "2027-01-03" });
    expect(resolvePeriod("last_billing_period", jan)).toEqual({ from: "2026-11-11", to: "2026-12-10" });
    expect(resolvePeriod("this_week", { today: "2026-11-22", statementDay: 5 })).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(resolvePeriod("last_month", { today: "2026-03-31", statementDay: 5 })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("recognises preset names", () => {
    expect(isPeriodPreset("last_30_days")).toBe(true);
    expect(isPeriodPreset("last_31_days")).toBe(false);
  });
});
