// Dotted paths ("card.cardholder.name") over JSON Schemas, and the templates that use them.
import type { JsonSchema } from "../table.js";

/** The template filters the runtime renders: which take an argument after a colon, and which need a number. */
export const FILTERS: ReadonlyMap<string, { argument?: { says: string; pattern: RegExp; optional?: true; path?: true }; number?: true }> = new Map([
  // money:<path> reads the currency of a bare decimal (an argument such as "35000") at that path.
  ["money", { argument: { says: "the dotted path of a currency code (money:limit.amount.currency)", pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, optional: true, path: true } }],
  ["lower", {}],
  ["words", {}],
  ["date", {}],
  ["plural", { argument: { says: "a noun, or singular/plural (plural:line, plural:person/people)", pattern: /^[^/]+(\/[^/]+)?$/ }, number: true }],
]);

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
  /** What follows the filter's colon ("line" in `{n|plural:line}`). */
  arg?: string;
}

export function placeholders(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const match of template.matchAll(/\{([^{}|]+)(?:\|([^{}]+))?\}/g)) {
    const spec = match[2];
    const colon = spec?.indexOf(":") ?? -1;
    out.push({
      path: match[1]!.trim(),
      ...(spec ? { filter: (colon < 0 ? spec : spec.slice(0, colon)).trim() } : {}),
      ...(spec && colon >= 0 ? { arg: spec.slice(colon + 1).trim() } : {}),
    });
  }
  return out;
}

/** Problems of one template over `schema`: unknown fields, unknown filters and filter arguments that do not fit. */
export function templateProblems(template: string, schema: JsonSchema | undefined, what: string): string[] {
  const problems: string[] = [];
  for (const { path, filter, arg } of placeholders(template)) {
    const field = schemaAt(schema, path);
    if (field === null) problems.push(`{${path}}: no field "${path}" in ${what}`);
    if (filter === undefined) continue;
    const shown = `{${path}|${filter}${arg === undefined ? "" : `:${arg}`}}`;
    const rule = FILTERS.get(filter);
    if (!rule) problems.push(`${shown}: unknown filter "${filter}" (known: ${[...FILTERS.keys()].join(", ")})`);
    else if (rule.argument && arg === undefined && rule.argument.optional) continue;
    else if (rule.argument && (arg === undefined || !rule.argument.pattern.test(arg))) problems.push(`${shown}: ${filter} needs ${rule.argument.says}`);
    else if (rule.argument?.path && arg !== undefined && schemaAt(schema, arg) === null) problems.push(`${shown}: no field "${arg}" in ${what}`);
    else if (!rule.argument && arg !== undefined) problems.push(`${shown}: ${filter} takes no argument`);
    else if (rule.number && field && !mayBeNumber(field)) problems.push(`${shown}: ${filter} needs a number, and "${path}" is ${[field.type].flat().join(" or ")}`);
  }
  return problems;
}

/** False only when the schema says plainly that the value is never a number. */
function mayBeNumber(schema: JsonSchema): boolean {
  if (schema.type === undefined) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("integer") || types.includes("number");
}
