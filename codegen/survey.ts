// Runs --all over one spec without writing, and checks what it emits: schemas compile (JSON Schema 2020-12), validators build (shared parts and all).
import { z } from "zod";
import { createAjv } from "./ajv.js";
import { buildAll } from "./build.js";
import { renderFiles } from "./files.js";
import { buildValidators } from "./share/evaluate.js";
import { shareTable } from "./share/index.js";
import { childrenOf } from "./share/positions.js";

export interface Survey {
  spec: string;
  operations: number;
  tools: number;
  warnings: string[];
  failures: string[];
  ms: number;
}

export async function surveySpec(file: string, options: { files?: boolean } = {}): Promise<Survey> {
  const started = performance.now();
  const failures: string[] = [];
  let operations = 0;
  let tools = 0;
  let warnings: string[] = [];
  try {
    const build = await buildAll(file);
    operations = build.spec.operations.length;
    tools = build.model.tools.length;
    warnings = build.model.warnings;
    const shared = shareTable(build.model);
    if (options.files !== false) {
      const files = await renderFiles(build, undefined, shared);
      const list = JSON.parse(files.get("tools.json")!) as { tools: Array<{ name: string }> };
      if (list.tools.length !== tools) failures.push(`tools.json lists ${list.tools.length} tools, expected ${tools}`);
    }
    const ajv = createAjv();
    const names = new Set<string>();
    let validators: ReturnType<typeof buildValidators> = [];
    try {
      validators = buildValidators(z, shared.validators);
    } catch (error) {
      failures.push(`the validators' sources do not parse: ${(error as Error).message.slice(0, 200)}`);
    }
    for (const [index, tool] of build.model.tools.entries()) {
      if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) failures.push(`${tool.name}: not a valid MCP tool name`);
      if (names.has(tool.name)) failures.push(`${tool.name}: name used twice`);
      names.add(tool.name);
      if (holdsRef(tool.inputSchema)) failures.push(`${tool.name}: inputSchema holds a $ref`);
      for (const [kind, schema] of [["inputSchema", tool.inputSchema], ["outputSchema", tool.outputSchema]] as const) {
        if (!schema) continue;
        if (schema.type !== "object") failures.push(`${tool.name}: ${kind} root is not an object`);
        try {
          ajv.compile(schema);
        } catch (error) {
          failures.push(`${tool.name}: ${kind} does not compile: ${(error as Error).message.slice(0, 200)}`);
        }
      }
      try {
        const validator = validators[index]?.();
        if (typeof validator?.safeParse !== "function") failures.push(`${tool.name}: the validator is not a zod schema`);
      } catch (error) {
        failures.push(`${tool.name}: the validator does not build: ${(error as Error).message.slice(0, 200)}`);
      }
    }
  } catch (error) {
    failures.push(`crashed: ${(error as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
  }
  return { spec: file, operations, tools, warnings, failures, ms: performance.now() - started };
}

/** Whether a $ref keyword is left anywhere a schema sits (property names and example data may say "$ref" freely). */
export function holdsRef(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const node = schema as Record<string, unknown>;
  return typeof node.$ref === "string" || childrenOf(node).some(holdsRef);
}
