// Idempotency-Key: a repeated key returns the first answer; the same key for another request is refused.
import type { Caller } from "./caller.js";
import type { Db } from "../db/db.js";
import { ApiError, type ErrorCode } from "./errors.js";
import type { OperationResult } from "./operation.js";

const KEEP_MS = 24 * 3_600_000;

type Outcome = { result: OperationResult } | { error: ApiError };

/** Records that a write was applied (applied_writes), so tests can count what reached the database. */
function applied(db: Db, caller: Caller, key: string | undefined, fingerprint: string, status: number, now: number): void {
  db.prepare("INSERT INTO applied_writes (company_id, user_id, idempotency_key, fingerprint, status, at) VALUES (?, ?, ?, ?, ?, ?)").run(
    caller.company.id, caller.userId, key ?? null, fingerprint, status, now,
  );
}

/**
 * Runs `apply` once per (company, user, key): later calls with the same request get the stored
 * answer (refusals included), with a different request a 422. Without a key, `apply` simply runs.
 */
export function once(db: Db, caller: Caller, key: string | undefined, fingerprint: string, now: number, apply: () => OperationResult): OperationResult {
  if (key === undefined) {
    return db.transaction(() => {
      const result = apply();
      applied(db, caller, undefined, fingerprint, result.status, now);
      return result;
    })();
  }
  const outcome = db.transaction((): Outcome => {
    db.prepare("DELETE FROM idempotency_keys WHERE created_at < ?").run(now - KEEP_MS);
    const seen = db
      .prepare("SELECT fingerprint, status, body FROM idempotency_keys WHERE company_id = ? AND user_id = ? AND key = ?")
      .get(caller.company.id, caller.userId, key) as { fingerprint: string; status: number; body: string } | undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) return { error: new ApiError("UNPROCESSABLE", "This Idempotency-Key was used with a different request.") };
      const body = JSON.parse(seen.body) as { error?: { code: ErrorCode; message: string } };
      if (seen.status >= 400 && body.error) return { error: new ApiError(body.error.code, body.error.message, seen.status) };
      return { result: { status: seen.status, body } };
    }
    let outcome: Outcome;
    let stored: OperationResult;
    try {
      outcome = { result: apply() };
      stored = outcome.result;
      applied(db, caller, key, fingerprint, stored.status, now);
    } catch (err) {
      // Refusals (404, 409) are answers too: the same key gets the same refusal.
      if (!(err instanceof ApiError) || err.status >= 500) throw err;
      outcome = { error: err };
      stored = { status: err.status, body: { error: { code: err.code, message: err.message } } };
    }
    db.prepare("INSERT INTO idempotency_keys (company_id, user_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
      caller.company.id, caller.userId, key, fingerprint, stored.status, JSON.stringify(stored.body), now,
    );
    return outcome;
  })();
  if ("error" in outcome) throw outcome.error;
  return outcome.result;
}
