// Answers a client owes the gateway: a 2025 client answers a request the gateway sent it (an
// elicitation) on a POST of its own, which must reach the call waiting for it. In memory, one
// process; a shared implementation (Redis pub/sub) routes an answer to the replica that waits.
import { randomBytes } from "node:crypto";

export interface PendingAnswers {
  /** A fresh id no one can guess, for a request whose answer only `owner` may give. */
  open(owner: string): string;
  /** The answer, or undefined when none came within `timeoutMs` or `signal` aborted first. */
  wait(id: string, timeoutMs: number, signal?: AbortSignal): Promise<unknown>;
  /** Hands an answer to its waiting call: false when no call waits for `id` from this `owner`. */
  answer(id: string, owner: string, message: unknown): boolean;
  close(): void;
}

interface Waiting {
  owner: string;
  resolve?: (message: unknown) => void;
  /** An answer that came before anyone waited. */
  early?: { message: unknown };
}

export function memoryAnswers(): PendingAnswers {
  const waiting = new Map<string, Waiting>();
  return {
    open(owner) {
      const id = `ask_${randomBytes(18).toString("base64url")}`;
      waiting.set(id, { owner });
      return id;
    },
    wait(id, timeoutMs, signal) {
      const entry = waiting.get(id);
      if (!entry) return Promise.resolve(undefined);
      if (entry.early) {
        waiting.delete(id);
        return Promise.resolve(entry.early.message);
      }
      return new Promise((resolve) => {
        const done = (message: unknown) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", gone);
          waiting.delete(id);
          resolve(message);
        };
        const gone = () => done(undefined);
        const timer = setTimeout(gone, timeoutMs);
        timer.unref();
        signal?.addEventListener("abort", gone, { once: true });
        entry.resolve = done;
      });
    },
    answer(id, owner, message) {
      const entry = waiting.get(id);
      // Someone else's answer is as unknown as a made-up id.
      if (!entry || entry.owner !== owner || entry.early) return false;
      if (entry.resolve) entry.resolve(message);
      else entry.early = { message };
      return true;
    },
    close() {
      for (const entry of waiting.values()) entry.resolve?.(undefined);
      waiting.clear();
    },
  };
}
