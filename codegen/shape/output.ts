// A tool's output schema: the success answers merged, then reshaped the way the runtime reshapes the answer.
import type { OperationModel } from "../model.js";
import type { AwaitEntry, JsonSchema, PagesEntry, PeriodEntry } from "../table.js";
import { PRESETS } from "../manifest.js";
import { itemsAt, schemaAt } from "./fields.js";
import { projectItem, tableColumns, tableRow } from "./projection.js";
import type { Problems } from "./problems.js";

export const WRAP_FIELD = "result";

export interface OutputShape {
  outputSchema?: JsonSchema;
  wrapOutput?: string;
  /** The answer the texts read when it differs from the advertised one (a list's slim items): the items in full. */
  viewSchema?: JsonSchema;
}

/** The answer as the API sends it (several 2xx merged), or undefined when a success has no JSON body. */
export function answerSchema(op: OperationModel): OutputShape {
  const successes = op.successes;
  if (successes.length === 0 || successes.some((s) => s.schema === undefined)) return {};
  const schemas = successes.map((s) => s.schema!);
  if (schemas.every(isObjectSchema)) return { outputSchema: mergeObjects(schemas) };
  const answer = schemas.length === 1 ? schemas[0]! : { anyOf: schemas };
  return {
    outputSchema: { type: "object", properties: { [WRAP_FIELD]: answer }, required: [WRAP_FIELD], additionalProperties: false },
    wrapOutput: WRAP_FIELD,
  };
}

export function isObjectSchema(schema: JsonSchema): boolean {
  if (schema.type === "object") return true;
  if (schema.type !== undefined) return false;
  if (schema.properties !== undefined) return !schema.anyOf && !schema.allOf;
  const variants = (schema.anyOf ?? schema.allOf) as JsonSchema[] | undefined;
  return Array.isArray(variants) && variants.length > 0 && variants.every(isObjectSchema);
}

