// Schema Object → self-contained JSON Schema (no $ref) that validators of 2020-12 and draft-07 both accept.
import { isObject, pointerPart, type Refs } from "../load.js";
import type { NamedSchema, SchemaMode, Warnings } from "../model.js";
import type { JsonSchema } from "../table.js";

/** A $ref may appear this many times in its own expansion before it is cut (recursion). */
export const CIRCULAR_BOUND = 1;
/** Nested $ref expansions deeper than this are cut: real specs need far fewer. */
export const MAX_REF_DEPTH = 6;
/** Nodes one top-level schema may expand to; heavily recursive specs would otherwise explode. */
export const NODE_BUDGET = 1_500;

const FORMATS = new Set([
  "date", "time", "date-time", "duration", "uri", "uri-reference", "uri-template", "url", "email",
  "hostname", "ipv4", "ipv6", "regex", "uuid", "json-pointer", "relative-json-pointer", "byte",
  "int32", "int64", "float", "double", "password", "binary",
]);
const TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);
const NUMBER_KEYS = ["minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] as const;
const ANNOTATION_KEYS = ["title", "description"] as const;
const FLAG_KEYS = ["readOnly", "writeOnly", "deprecated", "uniqueItems"] as const;
/** Longest example kept, in JSON characters: long sample documents only bloat the tool list. */
const EXAMPLE_LIMIT = 400;

interface Session {
  where: string;
  mode: SchemaMode;
  nodes: number;
  /** Set when something below was cut, so the result depends on the path and is not cached. */
  cut: boolean;
}

export class SchemaTransformer {
  /** Expanded $refs with the nodes they cost, so a reused expansion still counts against the budget. */
  private readonly memo = new Map<string, { schema: JsonSchema; nodes: number }>();
  constructor(
    private readonly refs: Refs,
    private readonly warnings: Warnings,
  ) {}

  /** The spec's named schemas as they were expanded (uncut), by name then mode: what shared constants are named after. */
  named(): NamedSchema[] {
    const out: NamedSchema[] = [];
    for (const [key, { schema }] of this.memo) {
      const [mode, ref] = key.split("\u0000") as [SchemaMode, string];
      const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
      if (match) out.push({ name: pointerPart(match[1]!), mode, schema });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0));
  }

  /** Converts one schema found in operation `where`. */
  convert(schema: unknown, mode: SchemaMode, where: string): JsonSchema {
    const session: Session = { where, mode, nodes: 0, cut: false };
    return this.walk(schema, session, []);
  }

  private walk(node: unknown, s: Session, stack: string[]): JsonSchema {
    if (++s.nodes > NODE_BUDGET) {
      this.overBudget(s);
      return {};
    }
    if (node === true || node === undefined) return {};
    if (node === false) return { not: {} };
    if (!isObject(node)) return {};
    if (typeof node.$ref === "string") return this.ref(node, s, stack);
    for (const key of ["$recursiveRef", "$dynamicRef"]) {
      if (typeof node[key] === "string") {
        this.warnings.add(s.where, `${key} is not supported; that part accepts any value`);
        return pick(node, ANNOTATION_KEYS);
      }
    }
    return this.object(node, s, stack);
  }

  private overBudget(s: Session): void {
    this.warnings.add(s.where, `schema larger than ${NODE_BUDGET} nodes; the parts beyond accept any value`);
    s.cut = true;
  }

  private ref(node: Record<string, unknown>, s: Session, stack: string[]): JsonSchema {
    const ref = node.$ref as string;
    const siblings = Object.keys(node).length > 1 ? this.siblings(node, s) : undefined;
    let resolved: JsonSchema;
    const seen = stack.filter((r) => r === ref).length;
    if (seen >= CIRCULAR_BOUND) {
      this.warnings.add(s.where, `circular $ref ${ref} cut after ${CIRCULAR_BOUND} level(s); the recursive part accepts any value`);
      s.cut = true;
      resolved = { description: `Recursive ${refName(ref)} (not expanded).` };
    } else if (stack.length >= MAX_REF_DEPTH) {
      this.warnings.add(s.where, `$ref nesting deeper than ${MAX_REF_DEPTH} cut at ${ref}; that part accepts any value`);
      s.cut = true;
      resolved = {};
    } else {
      const key = `${s.mode}\u0000${ref}`;
      const cached = this.memo.get(key);
      if (cached && s.nodes + cached.nodes > NODE_BUDGET) {
        this.overBudget(s);
        resolved = {};
      } else if (cached) {
        s.nodes += cached.nodes;
        resolved = cached.schema;
      } else {
        const target = this.refs.lookup(ref, s.where);
        const outer = s.cut;
        const before = s.nodes;
        s.cut = false;
        resolved = target === undefined ? {} : this.walk(target, s, [...stack, ref]);
        if (!s.cut && this.refs.isLocal(ref)) this.memo.set(key, { schema: resolved, nodes: s.nodes - before });
        s.cut = s.cut || outer;
      }
    }
    return siblings ? withSiblings(resolved, siblings) : resolved;
  }

  /** Keywords written beside a $ref: annotations apply, nullable widens. */
  private siblings(node: Record<string, unknown>, s: Session): JsonSchema {
    const out: JsonSchema = pick(node, [...ANNOTATION_KEYS, "readOnly", "writeOnly", "deprecated"]);
    if ("default" in node) out.default = node.default;
    const examples = this.examples(node);
    if (examples) out.examples = examples;
    if (node.nullable === true) out.nullable = true;
    void s;
    return out;
  }

  private object(node: Record<string, unknown>, s: Session, stack: string[]): JsonSchema {
    const out: JsonSchema = {};
    let types = typeList(node.type, s, this.warnings);
    if (types?.includes("file")) types = types.map((t) => (t === "file" ? "string" : t));
    for (const key of ANNOTATION_KEYS) if (typeof node[key] === "string") out[key] = node[key];
    if (types && types.length > 0) out.type = types.length === 1 ? types[0] : types;
    if (node.type === "file") out.format = "binary";
    if (Array.isArray(node.enum) && node.enum.length > 0) out.enum = [...node.enum];
    if ("const" in node) out.const = node.const;
    if ("default" in node) out.default = node.default;
    for (const key of NUMBER_KEYS) if (typeof node[key] === "number") out[key] = node[key];
    for (const key of FLAG_KEYS) if (typeof node[key] === "boolean") out[key] = node[key];
    exclusive(node, out, "exclusiveMinimum", "minimum");
    exclusive(node, out, "exclusiveMaximum", "maximum");
    if (typeof node.format === "string" && FORMATS.has(node.format) && out.format === undefined) out.format = node.format;
    if (typeof node.pattern === "string") {
      if (validPattern(node.pattern)) out.pattern = node.pattern;
      else this.warnings.add(s.where, `pattern ${JSON.stringify(node.pattern)} is not a valid regular expression; left out`);
    }
    const examples = this.examples(node);
    if (examples) out.examples = examples;

    if (isObject(node.properties)) {
      const properties: Record<string, JsonSchema> = {};
      const dropped = new Set<string>();
      for (const [name, child] of Object.entries(node.properties)) {
        const converted = this.walk(child, s, stack);
        const hiddenHere = s.mode === "input" ? converted.readOnly === true : converted.writeOnly === true;
        if (hiddenHere) dropped.add(name);
        else properties[name] = converted;
      }
      out.properties = properties;
      if (Array.isArray(node.required)) {
        const required = [...new Set(node.required.filter((r): r is string => typeof r === "string" && !dropped.has(r)))];
        if (required.length > 0) out.required = required;
      }
    } else if (Array.isArray(node.required)) {
      const required = node.required.filter((r): r is string => typeof r === "string");
      if (required.length > 0) out.required = [...new Set(required)];
    }
    if ("additionalProperties" in node && node.additionalProperties !== undefined) {
      const extra = node.additionalProperties;
      out.additionalProperties = typeof extra === "boolean" ? extra : this.walk(extra, s, stack);
    }
    if (isObject(node.patternProperties)) {
      const patterns: Record<string, JsonSchema> = {};
      for (const [pattern, child] of Object.entries(node.patternProperties)) {
        if (validPattern(pattern)) patterns[pattern] = this.walk(child, s, stack);
        else this.warnings.add(s.where, `patternProperties key ${JSON.stringify(pattern)} is not a valid regular expression; left out`);
      }
      out.patternProperties = patterns;
    }
    if (node.propertyNames !== undefined) out.propertyNames = this.walk(node.propertyNames, s, stack);
    if (Array.isArray(node.items) || Array.isArray(node.prefixItems)) {
      // Tuples differ between draft-07 and 2020-12; any listed item shape is accepted in each place.
      const list = (Array.isArray(node.prefixItems) ? node.prefixItems : node.items) as unknown[];
      out.items = list.length === 0 ? {} : { anyOf: list.map((item) => this.walk(item, s, stack)) };
    } else if (node.items !== undefined) {
      out.items = this.walk(node.items, s, stack);
    }
    if (node.not !== undefined) out.not = this.walk(node.not, s, stack);
    for (const key of ["anyOf", "oneOf"] as const) {
      const list = node[key];
      if (!Array.isArray(list) || list.length === 0) continue;
      // oneOf becomes anyOf: real specs' branches overlap (and cut recursion accepts anything), so a strict oneOf would reject valid data.
      const variants = list.map((v) => this.walk(v, s, stack));
      const merged = [...((out.anyOf as JsonSchema[] | undefined) ?? []), ...variants];
      out.anyOf = merged;
    }
    if (Array.isArray(node.allOf) && node.allOf.length > 0) {
      const parts = node.allOf.map((part) => this.walk(part, s, stack));
      return finish(mergeAllOf(out, parts), node);
    }
    return finish(out, node);
  }

  private examples(node: Record<string, unknown>): unknown[] | undefined {
    const list = Array.isArray(node.examples) ? node.examples : "example" in node && node.example !== undefined ? [node.example] : [];
    const kept = list.filter((e) => {
      const text = JSON.stringify(e);
      return text !== undefined && text.length <= EXAMPLE_LIMIT;
    });
    return kept.length > 0 ? kept : undefined;
  }
}

