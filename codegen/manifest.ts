// spec/tools.yaml: its zod schema, and errors that name the file, the tool and the field.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseText } from "./load.js";
import type { PeriodPreset } from "./table.js";

export const PRESETS: readonly PeriodPreset[] = [
  "today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_quarter",
  "last_quarter", "this_year", "last_7_days", "last_30_days", "last_90_days",
  "current_billing_period", "last_billing_period",
];

const text = z.string().trim().min(1);
const regex = text.refine((p) => {
  try {
    new RegExp(p, "u");
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");
const toolName = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case (a-z, 0-9, _), starting with a letter").max(64);
// An RFC 6749 scope-token, narrowed to what reads well on a consent page and in a header.
const SCOPE = /^[a-z][a-z0-9_.:-]{0,63}$/;
const argName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be letters, digits and _");

const Param = z.strictObject({
  hidden: z.literal(true).optional(),
  value: z.unknown().optional(),
  default: z.unknown().optional(),
  rename: argName.optional(),
  description: text.optional(),
}).refine((p) => p.default === undefined || (p.value === undefined && p.hidden === undefined), "a default is for a visible argument: not with value or hidden");

const Rule = z.strictObject({
  pattern: regex.optional(),
  passthrough: z.boolean().optional(),
  query: text.optional(),
  field: text.optional(),
  match: z.enum(["exact", "words"]).optional(),
}).refine((r) => r.passthrough === true || r.field !== undefined, "a rule needs passthrough: true or a field to compare");

const Resolver = z.strictObject({
  noun: text,
  description: text,
  operationId: text,
  value: text,
  label: text,
  name: text,
  items: text.optional(),
  by: z.array(Rule).min(1),
});

const Pages = z.strictObject({
  page: text.optional(),
  size: text.optional(),
  cursor: text.optional(),
  next: text.optional(),
  items: text,
  total: text.optional(),
  pageSize: z.int().positive(),
  limit: z.strictObject({ default: z.int().positive(), max: z.int().positive() }),
  fields: z.array(text).min(1).optional(),
  table: z.array(text).min(1).optional(),
})
  .refine((p) => (p.page !== undefined && p.size !== undefined) !== (p.cursor !== undefined && p.next !== undefined), "give either page and size, or cursor and next")
  .refine((p) => p.limit.default <= p.limit.max, "limit.default must not exceed limit.max")
  .refine((p) => p.fields === undefined || p.table === undefined, "give fields (objects) or table (rows), not both");

// Everything a list matches, as a file: CSV columns over each item, JSON Lines of the items themselves.
const Export = z.strictObject({
  columns: z.array(z.strictObject({ header: text, field: text, format: z.enum(["date", "datetime", "words", "lower"]).optional() })).min(1),
  filename: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower case letters, digits, _ and -").max(60).optional(),
});

const Await = z.strictObject({
  status: z.int().min(200).max(299),
  operationId: text,
  args: z.record(z.string(), z.string()),
  until: z.strictObject({ field: text, equals: z.unknown() }),
  into: text,
  flag: text,
  timeoutMs: z.int().positive(),
  intervalMs: z.int().positive(),
});

/** One form or a list: the input's shape picks the schema, so an error points inside the form it meant. */
function oneOrList<O extends z.ZodType, L extends z.ZodType>(one: O, isOne: (value: unknown) => boolean, list: L, error: string) {
  return z.unknown().transform((value, ctx): z.output<O> | z.output<L> => {
    const result = Array.isArray(value) ? list.safeParse(value) : isOne(value) ? one.safeParse(value) : undefined;
    if (result?.success) return result.data as z.output<O> | z.output<L>;
    if (!result) ctx.addIssue({ code: "custom", message: error });
    else for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  });
}

const When = z.record(z.string(), z.unknown());
const ItemCase = z.strictObject({ when: When.optional(), text });
const item = oneOrList(text, (v) => typeof v === "string", z.array(ItemCase).min(1), "a template, or a list of cases { when?, text } over the element");
const textFields = { one: text.optional(), heading: text.optional(), items: text.optional(), item: item.optional() };
const itemsWithItem = (t: { items?: unknown; item?: unknown }) => (t.items === undefined) === (t.item === undefined);
const TextEntry = z.strictObject(textFields).refine(itemsWithItem, "items and item go together");
const TextCase = z.strictObject({ when: When.optional(), ...textFields })
  .refine(itemsWithItem, "items and item go together")
  .refine((t) => t.one !== undefined || t.heading !== undefined || t.item !== undefined, "a case says something: one, heading, or items with item");

// A write that asks the user first: the preview is read from the API's current state.
const Ask = z.strictObject({
  read: z.strictObject({ operationId: text, args: z.record(z.string(), z.string()) }),
  preview: z.array(z.strictObject({ when: When.optional(), text })).min(1),
  unconfirmed: z.enum(["refuse", "allow"]),
  argument: argName.optional(),
});

const Annotations = z.strictObject({
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

const viewName = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be kebab-case (a-z, 0-9, -), starting with a letter").max(64);
// A dotted path of the answer; `[]` steps into an array's elements ("groups[].total").
const readPath = z.string().regex(/^[A-Za-z_$][\w$]*(\[\])?(\.[A-Za-z_$][\w$]*(\[\])?)*$/, "a dotted path, [] stepping into an array (groups[].total)");

// A view draws a tool's structured answer; `reads` is what it reads, or several shapes of answer it can draw.
const View = z.strictObject({
  title: text,
  description: text,
  source: text,
  reads: z.union([z.array(readPath).min(1), z.record(z.string(), z.array(readPath).min(1))]),
});

const Tool = z.strictObject({
  name: toolName,
  operationId: text,
  title: text,
  description: text,
  roles: z.array(text).min(1).optional(),
  scope: text.optional(),
  annotations: Annotations.optional(),
  params: z.record(z.string(), Param).optional(),
  resolve: z.record(z.string(), text).optional(),
  period: z.strictObject({ from: text, to: text, default: z.enum(PRESETS as [PeriodPreset, ...PeriodPreset[]]).optional() }).optional(),
  pages: Pages.optional(),
  await: Await.optional(),
  confirm: z.array(z.strictObject({ when: When.optional(), text })).optional(),
  ask: Ask.optional(),
  export: Export.optional(),
  text: oneOrList(TextEntry, (v) => typeof v === "object" && v !== null, z.array(TextCase).min(1),
    "one text { one | heading, items, item } or a list of cases { when?, one | heading, items, item }").optional(),
  view: viewName.optional(),
});

export const ManifestSchema = z.strictObject({
  spec: text,
  api: z.strictObject({
    identity: z.strictObject({ operationId: text, fields: z.record(z.string(), text) }),
    roles: z.array(text).min(1),
    // OAuth scopes, one per capability: name → what a person is told the app may do.
    scopes: z.record(z.string(), z.strictObject({ words: text })).superRefine((scopes, ctx) => {
      for (const name of Object.keys(scopes)) {
        if (!SCOPE.test(name)) ctx.addIssue({ code: "custom", path: [name], message: "a scope is lower case letters, digits and _ . : - (at most 64), starting with a letter" });
      }
    }).optional(),
    idempotencyHeader: text.optional(),
    tokenHeader: z.string().regex(/^[A-Za-z0-9-]+$/, "an HTTP header name").optional(),
    errors: z.strictObject({ code: text.optional(), message: text.optional(), requestId: text.optional() }).optional(),
  }),
  resolvers: z.record(z.string(), Resolver).optional(),
  views: z.record(z.string(), View).optional(),
  tools: z.array(Tool).min(1),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestTool = z.infer<typeof Tool>;
export type ManifestResolver = z.infer<typeof Resolver>;
export type ManifestView = z.infer<typeof View>;

/** Every problem found in a manifest, one line each. */
export class ManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ManifestError";
  }
}

export function readManifest(file: string): Manifest {
  const raw = parseText(readFileSync(file, "utf8"), file);
  return parseManifest(raw, file);
}

export function parseManifest(raw: unknown, file: string): Manifest {
  const result = ManifestSchema.safeParse(raw);
  if (result.success) {
    const problems = [...duplicateNames(result.data, file), ...badViewNames(result.data, file)];
    if (problems.length > 0) throw new ManifestError(problems);
    return result.data;
  }
  throw new ManifestError(result.error.issues.map((issue) => locate(file, raw, issue.path, issue.message)));
}

/** "spec/tools.yaml: tool lock_card (tools[3]): params.lock.value: message" */
export function locate(file: string, raw: unknown, path: readonly PropertyKey[], message: string): string {
  const parts = path.map(String);
  if (parts[0] === "tools" && parts.length >= 2) {
    const index = Number(parts[1]);
    const tools = (raw as { tools?: unknown[] } | null)?.tools;
    const name = Array.isArray(tools) ? (tools[index] as { name?: unknown } | undefined)?.name : undefined;
    const label = typeof name === "string" ? `tool ${name} (tools[${index}])` : `tools[${index}]`;
    return `${file}: ${label}: ${fieldPath(parts.slice(2)) || "(the entry)"}: ${message}`;
  }
  if (parts[0] === "resolvers" && parts.length >= 2) {
    return `${file}: resolver ${parts[1]}: ${fieldPath(parts.slice(2)) || "(the entry)"}: ${message}`;
  }
  if (parts[0] === "views" && parts.length >= 2) {
    return `${file}: view ${parts[1]}: ${fieldPath(parts.slice(2)) || "(the entry)"}: ${message}`;
  }
  return `${file}: ${fieldPath(parts) || "(the file)"}: ${message}`;
}

function fieldPath(parts: string[]): string {
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

// Checked here rather than by the record's key schema, whose message would not say what a name must be.
function badViewNames(manifest: Manifest, file: string): string[] {
  return Object.keys(manifest.views ?? {})
    .filter((name) => !viewName.safeParse(name).success)
    .map((name) => `${file}: view ${name}: (the name): must be kebab-case (a-z, 0-9, -), starting with a letter, at most 64 characters`);
}

function duplicateNames(manifest: Manifest, file: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  manifest.tools.forEach((tool, i) => {
    if (seen.has(tool.name)) problems.push(`${file}: tool ${tool.name} (tools[${i}]): name: used by an earlier tool; names must be unique`);
    seen.add(tool.name);
  });
  return problems;
}
