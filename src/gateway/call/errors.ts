// Upstream failures turned into isError results people can act on, per docs/manifest.md "Errors".
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ApiEntry, UpstreamResult } from "../../../generated/table.js";
import type { UpstreamUnavailable } from "../upstream/client.js";
import { fieldReader, type FieldReader } from "./fields.js";

/** The upstream refused the caller's token during a call: the whole MCP request becomes HTTP 401. */
export class UpstreamUnauthorized extends Error {
  constructor() {
    super("the upstream refused the access token");
    this.name = "UpstreamUnauthorized";
  }
}

export interface FailureContext {
  /** Whether the tool changes something: decides what is said about the outcome. */
  write: boolean;
  /** The natural reference the failing request was resolved from, if any. */
  reference?: { noun: string; input: string };
}

export interface ErrorReaders {
  apiName: string;
  code: FieldReader;
  message: FieldReader;
  requestId: FieldReader;
}

const readersByApi = new WeakMap<ApiEntry, ErrorReaders>();

export function errorReaders(api: ApiEntry): ErrorReaders {
  let readers = readersByApi.get(api);
  if (!readers) {
    readers = {
      apiName: api.title.trim() || "The API",
      code: fieldReader(api.errors.code ?? "code"),
      message: fieldReader(api.errors.message ?? "message"),
      requestId: fieldReader(api.errors.requestId ?? "requestId"),
    };
    readersByApi.set(api, readers);
  }
  return readers;
}

export function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

const NOTHING_CHANGED = " Nothing was changed.";
const OUTCOME_UNKNOWN =
  " The outcome is unknown: the change may or may not have been applied, so check its current state before trying again.";

/** Maps a non-2xx answer; throws UpstreamUnauthorized on 401. */
export function upstreamErrorResult(result: UpstreamResult, readers: ErrorReaders, ctx: FailureContext): CallToolResult {
  const status = result.response.status;
  if (status === 401) throw new UpstreamUnauthorized();
  const body = result.error;
  const rawMessage = readers.message(body);
  const message = typeof rawMessage === "string" && rawMessage.trim() ? sentence(rawMessage) : undefined;
  const rawId = readers.requestId(body) ?? result.response.headers.get("x-request-id");
  const requestId = typeof rawId === "string" && rawId ? ` (request id ${rawId})` : "";
  const api = readers.apiName;

  if (status === 404 && ctx.reference) {
    // Exactly the same words whether the thing never existed or belongs to someone else.
    const { noun, input } = ctx.reference;
    return errorResult(`No ${noun} matches "${input}".${ctx.write ? NOTHING_CHANGED : ""}`);
  }
  if (status === 429) {
    const wait = result.response.headers.get("retry-after");
    const when = wait && /^\d+$/.test(wait) ? `in ${wait} seconds` : "in a moment";
    return errorResult(`${api} is receiving too many requests; try again ${when}.${ctx.write ? NOTHING_CHANGED : ""}`);
  }
  if (status >= 500) {
    return errorResult(
      `${api} is unavailable right now (HTTP ${status})${requestId}.${ctx.write ? OUTCOME_UNKNOWN : " Try again in a moment."}`,
    );
  }
  const what = message ?? `${api} answered HTTP ${status}.`;
  const prefix = status === 400 || status === 422 ? `${api} did not accept the request: ` : "";
  return errorResult(`${prefix}${what}${ctx.write ? NOTHING_CHANGED : ""}${requestId}`);
}

/** The API could not say who the caller is (it is down), so the tool was not tried at all. */
export function notTriedResult(readers: ErrorReaders, ctx: FailureContext): CallToolResult {
  return errorResult(`${readers.apiName} is unavailable right now, so this was not tried.${ctx.write ? NOTHING_CHANGED : " Try again in a moment."}`);
}

export function unavailableResult(error: UpstreamUnavailable, readers: ErrorReaders, ctx: FailureContext): CallToolResult {
  const api = readers.apiName;
  if (!error.sent) {
    return errorResult(`${api} is unavailable right now (could not connect).${ctx.write ? NOTHING_CHANGED : " Try again in a moment."}`);
  }
  return errorResult(`${api} did not answer (${error.reason}).${ctx.write ? OUTCOME_UNKNOWN : " Try again in a moment."}`);
}
