// Input validators as zod 4 source, emitted with json-schema-to-zod.
import { jsonSchemaToZod } from "json-schema-to-zod";
import type { JsonSchema } from "./table.js";

// Formats whose zod 4 check agrees with the JSON Schema meaning; the others are left to the JSON Schema
// (zod 4 has no .ip(), reads "binary" as base64 and "uuid" more strictly than RFC 4122 allows).
const ZOD_FORMATS = new Set(["date-time", "date", "email"]);

/** Marks, in the schema the emitter sees, an argument that is a natural reference (`card`): it takes a number of 4 digits or more. */
export const REFERENCE = "x-natural-reference";

/** Numbers whose canonical text a pattern is tried with (whole numbers of 1 to 15 digits, signs, decimals): if it takes any, the string also takes numbers. */
const WHOLE = Array.from({ length: 15 }, (_, i) => Number("482109376512345".slice(0, i + 1)));
export const PROBES = [0, ...WHOLE, ...WHOLE.map((n) => -n), 1234.5, 1234.56, 0.25, -1234.5];

/** Whether a string pattern takes the canonical decimal text of some number (tested with the RegExp the validator uses). */
export function takesNumberText(pattern: unknown): boolean {
  if (typeof pattern !== "string") return false;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    return false;
  }
  return PROBES.some((n) => regex.test(String(n)));
}

/** Which coercion of generated/coerce.ts a schema gets, if any. */
export function coercionOf(schema: JsonSchema): "numberText" | "referenceText" | undefined {
  if (schema[REFERENCE] === true) return "referenceText";
  return schema.type === "string" && takesNumberText(schema.pattern) ? "numberText" : undefined;
}

/** Source of a zod expression that validates what `schema` accepts; `references` names its natural-reference arguments. */
export function zodSource(schema: JsonSchema, references: readonly string[] = []): string {
  return zodSourceOf(markReferences(forZod(schema) as JsonSchema, references));
}

/** A tool's ready input with its natural-reference arguments marked. */
export function markReferences(ready: JsonSchema, references: readonly string[]): JsonSchema {
  const props = ready.properties as Record<string, JsonSchema> | undefined;
  if (!props || references.length === 0) return ready;
  const marked = { ...props };
  for (const name of references) if (marked[name]) marked[name] = { ...marked[name], [REFERENCE]: true };
  return { ...ready, properties: marked };
}

/** Source from a schema already made ready with forZod; `refer` may write a part (one of these objects) as an expression of its own. */
export function zodSourceOf(ready: JsonSchema, refer?: (part: JsonSchema) => string | undefined): string {
  const inside = new WeakSet<object>();
  const override = (part: JsonSchema): string | undefined => {
    const shared = refer?.(part);
    if (shared !== undefined || inside.has(part)) return shared;
    const coercion = coercionOf(part);
    if (!coercion) return undefined;
    // The part written as usual, inside the coercion that runs first.
    inside.add(part);
    try {
      return `z.preprocess(${coercion}, ${emit(part, override)})`;
    } finally {
      inside.delete(part);
    }
  };
  return emit(ready, override);
}

function emit(schema: JsonSchema, override: (part: JsonSchema) => string | undefined): string {
  return jsonSchemaToZod(schema as Parameters<typeof jsonSchemaToZod>[0], {
    module: "none",
    zodVersion: 4,
    withoutDefaults: true,
    withoutDescribes: true,
    parserOverride: (part: object) => override(part as JsonSchema),
  });
}

/** The schema as the zod emitter should see it: annotations dropped, formats zod reads alike kept. */
export function forZod(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forZod);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description" || key === "title" || key === "examples" || key === "default" || key === "deprecated" || key === "readOnly" || key === "writeOnly") continue;
    if (key === "contentMediaType" || key === "contentEncoding") continue;
    if (key === "format" && !(typeof value === "string" && ZOD_FORMATS.has(value))) continue;
    if (key === "enum" || key === "const") out[key] = value;
    else if (key === "properties" || key === "patternProperties") {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forZod(v)]));
    } else out[key] = forZod(value);
  }
  // An object without additionalProperties accepts extra keys in JSON Schema; zod's default would drop them.
  const isObject = out.type === "object" || (out.type === undefined && out.properties !== undefined);
  if (isObject && out.additionalProperties === undefined) out.additionalProperties = true;
  return out;
}
