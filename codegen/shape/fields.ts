// Dotted paths ("card.cardholder.name") over JSON Schemas, and the templates that use them.
import type { JsonSchema } from "../table.js";

export const FILTERS = new Set(["money", "lower", "date"]);

/** The schema at a dotted path, `null` when the path certainly does not exist, undefined when the schema cannot tell. */
export function schemaAt(schema: JsonSchema | undefined, path: string): JsonSchema | null | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path.split(".")) {
    if (!current) return undefined;
    const next = property(current, key);
    if (next === null) return null;
    current = next;
  }
  return current;
}

function property(schema: JsonSchema, key: string): JsonSchema | null | undefined {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (props && Object.hasOwn(props, key)) return props[key];
  const variants = [...((schema.anyOf as JsonSchema[] | undefined) ?? []), ...((schema.allOf as JsonSchema[] | undefined) ?? [])];
  let unknown = false;
  for (const variant of variants) {
    const hit = property(variant, key);
    if (hit) return hit;
    if (hit === undefined) unknown = true;
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === "object") return extra as JsonSchema;
  if (props || variants.length > 0) return unknown ? undefined : null;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("object") || schema.type === undefined ? undefined : null;
}

/** The element schema of an array found at `path`. */
export function itemsAt(schema: JsonSchema | undefined, path: string): JsonSchema | null | undefined {
  const array = schemaAt(schema, path);
  if (!array) return array;
  if (array.items && typeof array.items === "object") return array.items as JsonSchema;
  const types = Array.isArray(array.type) ? array.type : [array.type];
  return types.includes("array") || array.type === undefined ? undefined : null;
}

export interface Placeholder {
  path: string;
  filter?: string;
}

export function placeholders(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const match of template.matchAll(/\{([^{}|]+)(?:\|([^{}]+))?\}/g)) {
    out.push({ path: match[1]!.trim(), ...(match[2] ? { filter: match[2].trim() } : {}) });
  }
  return out;
}

/** Problems of one template over `schema`: unknown fields and unknown filters. */
export function templateProblems(template: string, schema: JsonSchema | undefined, what: string): string[] {
  const problems: string[] = [];
  for (const { path, filter } of placeholders(template)) {
    if (filter !== undefined && !FILTERS.has(filter)) problems.push(`{${path}|${filter}}: unknown filter "${filter}" (known: ${[...FILTERS].join(", ")})`);
    if (schemaAt(schema, path) === null) problems.push(`{${path}}: no field "${path}" in ${what}`);
  }
  return problems;
}
