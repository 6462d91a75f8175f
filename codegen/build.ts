// Spec (+ manifest) → GenModel: the manifest's tools, or every operation with --all.
import { dirname, relative, resolve } from "node:path";
import { loadSpec, type LoadedSpec } from "./load.js";
import { ManifestError, readManifest, type Manifest } from "./manifest.js";
import { Warnings, type GenModel, type OperationModel, type SpecModel, type ToolModel } from "./model.js";
import { nameTools } from "./names.js";
import { deriveAnnotations } from "./shape/annotations.js";
import { shapeInput } from "./shape/input.js";
import { answerSchema, shapeOutput } from "./shape/output.js";
import { ToolProblems } from "./shape/problems.js";
import { findOperation, shapeResolver, shapeTool, toolModel, type ToolContext } from "./shape/tool.js";
import { schemaAt } from "./shape/fields.js";
import type { ApiEntry, ResolverEntry, ViewEntry } from "./table.js";
import { transformPaths } from "./transform/paths-object.js";
import { bundleView } from "./views.js";

export interface Build {
  model: GenModel;
  loaded: LoadedSpec;
  spec: SpecModel;
  /** The spec file as named in generated headers (relative to the working directory). */
  specName: string;
  manifestName?: string;
}

export const DEFAULT_ROLES = ["ADMINISTRATOR", "BOOKKEEPER"];

export async function buildFromManifest(manifestFile: string): Promise<Build> {
  const manifestName = display(manifestFile);
  const manifest = readManifest(manifestName);
  const specFile = resolve(dirname(manifestFile), manifest.spec);
  const warnings = new Warnings();
  const loaded = await loadSpec(specFile, warnings);
  const spec = transformPaths(loaded);
  const errors: string[] = [];
  const api = apiEntry(manifest, spec, manifestName, errors);

  const resolvers: ToolContext["resolvers"] = {};
  for (const [name, resolver] of Object.entries(manifest.resolvers ?? {})) {
    const problems = new ToolProblems(`${manifestName}: resolver ${name}`, warnings, `resolver ${name}`);
    const paging = manifest.tools.find((t) => t.operationId === resolver.operationId && t.pages?.size !== undefined)?.pages;
    const entry: ResolverEntry = shapeResolver(name, resolver, spec, problems, paging?.size ? { size: paging.size } : undefined);
    errors.push(...problems.errors);
    resolvers[name] = { manifest: resolver, entry };
  }
  const ctx: ToolContext = { spec, api, resolvers, ...(manifest.views ? { views: manifest.views } : {}) };
  const tools: ToolModel[] = [];
  manifest.tools.forEach((entry, i) => {
    const problems = new ToolProblems(`${manifestName}: tool ${entry.name} (tools[${i}])`, warnings, `tool ${entry.name}`);
    const tool = shapeTool(entry, ctx, problems);
    errors.push(...problems.errors);
    if (tool) tools.push(tool);
  });
  const views: ViewEntry[] = [];
  for (const [name, view] of Object.entries(manifest.views ?? {})) {
    const fail = (field: string, message: string) => errors.push(`${manifestName}: view ${name}: ${field}: ${message}`);
    if (!manifest.tools.some((t) => t.view === name)) warnings.add(`view ${name}`, "no tool names it; it is not served");
    else {
      const bundled = await bundleView(name, view, dirname(manifestFile), fail);
      if (bundled) views.push(bundled);
    }
  }
  if (errors.length > 0) throw new ManifestError(errors);

  const used = new Set<string>([api.identity.operationId]);
  for (const tool of tools) {
    used.add(tool.operationId);
    if (tool.await) used.add(tool.await.operationId);
    if (tool.ask) used.add(tool.ask.read.operationId);
  }
  for (const r of Object.values(resolvers)) used.add(r.entry.operationId);
  const operations = spec.operations.filter((op) => used.has(op.operationId));
  return {
    model: { api, tools, operations, named: spec.named, views, warnings: warnings.list },
    loaded,
    spec,
    specName: display(specFile),
    manifestName,
  };
}

