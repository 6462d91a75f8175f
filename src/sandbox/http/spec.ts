// The OpenAPI document, read once: operations with their parameters, and ajv validators for
// request parts and responses, all taken from the spec itself.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Found by walking up from this module, so the same code works from src/ and from the bundle in dist/.
function findUp(file: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return join(dir, file);
    if (dirname(dir) === dir) throw new Error(`${file} not found above ${from}`);
  }
}

export function specFile(): string {
  return findUp("spec/clara.openapi.yaml", dirname(fileURLToPath(import.meta.url)));
}

type Json = Record<string, unknown>;

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  [key: string]: unknown;
}

export interface ParameterSpec {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  /** The schema with every $ref inlined, for messages and coercion. */
  schema: JsonSchema;
  validate: ValidateFunction;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  parameters: ParameterSpec[];
  body?: { required: boolean; validate: ValidateFunction; schema: JsonSchema };
}

export interface ApiSpec {
  document: Json;
  operations: OperationSpec[];
  /** The validator of the JSON body an operation answers with for a status (undefined when the spec has none). */
  responseValidator(operationId: string, status: number): ValidateFunction | undefined;
}

const SPEC_ID = "clara:spec";
const METHODS = ["get", "put", "post", "delete", "patch"] as const;

function pointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Json)[key];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return node;
}

/** Follows a top-level $ref (parameters, responses) to the object it names. */
function follow<T>(doc: Json, node: unknown): T {
  let current = node as Json;
  while (typeof current.$ref === "string") current = pointer(doc, current.$ref) as Json;
  return current as T;
}

/** A copy of `node` with every $ref replaced by what it points to (the spec has no cycles). */
function inline(doc: Json, node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(doc, n, seen));
  if (node === null || typeof node !== "object") return node;
  const obj = node as Json;
  if (typeof obj.$ref === "string") {
    if (seen.includes(obj.$ref)) throw new Error(`cyclic $ref ${obj.$ref}`);
    const { $ref, ...siblings } = obj;
    const target = inline(doc, pointer(doc, $ref), [...seen, $ref]) as Json;
    return { ...target, ...(inline(doc, siblings, seen) as Json) };
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) out[k] = inline(doc, v, seen);
  return out;
}

/** Rewrites local refs so ajv resolves them inside the registered spec. */
function anchored(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchored);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${SPEC_ID}${v}` : anchored(v);
  }
  return out;
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

export function loadSpec(file: string = specFile()): ApiSpec {
  const document = parse(readFileSync(file, "utf8")) as Json;
  const ajv = createAjv();
  ajv.addSchema({ $id: SPEC_ID, components: document.components }, SPEC_ID);
  const compile = (schema: unknown): ValidateFunction => ajv.compile(anchored(schema) as Json);

  const operations: OperationSpec[] = [];
  const responses = new Map<string, ValidateFunction>();
  const paths = (document.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const operationId = String(op.operationId);
      const parameters: ParameterSpec[] = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) => {
        const param = follow<Json>(document, p);
        return {
          name: String(param.name),
          in: param.in as ParameterSpec["in"],
          required: param.required === true,
          schema: inline(document, param.schema) as JsonSchema,
          validate: compile(param.schema),
        };
      });
      let body: OperationSpec["body"];
      if (op.requestBody) {
        const rb = follow<Json>(document, op.requestBody);
        const schema = ((rb.content as Json)["application/json"] as Json).schema;
        body = { required: rb.required === true, validate: compile(schema), schema: inline(document, schema) as JsonSchema };
      }
      for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
        const r = follow<Json>(document, response);
        const schema = ((r.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema;
        if (schema) responses.set(`${operationId} ${status}`, compile(schema));
      }
      operations.push({ operationId, method: method.toUpperCase(), path, parameters, ...(body ? { body } : {}) });
    }
  }
  return {
    document,
    operations,
    responseValidator: (operationId, status) => responses.get(`${operationId} ${status}`),
  };
}
