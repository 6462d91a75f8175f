// The shape of the generated tool table: what codegen writes and the runtime reads.
// Codegen copies this file verbatim to generated/table.ts, so the runtime depends on generated/ only.
import type { ZodType } from "zod";

export type JsonSchema = { [key: string]: unknown };
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
export type ParamLocation = "path" | "query" | "header" | "body";

/** Where one tool argument goes in the upstream request. `name` "" with in "body" means the whole body. */
export interface ArgBinding {
  in: ParamLocation;
  name: string;
  /** Sent when the argument is not given (the manifest's `default`; the input schema says it too). */
  default?: unknown;
}

export interface FixedValue {
  in: ParamLocation;
  name: string;
  value: unknown;
}

export interface Annotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** How a natural reference ("4821", "luis perez") becomes a parameter value. */
export interface ResolverEntry {
  noun: string;
  operationId: string;
  /** Field of a matching item that becomes the parameter's value. */
  value: string;
  /** Template naming one candidate, e.g. "{cardholder.name} •••• {last4} ({status})". */
  label: string;
  /** Field used to suggest the closest names when nothing matches. */
  name: string;
  by: readonly ResolverRule[];
  /** Dotted path of the array of candidates in the operation's answer (e.g. "data"). */
  items?: string;
  /** The page-size parameter of the operation and its largest value, so one lookup sees as many candidates as possible. */
  pageSize?: { param: string; value: number };
}

export interface ResolverRule {
  /** Regular expression the input must match; its first capture group (or the whole input) is the value used. */
  pattern?: string;
  /** Use the input unchanged, with no lookup. */
  passthrough?: boolean;
  /** Query parameter of the resolver's operation that narrows the lookup. */
  query?: string;
  /** Item field compared with the value. */
  field?: string;
  /** exact: equal; words: every word of the input starts a word of the field, case and accents ignored. */
  match?: "exact" | "words";
}

export interface ResolveEntry {
  /** The tool argument (e.g. "card") that replaces the API parameter `param` (e.g. "cardId"). */
  arg: string;
  param: string;
  resolver: ResolverEntry;
}

export type PeriodPreset =
  | "today" | "yesterday" | "this_week" | "last_week" | "this_month" | "last_month"
  | "this_quarter" | "last_quarter" | "this_year" | "last_7_days" | "last_30_days" | "last_90_days"
  | "current_billing_period" | "last_billing_period";

export interface PeriodEntry {
  /** The tool argument holding the preset. */
  arg: string;
  /** Tool arguments (after renaming) that carry the range's start and end. */
  from: string;
  to: string;
  default?: PeriodPreset;
}

export interface PagesEntry {
  style: "page" | "cursor";
  /** page style: the page-number and page-size parameters. */
  page?: string;
  size?: string;
  /** cursor style: the cursor parameter and where the next cursor sits in the answer. */
  cursor?: string;
  next?: string;
  items: string;
  total?: string;
  pageSize: number;
  limit: { default: number; max: number };
  /** The item fields (dotted paths) the structured answer carries, each item an object of just these. */
  fields?: readonly string[];
  /** The same, written as a table: `columns` (these paths) once, and each item an array of their values. */
  table?: readonly string[];
}

/** One column of an export's CSV: a header for people and the item field it shows. */
export interface ExportColumn {
  header: string;
  field: string;
  /** date: the day in the company's time zone; datetime: "YYYY-MM-DD HH:MM:SS" there; words, lower as in templates. */
  format?: "date" | "datetime" | "words" | "lower";
}

/** Every item a list matches, gathered page by page as CSV (these columns) or JSON Lines (the items). */
export interface ExportEntry {
  columns: readonly ExportColumn[];
  /** The file's name without its extension. */
  filename: string;
  /** Items asked for per page while gathering: the API's largest page size. */
  pageSize: number;
}

export interface AwaitEntry {
  status: number;
  operationId: string;
  /** Parameters of the polled operation, templates over the tool's resolved request parameters. */
  args: Record<string, string>;
  until: { field: string; equals: unknown };
  /** Where the polled answer replaces part of the write's answer. */
  into: string;
  /** Boolean field of the answer that says the change is still pending. */
  flag: string;
  timeoutMs: number;
  intervalMs: number;
}

