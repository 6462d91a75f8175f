// Plain-text tables for the bench's console output.

export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...cells.map(line)].join("\n");
}

export function fixed(value: number | undefined, digits = 2): string {
  return value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits);
}

export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? "—" : (bytes / (1024 * 1024)).toFixed(1);
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** "max": value must be <= limit; "min": value must be >= limit. */
  kind: "max" | "min";
  unit: string;
}

export function targetRows(targets: Target[]): (string | number)[][] {
  return targets.map((target) => {
    const met = target.kind === "max" ? target.value <= target.limit : target.value >= target.limit;
    return [target.name, `${fixed(target.value, 3)} ${target.unit}`, `${target.kind === "max" ? "<=" : ">="} ${target.limit} ${target.unit}`, met ? "met" : "MISSED"];
  });
}
