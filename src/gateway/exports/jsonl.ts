// JSON Lines: each item as the API gives it, on a line of its own (JSON escapes every newline inside).

export function jsonLine(item: unknown): string {
  return `${JSON.stringify(item)}\n`;
}
