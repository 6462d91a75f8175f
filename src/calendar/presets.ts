// Named periods ("last_month", "current_billing_period", ...) resolved to inclusive date ranges.
import { billingPeriod, previousBillingPeriod, type DateRange } from "./billing.js";
import { addDays, daysInMonth, formatDate, isoWeekday, parseDate } from "./zone.js";

export const PERIOD_PRESETS = [
  "today",
  "yesterday",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
  "this_quarter",
  "last_quarter",
  "this_year",
  "last_7_days",
  "last_30_days",
  "last_90_days",
  "current_billing_period",
  "last_billing_period",
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export function isPeriodPreset(value: string): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value);
}

export interface PeriodContext {
  /** Today in the company's time zone (YYYY-MM-DD). */
  today: string;
  /** The day of the month the company's statement closes (1..28). */
  statementDay: number;
}

function monthRange(year: number, month: number): DateRange {
  const first = formatDate(year, month, 1);
  const p = parseDate(first);
  return { from: first, to: formatDate(p.year, p.month, daysInMonth(p.year, p.month)) };
}

function quarterRange(year: number, quarterIndex: number): DateRange {
  const start = parseDate(formatDate(year, quarterIndex * 3 + 1, 1));
  const end = parseDate(formatDate(start.year, start.month + 2, 1));
  return { from: formatDate(start.year, start.month, 1), to: formatDate(end.year, end.month, daysInMonth(end.year, end.month)) };
}

function lastDays(today: string, days: number): DateRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The inclusive date range a preset names, seen from `today`. Weeks run Monday to Sunday. */
export function resolvePeriod(preset: PeriodPreset, { today, statementDay }: PeriodContext): DateRange {
  const { year, month } = parseDate(today);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case "this_week": {
      const monday = addDays(today, 1 - isoWeekday(today));
      return { from: monday, to: addDays(monday, 6) };
    }
    case "last_week": {
      const monday = addDays(today, 1 - isoWeekday(today) - 7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case "this_month":
      return monthRange(year, month);
    case "last_month":
      return monthRange(year, month - 1);
    case "this_quarter":
      return quarterRange(year, Math.floor((month - 1) / 3));
    case "last_quarter":
      return quarterRange(year, Math.floor((month - 1) / 3) - 1);
    case "this_year":
      return { from: formatDate(year, 1, 1), to: formatDate(year, 12, 31) };
    case "last_7_days":
      return lastDays(today, 7);
    case "last_30_days":
      return lastDays(today, 30);
    case "last_90_days":
      return lastDays(today, 90);
    case "current_billing_period":
      return billingPeriod(today, statementDay);
    case "last_billing_period":
      return previousBillingPeriod(today, statementDay);
  }
}
