import { describe, expect, it } from "vitest";
import type { PeriodEntry } from "../../../generated/table.js";
import { applyPeriod, describePeriod, type PeriodOutcome } from "../../../src/gateway/call/period.js";

const entry: PeriodEntry = { arg: "period", from: "from", to: "to", default: "current_billing_period" };
// 2026-11-20 05:30 UTC is still the 19th in Mexico City and already the 20th in São Paulo.
const now = new Date("2026-11-20T05:30:00Z");
const mx = { timeZone: "America/Mexico_City", statementDay: 5, now };

function outcome(result: ReturnType<typeof applyPeriod>): PeriodOutcome {
  if (!result || "error" in result) throw new Error(`expected a period, got ${JSON.stringify(result)}`);
  return result;
}

describe("period presets", () => {
  it("resolves a preset in the company's zone and replaces it by from/to", () => {
    const args: Record<string, unknown> = { period: "this_month", minAmount: "5000" };
    const got = outcome(applyPeriod(entry, args, mx));
    expect(args).toEqual({ from: "2026-11-01", to: "2026-11-30", minAmount: "5000" });
    expect(got).toEqual({ info: { from: "2026-11-01", to: "2026-11-30", timeZone: "America/Mexico_City", preset: "this_month" }, defaulted: false });
  });

  it("uses the company's today, not the server's", () => {
    const mxArgs: Record<string, unknown> = { period: "today" };
    const brArgs: Record<string, unknown> = { period: "today" };
    applyPeriod(entry, mxArgs, mx);
    applyPeriod(entry, brArgs, { timeZone: "America/Sao_Paulo", statementDay: 5, now });
    expect(mxArgs.from).toBe("2026-11-19");
    expect(brArgs.from).toBe("2026-11-20");
  });

  it("last_30_days ends today and spans 30 days", () => {
    const args: Record<string, unknown> = { period: "last_30_days" };
    applyPeriod(entry, args, mx);
    expect(args).toEqual({ from: "2026-10-21", to: "2026-11-19" });
  });

  it("falls back to the default preset and says so", () => {
    const args: Record<string, unknown> = {};
    const got = outcome(applyPeriod(entry, args, mx));
    // Statement day 5, today the 19th: from the day after the last statement day to the next one.
    expect(args).toEqual({ from: "2026-11-06", to: "2026-12-05" });
    expect(got.defaulted).toBe(true);
    expect(describePeriod(got)).toBe(
      "Period: 2026-11-06 to 2026-12-05 (America/Mexico_City), current billing period, used by default because no period was given.",
    );
  });

  it("passes explicit dates through", () => {
    const args: Record<string, unknown> = { from: "2026-10-01", to: "2026-10-31" };
    const got = outcome(applyPeriod(entry, args, mx));
    expect(args).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(got.info.preset).toBeNull();
    expect(describePeriod(got)).toBe("Period: 2026-10-01 to 2026-10-31 (America/Mexico_City).");
  });

  it("closes an open end at today, and states an open start", () => {
    const args: Record<string, unknown> = { from: "2026-11-01" };
    const got = outcome(applyPeriod(entry, args, mx));
    expect(args).toEqual({ from: "2026-11-01", to: "2026-11-19" });
    expect(describePeriod(got)).toBe("Period: 2026-11-01 to 2026-11-19 (America/Mexico_City).");
    const until = outcome(applyPeriod(entry, { to: "2026-10-31" }, mx));
    expect(until.info).toEqual({ from: "", to: "2026-10-31", timeZone: "America/Mexico_City", preset: null });
    expect(describePeriod(until)).toBe("Period: until 2026-10-31 (America/Mexico_City).");
  });

  it("refuses a preset together with from/to", () => {
    const result = applyPeriod(entry, { period: "last_month", from: "2026-10-01" }, mx);
    expect(result).toEqual({ error: expect.stringContaining('either "period" or "from"/"to"') });
  });

  it("does nothing without a preset or a default", () => {
    const args: Record<string, unknown> = {};
    expect(applyPeriod({ arg: "period", from: "from", to: "to" }, args, mx)).toBeUndefined();
    expect(args).toEqual({});
  });
});
