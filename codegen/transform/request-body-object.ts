// Request Body Object → BodyModel: an object body's properties become arguments, anything else is one `body` argument.
import type { Refs } from "../load.js";
import type { BodyModel, ParamModel, Warnings } from "../model.js";
import type { JsonSchema } from "../table.js";
import { pickMediaType } from "./media-type-object.js";
import { parameterExamples } from "./parameter-object.js";
import type { SchemaTransformer } from "./schema-object.js";

export function transformRequestBody(raw: unknown, where: string, refs: Refs, schemas: SchemaTransformer, warnings: Warnings): BodyModel | undefined {
  if (raw === undefined) return undefined;
  const body = refs.deref(raw, where);
  if (!body) return undefined;
  const picked = pickMediaType(body.content, true);
  if (!picked) {
    const types = body.content && typeof body.content === "object" ? Object.keys(body.content).join(", ") : "none";
    warnings.add(where, `request body type (${types}) is not supported; the body is left out`);
    return undefined;
  }
  const required = body.required === true;
  const schema = schemas.convert(picked.media.schema, "input", where);
  const model: BodyModel = { contentType: picked.type, required, schema };
  if (picked.type.startsWith("multipart/")) warnings.add(where, `multipart body: files are passed as strings (base64 or text)`);
  const fields = objectFields(schema, parameterExamples(picked.media, refs, where));
  if (fields) model.fields = fields;
  return model;
}

/** The properties of an object schema as body parameters, or undefined when the body is not a plain object. */
function objectFields(schema: JsonSchema, examples: unknown[]): ParamModel[] | undefined {
  const isObjectType = schema.type === "object" || (schema.type === undefined && schema.properties !== undefined);
  if (!isObjectType || !schema.properties || schema.anyOf || schema.allOf || schema.not) return undefined;
  // Bodies that accept arbitrary extra keys cannot be flattened without losing those keys.
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return undefined;
  const properties = schema.properties as Record<string, JsonSchema>;
  if (Object.keys(properties).length === 0) return undefined;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const sample = examples.find((e): e is Record<string, unknown> => typeof e === "object" && e !== null && !Array.isArray(e));
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    const own = sample?.[name];
    return {
      name,
      in: "body" as const,
      required: required.has(name),
      schema: rest,
      ...(typeof description === "string" ? { description } : {}),
      examples: own !== undefined ? [own] : [],
    };
  });
}
