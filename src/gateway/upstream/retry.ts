// Upstream calls under a total time budget, retried with backoff and jitter only when sending the
// request again cannot apply a change twice: reads, and writes that carry an idempotency key.
import type { Breaker, BreakerOutcome } from "./breaker.js";

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First backoff step; each retry doubles it, up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An upstream asking (Retry-After) to wait longer than this gets its answer passed on instead. */
  maxRetryAfterMs: number;
  /** The whole call, every attempt and wait included. */
  totalTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 5_000,
  totalTimeoutMs: 15_000,
};

/** Answers worth another attempt: the upstream was busy or briefly broken. */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the request may be sent again: a read, or a write with an idempotency key. */
export function isRepeatable(method: string, idempotencyKey: string | undefined | null): boolean {
  return READS.has(method.toUpperCase()) || (typeof idempotencyKey === "string" && idempotencyKey.length > 0);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with equal jitter: half the step is fixed, half random, so waits still grow. */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + random() * (step / 2));
}

export interface RetryOptions<T> {
  policy: RetryPolicy;
  /** From isRepeatable(): whether sending the request again is safe. */
  repeatable: boolean;
  breaker?: Breaker;
  /** The caller's own signal: when it aborts, so does the call, with no retry. */
  signal?: AbortSignal;
  status(answer: T): number;
  retryAfter(answer: T): string | null | undefined;
  /** Whether a failed attempt may have reached the upstream (false: refused before sending). */
  sent(error: unknown): boolean;
  /** The error for "no answer": `sent` false promises the request never arrived, so nothing changed. */
  unavailable(sent: boolean, reason: string, cause?: unknown): Error;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Runs `attempt` until it gives an answer worth keeping, within policy.totalTimeoutMs. The answer of
 * the last attempt is returned even when it is an error status; a thrown error says whether the
 * request may have reached the upstream on any attempt (so a write is never reported as not applied
 * when an earlier attempt may have applied it).
 */
export async function retrying<T>(attempt: (signal: AbortSignal) => Promise<T>, options: RetryOptions<T>): Promise<T> {
  const { policy, breaker } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const random = options.random ?? Math.random;
  const deadline = now() + policy.totalTimeoutMs;
  const budget = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    budget.abort();
  }, policy.totalTimeoutMs);
  const callerAbort = () => budget.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", callerAbort, { once: true });
  if (options.signal?.aborted) budget.abort(options.signal.reason);

  let everSent = false;
  let last: { answer: T } | undefined;
  try {
    for (let retry = 0; ; retry++) {
      if (budget.signal.aborted) throw stopped(options, everSent, timedOut, policy);
      const pass = breaker?.allow();
      if (breaker && !pass) {
        // The circuit opened while retrying: the answer already in hand stands.
        if (last) return last.answer;
        throw options.unavailable(everSent, `circuit open; next try in ${breaker.retryInMs()} ms`);
      }
      let answer: T;
      try {
        answer = await attempt(budget.signal);
      } catch (error) {
        const gaveUp = budget.signal.aborted;
        if (pass) breaker?.record(pass, gaveUp && !timedOut ? "neutral" : "failure");
        everSent ||= gaveUp || options.sent(error);
        if (gaveUp) throw stopped(options, everSent, timedOut, policy, error);
        const wait = backoffMs(retry, policy, random);
        if (!options.repeatable || retry >= policy.retries || now() + wait >= deadline) {
          throw options.unavailable(everSent, describe(error), error);
        }
        await sleep(wait, budget.signal);
        continue;
      }
      const status = options.status(answer);
      everSent = true;
      last = { answer };
      if (pass) breaker?.record(pass, health(status));
      if (!options.repeatable || !TRANSIENT.has(status) || retry >= policy.retries) return answer;
      const asked = status === 429 || status === 503 ? retryAfterMs(options.retryAfter(answer), now()) : undefined;
      if (asked !== undefined && asked > policy.maxRetryAfterMs) return answer;
      const wait = asked ?? backoffMs(retry, policy, random);
      if (now() + wait >= deadline) return answer;
      await sleep(wait, budget.signal);
      if (budget.signal.aborted) return answer;
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", callerAbort);
  }
}

function health(status: number): BreakerOutcome {
  return status >= 500 ? "failure" : "success";
}

function stopped<T>(options: RetryOptions<T>, sent: boolean, timedOut: boolean, policy: RetryPolicy, cause?: unknown): Error {
  const reason = timedOut ? `no answer within ${policy.totalTimeoutMs} ms` : "the call was cancelled";
  return options.unavailable(sent, reason, cause);
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    // Codes only: an error's message may carry internal detail that must not travel on.
    const { code, reason, name } = error as { code?: unknown; reason?: unknown; name?: unknown };
    if (typeof reason === "string") return reason;
    if (typeof code === "string") return code;
    if (typeof name === "string") return name;
  }
  return "no answer";
}
