// The reviewable tool surface: per tool its parameters (types, required-ness), output fields and roles.
import type { ToolModel } from "./model.js";
import type { JsonSchema } from "./table.js";

export interface ContractField {
  type: string;
  required: boolean;
  enum?: unknown[];
}

export interface ContractTool {
  operation: string;
  roles: string[];
  /** The OAuth scope a token needs for it, when the API declares scopes. */
  scope?: string;
  annotations: Record<string, boolean>;
  parameters: Record<string, ContractField>;
  output: Record<string, ContractField>;
}

export interface Contract {
  tools: Record<string, ContractTool>;
}

/** Output fields deeper than this are not listed: the contract stays readable. */
const OUTPUT_DEPTH = 4;

export function buildContract(tools: readonly ToolModel[]): Contract {
  const out: Record<string, ContractTool> = {};
  for (const tool of [...tools].sort((a, b) => compare(a.name, b.name))) {
    const required = new Set((tool.inputSchema.required as string[] | undefined) ?? []);
    const parameters: Record<string, ContractField> = {};
    const props = (tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
    for (const name of Object.keys(props).sort(compare)) parameters[name] = field(props[name]!, required.has(name));
    const output: Record<string, ContractField> = {};
    if (tool.outputSchema) flatten(tool.outputSchema, "", output, 0, true);
    out[tool.name] = {
      operation: `${tool.method.toUpperCase()} ${tool.path}`,
      roles: [...tool.roles].sort(compare),
      ...(tool.scope ? { scope: tool.scope } : {}),
      annotations: { ...tool.annotations },
      parameters,
      output: Object.fromEntries(Object.entries(output).sort(([a], [b]) => compare(a, b))),
    };
  }
  return { tools: out };
}

function field(schema: JsonSchema, required: boolean): ContractField {
  const values = enumOf(schema);
  return { type: typeOf(schema), required, ...(values ? { enum: values } : {}) };
}

function flatten(schema: JsonSchema, prefix: string, out: Record<string, ContractField>, depth: number, parentRequired: boolean): void {
  if (depth >= OUTPUT_DEPTH) return;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const props = { ...((schema.properties ?? {}) as Record<string, JsonSchema>) };
  for (const variant of (schema.anyOf ?? schema.allOf ?? []) as JsonSchema[]) {
    for (const [k, v] of Object.entries((variant.properties ?? {}) as Record<string, JsonSchema>)) props[k] ??= v;
  }
  for (const [name, prop] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    out[path] = field(prop, parentRequired && required.has(name));
    const element = prop.items as JsonSchema | undefined;
    if (element && typeof element === "object") flatten(element, `${path}[]`, out, depth + 1, true);
    else flatten(prop, path, out, depth + 1, parentRequired && required.has(name));
  }
}

/** A short type text: "string", "integer|null", "array<string>", "object", "any". */
export function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return typeof schema.const === "object" ? "any" : typeof schema.const;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length === 0) {
    const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    if (variants) return [...new Set(variants.map(typeOf).flatMap((t) => t.split("|")))].sort(compare).join("|");
    if (schema.properties) return "object";
    if (schema.items) return `array<${typeOf(schema.items as JsonSchema)}>`;
    return "any";
  }
  return types
    .map((t) => (t === "array" ? `array<${schema.items ? typeOf(schema.items as JsonSchema) : "any"}>` : t))
    .sort(compare)
    .join("|");
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return [...schema.enum].sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  const items = schema.items as JsonSchema | undefined;
  if (items && Array.isArray(items.enum)) return [...items.enum].sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  return undefined;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
