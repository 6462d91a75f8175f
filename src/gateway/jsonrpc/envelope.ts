// JSON-RPC 2.0 envelopes checked before the MCP Server sees them: the SDK silently drops what its
// schemas reject, which would leave the HTTP request without an answer.
export type RequestId = string | number;

export interface RpcRequest {
  kind: "request";
  id: RequestId;
  method: string;
  params?: Record<string, unknown>;
}
export interface RpcNotification {
  kind: "notification";
  method: string;
}
/** A client's answer to a request the server sent it (a 2025 elicitation); others are acknowledged and dropped. */
export interface RpcResponse {
  kind: "response";
  id: RequestId | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}
export interface RpcInvalid {
  kind: "invalid";
  /** The request's id when it could be read, else null (JSON-RPC 2.0 §5). */
  id: RequestId | null;
  message: string;
}
export type Message = RpcRequest | RpcNotification | RpcResponse | RpcInvalid;

export type Envelope = { batch: false; message: Message } | { batch: true; messages: Message[] };

const REQUEST_KEYS = new Set(["jsonrpc", "id", "method", "params"]);
const RESULT_KEYS = new Set(["jsonrpc", "id", "result"]);
const ERROR_KEYS = new Set(["jsonrpc", "id", "error"]);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isId(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value));
}

function invalid(id: RequestId | null, message: string): RpcInvalid {
  return { kind: "invalid", id, message: `Invalid Request: ${message}` };
}

function extraKey(message: Record<string, unknown>, allowed: Set<string>): string | undefined {
  for (const key in message) if (!allowed.has(key)) return key;
  return undefined;
}

// Mirrors the SDK's RequestMetaSchema: a `_meta` it would reject makes it drop the whole message.
function metaProblem(params: Record<string, unknown>): string | undefined {
  if (!("_meta" in params) || params._meta === undefined) return undefined;
  const meta = params._meta;
  if (!isObject(meta)) return "params._meta must be an object";
  if (meta.progressToken !== undefined && !isId(meta.progressToken)) {
    return "params._meta.progressToken must be a string or an integer";
  }
  const related = meta["io.modelcontextprotocol/related-task"];
  if (related !== undefined && !(isObject(related) && typeof related.taskId === "string")) {
    return "params._meta related-task must be an object with a string taskId";
  }
  return undefined;
}

export function classify(value: unknown): Message {
  if (!isObject(value)) return invalid(null, "a message must be a JSON object");
  const readableId = isId(value.id) ? value.id : null;
  if (value.jsonrpc !== "2.0") return invalid(readableId, 'jsonrpc must be "2.0"');

  if ("method" in value) {
    const extra = extraKey(value, REQUEST_KEYS);
    if (extra !== undefined) return invalid(readableId, `unexpected member "${extra}"`);
    if (typeof value.method !== "string") return invalid(readableId, "method must be a string");
    if ("id" in value && !isId(value.id)) {
      return invalid(null, "id must be a string or an integer (null is not allowed)");
    }
    let params: Record<string, unknown> | undefined;
    if (value.params !== undefined) {
      if (!isObject(value.params)) return invalid(readableId, "params must be an object");
      const problem = metaProblem(value.params);
      if (problem) return invalid(readableId, problem);
      params = value.params;
    }
    if (!("id" in value)) return { kind: "notification", method: value.method };
    const request: RpcRequest = { kind: "request", id: value.id as RequestId, method: value.method };
    if (params) request.params = params;
    return request;
  }

  if ("result" in value) {
    const extra = extraKey(value, RESULT_KEYS);
    if (extra !== undefined) return invalid(readableId, `unexpected member "${extra}"`);
    if (!isId(value.id)) return invalid(null, "a response needs a string or integer id");
    if (!isObject(value.result)) return invalid(readableId, "result must be an object");
    return { kind: "response", id: value.id as RequestId, result: value.result };
  }
  if ("error" in value) {
    const extra = extraKey(value, ERROR_KEYS);
    if (extra !== undefined) return invalid(readableId, `unexpected member "${extra}"`);
    if (value.id !== undefined && value.id !== null && !isId(value.id)) {
      return invalid(null, "id must be a string, an integer or null");
    }
    const error = value.error;
    if (!isObject(error) || !Number.isSafeInteger(error.code) || typeof error.message !== "string") {
      return invalid(readableId, "error must have an integer code and a string message");
    }
    return { kind: "response", id: readableId, error: { code: error.code as number, message: error.message as string } };
  }
  return invalid(readableId, "a message needs a method, a result or an error");
}

export function readEnvelope(value: unknown): Envelope {
  if (Array.isArray(value)) return { batch: true, messages: value.map(classify) };
  return { batch: false, message: classify(value) };
}

/** One JSON-RPC error response, as text. */
export function errorReply(id: RequestId | null, code: number, message: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } });
}
