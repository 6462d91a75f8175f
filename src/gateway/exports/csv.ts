// RFC 4180 CSV: one line per record ending in CRLF; a field with a comma, a quote, CR or LF is quoted
// and its quotes doubled. Text is whatever Unicode it is (the file is UTF-8).

/** A spreadsheet runs a cell that starts like a formula; such text gets a leading ' (numbers stay numbers). */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUOTE = /[",\r\n]/;

export function csvField(value: string): string {
  const safe = FORMULA.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return QUOTE.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** What Excel needs at the start of a UTF-8 file to read "Pérez" as such. */
export const BOM = "\uFEFF";
