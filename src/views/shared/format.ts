// Words and numbers the views share: money exactly as the API gave it, dates, counts, API constants.
export { formatDecimal, formatMoney, MISSING } from "../../money/format.js";
import { formatDecimal } from "../../money/format.js";

/** `PER_TRANSACTION` → "per transaction". */
export function words(constant: unknown): string {
  return typeof constant === "string" ? constant.toLowerCase().replace(/_/g, " ") : "";
}

/** `LOCKED` → "Locked". */
export function capitalised(constant: unknown): string {
  const said = words(constant);
  return said.charAt(0).toUpperCase() + said.slice(1);
}

export function count(n: unknown, noun: string): string {
  const value = typeof n === "number" ? n : 0;
  return `${formatDecimal(String(value))} ${value === 1 ? noun : `${noun}s`}`;
}

/** A YYYY-MM-DD or YYYY-MM as written for people, read as the calendar day it names (no time zone shift). */
export function day(text: unknown, locale?: string): string {
  if (typeof text !== "string" || !/^\d{4}-\d{2}(-\d{2})?$/.test(text)) return String(text ?? "");
  const [y, m, d] = text.split("-").map(Number);
  const options: Intl.DateTimeFormatOptions = d ? { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } : { month: "long", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale ?? "en-GB", options).format(new Date(Date.UTC(y!, m! - 1, d ?? 1)));
}

/** A decimal string as a number, for geometry only (lengths and positions, never a label). */
export function magnitude(value: unknown): number {
  const n = typeof value === "string" ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
}
