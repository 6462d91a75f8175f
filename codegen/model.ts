// The plain model between reading the spec and emitting files: no TypeScript nodes, no text.
import type { ApiEntry, HttpMethod, JsonSchema, ParamLocation, ToolEntry, ViewEntry } from "./table.js";

export type SchemaMode = "input" | "output";

/** One parameter of an operation, its schema already self-contained (no $ref). */
export interface ParamModel {
  name: string;
  in: ParamLocation;
  required: boolean;
  schema: JsonSchema;
  description?: string;
  examples: unknown[];
}

export interface BodyModel {
  contentType: string;
  required: boolean;
  /** Set when the body is an object: its properties become arguments. */
  fields?: ParamModel[];
  /** The whole body's schema, used when it is not an object. */
  schema: JsonSchema;
}

export interface SuccessModel {
  status: string;
  /** Absent when this answer has no JSON body. */
  schema?: JsonSchema;
}

export interface OperationModel {
  /** The operationId, or a name made from the method and path when the spec has none. */
  operationId: string;
  /** Whether operationId came from the spec (only those can be named by the manifest or typed by openapi-typescript). */
  declared: boolean;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  params: ParamModel[];
  body?: BodyModel;
  successes: SuccessModel[];
}

/** One of the spec's components/schemas as expanded for input or output: what shared constants are named after. */
export interface NamedSchema {
  name: string;
  mode: SchemaMode;
  schema: JsonSchema;
}

export interface SpecModel {
  title: string;
  version: string;
  operations: OperationModel[];
  byId: Map<string, OperationModel>;
  named: NamedSchema[];
}

/** A tool before its validator is turned into code: everything but `input` (whose source depends on the whole table). */
export type ToolModel = Omit<ToolEntry, "input">;

export interface GenModel {
  api: ApiEntry;
  tools: ToolModel[];
  /** The operations the tools, resolvers, await and identity call, in spec order. */
  operations: OperationModel[];
  named: NamedSchema[];
  /** The views the tools name, bundled (none with --all). */
  views: ViewEntry[];
  warnings: string[];
}

/** Warnings collected while reading one spec; each names the operation (or the file) it is about. */
export class Warnings {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();
  add(where: string, message: string): void {
    const line = `${where}: ${message}`;
    if (this.seen.has(line)) return;
    this.seen.add(line);
    this.list.push(line);
  }
}
