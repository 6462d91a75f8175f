// generated/tools.ts: the tool table the runtime imports (api, shared schemas, tools with their zod validators, table).
import type { GenModel } from "../model.js";
import type { SharedTable } from "../share/index.js";
import { declareValidator } from "../share/validators.js";
import { header, type Source } from "./header.js";
import { printValue } from "./print.js";

/** Marks where one tool's entry starts, so drift can name the tool whose code changed. */
export const TOOL_MARK = "// tool: ";
/** How a shared constant's declaration starts (a schema's, or a validator's), so drift can name the constant that changed. */
export const CONSTANT_MARK = /^const ([A-Za-z_$][\w$]*)(?:: JsonSchema = | = once\(\(\) => )/;

export function emitToolsTs(model: GenModel, shared: SharedTable, source: Source): string {
  const { schemas, validators } = shared;
  const lines = [
    header(source).trimEnd(),
    `import { z } from "zod";`,
    `import { operations } from "./client.js";`,
    ...(usesCoercion(validators) ? [`import { numberText, referenceText } from "./coerce.js";`] : []),
    ...(model.views.length > 0 ? [`import { views } from "./views.js";`] : []),
    `import type { ApiEntry, ${schemas.constants.length > 0 ? "JsonSchema, " : ""}ToolEntry, ToolTable } from "./table.js";`,
    ``,
    `export const api: ApiEntry = ${printValue(model.api)};`,
    ``,
  ];
  if (schemas.constants.length > 0) {
    lines.push(`// Schemas several tools hold, written once; tools/list sends them as they are, and nothing changes them.`);
    for (const constant of schemas.constants) {
      if (!constant.named) lines.push(`// (unnamed in the spec; named after where it is met)`);
      lines.push(`const ${constant.name}: JsonSchema = ${printValue(constant.value)};`);
    }
    lines.push(``);
  }
  lines.push(
    `// Validators are built on first use, so importing a large table stays fast; a shared one is built once for all its tools.`,
    `function once(make: () => z.ZodType): () => z.ZodType {`,
    `  let made: z.ZodType | undefined;`,
    `  return () => (made ??= make());`,
    `}`,
    ...validators.constants.map(declareValidator),
    ``,
    `function entry(validator: () => z.ZodType, tool: Omit<ToolEntry, "input">): ToolEntry {`,
    `  return Object.defineProperty(tool, "input", { enumerable: true, get: once(validator) }) as ToolEntry;`,
    `}`,
    ``,
    `export const tools: readonly ToolEntry[] = [`,
  );
  model.tools.forEach((tool, index) => {
    // Spread over the tool, its schemas as written keep their places among its keys.
    const written = { ...tool, ...schemas.tools[index]! };
    lines.push(`  ${TOOL_MARK}${tool.name}`, `  entry(${validators.tools[index]!}, ${printValue(written, "  ")}),`);
  });
  lines.push(`];`, ``, `export const table: ToolTable = { api, tools, operations${model.views.length > 0 ? ", views" : ""} };`, ``);
  return lines.join("\n");
}

/** Whether any validator source calls a coercion of coerce.ts (only then is it imported, so tsc sees no unused import). */
function usesCoercion(validators: SharedTable["validators"]): boolean {
  return [...validators.constants.map((c) => c.source), ...validators.tools].some((source) => /\bz\.preprocess\((numberText|referenceText)\b/.test(source));
}
