// --check: which generated files, shared schemas and tools differ from what the spec and manifest produce.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Files } from "./files.js";
import { CONSTANT_MARK, TOOL_MARK } from "./emit/tools-ts.js";

export interface Drift {
  files: string[];
  /** Tools whose entry changed, or a shared schema they hold. */
  tools: string[];
  /** Shared schemas (constants of tools.ts) that changed. */
  schemas: string[];
}

export function findDrift(expected: Files, dir: string): Drift {
  const files: string[] = [];
  const tools = new Set<string>();
  const schemas = new Set<string>();
  for (const [name, text] of expected) {
    const path = join(dir, name);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (actual === text) continue;
    files.push(actual === undefined ? `${name} (missing)` : name);
    if (name === "tools.json") for (const t of changed(listed(actual), listed(text))) tools.add(t);
    if (name === "tools.ts") {
      const before = constants(actual);
      const after = constants(text);
      const differ = changed(before, after);
      for (const s of differ) schemas.add(s);
      const dirty = new Set(differ.map(bare));
      const affected = holding(dirty, new Map([...before, ...after]));
      const beforeTools = blocks(actual);
      const afterTools = blocks(text);
      for (const t of changed(beforeTools, afterTools)) tools.add(t);
      for (const [tool, block] of afterTools) {
        if (beforeTools.has(tool) && [...names(block), ...names(beforeTools.get(tool))].some((n) => affected.has(n))) tools.add(tool);
      }
    }
  }
  return { files, tools: [...tools].sort(), schemas: [...schemas].sort() };
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).map((n) => (!before.has(n) ? `${n} (new)` : !after.has(n) ? `${n} (removed)` : n));
}

/** The changed constants and every constant that holds one of them, directly or through others. */
function holding(dirty: Set<string>, code: Map<string, string>): Set<string> {
  const out = new Set(dirty);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, text] of code) {
      if (!out.has(name) && names(text).some((n) => out.has(n))) {
        out.add(name);
        grew = true;
      }
    }
  }
  return out;
}

function bare(name: string): string {
  return name.replace(/ \((new|removed)\)$/, "");
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
    out.set(part.slice(0, newline), part.slice(newline).split("\n];")[0]!);
  }
  return out;
}

/** The shared constants of tools.ts: from each declaration's first line to a blank line, a comment or the next declaration. */
function constants(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (text === undefined) return out;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const name = CONSTANT_MARK.exec(lines[i]!)?.[1];
    if (name === undefined) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== "" && !lines[end]!.startsWith("//") && !CONSTANT_MARK.test(lines[end]!)) end++;
    out.set(name, lines.slice(i, end).join("\n"));
    i = end - 1;
  }
  return out;
}

/** The identifiers a piece of code names outside its strings (a constant it holds is one of them). */
function names(code: string | undefined): string[] {
  if (code === undefined) return [];
  const bare = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "");
  return bare.match(/[A-Za-z_$][\w$]*/g) ?? [];
}
