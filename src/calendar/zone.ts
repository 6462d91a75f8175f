// Calendar dates (YYYY-MM-DD) and their instants in an IANA time zone, with Intl only.

// Years past 9999 appear only as the day after 9999-12-31 (an exclusive end).
const DATE_RE = /^(\d{4,5})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at `instant` (whole seconds). */
function wallTime(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
}

function wallAsUtc(w: WallTime): number {
  return utc(w.year, w.month, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at `instant`, in milliseconds (e.g. -6 h for Mexico City). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallTime(whole, timeZone)) - whole;
}

/** Parses YYYY-MM-DD into its parts; throws on anything that is not a real calendar date. */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { year, month, day };
}

export function isDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function formatDate(year: number, month: number, day: number): string {
  // Date.UTC normalises overflowing months and days, so callers may pass month 13 or day 0.
  const d = new Date(utc(year, month, day));
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

/** The calendar date in `timeZone` at `instant`. */
export function dateIn(instant: Date | number, timeZone: string): string {
  const w = wallTime(typeof instant === "number" ? instant : instant.getTime(), timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** Today's date in `timeZone` (at `now`, by default the current time). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/**
 * The UTC instant at which the local wall time `date` + `time` (HH:MM[:SS]) occurs in `timeZone`.
 * A time that happens twice (clocks turned back) gives the earlier instant; a time skipped by a
 * DST jump moves forward by the gap's length, so a skipped midnight gives the day's first instant.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!t) throw new RangeError(`not a time (HH:MM[:SS]): ${time}`);
  const target = utc(year, month, day, Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // Offsets in force a day either side cover every transition that can affect this wall time.
  const offsets = new Set([offsetAt(target - MS_PER_DAY, timeZone), offsetAt(target, timeZone), offsetAt(target + MS_PER_DAY, timeZone)]);
  const exact: number[] = [];
  const after: number[] = [];
  for (const offset of offsets) {
    const candidate = target - offset;
    const wall = wallAsUtc(wallTime(candidate, timeZone));
    if (wall === target) exact.push(candidate);
    else if (wall > target) after.push(candidate);
  }
  if (exact.length > 0) return new Date(Math.min(...exact));
  if (after.length > 0) return new Date(Math.min(...after));
  throw new RangeError(`cannot place ${date} ${time} in ${timeZone}`);
}

/** The first instant of `date` in `timeZone`, e.g. startOfDay("2026-11-01", "America/Mexico_City"). */
export function startOfDay(date: string, timeZone: string): Date {
  return zonedInstant(date, "00:00:00", timeZone);
}

/** The first instant after `date` ends in `timeZone` (an exclusive upper bound for the day). */
export function endOfDayExclusive(date: string, timeZone: string): Date {
  return startOfDay(addDays(date, 1), timeZone);
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return formatDate(year, month, day + days);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const first = new Date(utc(year, month + months, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareDates(a: string, b: string): number {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const pa = parseDate(a);
  const pb = parseDate(b);
  return Math.round((utc(pb.year, pb.month, pb.day) - utc(pa.year, pa.month, pa.day)) / MS_PER_DAY);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseDate(date);
  const d = new Date(utc(year, month, day)).getUTCDay();
  return d === 0 ? 7 : d;
}
