// One manifest entry → one tool: arguments, bindings, output, helpers, annotations and roles.
import type { ManifestResolver, ManifestTool, ManifestView } from "../manifest.js";
import type { OperationModel, SpecModel, ToolModel } from "../model.js";
import type { ApiEntry, AwaitEntry, JsonSchema, ResolverEntry } from "../table.js";
import { deriveAnnotations } from "./annotations.js";
import { shapeAsk } from "./ask.js";
import { shapeConfirm, shapeText } from "./cases.js";
import { itemsAt, placeholders, schemaAt, templateProblems } from "./fields.js";
import { operationParams, shapeInput } from "./input.js";
import { answerSchema, shapeOutput } from "./output.js";
import type { Problems } from "./problems.js";
import { argumentWords } from "./words.js";
import { shapeExport } from "./export.js";
import { shapeView } from "./view.js";

export interface ToolContext {
  spec: SpecModel;
  api: ApiEntry;
  resolvers: Record<string, { manifest: ManifestResolver; entry: ResolverEntry }>;
  views?: Record<string, ManifestView>;
}

export function shapeTool(entry: ManifestTool, ctx: ToolContext, problems: Problems): ToolModel | undefined {
  const op = findOperation(ctx.spec, entry.operationId, "operationId", problems);
  if (!op) return undefined;
  const input = shapeInput(
    op,
    { entry, resolvers: ctx.resolvers, ...(ctx.api.idempotencyHeader ? { idempotencyHeader: ctx.api.idempotencyHeader } : {}) },
    problems,
  );
  let awaitEntry: AwaitEntry | undefined;
  let polled: JsonSchema | undefined;
  if (entry.await) {
    const a = entry.await;
    const target = findOperation(ctx.spec, a.operationId, "await.operationId", problems);
    if (!op.successes.some((s) => s.status === String(a.status))) problems.fail("await.status", `operation ${op.operationId} never answers ${a.status}`);
    if (target) {
      const targetParams = new Set(operationParams(target).map((p) => p.name));
      const ownParams = new Set(operationParams(op).map((p) => p.name));
      for (const [name, template] of Object.entries(a.args)) {
        if (!targetParams.has(name)) problems.fail(`await.args.${name}`, `operation ${target.operationId} has no parameter "${name}"`);
        for (const { path } of placeholders(template)) {
          if (!ownParams.has(path)) problems.fail(`await.args.${name}`, `{${path}}: operation ${op.operationId} has no parameter "${path}"`);
        }
      }
      polled = answerSchema(target).outputSchema;
      if (schemaAt(polled, a.until.field) === null) problems.fail("await.until.field", `no field "${a.until.field}" in the answer of ${target.operationId}`);
    }
    awaitEntry = { ...a, args: { ...a.args } };
  }
  const output = shapeOutput(
    op,
    {
      ...(input.pages ? { pages: input.pages } : {}),
      ...(input.period ? { period: input.period } : {}),
      ...(awaitEntry ? { await: awaitEntry } : {}),
      ...(polled ? { polled } : {}),
      ...(entry.export ? { exported: true } : {}),
    },
    problems,
  );
  // Texts read the answer in full, also where the structured answer carries slim items.
  const full = output.viewSchema ?? output.outputSchema;
  const confirm = shapeConfirm(entry.confirm, full, problems);
  const ask = entry.ask ? shapeAsk(entry.ask, op, ctx.spec, input, findOperation, problems) : undefined;
  const text = shapeText(entry.text, full, problems);
  const exported = entry.export ? shapeExport(entry.export, entry.name, op, input.pages, full, problems) : undefined;
  // A view reads structuredContent: the answer as advertised.
  const view = entry.view ? shapeView(entry.view, ctx.views ?? {}, output.outputSchema, problems) : undefined;
  const roles = entry.roles ?? ctx.api.roles;
  for (const role of roles) if (!ctx.api.roles.includes(role)) problems.fail("roles", `"${role}" is not one of api.roles (${ctx.api.roles.join(", ")})`);
  const scopes = (ctx.api.scopes ?? []).map((s) => s.name);
  if (entry.scope === undefined && scopes.length > 0) problems.fail("scope", `required when api.scopes is declared (one of ${scopes.join(", ")})`);
  if (entry.scope !== undefined && !scopes.includes(entry.scope)) {
    problems.fail("scope", scopes.length > 0 ? `"${entry.scope}" is not one of api.scopes (${scopes.join(", ")})` : "declare api.scopes first");
  }

  const surface = {
    name: entry.name,
    title: entry.title,
    description: entry.description,
    annotations: deriveAnnotations(op.method, entry.annotations),
    roles: [...roles],
    ...(entry.scope !== undefined ? { scope: entry.scope } : {}),
  };
  return toolModel(surface, op, input, output, {
    confirm,
    text,
    ...(awaitEntry ? { await: awaitEntry } : {}),
    ...(ask ? { ask } : {}),
    ...(exported ? { export: exported } : {}),
    ...(view ? { view } : {}),
  });
}

