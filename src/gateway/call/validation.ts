// Arguments that fail the tool's schema, told field by field: what was sent and, in words from the
// table, what is accepted (never zod's wording of a regular expression).
import type { ZodError } from "zod";
import type { ToolEntry } from "../../../generated/table.js";

type Issue = ZodError["issues"][number];

const SHOWN = 60;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
}

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args;
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** `["status", 0]` → the table's key `status[]` and the field as shown, `status[0]`. */
function fieldOf(path: readonly PropertyKey[]): { key: string; field: string } {
  let key = "";
  let field = "";
  for (const part of path) {
    if (typeof part === "number") {
      key += "[]";
      field += `[${part}]`;
    } else {
      const name = String(part);
      key += key ? `.${name}` : name;
      field += field ? `.${name}` : name;
    }
  }
  return { key, field };
}

function line(tool: ToolEntry, issue: Issue, args: unknown): string {
  if (issue.code === "unrecognized_keys") {
    const known = Object.keys((tool.inputSchema.properties ?? {}) as object);
    return `- ${issue.keys.join(", ")}: not ${issue.keys.length > 1 ? "arguments" : "an argument"} of ${tool.name} (its arguments: ${known.join(", ") || "none"})`;
  }
  const { key, field } = fieldOf(issue.path);
  const name = field || "arguments";
  // Our own coercions say it in words already (a last-4 sent as a number).
  if (issue.code === "custom") return `- ${name}: ${issue.message}`;
  const words = tool.accepts?.[key];
  if (!words) return `- ${name}: ${issue.message}`;
  const value = valueAt(args, issue.path);
  if (value === undefined) return `- ${name}: required; expected ${words}`;
  const zeros = typeof value === "number" && words.includes("digits as text") ? " (a number loses its leading zeros)" : "";
  return `- ${name}: expected ${words}; got ${shown(value)}${zeros}`;
}

export function invalidArguments(tool: ToolEntry, error: ZodError, args: unknown): string {
  const lines = [...new Set(error.issues.map((issue) => line(tool, issue, args)))];
  return `Invalid arguments for ${tool.name}; nothing was sent:\n${lines.join("\n")}`;
}
