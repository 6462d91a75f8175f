// A list's slim structured answer: the item fields the manifest names (pages.fields) as objects of just
// those fields, or (pages.table) as a table, `columns` once and one array of values per item.
import type { JsonSchema } from "../table.js";
import { schemaAt } from "./fields.js";
import type { Problems } from "./problems.js";

/** Whether the value at `path` may be missing or null: some step on the way is optional or nullable. */
function mayLack(item: JsonSchema, path: string): boolean {
  let current: JsonSchema | undefined = item;
  for (const key of path.split(".")) {
    if (!current || nullable(current)) return true;
    const required: string[] = (current.required as string[] | undefined) ?? [];
    if (!required.includes(key)) return true;
    current = schemaAt(current, key) ?? undefined;
  }
  return !current || nullable(current);
}

function nullable(schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("null")) return true;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return Array.isArray(variants) && variants.some(nullable);
}

function checkPaths(item: JsonSchema, paths: readonly string[], field: string, problems: Problems): void {
  paths.forEach((path, i) => {
    if (schemaAt(item, path) === null) problems.fail(`${field}[${i}]`, `no field "${path}" in an item of the list`);
    if (paths.indexOf(path) !== i) problems.fail(`${field}[${i}]`, `"${path}" is named twice`);
  });
}

/** The item schema with only `paths`, nested as the API nests them; required where the item requires every step. */
export function projectItem(item: JsonSchema, paths: readonly string[], problems: Problems): JsonSchema {
  checkPaths(item, paths, "pages.fields", problems);
  const root: JsonSchema = { type: "object", ...(item.description !== undefined ? { description: item.description } : {}), properties: {} };
  for (const path of paths) {
    const keys = path.split(".");
    let source: JsonSchema = item;
    let target = root;
    keys.forEach((key, i) => {
      const from = (schemaAt(source, key) ?? {}) as JsonSchema;
      const props = target.properties as Record<string, JsonSchema>;
      if ((source.required as string[] | undefined)?.includes(key)) target.required = [...new Set([...((target.required as string[] | undefined) ?? []), key])];
      if (i === keys.length - 1) props[key] = from;
      else {
        props[key] ??= { type: "object", ...(from.description !== undefined ? { description: from.description } : {}), properties: {} };
        target = props[key]!;
        source = from;
      }
    });
  }
  return root;
}

/** One item as a row: each column's schema at its place, null allowed where the item may lack the field. */
export function tableRow(item: JsonSchema, paths: readonly string[], problems: Problems): JsonSchema {
  checkPaths(item, paths, "pages.table", problems);
  const cells = paths.map((path) => {
    const cell = (schemaAt(item, path) ?? {}) as JsonSchema;
    return mayLack(item, path) ? { anyOf: [cell, { type: "null" }] } : cell;
  });
  return {
    type: "array",
    description: `One item: the values of ${paths.join(", ")}, in that order.`,
    prefixItems: cells,
    minItems: paths.length,
    maxItems: paths.length,
  };
}

/** The `columns` field of a table answer: the paths, always the same. */
export function tableColumns(paths: readonly string[]): JsonSchema {
  return { type: "array", description: "The item field each position of a row holds (dotted paths of the API's item).", items: { type: "string" }, const: [...paths] };
}
