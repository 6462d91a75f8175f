// --check: which generated files and which tools differ from what the spec and manifest produce.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Files } from "./files.js";
import { TOOL_MARK } from "./emit/tools-ts.js";

export interface Drift {
  files: string[];
  tools: string[];
}

export function findDrift(expected: Files, dir: string): Drift {
  const files: string[] = [];
  const tools = new Set<string>();
  for (const [name, text] of expected) {
    const path = join(dir, name);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (actual === text) continue;
    files.push(actual === undefined ? `${name} (missing)` : name);
    if (name === "tools.json") for (const t of changedTools(listed(actual), listed(text))) tools.add(t);
    if (name === "tools.ts") for (const t of changedTools(blocks(actual), blocks(text))) tools.add(t);
  }
  return { files, tools: [...tools].sort() };
}

function changedTools(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).map((n) => (!before.has(n) ? `${n} (new)` : !after.has(n) ? `${n} (removed)` : n));
}

function listed(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (text === undefined) return out;
  try {
    const parsed = JSON.parse(text) as { tools?: Array<{ name?: unknown }> };
    for (const tool of parsed.tools ?? []) if (typeof tool.name === "string") out.set(tool.name, JSON.stringify(tool));
  } catch {
    // An unreadable file differs as a whole; the file list says so.
  }
  return out;
}

function blocks(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (text === undefined) return out;
  const parts = text.split(`  ${TOOL_MARK}`).slice(1);
  for (const part of parts) {
    const newline = part.indexOf("\n");
    // The index inside entry(n, ...) moves when a tool is added before it; that is not a change of this tool.
    out.set(part.slice(0, newline), part.slice(newline).replace(/entry\(\d+, /, "entry(#, ").split("\n];")[0]!);
  }
  return out;
}