/** Several object answers: properties united, required only where every answer requires it. */
function mergeObjects(schemas: JsonSchema[]): JsonSchema {
  if (schemas.length === 1) return { ...schemas[0], type: "object" };
  if (schemas.some((s) => s.properties === undefined)) return { type: "object", anyOf: schemas };
  const properties: Record<string, JsonSchema> = {};
  for (const schema of schemas) {
    for (const [name, prop] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      const known = properties[name];
      if (!known) properties[name] = prop;
      else if (JSON.stringify(known) !== JSON.stringify(prop)) properties[name] = { anyOf: [known, prop] };
    }
  }
  const requiredSets = schemas.map((s) => new Set((s.required as string[] | undefined) ?? []));
  const required = [...requiredSets[0]!].filter((name) => requiredSets.every((set) => set.has(name)));
  const description = schemas.find((s) => typeof s.description === "string")?.description;
  return {
    type: "object",
    ...(description !== undefined ? { description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

export interface OutputOptions {
  pages?: PagesEntry;
  period?: PeriodEntry;
  await?: AwaitEntry;
  /** The polled operation's answer, for await. */
  polled?: JsonSchema;
  /** The list offers an export: the answer may carry its links. */
  exported?: boolean;
}

export function shapeOutput(op: OperationModel, options: OutputOptions, problems: Problems): OutputShape {
  const base = answerSchema(op);
  if (!base.outputSchema) {
    if (options.pages || options.period || options.await) problems.fail(options.pages ? "pages" : options.period ? "period" : "await", `operation ${op.operationId} has no JSON answer to reshape`);
    return base;
  }
  let schema = base.outputSchema;
  let view: JsonSchema | undefined;
  if (options.pages) {
    schema = paged(schema, options.pages, problems);
    if (options.exported) schema = withExport(schema);
    const slim = slimmed(schema, options.pages, problems);
    if (slim !== schema) [view, schema] = [schema, slim];
  }
  if (options.await) schema = awaited(schema, options.await, options.polled, problems);
  if (options.period) {
    schema = withPeriod(schema);
    if (view) view = withPeriod(view);
  }
  return { ...base, outputSchema: schema, ...(view ? { viewSchema: view } : {}) };
}

/** The paged answer with its items as the manifest slims them (fields or table); unchanged without either. */
function slimmed(schema: JsonSchema, pages: PagesEntry, problems: Problems): JsonSchema {
  const item = itemsAt(schema, pages.items);
  if (!item || (!pages.fields && !pages.table)) return schema;
  const props = { ...(schema.properties as Record<string, JsonSchema>) };
  const list = props[pages.items]!;
  if (pages.fields) props[pages.items] = { ...list, items: projectItem(item, pages.fields, problems) };
  else {
    if (props.columns) problems.fail("pages.table", `the answer already has a field "columns"`);
    props[pages.items] = { ...list, description: `${String(list.description ?? "The items")} One array per item, its values in the order of columns.`, items: tableRow(item, pages.table!, problems) };
    const { [pages.items]: rows, ...rest } = props;
    return { ...schema, properties: { columns: tableColumns(pages.table!), [pages.items]: rows!, ...rest }, required: ["columns", ...((schema.required as string[]) ?? [])] };
  }
  return { ...schema, properties: props };
}

/** Where a list that does not hold every match says how to get them all. */
function withExport(schema: JsonSchema): JsonSchema {
  const properties = { ...((schema.properties as Record<string, JsonSchema> | undefined) ?? {}) };
  properties.export = {
    type: "object",
    description: "Present when this answer does not hold every match: all of them as a CSV file, for a spreadsheet (the content's resource_link is the same file for resources/read).",
    properties: {
      download: { type: "string", description: "An HTTPS link that downloads the CSV file; it works until expiresAt, for the same user only." },
      expiresAt: { type: "string", format: "date-time", description: "When the download link stops working." },
      count: { type: ["integer", "null"], description: "How many items the export holds, when the API says." },
    },
    required: ["download", "expiresAt"],
  };
  return { ...schema, properties };
}

function paged(schema: JsonSchema, pages: PagesEntry, problems: Problems): JsonSchema {
  const items = schemaAt(schema, pages.items);
  if (!items || itemsAt(schema, pages.items) === null) {
    problems.fail("pages.items", `"${pages.items}" is not an array field of the answer`);
    return schema;
  }
  const total = pages.total !== undefined ? schemaAt(schema, pages.total) : undefined;
  if (pages.total !== undefined && !total) problems.fail("pages.total", `"${pages.total}" is not a field of the answer`);
  if (pages.next !== undefined && schemaAt(schema, pages.next) === null) problems.fail("pages.next", `"${pages.next}" is not a field of the answer`);
  const properties: Record<string, JsonSchema> = { [pages.items]: items };
  if (pages.total !== undefined && total) properties[pages.total] = total;
  properties.returned = { type: "integer", minimum: 0, description: "How many items this answer holds." };
  properties.hasMore = { type: "boolean", description: "Whether more items match than this answer holds." };
  return {
    type: "object",
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    properties,
    required: Object.keys(properties),
  };
}

function awaited(schema: JsonSchema, entry: AwaitEntry, polled: JsonSchema | undefined, problems: Problems): JsonSchema {
  const properties = { ...((schema.properties as Record<string, JsonSchema> | undefined) ?? {}) };
  if (!properties[entry.into]) problems.fail("await.into", `"${entry.into}" is not a field of the answer`);
  else if (polled) properties[entry.into] = polled;
  if (!properties[entry.flag]) problems.fail("await.flag", `"${entry.flag}" is not a field of the answer`);
  else {
    // After polling the flag says false when the change applied, whatever the 202 schema allowed.
    const description = firstDescription(properties[entry.flag]!);
    properties[entry.flag] = { ...(description !== undefined ? { description } : {}), type: "boolean" };
  }
  return { ...schema, properties };
}

function withPeriod(schema: JsonSchema): JsonSchema {
  const properties = { ...((schema.properties as Record<string, JsonSchema> | undefined) ?? {}) };
  properties.period = {
    type: "object",
    description: "The date range used (inclusive), the time zone it was read in, and the preset it came from (null when given as dates).",
    properties: {
      from: { type: "string", description: "Start, inclusive (YYYY-MM-DD for a preset)." },
      to: { type: "string", description: "End, inclusive (YYYY-MM-DD for a preset)." },
      timeZone: { type: "string" },
      preset: { type: ["string", "null"], enum: [...PRESETS, null] },
    },
    required: ["from", "to", "timeZone"],
  };
  return { ...schema, properties };
}

function firstDescription(schema: JsonSchema): unknown {
  if (schema.description !== undefined) return schema.description;
  return ((schema.anyOf as JsonSchema[] | undefined) ?? []).find((v) => v.description !== undefined)?.description;
}
