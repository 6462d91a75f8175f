// Where schemas sit inside a schema: the keywords whose value, or each of whose entries, is a schema.
import type { JsonSchema } from "../table.js";

const SINGLE = new Set(["items", "additionalProperties", "not", "propertyNames"]);
const LISTS = new Set(["anyOf", "allOf", "oneOf", "items"]);
const MAPS = new Set(["properties", "patternProperties"]);

/** `keyword` holds the child; `key` is its property name (or pattern) inside properties and patternProperties. */
export type Replace = (child: JsonSchema, keyword: string, key?: string) => unknown;

/** A copy of `node` with every schema directly inside it replaced by `replace(child)`, keys in the same order. */
export function mapChildren(node: JsonSchema, replace: Replace): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (SINGLE.has(keyword) && isSchema(value)) out[keyword] = replace(value, keyword);
    else if (LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map((v) => (isSchema(v) ? replace(v, keyword) : v));
    else if (MAPS.has(keyword) && isSchema(value)) {
      const entries: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) entries[key] = isSchema(child) ? replace(child, keyword, key) : child;
      out[keyword] = entries;
    } else out[keyword] = value;
  }
  return out;
}

/** The schemas directly inside `node`, in the order they are written. */
export function childrenOf(node: JsonSchema): JsonSchema[] {
  const children: JsonSchema[] = [];
  mapChildren(node, (child) => children.push(child));
  return children;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
