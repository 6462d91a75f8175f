// The from/to pair of transaction queries: dates are whole days in the company's time zone,
// date-times are instants; without either, the current billing period.
import { billingPeriod } from "../../calendar/billing.js";
import { dateIn, endOfDayExclusive, isDate, startOfDay, todayIn } from "../../calendar/zone.js";
import type { Company } from "./caller.js";
import { badRequest } from "./errors.js";

export interface QueryPeriod {
  /** First instant included (ms since the epoch). */
  fromMs: number;
  /** First instant no longer included. */
  toMsExclusive: number;
  /** The bounds as given, or the dates they were resolved to. */
  from: string;
  to: string;
}

function instant(name: string, value: string, zone: string, edge: "start" | "end"): number {
  if (value.length === 10) {
    if (!isDate(value)) throw badRequest(`${name} must be a real calendar date (YYYY-MM-DD); got ${JSON.stringify(value)}`);
    return (edge === "start" ? startOfDay(value, zone) : endOfDayExclusive(value, zone)).getTime();
  }
  const ms = Date.parse(value);
  if (!isDate(value.slice(0, 10)) || Number.isNaN(ms)) throw badRequest(`${name} must be a real RFC 3339 date-time; got ${JSON.stringify(value)}`);
  // An inclusive end at millisecond precision.
  return edge === "start" ? ms : ms + 1;
}

export function queryPeriod(from: string | undefined, to: string | undefined, company: Company, now: number): QueryPeriod {
  const zone = company.timeZone;
  if (from === undefined && to === undefined) {
    const p = billingPeriod(todayIn(zone, new Date(now)), company.statementDay);
    return { fromMs: startOfDay(p.from, zone).getTime(), toMsExclusive: endOfDayExclusive(p.to, zone).getTime(), from: p.from, to: p.to };
  }
  // A missing bound is the company's first day or today: nothing is older or newer.
  const fromText = from ?? dateIn(company.createdAt, zone);
  const toText = to ?? todayIn(zone, new Date(now));
  const fromMs = instant("from", fromText, zone, "start");
  const toMsExclusive = instant("to", toText, zone, "end");
  if (toMsExclusive <= fromMs) throw badRequest(`from (${fromText}) must not be after to (${toText})`);
  return { fromMs, toMsExclusive, from: fromText, to: toText };
}

/** RFC 3339 in UTC, without the milliseconds when there are none. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
