// Reads a request's parameters and body the way the spec declares them, and rejects anything
// else with a 400 that names the parameter and says what is allowed.
import type { ErrorObject } from "ajv";
import { badRequest } from "../api/errors.js";
import type { JsonSchema, OperationSpec, ParameterSpec } from "./spec.js";

export interface RequestInput {
  /** The raw query string, without the leading "?". */
  query: string;
  /** Path parameters, already percent-decoded. */
  path: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  contentType?: string;
  /** The raw body text ("" when there is none). */
  body: string;
}

export interface RequestValues {
  params: Record<string, unknown>;
  body: unknown;
}

function firstLower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What a schema allows, in words: "one of ACTIVE, LOCKED, CANCELLED", "an integer from 1 to 100". */
export function allowedValues(schema: JsonSchema): string {
  if (schema.type === "array" && schema.items) {
    const items = schema.items.enum ? `one or more of ${schema.items.enum.join(", ")}` : `one or more values, each ${allowedValues(schema.items)}`;
    return `${items} (repeat the parameter for several)`;
  }
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "integer") {
    if (schema.minimum !== undefined && schema.maximum !== undefined) return `an integer from ${schema.minimum} to ${schema.maximum}`;
    if (schema.minimum !== undefined) return `an integer of at least ${schema.minimum}`;
    return "an integer";
  }
  if (schema.type === "boolean") return "true or false";
  const parts: string[] = [];
  parts.push(schema.description ? firstLower(schema.description.trim().replace(/\.$/, "")) : "a string");
  if (schema.pattern) parts.push(`matching ${schema.pattern}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    parts.push(`of ${schema.minLength ?? 0} to ${schema.maxLength ?? "any number of"} characters`);
  }
  const example = schema.examples?.[0];
  if (typeof example === "string") parts.push(`(for example "${example}")`);
  return parts.join(" ");
}

function shown(value: unknown): string {
  const text = Array.isArray(value) ? value.join(",") : String(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function coerce(raw: string, schema: JsonSchema): unknown {
  if (schema.type === "integer" || schema.type === "number") return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

function checkParameter(p: ParameterSpec, value: unknown): void {
  if (!p.validate(value)) throw badRequest(`${p.name} must be ${allowedValues(p.schema)}; got ${shown(value)}`);
}

function readQuery(op: OperationSpec, query: string, out: Record<string, unknown>): void {
  const search = new URLSearchParams(query);
  const declared = op.parameters.filter((p) => p.in === "query");
  for (const name of new Set(search.keys())) {
    if (!declared.some((p) => p.name === name)) {
      const names = declared.map((p) => p.name);
      throw badRequest(`unknown query parameter ${JSON.stringify(name)}; ${names.length ? `allowed: ${names.join(", ")}` : "this operation takes none"}`);
    }
  }
  for (const p of declared) {
    const values = search.getAll(p.name);
    if (values.length === 0) {
      if (p.required) throw badRequest(`${p.name} is required: ${allowedValues(p.schema)}`);
      if (p.schema.default !== undefined) out[p.name] = p.schema.default;
      continue;
    }
    let value: unknown;
    if (p.schema.type === "array") {
      value = values.map((v) => coerce(v, p.schema.items ?? {}));
    } else {
      if (values.length > 1) throw badRequest(`${p.name} must be given once; it was given ${values.length} times`);
      value = coerce(values[0] ?? "", p.schema);
    }
    checkParameter(p, value);
    out[p.name] = value;
  }
}

function bodyMessage(errors: ErrorObject[] | null | undefined, schema: JsonSchema): string {
  const e = errors?.[0];
  if (!e) return "the body is invalid";
  const where = e.instancePath ? `body field ${e.instancePath.slice(1).replace(/\//g, ".")}` : "body";
  if (e.keyword === "additionalProperties") {
    const allowed = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
    return `${where} has an unexpected property ${JSON.stringify(e.params.additionalProperty)}; allowed: ${allowed.join(", ")}`;
  }
  if (e.keyword === "required") return `${where} must have the property ${JSON.stringify(e.params.missingProperty)}`;
  if (e.keyword === "type" && e.params.type === "boolean") return `${where} must be true or false`;
  return `${where} ${e.message ?? "is invalid"}`;
}

function readBody(op: OperationSpec, input: RequestInput): unknown {
  if (!op.body) return undefined;
  if (input.body.trim() === "") {
    if (op.body.required) throw badRequest(`a JSON body is required: ${allowedValues(op.body.schema)}`);
    return undefined;
  }
  if (!/^application\/(.+\+)?json\b/i.test(input.contentType ?? "")) {
    throw badRequest("the body must be sent as Content-Type: application/json");
  }
  let body: unknown;
  try {
    body = JSON.parse(input.body);
  } catch {
    throw badRequest("the body is not valid JSON");
  }
  if (!op.body.validate(body)) throw badRequest(bodyMessage(op.body.validate.errors, op.body.schema));
  return body;
}

/** Every declared parameter (defaults applied), checked against its schema, and the parsed body. */
export function readRequest(op: OperationSpec, input: RequestInput): RequestValues {
  const params: Record<string, unknown> = {};
  for (const p of op.parameters) {
    if (p.in === "path") {
      const value = input.path[p.name];
      if (value === undefined) throw badRequest(`${p.name} is required`);
      checkParameter(p, value);
      params[p.name] = value;
    } else if (p.in === "header") {
      const raw = input.headers[p.name.toLowerCase()];
      if (raw === undefined) {
        if (p.required) throw badRequest(`the ${p.name} header is required`);
        continue;
      }
      const value = Array.isArray(raw) ? raw.join(", ") : raw;
      checkParameter(p, value);
      params[p.name] = value;
    }
  }
  readQuery(op, input.query, params);
  return { params, body: readBody(op, input) };
}
