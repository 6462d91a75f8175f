// A tool's arguments: parameters shaped by the manifest, merged into one object schema with their bindings.
import type { OperationModel, ParamModel } from "../model.js";
import type { ManifestResolver, ManifestTool } from "../manifest.js";
import { PRESETS } from "../manifest.js";
import type { ArgBinding, FixedValue, JsonSchema, PagesEntry, PeriodEntry, ResolveEntry, ResolverEntry } from "../table.js";
import { checkValue } from "./values.js";
import type { Problems } from "./problems.js";

export interface InputShape {
  inputSchema: JsonSchema;
  args: Record<string, ArgBinding>;
  fixed: FixedValue[];
  resolve: ResolveEntry[];
  period?: PeriodEntry;
  pages?: PagesEntry;
}

export interface InputOptions {
  entry?: Pick<ManifestTool, "params" | "resolve" | "period" | "pages">;
  resolvers: Record<string, { manifest: ManifestResolver; entry: ResolverEntry }>;
  idempotencyHeader?: string;
}

interface Arg {
  name: string;
  param: ParamModel;
  /** API name used in the binding: "" for a whole non-object body. */
  apiName: string;
  schema: JsonSchema;
  required: boolean;
}

/** Every parameter of the operation, body fields last; a non-object body is one `body` parameter. */
export function operationParams(op: OperationModel): ParamModel[] {
  const list = [...op.params];
  if (op.body?.fields) list.push(...op.body.fields);
  else if (op.body) list.push({ name: "", in: "body", required: op.body.required, schema: op.body.schema, examples: [], description: "The request body." });
  return list;
}