/** Dotted paths of the answer and the values they must equal for a case to apply; `null` also matches an absent field. */
export type When = Record<string, unknown>;

/** A sentence a write answers with; the first case whose `when` holds (no `when`: always) is used. */
export interface ConfirmCase {
  when?: When;
  text: string;
}

/**
 * A write the user confirms first. The preview's cases are over `{ current, args }`: `current` is the
 * answer of `read` (its args are templates over the tool's resolved upstream parameters, like
 * await.args), `args` the tool's arguments.
 */
export interface AskEntry {
  read: { operationId: string; args: Record<string, string> };
  preview: readonly ConfirmCase[];
  /** A client that can neither answer input_required nor elicitation: refuse without a confirmation code, or run. */
  unconfirmed: "refuse" | "allow";
  /** The optional argument that carries a confirmation code. */
  argument: string;
}

/** The short text for people: `one` line, or a `heading` and one `item` line per element of the `items` array. */
export interface TextEntry {
  one?: string;
  heading?: string;
  items?: string;
  /** A template over each element, or cases of which the first whose `when` holds for the element says it. */
  item?: string | readonly ItemCase[];
}

/** One way of telling an element of `items`; `when` fields are paths of the element. */
export interface ItemCase {
  when?: When;
  text: string;
}

/** One way of telling an answer, used when its `when` holds (no `when`: always). */
export interface TextCase extends TextEntry {
  when?: When;
}

export interface ToolEntry {
  name: string;
  title: string;
  description: string;
  annotations: Annotations;
  roles: readonly string[];
  /** The OAuth scope a token needs to list and call this tool (one of api.scopes); absent when the API declares none. */
  scope?: string;
  inputSchema: JsonSchema;
  /** Absent when the operation's success answer has no JSON body. */
  outputSchema?: JsonSchema;
  /** Set when the success answer is not an object: structuredContent is `{ [wrapOutput]: answer }`. */
  wrapOutput?: string;
  input: ZodType;
  /** What each argument accepts, in words, for refusals; keyed by path (`minAmount`, `limit.amount`, `status[]`). */
  accepts?: Record<string, string>;
  operationId: string;
  method: HttpMethod;
  path: string;
  args: Record<string, ArgBinding>;
  fixed: readonly FixedValue[];
  resolve: readonly ResolveEntry[];
  period?: PeriodEntry;
  pages?: PagesEntry;
  await?: AwaitEntry;
  confirm: readonly ConfirmCase[];
  ask?: AskEntry;
  export?: ExportEntry;
  /** One text for every answer, or cases of which the first whose `when` holds is used. */
  text: TextEntry | readonly TextCase[];
  /** The `ui://` URI of the view (an MCP Apps resource) that draws this tool's structured answer. */
  view?: string;
}

/** A view: one self-contained HTML page (scripts and styles inline) served as an MCP Apps `ui://` resource. */
export interface ViewEntry {
  name: string;
  uri: string;
  title: string;
  description: string;
  html: string;
}

export interface UpstreamRequest {
  params: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  /** Passed through to fetch, e.g. a per-request Authorization header and an AbortSignal. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface UpstreamResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface OperationEntry {
  method: HttpMethod;
  path: string;
  call: (client: unknown, request: UpstreamRequest) => Promise<UpstreamResult>;
}

export interface ScopeEntry {
  name: string;
  /** For people, on the consent page: "see cards and transactions". */
  words: string;
}

export interface ApiEntry {
  /** The API's name for people (the spec's info.title), e.g. in "Clara API is unavailable". */
  title: string;
  /** A header the API's own clients send the token in, besides `Authorization: Bearer`. */
  tokenHeader?: string;
  identity: { operationId: string; fields: Record<string, string> };
  roles: readonly string[];
  /** OAuth scopes, one per capability, in the manifest's order, with what each lets an app do in words. */
  scopes?: readonly ScopeEntry[];
  idempotencyHeader?: string;
  errors: { code?: string; message?: string; requestId?: string };
}

export interface ToolTable {
  api: ApiEntry;
  tools: readonly ToolEntry[];
  operations: Record<string, OperationEntry>;
  /** The views tools name (absent when none does). */
  views?: readonly ViewEntry[];
}