function finish(out: JsonSchema, node: Record<string, unknown>): JsonSchema {
  return node.nullable === true ? nullable(out) : out;
}

function withSiblings(resolved: JsonSchema, siblings: JsonSchema): JsonSchema {
  const { nullable: isNullable, ...rest } = siblings;
  const merged = { ...resolved, ...rest };
  return isNullable === true ? nullable(merged) : merged;
}

/** OpenAPI 3.0 `nullable: true` as JSON Schema: null joins the type (and the enum). */
export function nullable(schema: JsonSchema): JsonSchema {
  const out = { ...schema };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === "string") {
    if (out.type !== "null") out.type = [out.type, "null"];
    return out;
  }
  if (Array.isArray(out.type)) {
    if (!out.type.includes("null")) out.type = [...out.type, "null"];
    return out;
  }
  if (Array.isArray(out.enum) || isAny(out)) return out;
  const { description, title, ...body } = out;
  return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), anyOf: [body, { type: "null" }] };
}

/** True when the schema puts no constraint on a value. */
export function isAny(schema: JsonSchema): boolean {
  return Object.keys(schema).every((k) => k === "description" || k === "title" || k === "examples" || k === "default" || k === "deprecated");
}

const MERGEABLE = new Set(["type", "properties", "required", "description", "title", "examples", "default", "readOnly", "writeOnly", "deprecated", "additionalProperties"]);