export function shapeInput(op: OperationModel, options: InputOptions, problems: Problems): InputShape {
  const entry = options.entry ?? {};
  const params = operationParams(op);
  const find = (key: string): ParamModel | undefined =>
    params.find((p) => `${p.in}.${p.name}` === key) ?? params.find((p) => (p.name || "body") === key);
  const shaped = new Set<ParamModel>();
  const hidden = new Set<ParamModel>();
  const fixed: FixedValue[] = [];
  const renames = new Map<ParamModel, string>();
  const descriptions = new Map<ParamModel, string>();
  const defaults = new Map<ParamModel, unknown>();

  for (const [key, shape] of Object.entries(entry.params ?? {})) {
    const param = find(key);
    if (!param) {
      problems.fail(`params.${key}`, `operation ${op.operationId} has no parameter or body field "${key}" (it has: ${params.map((p) => p.name || "body").join(", ") || "none"})`);
      continue;
    }
    shaped.add(param);
    if (shape.value !== undefined) {
      const problem = checkValue(param.schema, shape.value);
      if (problem) problems.fail(`params.${key}.value`, `${JSON.stringify(shape.value)} does not fit the parameter: ${problem}`);
      fixed.push({ in: param.in, name: param.name, value: shape.value });
      hidden.add(param);
    } else if (shape.hidden) {
      if (param.required) problems.fail(`params.${key}.hidden`, `the API requires "${key}"; give it a value instead of hiding it`);
      hidden.add(param);
    }
    if (shape.default !== undefined) {
      const problem = checkValue(param.schema, shape.default);
      if (problem) problems.fail(`params.${key}.default`, `${JSON.stringify(shape.default)} does not fit the parameter: ${problem}`);
      defaults.set(param, shape.default);
    }
    if (shape.rename) renames.set(param, shape.rename);
    if (shape.description) descriptions.set(param, shape.description);
  }
  if (options.idempotencyHeader) {
    const header = options.idempotencyHeader.toLowerCase();
    for (const p of params) if (p.in === "header" && p.name.toLowerCase() === header) hidden.add(p);
  }

  let pages: PagesEntry | undefined;
  if (entry.pages) {
    const p = entry.pages;
    for (const field of ["page", "size", "cursor"] as const) {
      const name = p[field];
      if (name === undefined) continue;
      const param = find(name);
      if (!param) problems.fail(`pages.${field}`, `operation ${op.operationId} has no parameter "${name}"`);
      else hidden.add(param);
    }
    pages = {
      style: p.cursor !== undefined ? "cursor" : "page",
      ...(p.page !== undefined ? { page: p.page } : {}),
      ...(p.size !== undefined ? { size: p.size } : {}),
      ...(p.cursor !== undefined ? { cursor: p.cursor } : {}),
      ...(p.next !== undefined ? { next: p.next } : {}),
      items: p.items,
      ...(p.total !== undefined ? { total: p.total } : {}),
      pageSize: p.pageSize,
      limit: { default: p.limit.default, max: p.limit.max },
      ...(p.fields ? { fields: [...p.fields] } : {}),
      ...(p.table ? { table: [...p.table] } : {}),
    };
    const sizeParam = p.size !== undefined ? find(p.size) : undefined;
    const max = sizeParam?.schema.maximum;
    if (typeof max === "number" && p.pageSize > max) problems.fail("pages.pageSize", `${p.pageSize} is above the API's maximum page size ${max}`);
  }

  const resolve: ResolveEntry[] = [];
  const resolvedArg = new Map<ParamModel, { name: string; resolver: ManifestResolver }>();
  for (const [key, resolverName] of Object.entries(entry.resolve ?? {})) {
    const param = find(key);
    const resolver = options.resolvers[resolverName];
    if (!param) problems.fail(`resolve.${key}`, `operation ${op.operationId} has no parameter "${key}"`);
    if (!resolver) problems.fail(`resolve.${key}`, `no resolver named "${resolverName}" (known: ${Object.keys(options.resolvers).join(", ") || "none"})`);
    if (!param || !resolver) continue;
    if (hidden.has(param)) problems.fail(`resolve.${key}`, `"${key}" is also hidden or fixed`);
    resolvedArg.set(param, { name: resolverName, resolver: resolver.manifest });
    resolve.push({ arg: resolverName, param: param.name, resolver: resolver.entry });
  }

  // Arguments in the operation's order; a name met twice takes its location as a prefix.
  const args: Arg[] = [];
  const taken = new Set<string>();
  for (const param of params) {
    if (hidden.has(param)) continue;
    const resolved = resolvedArg.get(param);
    let name = resolved?.name ?? renames.get(param) ?? (param.name || "body");
    if (taken.has(name)) {
      const wanted = name;
      if (resolved || renames.has(param)) problems.fail(`params.${param.name}`, `argument name "${name}" is already used by another parameter`);
      name = `${param.in}_${param.name || "body"}`;
      for (let n = 2; taken.has(name); n++) name = `${param.in}_${param.name}_${n}`;
      problems.warn(`parameter "${wanted}" in ${param.in} collides with another parameter of that name; its argument is "${name}"`);
    }
    taken.add(name);
    const schema = resolved
      ? { type: "string", minLength: 1, description: resolved.resolver.description }
      : argSchema(param, descriptions.get(param), defaults.get(param));
    args.push({ name, param, apiName: param.name, schema, required: param.required });
  }
  if (resolve.length > 0) for (const r of resolve) r.arg = args.find((a) => a.apiName === r.param && resolvedArg.has(a.param))?.name ?? r.arg;

  let period: PeriodEntry | undefined;
  if (entry.period) {
    const argOf = (key: string, field: string): string | undefined => {
      const byArg = args.find((a) => a.name === key);
      const param = byArg?.param ?? find(key);
      const arg = args.find((a) => a.param === param);
      if (!arg) problems.fail(`period.${field}`, `"${key}" is not an argument of this tool (hidden, or not a parameter of ${op.operationId})`);
      return arg?.name;
    };
    const from = argOf(entry.period.from, "from");
    const to = argOf(entry.period.to, "to");
    if (taken.has("period")) problems.fail("period", `the tool already has an argument named "period"`);
    if (from && to) {
      period = { arg: "period", from, to, ...(entry.period.default ? { default: entry.period.default } : {}) };
      const fallback = entry.period.default ? ` Without period, ${entry.period.from} and ${entry.period.to}, ${entry.period.default} is used.` : "";
      args.push({
        name: "period",
        param: { name: "period", in: "query", required: false, schema: {}, examples: [] },
        apiName: "",
        schema: {
          type: "string",
          enum: [...PRESETS],
          description: `A named date range instead of ${from}/${to}: ${PRESETS.join(", ")}. Resolved in the company's time zone (billing periods by its statement day); do not combine with ${from}/${to}.${fallback}`,
        },
        required: false,
      });
    }
  }
  if (pages) {
    if (taken.has("limit")) problems.fail("pages", `the tool already has an argument named "limit"`);
    args.push({
      name: "limit",
      param: { name: "limit", in: "query", required: false, schema: {}, examples: [] },
      apiName: "",
      schema: {
        type: "integer",
        minimum: 1,
        maximum: pages.limit.max,
        default: pages.limit.default,
        description: `How many items to return (default ${pages.limit.default}, at most ${pages.limit.max}); the answer also says how many match in all.`,
      },
      required: false,
    });
  }

  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const bindings: Record<string, ArgBinding> = {};
  for (const arg of args) {
    properties[arg.name] = arg.schema;
    if (arg.required) required.push(arg.name);
    if (arg.name !== "period" || !period) {
      if (arg.name !== "limit" || !pages) {
        const fallback = defaults.get(arg.param);
        bindings[arg.name] = { in: arg.param.in, name: arg.apiName, ...(fallback !== undefined ? { default: fallback } : {}) };
      }
    }
  }
  const inputSchema: JsonSchema = { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  return { inputSchema, args: bindings, fixed, resolve, ...(period ? { period } : {}), ...(pages ? { pages } : {}) };
}

function argSchema(param: ParamModel, override: string | undefined, fallback: unknown): JsonSchema {
  const { description: own, examples: ownExamples, ...schema } = param.schema;
  const rest = fallback === undefined ? schema : { ...schema, default: fallback };
  const description = override ?? param.description ?? (typeof own === "string" ? own : undefined);
  const examples = [...((ownExamples as unknown[] | undefined) ?? [])];
  for (const e of param.examples) if (!examples.some((x) => JSON.stringify(x) === JSON.stringify(e))) examples.push(e);
  return {
    ...(description ? { description: description.trim() } : {}),
    ...rest,
    ...(examples.length > 0 ? { examples } : {}),
  };
}
