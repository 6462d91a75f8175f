// generated/tools.ts: the tool table the runtime imports (api, tools with their zod validators, table).
import type { GenModel, ToolModel } from "../model.js";
import { header, type Source } from "./header.js";

/** Marks where one tool's entry starts, so drift can name the tool whose code changed. */
export const TOOL_MARK = "// tool: ";

export function emitToolsTs(model: GenModel, source: Source): string {
  const lines = [
    header(source).trimEnd(),
    `import { z } from "zod";`,
    `import { operations } from "./client.js";`,
    `import type { ApiEntry, ToolEntry, ToolTable } from "./table.js";`,
    ``,
    `export const api: ApiEntry = ${JSON.stringify(model.api, null, 2)};`,
    ``,
    `// Validators are built on first use, so importing a large table stays fast.`,
    `const validators: Array<() => z.ZodType> = [`,
    ...model.tools.map((tool) => `  () => ${tool.zod},`),
    `];`,
    `const built: Array<z.ZodType | undefined> = [];`,
    ``,
    `function entry(index: number, tool: Omit<ToolEntry, "input">): ToolEntry {`,
    `  return Object.defineProperty(tool, "input", { enumerable: true, get: () => (built[index] ??= validators[index]!()) }) as ToolEntry;`,
    `}`,
    ``,
    `export const tools: readonly ToolEntry[] = [`,
  ];
  model.tools.forEach((tool, index) => {
    lines.push(`  ${TOOL_MARK}${tool.name}`, `  entry(${index}, ${indent(JSON.stringify(entryOf(tool), null, 2))}),`);
  });
  lines.push(`];`, ``, `export const table: ToolTable = { api, tools, operations };`, ``);
  return lines.join("\n");
}

function entryOf(tool: ToolModel): Omit<ToolModel, "zod"> {
  const { zod: _source, ...rest } = tool;
  return rest;
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n  ");
}