type ToolSurface = Pick<ToolModel, "name" | "title" | "description" | "annotations" | "roles" | "scope">;
type ToolHelpers = Pick<ToolModel, "confirm" | "text" | "await" | "ask" | "export" | "view">;

/** The tool as the table holds it: its surface, the shaped input and output, and the helpers of its entry. */
export function toolModel(
  surface: ToolSurface,
  op: OperationModel,
  input: ReturnType<typeof shapeInput>,
  output: ReturnType<typeof shapeOutput>,
  helpers: ToolHelpers = { confirm: [], text: {} },
): ToolModel {
  return {
    ...surface,
    inputSchema: input.inputSchema,
    ...(output.outputSchema ? { outputSchema: output.outputSchema } : {}),
    ...(output.wrapOutput ? { wrapOutput: output.wrapOutput } : {}),
    accepts: argumentWords(input.inputSchema, input.resolve.map((r) => r.arg)),
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    args: input.args,
    fixed: input.fixed,
    resolve: input.resolve,
    ...(input.period ? { period: input.period } : {}),
    ...(input.pages ? { pages: input.pages } : {}),
    ...(helpers.await ? { await: helpers.await } : {}),
    confirm: helpers.confirm,
    ...(helpers.ask ? { ask: helpers.ask } : {}),
    ...(helpers.export ? { export: helpers.export } : {}),
    text: helpers.text,
    ...(helpers.view ? { view: helpers.view } : {}),
  };
}

export function findOperation(spec: SpecModel, operationId: string, field: string, problems: Problems): OperationModel | undefined {
  const op = spec.byId.get(operationId);
  if (op && op.declared) return op;
  const lower = operationId.toLowerCase();
  const near = [...spec.byId.keys()].filter((id) => id.toLowerCase().includes(lower) || lower.includes(id.toLowerCase())).slice(0, 3);
  problems.fail(field, `no operation "${operationId}" in the spec${near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : ""}`);
  return undefined;
}

/** A manifest resolver checked against the spec: its operation, query parameters and item fields. */
export function shapeResolver(name: string, resolver: ManifestResolver, spec: SpecModel, problems: Problems, pagedBy?: { size: string }): ResolverEntry {
  const op = findOperation(spec, resolver.operationId, "operationId", problems);
  const entry: ResolverEntry = {
    noun: resolver.noun,
    operationId: resolver.operationId,
    value: resolver.value,
    label: resolver.label,
    name: resolver.name,
    by: resolver.by.map((rule) => ({ ...rule })),
  };
  if (!op) return entry;
  const answer = answerSchema(op).outputSchema;
  const items = resolver.items ?? arrayField(answer);
  if (items === undefined) problems.fail("items", `cannot tell which field of ${op.operationId}'s answer holds the ${name}s; name it with items`);
  else {
    entry.items = items;
    const item = itemsAt(answer, items);
    if (item === null) problems.fail("items", `"${items}" is not an array field of ${op.operationId}'s answer`);
    for (const field of ["value", "name"] as const) {
      if (schemaAt(item ?? undefined, resolver[field]) === null) problems.fail(field, `no field "${resolver[field]}" in an element of ${items}`);
    }
    for (const p of templateProblems(resolver.label, item ?? undefined, `an element of ${items}`)) problems.fail("label", p);
    resolver.by.forEach((rule, i) => {
      if (rule.field && schemaAt(item ?? undefined, rule.field) === null) problems.fail(`by[${i}].field`, `no field "${rule.field}" in an element of ${items}`);
    });
  }
  const query = new Set(op.params.filter((p) => p.in === "query").map((p) => p.name));
  resolver.by.forEach((rule, i) => {
    if (rule.query && !query.has(rule.query)) problems.fail(`by[${i}].query`, `operation ${op.operationId} has no query parameter "${rule.query}"`);
  });
  const size = pagedBy ? op.params.find((p) => p.name === pagedBy.size) : undefined;
  if (size && typeof size.schema.maximum === "number") entry.pageSize = { param: size.name, value: size.schema.maximum };
  return entry;
}

/** The only array property at the top of an answer (where list operations keep their items). */
function arrayField(schema: JsonSchema | undefined): string | undefined {
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const arrays = Object.entries(props).filter(([, p]) => p.type === "array" || (Array.isArray(p.type) && p.type.includes("array")));
  return arrays.length === 1 ? arrays[0]![0] : undefined;
}
