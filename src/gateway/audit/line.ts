// One audit line: who did what with which arguments, what came of it and which upstream request carried it.
export type AuditOutcome =
  /** The tool answered normally. */
  | "ok"
  /** The tool answered with isError (invalid arguments, not found, upstream refused, …). */
  | "error"
  /** The tool is unknown or not allowed for the caller's role. */
  | "denied"
  /** The upstream rejected the caller's token during the call. */
  | "unauthorized"
  /** The gateway failed to answer (an internal error). */
  | "failed";

export interface AuditCaller {
  token: string;
  tokenId: string;
  userId: string;
  userName: string;
  companyId: string;
  role: string;
  /** For an OAuth caller: the app (its client_id and name) and the grant it acts under. */
  client?: { id: string; name?: string; grant: string };
}

export interface UpstreamTrace {
  operationId: string;
  /** null: no HTTP answer came back (refused, reset, timed out, circuit open). */
  status: number | null;
  requestId?: string;
}

export interface AuditRecord {
  requestId: string;
  caller: AuditCaller;
  tool: string;
  arguments: unknown;
  outcome: AuditOutcome;
  /** For isError results and failures: what the caller was told, shortened. */
  message?: string;
  /** The upstream calls the tool made, in order. */
  upstream: readonly UpstreamTrace[];
  /** The operation whose status and request id the line reports (the tool's own, when it ran). */
  operationId?: string;
  /**
   * For a write that asks the user first: asked, accepted, declined, cancelled, refused (a replayed,
   * altered, expired or foreign confirmation, or none), unconfirmed (allowed to run without). Never the sealed value.
   */
  confirmation?: string;
  latencyMs: number;
  time?: Date;
}

const MAX_STRING = 500;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

/** Arguments as audited: the caller's token blanked wherever it appears, big values cut short. */
export function auditArguments(value: unknown, token: string, depth = 0): unknown {
  if (typeof value === "string") {
    const clean = token && value.includes(token) ? value.split(token).join("[token]") : value;
    return clean.length > MAX_STRING ? `${clean.slice(0, MAX_STRING)}…` : clean;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => auditArguments(item, token, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[${value.length - MAX_ITEMS} more]`);
    return items;
  }
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const [key, item] of Object.entries(value)) {
    if (++count > MAX_ITEMS) {
      out["…"] = "[more keys]";
      break;
    }
    out[auditArguments(key, token, MAX_DEPTH) as string] = auditArguments(item, token, depth + 1);
  }
  return out;
}

/** One audit line, newline included. Never contains the caller's token. */
export function auditLine(record: AuditRecord): string {
  const { caller } = record;
  const main =
    (record.operationId && record.upstream.find((trace) => trace.operationId === record.operationId)) ||
    record.upstream[record.upstream.length - 1];
  const line = {
    type: "audit",
    time: (record.time ?? new Date()).toISOString(),
    requestId: record.requestId,
    tokenId: caller.tokenId,
    ...(caller.client ? { client: caller.client.id, ...(caller.client.name ? { clientName: caller.client.name } : {}), grant: caller.client.grant } : {}),
    user: caller.userId,
    userName: caller.userName,
    company: caller.companyId,
    role: caller.role,
    tool: record.tool,
    arguments: auditArguments(record.arguments, caller.token),
    outcome: record.outcome,
    ...(record.message === undefined ? {} : { message: auditArguments(record.message, caller.token) }),
    ...(record.confirmation === undefined ? {} : { confirmation: record.confirmation }),
    upstreamStatus: main?.status ?? null,
    upstreamRequestId: main?.requestId ?? null,
    upstreamCalls: record.upstream.length,
    latencyMs: Math.round(record.latencyMs * 10) / 10,
  };
  return `${JSON.stringify(line)}\n`;
}

interface UpstreamAnswer {
  error?: unknown;
  response: { status: number; headers: { get(name: string): string | null } };
}

interface CallsUpstream {
  call(operationId: string, request: never, token: string): Promise<UpstreamAnswer>;
}

/** Where the upstream puts its request id: a response header, else a dotted path in an error body. */
export interface RequestIdPlaces {
  header?: string;
  errorPath?: string;
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** One upstream answer as the audit line reports it: its status and the upstream's request id. */
export function traceOf(operationId: string, result: UpstreamAnswer, places: RequestIdPlaces = {}): UpstreamTrace {
  const fromBody = places.errorPath && result.error !== undefined ? at(result.error, places.errorPath) : undefined;
  const requestId = result.response.headers.get(places.header ?? "x-request-id") ?? (typeof fromBody === "string" ? fromBody : undefined);
  return requestId ? { operationId, status: result.response.status, requestId } : { operationId, status: result.response.status };
}

/** The same upstream for one tools/call, recording each call's status and request id for the audit line. */
export function traceUpstream<U extends CallsUpstream>(upstream: U, places: RequestIdPlaces = {}): { upstream: U; traces: UpstreamTrace[] } {
  const traces: UpstreamTrace[] = [];
  const traced: U = Object.create(upstream);
  const call = upstream.call.bind(upstream) as (operationId: string, request: unknown, token: string) => Promise<UpstreamAnswer>;
  traced.call = (async (operationId: string, request: unknown, token: string) => {
    let result: UpstreamAnswer;
    try {
      result = await call(operationId, request, token);
    } catch (error) {
      traces.push({ operationId, status: null });
      throw error;
    }
    traces.push(traceOf(operationId, result, places));
    return result;
  }) as U["call"];
  return { upstream: traced, traces };
}

/** How a tools/call result reads in the audit trail: ok, or error with what the caller was told. */
export function resultOutcome(result: { isError?: boolean; content?: ReadonlyArray<{ type: string; text?: string }> }): { outcome: AuditOutcome; message?: string } {
  if (!result.isError) return { outcome: "ok" };
  const text = result.content?.find((part) => part.type === "text")?.text;
  return text === undefined ? { outcome: "error" } : { outcome: "error", message: text.length > 300 ? `${text.slice(0, 300)}…` : text };
}
