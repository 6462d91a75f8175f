// Input validators as zod 4 source, emitted with json-schema-to-zod.
import { jsonSchemaToZod } from "json-schema-to-zod";
import type { JsonSchema } from "./table.js";

// Formats whose zod 4 check agrees with the JSON Schema meaning; the others are left to the JSON Schema
// (zod 4 has no .ip(), reads "binary" as base64 and "uuid" more strictly than RFC 4122 allows).
const ZOD_FORMATS = new Set(["date-time", "date", "email"]);

/** Source of a zod expression that validates what `schema` accepts. */
export function zodSource(schema: JsonSchema): string {
  return zodSourceOf(forZod(schema) as JsonSchema);
}

/** Source from a schema already made ready with forZod; `refer` may write a part (one of these objects) as an expression of its own. */
export function zodSourceOf(ready: JsonSchema, refer?: (part: JsonSchema) => string | undefined): string {
  return jsonSchemaToZod(ready as Parameters<typeof jsonSchemaToZod>[0], {
    module: "none",
    zodVersion: 4,
    withoutDefaults: true,
    withoutDescribes: true,
    ...(refer ? { parserOverride: (part: object) => refer(part as JsonSchema) } : {}),
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