/** allOf of object schemas becomes one object (properties and required united); anything else stays allOf. */
function mergeAllOf(base: JsonSchema, parts: JsonSchema[]): JsonSchema {
  const all = [base, ...parts];
  const objectLike = (p: JsonSchema) =>
    Object.keys(p).every((k) => MERGEABLE.has(k)) &&
    (p.type === undefined || p.type === "object") &&
    (p.additionalProperties === undefined || p.additionalProperties === true);
  if (parts.length === 1 && Object.keys(base).every((k) => k === "description" || k === "title" || k === "examples" || k === "default" || k === "readOnly" || k === "deprecated")) {
    return { ...parts[0], ...base };
  }
  if (!all.every(objectLike)) return { ...base, allOf: parts };
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  let typed = false;
  for (const part of all) {
    if (part.type === "object" || part.properties) typed = true;
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const r of part.required) required.add(r as string);
  }
  const out: JsonSchema = {};
  for (const key of ["title", "description", "examples", "default", "readOnly", "deprecated"]) {
    const from = [...all].reverse().find((p) => p[key] !== undefined);
    if (from && key !== "description" && key !== "title") out[key] = from[key];
  }
  const title = base.title ?? parts.find((p) => p.title !== undefined)?.title;
  const description = base.description ?? parts.find((p) => p.description !== undefined)?.description;
  if (title !== undefined) out.title = title;
  if (description !== undefined) out.description = description;
  if (typed) out.type = "object";
  out.properties = properties;
  if (required.size > 0) out.required = [...required];
  return out;
}

function typeList(type: unknown, s: Session, warnings: Warnings): string[] | undefined {
  const list = Array.isArray(type) ? type : typeof type === "string" ? [type] : undefined;
  if (!list) return undefined;
  const known = list.filter((t): t is string => typeof t === "string" && (TYPES.has(t) || t === "file"));
  if (known.length !== list.length) warnings.add(s.where, `unknown type ${JSON.stringify(type)}; only ${JSON.stringify(known)} kept`);
  return [...new Set(known)];
}

/** 3.0 writes exclusiveMinimum as a flag beside minimum; 2020-12 wants the bound itself. */
function exclusive(node: Record<string, unknown>, out: JsonSchema, key: "exclusiveMinimum" | "exclusiveMaximum", bound: "minimum" | "maximum"): void {
  const value = node[key];
  if (typeof value === "number") out[key] = value;
  else if (value === true && typeof node[bound] === "number") {
    out[key] = node[bound];
    delete out[bound];
  }
}

function validPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function pick(node: Record<string, unknown>, keys: readonly string[]): JsonSchema {
  const out: JsonSchema = {};
  for (const key of keys) if (node[key] !== undefined) out[key] = node[key];
  return out;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}
