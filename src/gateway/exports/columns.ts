// An export's CSV columns (the manifest's export.columns) made into one function from an item to its
// cells: the field's value as text, dates and times in the company's time zone, nothing for a missing value.
import type { ExportColumn } from "../../../generated/table.js";
import { offsetAt } from "../../calendar/zone.js";
import { fieldReader } from "../call/fields.js";
import { formatWords } from "../call/templates.js";

export type Cells = (item: unknown) => string[];

// Offsets change only on quarter-hour boundaries (DST moves by whole or half hours), so one look-up per
// UTC quarter-hour serves every row in it.
const QUARTER_HOUR = 900_000;

function localClock(timeZone: string): (instant: number) => string {
  const offsets = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      if (offsets.size > 10_000) offsets.clear();
      offset = offsetAt(instant, timeZone);
      offsets.set(quarter, offset);
    }
    // The wall clock there, read from a UTC date shifted by the offset: "2026-11-18 09:42:09".
    return new Date(Math.floor(instant / 1000) * 1000 + offset).toISOString().slice(0, 19).replace("T", " ");
  };
}

function formatter(format: ExportColumn["format"], timeZone: string): (value: unknown) => string {
  if (format === "date" || format === "datetime") {
    const clock = localClock(timeZone);
    return (value) => {
      if (typeof value !== "string") return "";
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      const instant = Date.parse(value);
      if (Number.isNaN(instant)) return value;
      const local = clock(instant);
      return format === "date" ? local.slice(0, 10) : local;
    };
  }
  const show = format === "words" || format === "lower" ? (v: unknown) => (format === "words" ? formatWords(raw(v)) : raw(v).toLowerCase()) : raw;
  return (value) => (value === null || value === undefined ? "" : show(value));
}

/** A value as a spreadsheet should get it: numbers ungrouped and exact, lists joined, nothing for a missing value. */
function raw(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(raw).join("; ");
  return JSON.stringify(value);
}

export function compileColumns(columns: readonly ExportColumn[], timeZone: string): { headers: string[]; cells: Cells } {
  const readers = columns.map((column) => ({ read: fieldReader(column.field), show: formatter(column.format, timeZone) }));
  return {
    headers: columns.map((column) => column.header),
    cells: (item) => readers.map(({ read, show }) => show(read(item))),
  };
}
