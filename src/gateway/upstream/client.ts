// The upstream API, called through the generated typed client over one keep-alive undici pool.
import { Pool } from "undici";
import { createApiClient } from "../../../generated/client.js";
import type { ToolTable, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import type { Breaker } from "./breaker.js";
import { isRepeatable, retrying, type RetryPolicy } from "./retry.js";

export interface Upstream {
  readonly baseUrl: string;
  /** Calls one operation with the caller's own token; throws UpstreamUnavailable when no answer came back. */
  call(operationId: string, request: UpstreamRequest, token: string): Promise<UpstreamResult>;
  /** True when the upstream answers anything at all over HTTP. */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  baseUrl: string;
  table: ToolTable;
  /** Most sockets kept open to the upstream. */
  connections?: number;
  connectTimeoutMs?: number;
  /** Longest wait for the answer's headers, and between body chunks. */
  timeoutMs?: number;
  /** Retries with backoff for reads and for writes carrying the API's idempotency header; none when absent. */
  retry?: RetryPolicy;
  /** Fails calls fast while the upstream is down (used with `retry`). */
  breaker?: Breaker;
}

/**
 * No HTTP answer came back. `sent` false: the request never reached the upstream (refused, DNS,
 * connect timeout), so nothing changed; true: it may have arrived, so a write's outcome is unknown.
 */
export class UpstreamUnavailable extends Error {
  constructor(
    readonly sent: boolean,
    readonly reason: string,
  ) {
    super(`upstream unavailable (${sent ? "outcome unknown" : "not sent"}): ${reason}`);
    this.name = "UpstreamUnavailable";
  }
}

// Error codes meaning the connection was never established, so the request was never sent.
const NOT_SENT = new Set([
  "ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_CLOSED", "UND_ERR_DESTROYED",
]);

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : "unknown";
}

// What a person reads in the tool's answer, instead of a library's error code.
const IN_WORDS: Record<string, string> = {
  UND_ERR_SOCKET: "the connection was cut", ECONNRESET: "the connection was cut", EPIPE: "the connection was cut",
  UND_ERR_HEADERS_TIMEOUT: "no answer in time", UND_ERR_BODY_TIMEOUT: "no answer in time", ETIMEDOUT: "no answer in time",
};
const inWords = (code: string) => IN_WORDS[code] ?? code;

export function classifyFailure(error: unknown): UpstreamUnavailable {
  if (error instanceof UpstreamUnavailable) return error;
  const code = errorCode(error);
  return new UpstreamUnavailable(!NOT_SENT.has(code), inWords(code));
}

type RawHeaders = Record<string, string | string[] | undefined>;

