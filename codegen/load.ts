// Reads an API description (YAML or JSON, OpenAPI 3.x or Swagger 2.0) and resolves its local $refs.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import converter from "swagger2openapi";
import { Warnings } from "./model.js";

export type Doc = Record<string, unknown>;

export interface LoadedSpec {
  file: string;
  doc: Doc;
  /** "2.0" when the file was Swagger and has been converted to OpenAPI 3. */
  sourceVersion: string;
  refs: Refs;
  warnings: Warnings;
}

export async function loadSpec(file: string, warnings = new Warnings()): Promise<LoadedSpec> {
  const raw = parseText(readFileSync(file, "utf8"), file);
  if (!isObject(raw)) throw new Error(`${file}: not an OpenAPI document (the root is not an object)`);
  let doc: Doc = raw;
  let sourceVersion = String(raw.openapi ?? raw.swagger ?? "");
  if (typeof raw.swagger === "string") {
    // The converter patches small errors in real Swagger files instead of refusing them.
    const converted = await converter.convertObj(raw, { patch: true, warnOnly: true, resolve: false, direct: false });
    doc = converted.openapi;
    sourceVersion = raw.swagger;
  } else if (typeof raw.openapi !== "string") {
    throw new Error(`${file}: neither "openapi" nor "swagger" is declared at the top`);
  } else if (!/^3\./.test(raw.openapi)) {
    warnings.add(file, `OpenAPI ${raw.openapi} is not 3.0 or 3.1; read as 3.1`);
  }
  return { file, doc, sourceVersion, refs: new Refs(doc, file, warnings), warnings };
}

export function parseText(text: string, file = "spec"): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(body);
    } catch {
      // Some YAML files start with a flow mapping; fall through to the YAML reader.
    }
  }
  try {
    return parseYaml(body, { maxAliasCount: -1, uniqueKeys: false, merge: true, strict: false });
  } catch (error) {
    throw new Error(`${file}: cannot be read as JSON or YAML: ${(error as Error).message}`);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One segment of a JSON pointer ("Pet~1Owner" → "Pet/Owner"). */
export function pointerPart(part: string): string {
  return decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Looks up local references ("#/components/schemas/Card"); anything else is external and unsupported. */
export class Refs {
  private readonly cache = new Map<string, unknown>();
  constructor(
    readonly doc: Doc,
    private readonly file: string,
    private readonly warnings: Warnings,
  ) {}

  isLocal(ref: string): boolean {
    return ref.startsWith("#");
  }

  /** The target of a local $ref, or undefined (with a warning naming `where`) when it is external or missing. */
  lookup(ref: string, where: string): unknown {
    if (this.cache.has(ref)) return this.cache.get(ref);
    if (!this.isLocal(ref)) {
      this.warnings.add(where, `external $ref ${ref} cannot be resolved offline; treated as any value`);
      return undefined;
    }
    let node: unknown = this.doc;
    const pointer = ref.slice(1);
    if (pointer !== "" && pointer !== "/") {
      for (const part of pointer.replace(/^\//, "").split("/")) {
        const key = pointerPart(part);
        if (Array.isArray(node)) node = node[Number(key)];
        else if (isObject(node)) node = node[key];
        else node = undefined;
        if (node === undefined) break;
      }
    }
    if (node === undefined) this.warnings.add(where, `$ref ${ref} points at nothing in ${this.file}; treated as any value`);
    this.cache.set(ref, node);
    return node;
  }

  /** Follows $ref chains of non-schema objects (parameters, responses, request bodies). */
  deref(value: unknown, where: string): Record<string, unknown> | undefined {
    let current = value;
    for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === "string"; hops++) {
      current = this.lookup(current.$ref, where);
    }
    return isObject(current) && typeof current.$ref !== "string" ? current : undefined;
  }
}
