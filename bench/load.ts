// A closed-loop load driver: a fixed undici pool, N requests in flight, exact latencies (hrtime).
import { Pool } from "undici";

export interface LoadOptions {
  /** Full URL of the endpoint. */
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Requests in flight at once (one connection each). */
  connections: number;
  /** Stop after this long... */
  durationMs?: number;
  /** ...or after this many requests, whichever comes first. */
  requests?: number;
  /** A response that does not satisfy this counts as an error. */
  verify?: (status: number, body: string) => boolean;
  /**
   * Receive the body as bytes without decoding it, and count an answer of another length as an error:
   * for large answers, whose decoding is the client's cost, not the server's.
   */
  expectBytes?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** The first failing answer, to say what went wrong. */
  firstError?: string;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const target = new URL(opts.url);
  const path = target.pathname + target.search;
  const pool = new Pool(target.origin, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const limit = opts.requests ?? Number.POSITIVE_INFINITY;
  const deadline = opts.durationMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + opts.durationMs;
  let latencies = new Float64Array(1 << 16);
  let started = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;

  function record(ms: number): void {
    if (done === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[done++] = ms;
  }

  async function worker(): Promise<void> {
    while (started < limit && performance.now() < deadline) {
      started++;
      const begin = performance.now();
      try {
        const answer = await pool.request({ method: opts.method ?? "GET", path, headers: opts.headers, body: opts.body });
        if (opts.expectBytes !== undefined) {
          let bytes = 0;
          for await (const chunk of answer.body) bytes += (chunk as Buffer).length;
          record(performance.now() - begin);
          if (answer.statusCode >= 300 || bytes !== opts.expectBytes) {
            errors++;
            firstError ??= `HTTP ${answer.statusCode}: ${bytes} bytes instead of ${opts.expectBytes}`;
          }
          continue;
        }
        const body = await answer.body.text();
        record(performance.now() - begin);
        if (!(answer.statusCode < 300 && (opts.verify?.(answer.statusCode, body) ?? true))) {
          errors++;
          firstError ??= `HTTP ${answer.statusCode}: ${body.slice(0, 300)}`;
        }
      } catch (error) {
        record(performance.now() - begin);
        errors++;
        firstError ??= String(error);
      }
    }
  }

  const begin = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - begin) / 1000;
  await pool.close();
  const sorted = latencies.slice(0, done).sort();
  return {
    requests: done,
    errors,
    seconds,
    rps: done / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** Sequential requests (one at a time): the latency of one request with nothing else in flight. */
export async function runSequential(opts: Omit<LoadOptions, "connections">): Promise<LoadResult> {
  return runLoad({ ...opts, connections: 1 });
}
