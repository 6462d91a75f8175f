// Billing periods: a statement closes on day d of each month; a period runs from the day after one
// statement day through the next statement day, inclusive.
import { addDays, formatDate, parseDate } from "./zone.js";

export interface DateRange {
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to: string;
}

function assertStatementDay(statementDay: number): void {
  if (!Number.isInteger(statementDay) || statementDay < 1 || statementDay > 28) {
    throw new RangeError(`statement day must be an integer from 1 to 28, got ${statementDay}`);
  }
}

/** The billing period that contains `date` for a statement closing on `statementDay` (1..28). */
export function billingPeriod(date: string, statementDay: number): DateRange {
  assertStatementDay(statementDay);
  const { year, month, day } = parseDate(date);
  // The statement that closes this period: this month's if not yet past, else next month's.
  const closing = day <= statementDay ? formatDate(year, month, statementDay) : formatDate(year, month + 1, statementDay);
  const c = parseDate(closing);
  const previousClosing = formatDate(c.year, c.month - 1, statementDay);
  return { from: addDays(previousClosing, 1), to: closing };
}

/** The billing period just before the one that contains `date`. */
export function previousBillingPeriod(date: string, statementDay: number): DateRange {
  const current = billingPeriod(date, statementDay);
  return billingPeriod(addDays(current.from, -1), statementDay);
}
