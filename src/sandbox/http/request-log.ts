// Every request the sandbox received, as received, so tests can prove what reached the API.
// The Authorization header is never recorded.

export interface LoggedRequest {
  requestId: string;
  at: string;
  method: string;
  /** The request target exactly as received (path and query, still percent-encoded). */
  url: string;
  /** The path part of `url`, still percent-encoded. */
  path: string;
  /** Query parameters, decoded; repeated ones as arrays. */
  query: Record<string, string | string[]>;
  /** Request headers (lower-case names) except Authorization. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body text ("" when none). */
  body: string;
  /** The status answered (set once the response is ready). */
  status?: number;
}

export function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Headers without the credential. */
export function loggableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== "authorization") out[name] = value;
  return out;
}

/** Keeps the most recent `limit` entries, so a long-running sandbox does not grow without bound. */
export function record(log: LoggedRequest[], entry: LoggedRequest, limit: number): void {
  log.push(entry);
  if (log.length > limit + 1000) log.splice(0, log.length - limit);
}