/** Read-only headers over undici's raw ones (names already lower case): what callers of a Response use. */
class AnswerHeaders {
  constructor(private readonly raw: RawHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === "string" ? value : value.join(", ");
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  forEach(each: (value: string, name: string) => void): void {
    for (const name in this.raw) {
      const value = this.get(name);
      if (value !== null) each(value, name);
    }
  }
}

/**
 * An answer whose body is already read, with the part of a WHATWG Response the client and the tool
 * engine use (status, ok, headers.get, text, json) and none of its construction cost.
 */
class ReadResponse {
  readonly ok: boolean;
  readonly statusText = "";
  readonly headers: AnswerHeaders;
  constructor(
    private readonly raw: string,
    readonly status: number,
    headers: RawHeaders,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new AnswerHeaders(headers);
  }
  text(): Promise<string> {
    return Promise.resolve(this.raw);
  }
  // An answer that is not JSON counts as no answer: it may have been processed, so the outcome is unknown.
  json(): Promise<any> {
    return new Promise((resolve, reject) => {
      try {
        resolve(JSON.parse(this.raw));
      } catch {
        reject(new UpstreamUnavailable(true, "unreadable answer"));
      }
    });
  }
}

function plainHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * A path parameter that is empty or only dots would change the path once the URL is resolved
 * ("/cards/.." is "/"), however well encoded; the name of the first such parameter.
 */
function climbingParam(path: Record<string, unknown> | undefined): string | undefined {
  if (!path) return undefined;
  for (const name in path) {
    const value = String(path[name]);
    if (value === "" || value === "." || value === "..") return name;
  }
  return undefined;
}

/** A 400 answered here, shaped like the API's own errors (api.errors), for a request that must not be sent. */
function refusal(errors: ToolTable["api"]["errors"], message: string): UpstreamResult {
  const body: Record<string, unknown> = {};
  const put = (path: string | undefined, value: string) => {
    if (!path) return;
    const keys = path.split(".");
    let node = body;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  };
  put(errors.code, "INVALID_PATH_PARAMETER");
  put(errors.message ?? "message", message);
  return { error: body, response: new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/json" } }) };
}

/**
 * What the client needs of a request, without the cost of a WHATWG Request (its own AbortSignal,
 * header validation, a body stream): used when the generated client passes `Request` through.
 */
class PlainRequest {
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  readonly signal: AbortSignal | undefined;
  constructor(
    readonly url: string,
    init: { method: string; headers: Headers; body?: string; signal?: AbortSignal | null },
  ) {
    this.method = init.method;
    this.headers = init.headers;
    this.body = typeof init.body === "string" ? init.body : null;
    this.signal = init.signal ?? undefined;
  }
  text(): Promise<string> {
    return Promise.resolve(this.body ?? "");
  }
}

type OutgoingRequest = Pick<Request, "url" | "method" | "headers" | "text"> & {
  body: unknown;
  signal: AbortSignal | undefined;
};

export function createUpstream(opts: UpstreamOptions): Upstream {
  const base = new URL(opts.baseUrl);
  const origin = base.origin;
  const pool = new Pool(origin, {
    connections: opts.connections ?? 64,
    connectTimeout: opts.connectTimeoutMs ?? 5_000,
    headersTimeout: opts.timeoutMs ?? 30_000,
    bodyTimeout: opts.timeoutMs ?? 30_000,
    keepAliveTimeout: 30_000,
  });

  interface Reply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
  }

  async function send(method: string, path: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal | undefined): Promise<Reply> {
    let answer;
    try {
      answer = await pool.request({ method: method as "GET", path, headers, body, ...(signal ? { signal } : {}) });
    } catch (error) {
      throw classifyFailure(error);
    }
    try {
      return { status: answer.statusCode, headers: answer.headers, text: await answer.body.text() };
    } catch (error) {
      throw new UpstreamUnavailable(true, inWords(errorCode(error)));
    }
  }

  // While the circuit is not closed, the identity path is asked outside any call: any answer below 500
  // (a 401 without a token is one) proves the API is back, and the circuit closes before the next call.
  const identity = opts.table.operations[opts.table.api.identity.operationId];
  const probePath = `${base.pathname.replace(/\/$/, "")}${identity?.path ?? "/"}`;
  let probing = false;
  const breaker = opts.breaker;
  const prober = breaker
    ? setInterval(() => {
        if (breaker.state === "closed" || probing) return;
        probing = true;
        pool
          .request({ method: "GET", path: probePath, signal: AbortSignal.timeout(Math.max(500, breaker.probeIntervalMs * 4)) })
          .then(async (answer) => {
            await answer.body.dump();
            if (answer.statusCode < 500) breaker.recover();
          })
          .catch(() => {})
          .finally(() => (probing = false));
      }, breaker.probeIntervalMs)
    : undefined;
  prober?.unref();

  const idempotencyHeader = opts.table.api.idempotencyHeader?.toLowerCase();
  const retry = opts.retry;

  async function poolFetch(input: OutgoingRequest): Promise<Response> {
    // openapi-fetch builds the full URL from baseUrl; the pool only needs what follows the origin.
    const path = input.url.slice(origin.length) || "/";
    const body = input.body === null ? undefined : await input.text();
    const headers = plainHeaders(input.headers);
    const method = input.method;
    const reply = retry
      ? await retrying((signal) => send(method, path, headers, body, signal), {
          policy: retry,
          repeatable: isRepeatable(method, idempotencyHeader ? headers[idempotencyHeader] : undefined),
          ...(opts.breaker ? { breaker: opts.breaker } : {}),
          ...(input.signal ? { signal: input.signal } : {}),
          status: (r) => r.status,
          retryAfter: (r) => {
            const value = r.headers["retry-after"];
            return Array.isArray(value) ? value[0] : value;
          },
          sent: (error) => classifyFailure(error).sent,
          unavailable: (sent, reason) => new UpstreamUnavailable(sent, reason),
        })
      : await send(method, path, headers, body, input.signal);
    return new ReadResponse(NO_BODY.has(reply.status) ? "" : reply.text, reply.status, reply.headers) as unknown as Response;
  }

  // PlainRequest carries only what poolFetch reads, so no WHATWG Request is built per call.
  const client = createApiClient({ baseUrl: opts.baseUrl, fetch: poolFetch, Request: PlainRequest as unknown as typeof Request });
  const operations = opts.table.operations;

  return {
    baseUrl: opts.baseUrl,
    async call(operationId, request, token) {
      const operation = operations[operationId];
      if (!operation) throw new Error(`unknown operation ${operationId}`);
      const climbing = climbingParam(request.params.path);
      if (climbing) return refusal(opts.table.api.errors, `${climbing} cannot be empty, "." or "..".`);
      const withAuth: UpstreamRequest = {
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      };
      try {
        return await operation.call(client, withAuth);
      } catch (error) {
        throw classifyFailure(error);
      }
    },
    async reachable() {
      try {
        const answer = await pool.request({ method: "GET", path: base.pathname || "/" });
        await answer.body.dump();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      clearInterval(prober);
      await pool.close();
    },
  };
}
