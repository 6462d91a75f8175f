// The manifest's `{path|filter}` templates, compiled once per tool and rendered per answer.
import { DECIMAL, formatDecimal, formatMoney, MISSING } from "../../money/format.js";
import { fieldReader, type FieldReader } from "./fields.js";

export interface RenderEnv {
  /** The company's IANA time zone: `date` shows a date-time as the day it was there. */
  timeZone: string;
}

export type Template = (data: unknown, env: RenderEnv) => string;

/** `data` is what the whole template renders, for filters whose argument names another field of it. */
type Filter = (value: unknown, env: RenderEnv, data: unknown) => string;

export { MISSING, formatDecimal, formatMoney };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

// Every zone's offset is a multiple of 15 minutes, so all instants of one UTC quarter-hour fall on
// the same local day: formatting once per quarter-hour spares Intl on every row of a list.
const QUARTER_HOUR = 900_000;
const dayCache = new Map<string, string>();
const DAY_CACHE_LIMIT = 50_000;

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date-time as the calendar day it was in `timeZone`; a plain date stays as it is. */
export function formatDate(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return MISSING;
  const text = String(value);
  if (PLAIN_DATE.test(text)) return text;
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) return text;
  const key = `${timeZone} ${Math.floor(instant / QUARTER_HOUR)}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    day = dayFormat(timeZone).format(instant);
    dayCache.set(key, day);
  }
  return day;
}

/** An integer count with thousands grouped (1487 → "1,487"); fractions and huge exponents stay as they are. */
export function formatCount(value: number | bigint): string {
  if (typeof value === "number" && !Number.isInteger(value)) return String(value);
  return formatDecimal(String(value));
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "string") return value === "" ? MISSING : value;
  if (typeof value === "number" || typeof value === "bigint") return formatCount(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? MISSING : value.map(formatValue).join(", ");
  return JSON.stringify(value);
}

/** `PER_TRANSACTION` → "per transaction": an API constant as words. */
export function formatWords(value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  return formatValue(value).toLowerCase().replaceAll("_", " ");
}

const SIBILANT = /(s|x|z|ch|sh)$/;
const CONSONANT_Y = /[^aeiou]y$/;

/** The plural of an English noun by the regular rules: line → lines, box → boxes, category → categories. */
export function pluralOf(noun: string): string {
  if (CONSONANT_Y.test(noun)) return `${noun.slice(0, -1)}ies`;
  return SIBILANT.test(noun) ? `${noun}es` : `${noun}s`;
}

/** `plural:line` or `plural:person/people` → a count with its noun: "1 line", "3 lines", "0 people". */
function countOf(arg: string): Filter {
  const [singular, given] = arg.split("/").map((part) => part.trim());
  const plural = given ?? pluralOf(singular!);
  return (value) => {
    if (value === null || value === undefined || value === "") return MISSING;
    const count = formatValue(value);
    return `${count} ${count === "1" ? singular : plural}`;
  };
}

interface FilterKind {
  /** The argument after the colon, when the filter takes one: what it is, and its shape. */
  argument?: { says: string; pattern: RegExp; optional?: true };
  make: (arg: string) => Filter;
}

/** A bare decimal ("35000") as money in the currency read at `path`: "35,000.00 MXN". */
function moneyIn(path: string): Filter {
  const currency = fieldReader(path);
  return (value, _env, data) => {
    if (typeof value !== "string" || !DECIMAL.test(value)) return formatMoney(value);
    const [whole, fraction = ""] = value.split(".");
    const code = currency(data);
    const amount = formatDecimal(`${whole}.${fraction.padEnd(2, "0")}`);
    return typeof code === "string" ? `${amount} ${code}` : amount;
  };
}

const filters: Record<string, FilterKind> = {
  money: {
    argument: { says: "the dotted path of a currency code (money:limit.amount.currency)", pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, optional: true },
    make: (arg) => (arg ? moneyIn(arg) : (value) => formatMoney(value)),
  },
  lower: { make: () => (value) => (value === null || value === undefined ? MISSING : formatValue(value).toLowerCase()) },
  words: { make: () => formatWords },
  date: { make: () => (value, env) => formatDate(value, env.timeZone) },
  plural: { argument: { says: "a noun, or singular/plural (plural:line, plural:person/people)", pattern: /^[^/]+(\/[^/]+)?$/ }, make: countOf },
};

export const FILTERS = Object.keys(filters);

const PLACEHOLDER = /\{([^{}|]+)(?:\|([^{}]+))?\}/g;

/** "plural:line" → the filter, refusing an unknown name or a missing or unexpected argument. */
function filterOf(spec: string, source: string): Filter {
  const colon = spec.indexOf(":");
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim();
  const arg = colon < 0 ? undefined : spec.slice(colon + 1).trim();
  const kind = filters[name];
  if (!kind) throw new Error(`unknown template filter "${name}" in "${source}" (known: ${FILTERS.join(", ")})`);
  if (kind.argument && (arg === undefined ? !kind.argument.optional : !kind.argument.pattern.test(arg))) {
    throw new Error(`template filter "${name}" in "${source}" needs ${kind.argument.says}`);
  }
  if (!kind.argument && arg !== undefined) throw new Error(`template filter "${name}" in "${source}" takes no argument`);
  return kind.make(arg ?? "");
}

export function compileTemplate(source: string): Template {
  const parts: (string | { read: FieldReader; filter?: Filter })[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(source.slice(last, match.index));
    const path = match[1]!.trim();
    const filterName = match[2]?.trim();
    const filter = filterName === undefined ? undefined : filterOf(filterName, source);
    parts.push(filter ? { read: fieldReader(path), filter } : { read: fieldReader(path) });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  if (parts.every((part) => typeof part === "string")) {
    const constant = parts.join("");
    return () => constant;
  }
  return (data, env) => {
    let out = "";
    for (const part of parts) {
      if (typeof part === "string") out += part;
      else {
        const value = part.read(data);
        out += part.filter ? part.filter(value, env, data) : formatValue(value);
      }
    }
    return out;
  };
}