function apiEntry(manifest: Manifest, spec: SpecModel, file: string, errors: string[]): ApiEntry {
  const fail = (field: string, message: string) => errors.push(`${file}: ${field}: ${message}`);
  const identity = findOperation(spec, manifest.api.identity.operationId, "api.identity.operationId", { fail, warn: () => {} });
  if (identity) {
    const answer = answerSchema(identity).outputSchema;
    for (const [key, path] of Object.entries(manifest.api.identity.fields)) {
      if (schemaAt(answer, path) === null) fail(`api.identity.fields.${key}`, `no field "${path}" in the answer of ${identity.operationId}`);
    }
  }
  const known = ["userId", "userName", "role", "companyId", "companyName", "currency", "timeZone", "billingDay"];
  for (const key of Object.keys(manifest.api.identity.fields)) {
    if (!known.includes(key)) fail(`api.identity.fields.${key}`, `unknown key (known: ${known.join(", ")})`);
  }
  const errorsEntry = manifest.api.errors ?? {};
  const scopes = Object.entries(manifest.api.scopes ?? {}).map(([name, { words }]) => ({ name, words }));
  for (const { name } of scopes) {
    if (!manifest.tools.some((tool) => tool.scope === name)) fail(`api.scopes.${name}`, `no tool needs this scope: give a tool scope: ${name}, or remove it`);
  }
  return {
    title: spec.title,
    ...(manifest.api.tokenHeader ? { tokenHeader: manifest.api.tokenHeader.toLowerCase() } : {}),
    identity: { operationId: manifest.api.identity.operationId, fields: { ...manifest.api.identity.fields } },
    roles: [...manifest.api.roles],
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(manifest.api.idempotencyHeader ? { idempotencyHeader: manifest.api.idempotencyHeader } : {}),
    errors: { ...errorsEntry },
  };
}

export interface AllOptions {
  roles?: string[];
}

/** Every operation of any spec becomes a tool with default shaping; what cannot be supported is a warning. */
export async function buildAll(specFile: string, options: AllOptions = {}): Promise<Build> {
  const warnings = new Warnings();
  const loaded = await loadSpec(specFile, warnings);
  const spec = transformPaths(loaded);
  const roles = options.roles ?? DEFAULT_ROLES;
  const api: ApiEntry = { title: spec.title, identity: { operationId: "", fields: {} }, roles, errors: {} };
  const names = nameTools(spec.operations);
  const tools: ToolModel[] = [];
  const operations: OperationModel[] = [];
  for (const op of spec.operations) {
    const name = names.get(op)!;
    const where = `operation ${op.operationId} (${op.method.toUpperCase()} ${op.path})`;
    const problems = new ToolProblems(where, warnings, where);
    try {
      const input = shapeInput(op, { resolvers: {} }, problems);
      const output = shapeOutput(op, {}, problems);
      for (const error of problems.errors) warnings.add(where, error);
      const surface = {
        name,
        title: op.summary ? oneLine(op.summary, 200) : `${op.method.toUpperCase()} ${op.path}`,
        description: describe(op),
        annotations: deriveAnnotations(op.method),
        roles: [...roles],
      };
      tools.push(toolModel(surface, op, input, output));
      operations.push(op);
    } catch (error) {
      warnings.add(where, `left out: ${(error as Error).message}`);
    }
  }
  return { model: { api, tools, operations, named: spec.named, views: [], warnings: warnings.list }, loaded, spec, specName: display(specFile) };
}

const DESCRIPTION_LIMIT = 1500;

function describe(op: OperationModel): string {
  const parts = [op.summary, op.description].filter((p): p is string => Boolean(p));
  const unique = parts.length === 2 && parts[1]!.startsWith(parts[0]!) ? [parts[1]!] : parts;
  const text = unique.join("\n\n") || `${op.method.toUpperCase()} ${op.path}`;
  const marked = op.deprecated ? `Deprecated. ${text}` : text;
  return marked.length > DESCRIPTION_LIMIT ? `${marked.slice(0, DESCRIPTION_LIMIT - 1)}…` : marked;
}

function oneLine(text: string, limit: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || rel === "" ? file : rel;
}
